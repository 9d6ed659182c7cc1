"""Benchmark and fuzz the weekly planner against the independent checker.

Run with `.venv/bin/python bench/plan.py`; record the figures in docs/benchmarks.md.
Part 1 times make_plan for each goal and 1, 2 and 4 weeks; part 2 solves 1,000 seeded random
requests, checks each plan and counts the plans the checker rejects although not relaxed.
"""

import os
import platform
import random
import statistics
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from restday.catalog import load_activities
from restday.domain import ActivityKind, Experience, Goal, Muscle, Profile, Region
from restday.engine.plancheck import check_plan
from restday.engine.planner import PlanHistory, PlanRequest, make_plan
from restday.rules import default_rulebook

TZ = "Europe/Amsterdam"
START = date(2026, 6, 1)  # a Monday
SPORTS = ("run", "bike", "swim", "row")
KEPT = "kept every rule"
RELAXED_BAD = "relaxed, checker lists violations"
RELAXED_OK = "relaxed but checker finds none"
FAILURE = "checker failure (not relaxed, violations)"
ERROR = "error (exception)"


def typical(goal: Goal, weeks: int) -> PlanRequest:
    """Mon..sat with 60 minutes, every region, run and bike for endurance and hybrid."""
    sports = ("run", "bike") if goal in (Goal.ENDURANCE, Goal.HYBRID) else ()
    available = {d: (60.0 if d < 6 else None) for d in range(7)}
    return PlanRequest(START, weeks, goal, available, tuple(Region), sports)


def random_case(rng: random.Random, classes: list[str], default_min: float) -> tuple:
    """A random (request, history, profile); a free day without minutes gets the CLI's default."""
    first = date(2026, 1, 5)  # a Monday; starts up to the end of 2027, half of them on a Monday
    start = first + timedelta(weeks=rng.randrange(103))
    if rng.random() < 0.5:
        start += timedelta(days=rng.randrange(1, 7))
    free = rng.sample(range(7), rng.randint(2, 7))
    available = {
        d: (float(rng.randint(20, 120)) if rng.random() < 0.7 else default_min)
        if d in free
        else None
        for d in range(7)
    }
    focus = tuple(rng.sample(list(Region), rng.randint(1, len(Region))))
    sports = tuple(rng.sample(SPORTS, rng.randint(0, len(SPORTS))))
    request = PlanRequest(
        start, rng.randint(1, 4), rng.choice(list(Goal)), available, focus, sports
    )
    midnight = datetime(start.year, start.month, start.day, tzinfo=ZoneInfo(TZ))
    ready_at = {
        m: midnight + timedelta(minutes=rng.randrange(3 * 24 * 60))
        for m in rng.sample(list(Muscle), rng.randint(0, 4))
    }
    history = PlanHistory(
        ready_at=ready_at,
        training_days_before=rng.randint(0, 6),
        classes_before=rng.randint(0, 4),
        last_class_kind=rng.choice(classes) if rng.random() < 0.3 else None,
        hard_endurance_yesterday=rng.random() < 0.3,
    )
    return request, history, Profile(experience=rng.choice(list(Experience)), timezone=TZ)


def main() -> None:
    rules = default_rulebook()
    activities = load_activities()
    classes = sorted(n for n, a in activities.items() if a.kind is ActivityKind.CLASS)
    profile = Profile(timezone=TZ)
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    print(f"machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}")
    make_plan(
        typical(Goal.MUSCLE, 1), PlanHistory(), profile, rules, activities
    )  # imports OR-Tools

    print(f"\ntypical requests (start {START}, mon..sat 60 min, every region), median of 5 runs")
    print(f"{'goal':<10} {'weeks':>5} {'median ms':>10} {'relaxed':>8} {'violations':>10}")
    for goal in Goal:
        for weeks in (1, 2, 4):
            request = typical(goal, weeks)
            times = []
            for _ in range(5):
                begin = time.perf_counter()
                plan = make_plan(request, PlanHistory(), profile, rules, activities)
                times.append((time.perf_counter() - begin) * 1000)
            relaxed = "relaxed" in plan["notes"]
            found = len(check_plan(plan, rules, activities))
            print(
                f"{goal.value:<10} {weeks:>5} {statistics.median(times):>10.1f} "
                f"{'yes' if relaxed else 'no':>8} {found:>10}"
            )

    rng = random.Random(2026)
    counts: Counter[str] = Counter()
    times = []
    slowest: list[tuple[float, int, str]] = []
    bad: list[tuple[int, str, PlanRequest, PlanHistory, Profile, list]] = []
    for index in range(1000):
        request, history, who = random_case(rng, classes, rules.plan_layout.minutes)
        begin = time.perf_counter()
        try:
            plan = make_plan(request, history, who, rules, activities)
            elapsed = (time.perf_counter() - begin) * 1000
            found = [v.to_dict() for v in check_plan(plan, rules, activities)]
        except Exception as error:  # a crash is a finding too
            counts[ERROR] += 1
            bad.append((index, ERROR, request, history, who, [repr(error)]))
            continue
        relaxed = "relaxed" in plan["notes"]
        kind = (RELAXED_BAD if found else RELAXED_OK) if relaxed else (FAILURE if found else KEPT)
        counts[kind] += 1
        times.append(elapsed)
        slowest.append((elapsed, index, kind))
        if kind == FAILURE:
            bad.append((index, kind, request, history, who, found))

    print("\n1,000 random plans (random.Random(2026))")
    for kind in (KEPT, RELAXED_BAD, RELAXED_OK, FAILURE, ERROR):
        print(f"  {kind:<42} {counts[kind]:>5}")
    p95 = statistics.quantiles(times, n=20)[18]
    print(
        f"  solve time: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
        f"max {max(times):.1f} ms"
    )
    print("  slowest: " + ", ".join(f"#{i} {t:.0f} ms ({k})" for t, i, k in sorted(slowest)[-5:]))
    for index, kind, request, history, who, found in bad[:5]:
        print(f"\n#{index} {kind}\n  {request}\n  {history}\n  {who.experience}")
        for violation in found:
            print(f"  - {violation}")


if __name__ == "__main__":
    main()

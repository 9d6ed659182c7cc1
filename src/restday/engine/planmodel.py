"""The CP-SAT model behind the planner: one boolean per day and option, constraints from the rulebook."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ortools.sat.python import cp_model

from restday.domain import Goal, Muscle
from restday.engine.planner import Option, PlanHistory, PlanRequest
from restday.rules import Rulebook

__all__ = ["Problem", "solve"]

MAX_REGIONS_A_DAY = 3
# Objective weights: a training day on a free day, a day kept from the previous plan, and each
# sport or class kind used in a week (the person's preferences, varied).
TRAIN_DAY = 10
KEEP_PREVIOUS = 5
VARIETY = 3
BROKEN_RULE_COST = 1000
TIME_LIMIT_S = 10.0
# Work units of the solver (not seconds): the same answer on every machine, about 0.3 s here.
DETERMINISTIC_LIMIT = 0.5


class _Model:
    """A CP-SAT model whose rule constraints can be made soft (each broken one costs a lot)."""

    def __init__(self, relaxed: bool) -> None:
        self.m = cp_model.CpModel()
        self.relaxed = relaxed
        self.broken: list[Any] = []

    def rule(self, constraint: Any) -> None:
        """Add a rule constraint: hard, or in relaxed mode enforced only if not marked broken."""
        if self.relaxed:
            ok = self.m.new_bool_var("ok")
            constraint.only_enforce_if(ok)
            self.broken.append(ok.Not())


def _week(days: Sequence[date], start: date) -> Callable[[int], int]:
    return lambda d: (days[d] - start).days // 7


@dataclass(frozen=True, slots=True)
class Problem:
    """What the model is built from: the request and history, and per day what it may hold."""

    request: PlanRequest
    history: PlanHistory
    rules: Rulebook
    options: Sequence[Option]
    days: Sequence[date]
    blocked: Sequence[set[Muscle]]
    clashes: set[tuple[int, int]]
    first_clash: set[int]


def solve(problem: Problem) -> tuple[list[list[int]], bool]:
    """Per day the chosen option indices; True when no plan keeps every rule and some are broken.

    A plan of several weeks is solved a week at a time, after the fixed weeks that a rule can reach
    back into; only when that breaks a rule is the whole plan solved at once.
    """
    if problem.request.weeks > 1:
        chosen = _week_by_week(problem)
        if chosen is not None:
            return chosen, False
    for relaxed in (False, True):
        chosen = _solve(problem, [], relaxed)
        if chosen is not None:
            return chosen, relaxed
    raise RuntimeError(
        "the relaxed plan model has no solution"
    )  # pragma: no cover - rest is always allowed


def _week_by_week(problem: Problem) -> list[list[int]] | None:
    """Each week solved after the weeks before it, fixed; None when some week cannot keep every rule."""
    request, rules = problem.request, problem.rules
    reach = max(
        [
            rules.endurance_week.max_days_in_row + 1,
            (request.max_classes_in_row or rules.class_streak.min_in_row) + 1,
            *(gap for o in problem.options for gap in o.gap_days.values()),
        ]
    )
    back = -(-reach // 7)  # whole weeks, so that every weekly rule sees a whole week
    chosen: list[list[int]] = []
    for w in range(request.weeks):
        lo, hi = max(0, 7 * (w - back)), 7 * (w + 1)
        window = replace(problem, days=problem.days[lo:hi], blocked=problem.blocked[lo:hi])
        if lo > 0:
            window = replace(window, history=PlanHistory(), first_clash=set())
        picked = _solve(window, chosen[lo:], relaxed=False)
        if picked is None:
            return None
        chosen += picked[len(chosen) - lo :]
    return chosen


def _solve(
    problem: Problem, fixed: Sequence[Sequence[int]], relaxed: bool
) -> list[list[int]] | None:
    """The best choice for `days`, the first of them fixed to `fixed`; None when none keeps the rules."""
    request, history, rules, options, days, blocked = (
        problem.request,
        problem.history,
        problem.rules,
        problem.options,
        problem.days,
        problem.blocked,
    )
    model = _Model(relaxed)
    m = model.m
    n = len(days)
    v = [[m.new_bool_var(f"d{d}o{i}") for i in range(len(options))] for d in range(n)]
    strength = [i for i, o in enumerate(options) if o.activity == "strength"]
    single = [i for i, o in enumerate(options) if o.activity != "strength"]
    is_strength = [m.new_bool_var(f"s{d}") for d in range(n)]
    for d, picked in enumerate(fixed):
        for i in range(len(options)):
            m.add(v[d][i] == (i in picked))
    train: list[Any] = []
    for d in range(n):
        m.add_exactly_one([v[d][i] for i in single] + [is_strength[d]])
        for i in strength:
            m.add_implication(v[d][i], is_strength[d])
        if strength:
            m.add(sum(v[d][i] for i in strength) >= is_strength[d])
            m.add(sum(v[d][i] for i in strength) <= MAX_REGIONS_A_DAY)
        else:
            m.add(is_strength[d] == 0)
        train.append(
            is_strength[d]
            + sum(v[d][i] for i, o in enumerate(options) if o.training and i in single)
        )
        if request.available.get(days[d].weekday()) is None:
            m.add(sum(v[d][i] for i, o in enumerate(options) if o.activity != "rest") == 0)
        for i, o in enumerate(options):
            if blocked[d] & set(o.gap_days):
                m.add(v[d][i] == 0)
    week = _week(days, request.start)
    weeks = sorted({week(d) for d in range(n)})

    # Per-muscle rest: a load that asks k whole days keeps the next k - 1 days free of that muscle.
    for muscle in Muscle:
        loading = [i for i, o in enumerate(options) if muscle in o.gap_days]
        if not loading:
            continue
        loads = [m.new_bool_var(f"l{d}{muscle.value}") for d in range(n)]
        for d in range(n):
            for i in loading:
                m.add_implication(v[d][i], loads[d])
        for d in range(n):
            for i in loading:
                for later in range(d + 1, min(n, d + options[i].gap_days[muscle])):
                    model.rule(m.add_bool_or([v[d][i].Not(), loads[later].Not()]))

    if request.goal in (Goal.MUSCLE, Goal.HYBRID):
        for w in weeks:
            for region in request.focus:
                picks = [
                    v[d][i]
                    for d in range(n)
                    if week(d) == w
                    for i in strength
                    if options[i].region is region
                ]
                model.rule(m.add(sum(picks) >= rules.frequency.times))

    limit = rules.endurance_week.max_days_in_row
    _runs(model, train, limit, history.training_days_before)
    classes = [
        sum(v[d][i] for i, o in enumerate(options) if o.activity == "class") for d in range(n)
    ]
    max_classes = request.max_classes_in_row or rules.class_streak.min_in_row
    _runs(model, classes, max_classes, history.classes_before)

    if request.goal in (Goal.ENDURANCE, Goal.HYBRID):
        hard = [sum(v[d][i] for i, o in enumerate(options) if o.activity == "endurance" and o.intensity == "hard")
                for d in range(n)]  # fmt: skip
        for d in range(n - 1):
            model.rule(m.add(hard[d] + hard[d + 1] <= 1))
        if history.hard_endurance_yesterday and n:
            model.rule(m.add(hard[0] == 0))
    if len(request.sports) > 1:
        for w in weeks:
            used = []
            for sport in request.sports:
                flag = m.new_bool_var(f"u{w}{sport}")
                picks = [
                    v[d][i]
                    for d in range(n)
                    if week(d) == w
                    for i, o in enumerate(options)
                    if o.sport == sport
                ]
                m.add(sum(picks) >= flag)
                used.append(flag)
            model.rule(m.add(sum(used) >= 2))

    for d in range(n - 1):
        for i, j in problem.clashes:
            model.rule(m.add_bool_or([v[d][i].Not(), v[d + 1][j].Not()]))
    for i in problem.first_clash:
        if n:
            model.rule(m.add(v[0][i] == 0))

    for w in weeks:
        off = [
            v[d][i]
            for d in range(n)
            if week(d) == w
            for i, o in enumerate(options)
            if not o.training
        ]
        model.rule(m.add(sum(off) >= 1))
        if request.sessions_per_week is not None:
            m.add(sum(train[d] for d in range(n) if week(d) == w) <= request.sessions_per_week)

    m.maximize(
        _objective(m, request, options, days, v, train, week, weeks)
        - BROKEN_RULE_COST * sum(model.broken)
    )
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = TIME_LIMIT_S
    solver.parameters.max_deterministic_time = DETERMINISTIC_LIMIT
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 7
    status = solver.solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    chosen = []
    for d in range(n):
        picked = [i for i in range(len(options)) if solver.value(v[d][i])]
        chosen.append(sorted(picked, key=lambda i: str(options[i].region or "")))
    return chosen


def _runs(model: _Model, flags: Sequence[Any], limit: int, before: int) -> None:
    """No run of more than `limit` flagged days, counting `before` flagged days just ahead of the plan."""
    m = model.m
    n = len(flags)
    for start in range(n - limit):
        model.rule(m.add(sum(flags[start : start + limit + 1]) <= limit))
    if before:
        first = max(0, limit - before)
        if first < n:
            model.rule(m.add(sum(flags[: first + 1]) <= first))


def _objective(
    m: cp_model.CpModel,
    request: PlanRequest,
    options: Sequence[Option],
    days: Sequence[date],
    v: Sequence[Sequence[Any]],
    train: Sequence[Any],
    week: Callable[[int], int],
    weeks: Sequence[int],
) -> Any:
    """Train on the free days, hard where the rules allow, varied, and close to the previous plan."""
    score: list[Any] = []
    kinds = {o.sport or o.class_kind for o in options if o.training} - {None}
    for w in weeks:
        for kind in sorted(kinds, key=str):
            used = m.new_bool_var(f"k{w}{kind}")
            m.add(
                sum(
                    v[d][i]
                    for d in range(len(days))
                    if week(d) == w
                    for i, o in enumerate(options)
                    if o.training and kind in (o.sport, o.class_kind)
                )
                >= used
            )
            score.append(VARIETY * used)
    weight = {"easy": 1, "moderate": 2, "hard": 3, "heavy": 3}
    for d, day in enumerate(days):
        score.append(TRAIN_DAY * train[d])
        previous = request.previous.get(day)
        for i, o in enumerate(options):
            if o.activity == "active_recovery":
                score.append(v[d][i])
            if o.training:
                score.append(weight.get(o.intensity or "", 0) * v[d][i])
            if previous and _same(previous, o):
                score.append(KEEP_PREVIOUS * v[d][i])
    return sum(score)


def _same(previous: Mapping[str, Any], option: Option) -> bool:
    """Whether an option repeats what the previous plan had on that day."""
    if (previous.get("activity"), previous.get("intensity")) != (option.activity, option.intensity):
        return False
    if option.region is not None:
        return option.region.value in previous.get("regions", [])
    return previous.get("sport") == option.sport and previous.get("class_kind") == option.class_kind

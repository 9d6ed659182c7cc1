"""Benchmarks: the engine and whole commands on a synthetic ten-year history.

Run with `make bench`; record the figures in docs/benchmarks.md.
Ten years, five sessions a week (~2,600 sessions, ~60,000 sets).
"""

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from restday import engine, service
from restday.domain import ExerciseEntry, Session, SessionKind, SetEntry
from restday.engine.load import LoadSample, load_report
from restday.rules import default_rulebook
from restday.service import LOCAL_USER
from restday.store.db import open_database

NOW = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
SPLIT = [
    ["Barbell Squat", "Romanian Deadlift", "Leg Press", "Standing Calf Raises"],
    [
        "Barbell Bench Press - Medium Grip",
        "Dumbbell Flyes",
        "Dips - Triceps Version",
        "Triceps Pushdown",
    ],
    ["Pullups", "Bent Over Barbell Row", "Barbell Curl", "Hammer Curls"],
    ["Standing Military Press", "Side Lateral Raise", "Plank", "Crunches"],
    ["Barbell Deadlift", "Front Squat (Clean Grip)", "Lying Leg Curls", "Hanging Leg Raise"],
]


def history(years: int = 10) -> list[Session]:
    """Five strength sessions a week for `years` years, about 23 sets each."""
    sessions = []
    day = NOW - timedelta(days=365 * years)
    index = 0
    while day < NOW:
        if day.weekday() < 5:
            names = SPLIT[index % len(SPLIT)]
            exercises = tuple(
                ExerciseEntry(
                    name,
                    tuple(
                        SetEntry(reps=8, weight_kg=60.0, rpe=8) for _ in range(6 if i < 3 else 5)
                    ),
                )
                for i, name in enumerate(names)
            )
            sessions.append(
                Session(SessionKind.STRENGTH, day.replace(hour=18), 60, 8, exercises=exercises)
            )
            index += 1
        day += timedelta(days=1)
    return sessions


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median and best time in ms of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def command(args: list[str], env: dict[str, str], repeat: int = 10) -> tuple[float, float]:
    restday = str(Path(sys.executable).with_name("restday"))
    return timed(
        lambda: subprocess.run([restday, *args], env=env, capture_output=True, check=True), repeat
    )


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'bench.db'}"
    db = open_database(url)
    sessions = history()
    start = time.perf_counter()
    with db.transaction() as tx:
        user = tx.ensure_user(service.LOCAL_USER)
        items = [
            (s, [service.with_muscles(e)[1] for e in s.exercises], "bench", None) for s in sessions
        ]
        tx.add_sessions(user, items)
    load_s = time.perf_counter() - start
    sets = sum(len(e.sets) for s in sessions for e in s.exercises)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"history: {len(sessions)} sessions, {sets} sets, stored in {load_s:.1f} s")

    rules = default_rulebook()
    with db.transaction() as tx:
        inputs = service.engine_inputs(tx, tx.ensure_user(service.LOCAL_USER), rules, NOW)
    print(f"engine status: median {timed(lambda: engine.muscle_status(inputs, NOW), 50)[0]:.2f} ms")
    print(f"engine today:  median {timed(lambda: engine.today(inputs, NOW), 50)[0]:.2f} ms")
    median = timed(lambda: service.today(db, rules, NOW, user=LOCAL_USER), 20)[0]
    print(f"service today (load + engine): median {median:.2f} ms")

    with db.transaction() as tx:
        user = tx.ensure_user(service.LOCAL_USER)
        samples = [LoadSample(*row) for row in tx.session_loads(user, None, NOW)]
        profile = tx.get_profile(user)
    median = timed(lambda: load_report(samples, profile, rules, NOW, 3650, UTC), 20)[0]
    print(f"engine load_report, 3650 days: median {median:.2f} ms")
    median = timed(lambda: service.load(db, rules, NOW, 3650, user=LOCAL_USER), 20)[0]
    print(f"service load, 3650 days (query + model): median {median:.2f} ms")

    env = {**os.environ, "RESTDAY_DATABASE_URL": url}
    at = NOW.isoformat()
    for name, args in (
        ("restday --help", ["--help"]),
        ("restday today", ["today", "--at", at]),
        ("restday status", ["status", "--at", at]),
        ("restday today --json", ["today", "--at", at, "--json"]),
        ("restday load --days 3650 --json", ["load", "--days", "3650", "--at", at, "--json"]),
    ):
        median, best = command(args, env)
        print(f"{name}: median {median:.0f} ms, best {best:.0f} ms")


if __name__ == "__main__":
    main()

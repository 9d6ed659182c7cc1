"""Benchmark: parse a 100,000-row Strong CSV export (time and peak memory).

Run with `.venv/bin/python bench/import_strong.py [ROWS]`; record the figures in docs/benchmarks.md.
The file is generated in a temporary folder: about five years of workouts, ~20 rows (sets) each,
in the common Strong format (comma, quoted names, "1h 5m" durations, RPE on some sets, notes).
"""

import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from restday.domain.validate import session_problems
from restday.io import strong

NOW = datetime(2026, 12, 1, tzinfo=UTC)

EXERCISES = [
    "Squat (Barbell)",
    "Bench Press (Barbell)",
    "Deadlift (Barbell)",
    "Overhead Press (Barbell)",
    "Bent Over Row (Barbell)",
    "Lat Pulldown (Cable)",
    "Pull Up",
    "Bicep Curl (Dumbbell)",
    "Triceps Pushdown (Cable - Straight Bar)",
    "Leg Press",
    "Lateral Raise (Dumbbell)",
    "Plank",
    "Incline Bench Press (Dumbbell)",
    "Romanian Deadlift (Barbell)",
    "Seated Cable Row - V Grip (Cable)",
    "Leg Extension (Machine)",
]
HEADER = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
]


def write_export(path: Path, rows: int, seed: int = 1) -> int:
    """Write a Strong export of about `rows` rows; returns the number of workouts."""
    rng = random.Random(seed)
    workouts = rows // 20
    start = datetime(2021, 11, 1, 7, 0)
    step = timedelta(days=5 * 365) / workouts
    written = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for w in range(workouts):
            at = start + step * w + timedelta(seconds=rng.randrange(3600))
            date = at.strftime("%Y-%m-%d %H:%M:%S")
            minutes = rng.randrange(35, 140)
            duration = f"{minutes // 60}h {minutes % 60}m" if minutes >= 60 else f"{minutes}m"
            name = rng.choice(["Push", "Pull", "Legs", "Upper", "Lower", "Full Body"])
            left = rows - written if w == workouts - 1 else 20
            while left > 0:
                exercise = rng.choice(EXERCISES)
                for order in range(1, min(left, rng.randrange(3, 6)) + 1):
                    timed = exercise == "Plank"
                    weight = 0 if timed else round(rng.uniform(10, 140) / 2.5) * 2.5
                    out.writerow(
                        [
                            date,
                            name,
                            duration,
                            exercise,
                            order,
                            f"{weight:.1f}",
                            0 if timed else rng.randrange(3, 15),
                            0,
                            rng.randrange(30, 90) if timed else 0,
                            "felt strong" if rng.random() < 0.01 else "",
                            "",
                            rng.choice(["", "", "", "8", "8.5", "9"]),
                        ]
                    )
                    written += 1
                    left -= 1
    return workouts


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "strong.csv"
        workouts = write_export(path, rows)
        size_mb = path.stat().st_size / 1e6
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            result = strong.parse(path)
            times.append(time.perf_counter() - t0)
        gate = []
        for _ in range(5):
            t0 = time.perf_counter()
            valid: set[int] = set()
            for item in result.sessions:
                session_problems(item.session, now=NOW, valid_sets=valid)
            gate.append(time.perf_counter() - t0)
        del result
        tracemalloc.start()
        result = strong.parse(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        whole = whole_import(path, Path(tmp))
    sets = sum(len(e.sets) for s in result.sessions for e in s.session.exercises)
    print(f"file: {rows:,} rows, {workouts:,} workouts, {size_mb:.1f} MB")
    print(f"parsed: {len(result.sessions):,} sessions, {sets:,} sets")
    print(
        f"parse time: median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms"
    )
    print(f"peak traced memory while parsing: {peak / 1e6:.1f} MB")
    ratio = statistics.median(gate) / statistics.median(times)
    print(
        f"validation gate over the parsed sessions: median {statistics.median(gate) * 1000:.0f} ms"
        f" ({ratio:.0%} of the parse)"
    )
    for label, seconds in whole:
        print(f"{label}: {seconds * 1000:.0f} ms")


def whole_import(path: Path, folder: Path) -> list[tuple[str, float]]:
    """The whole `restday import strong` command into a new SQLite file, then again (all duplicates)."""
    restday = str(Path(sys.executable).with_name("restday"))
    env = {**os.environ, "RESTDAY_DATABASE_URL": f"sqlite:///{folder / 'bench.db'}"}
    subprocess.run(
        [restday, "today"], env=env, capture_output=True, check=True
    )  # create the schema
    timings = []
    for label in ("whole command, new database", "whole command, re-import (all duplicates)"):
        t0 = time.perf_counter()
        subprocess.run(
            [restday, "import", "strong", str(path), "--json"],
            env=env,
            capture_output=True,
            check=True,
        )
        timings.append((label, time.perf_counter() - t0))
    return timings


if __name__ == "__main__":
    main()

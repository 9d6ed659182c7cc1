"""Benchmark: stream a synthetic Apple Health export of about 1 GB (time and peak memory).

Run with `.venv/bin/python bench/apple_health.py [--size-mb 1000] [--keep FOLDER] [--runs 2]`;
record the figures in docs/benchmarks.md. The export is written to a temporary folder (or FOLDER, kept):
ten years (at 1 GB; fewer days when smaller) of what an Apple Watch and an iPhone write, grouped
by type as the Health app writes them: heart rate every 6 minutes (every 10 s in workouts) with
its MetadataEntry, steps, active energy, a daily resting heart rate, HRV four times a day with its
beat-to-beat list, body mass weekly, sleep stages nightly from the Watch with an overlapping
iPhone InBed/Asleep, five workouts a week with WorkoutStatistics, and a daily ActivitySummary.

Then, each in a fresh subprocess: a bare `lxml.etree.iterparse` loop that only counts the Record
elements (clearing them) as the floor, and `apple_health.parse`. Prints both times, the ratio
(goal: at most 2x the floor) and each one's peak resident memory (goal: under 200 MB); with
--runs N each runs N times and the fastest run is shown.
"""

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Amsterdam")
FIRST_DAY = datetime(2016, 12, 1, tzinfo=UTC)
BYTES_PER_DAY = 278_000  # what one day of the recipe below writes, measured
WATCH = "Jane’s Apple Watch"
PHONE = "Jane’s iPhone"
WATCH_DEVICE = (
    'device="&lt;&lt;HKDevice: 0x283b6e120&gt;, name:Apple Watch, manufacturer:Apple Inc., '
    'model:Watch, hardware:Watch6,1, software:9.1&gt;"'
)
PHONE_DEVICE = (
    'device="&lt;&lt;HKDevice: 0x283b6e2b0&gt;, name:iPhone, manufacturer:Apple Inc., '
    'model:iPhone, hardware:iPhone14,2, software:16.1&gt;"'
)
WORKOUTS = [
    ("Running", "DistanceWalkingRunning", True),
    ("Cycling", "DistanceCycling", True),
    ("TraditionalStrengthTraining", None, False),
    ("HighIntensityIntervalTraining", None, False),
    ("Yoga", None, False),
    ("Swimming", "DistanceSwimming", False),
    ("Walking", "DistanceWalkingRunning", True),
]
SLEEP = "HKCategoryValueSleepAnalysis"
DTD = """<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|
  Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Me EMPTY>
<!ATTLIST Me
  HKCharacteristicTypeIdentifierDateOfBirth         CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBiologicalSex       CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBloodType           CDATA #REQUIRED
  HKCharacteristicTypeIdentifierFitzpatrickSkinType CDATA #REQUIRED
  HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT HeartRateVariabilityMetadataList (InstantaneousBeatsPerMinute*)>
<!ELEMENT InstantaneousBeatsPerMinute EMPTY>
<!ATTLIST InstantaneousBeatsPerMinute
  bpm  CDATA #REQUIRED
  time CDATA #REQUIRED
>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute|WorkoutStatistics)*)>
<!ATTLIST Workout
  workoutActivityType   CDATA #REQUIRED
  duration              CDATA #IMPLIED
  durationUnit          CDATA #IMPLIED
  sourceName            CDATA #REQUIRED
  sourceVersion         CDATA #IMPLIED
  device                CDATA #IMPLIED
  creationDate          CDATA #IMPLIED
  startDate             CDATA #REQUIRED
  endDate               CDATA #REQUIRED
>
<!ELEMENT WorkoutEvent (MetadataEntry?)>
<!ATTLIST WorkoutEvent
  type         CDATA #REQUIRED
  date         CDATA #REQUIRED
  duration     CDATA #IMPLIED
  durationUnit CDATA #IMPLIED
>
<!ELEMENT WorkoutStatistics EMPTY>
<!ATTLIST WorkoutStatistics
  type      CDATA #REQUIRED
  startDate CDATA #REQUIRED
  endDate   CDATA #REQUIRED
  average   CDATA #IMPLIED
  minimum   CDATA #IMPLIED
  maximum   CDATA #IMPLIED
  sum       CDATA #IMPLIED
  unit      CDATA #IMPLIED
>
<!ELEMENT WorkoutRoute ((MetadataEntry|FileReference)*)>
<!ATTLIST WorkoutRoute
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT FileReference EMPTY>
<!ATTLIST FileReference
  path CDATA #REQUIRED
>
<!ELEMENT ActivitySummary EMPTY>
<!ATTLIST ActivitySummary
  dateComponents           CDATA #IMPLIED
  activeEnergyBurned       CDATA #IMPLIED
  activeEnergyBurnedGoal   CDATA #IMPLIED
  activeEnergyBurnedUnit   CDATA #IMPLIED
  appleMoveTime            CDATA #IMPLIED
  appleMoveTimeGoal        CDATA #IMPLIED
  appleExerciseTime        CDATA #IMPLIED
  appleExerciseTimeGoal    CDATA #IMPLIED
  appleStandHours          CDATA #IMPLIED
  appleStandHoursGoal      CDATA #IMPLIED
>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry
  key   CDATA #REQUIRED
  value CDATA #REQUIRED
>
]>
"""


class Clock:
    """Apple's local time stamps ("2022-11-20 07:58:13 +0100") of UTC seconds in one zone."""

    def __init__(self) -> None:
        self.offsets: dict[int, tuple[int, str]] = {}

    def stamp(self, seconds: float) -> str:
        hour = int(seconds) // 3600
        if hour not in self.offsets:
            local = datetime.fromtimestamp(hour * 3600, ZONE).utcoffset() or timedelta()
            minutes = int(local.total_seconds()) // 60
            sign = "+" if minutes >= 0 else "-"
            self.offsets[hour] = (
                minutes * 60,
                f"{sign}{abs(minutes) // 60:02}{abs(minutes) % 60:02}",
            )
        shift, text = self.offsets[hour]
        t = time.gmtime(int(seconds) + shift)
        return (
            f"{t.tm_year}-{t.tm_mon:02}-{t.tm_mday:02} "
            f"{t.tm_hour:02}:{t.tm_min:02}:{t.tm_sec:02} {text}"
        )


def _midnights(days: int) -> Iterator[float]:
    """UTC seconds of each local midnight, one per day."""
    for day in range(days):
        yield (FIRST_DAY + timedelta(days=day)).astimezone(ZONE).replace(hour=0).timestamp()


def _record(
    out: TextIO,
    clock: Clock,
    kind: str,
    source: str,
    device: str,
    unit: str,
    start: float,
    end: float,
    value: str,
    children: str = "",
) -> None:
    unit_attr = f' unit="{unit}"' if unit else ""
    head = (
        f' <Record type="{kind}" sourceName="{source}" sourceVersion="9.1" {device}{unit_attr} '
        f'creationDate="{clock.stamp(end + 7)}" startDate="{clock.stamp(start)}" '
        f'endDate="{clock.stamp(end)}" value="{value}"'
    )
    out.write(f"{head}>\n{children} </Record>\n" if children else f"{head}/>\n")


def _workout_times(days: int, rng: random.Random) -> list[tuple[float, float, int]]:
    """(start, end, index into WORKOUTS) of five workouts a week."""
    found = []
    for day, midnight in enumerate(_midnights(days)):
        if day % 7 in (2, 5):
            continue
        start = midnight + rng.choice((7, 12, 18)) * 3600 + rng.randrange(1800)
        found.append((start, start + rng.randrange(30, 75) * 60, day % len(WORKOUTS)))
    return found


def _heart_rates(out: TextIO, clock: Clock, days: int, workouts: list, rng: random.Random) -> None:
    meta = '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="{}"/>\n'
    spans = iter(workouts)
    span = next(spans, None)
    for midnight in _midnights(days):
        moment, day_end = midnight + rng.randrange(360), midnight + 86400
        while moment < day_end:
            if span and moment >= span[0]:
                while moment < span[1]:
                    bpm = 120 + rng.randrange(50)
                    _record(
                        out, clock, "HKQuantityTypeIdentifierHeartRate", WATCH, WATCH_DEVICE,
                        "count/min", moment, moment, str(bpm), meta.format(2),
                    )  # fmt: skip
                    moment += 10
                span = next(spans, None)
                continue
            _record(
                out, clock, "HKQuantityTypeIdentifierHeartRate", WATCH, WATCH_DEVICE,
                "count/min", moment, moment, str(55 + rng.randrange(35)), meta.format(rng.choice((0, 1))),
            )  # fmt: skip
            moment += 360


def _daily(out: TextIO, clock: Clock, days: int, rng: random.Random) -> None:
    """Steps, active energy, resting heart rate, HRV and body mass, each type in turn."""
    for midnight in _midnights(days):
        for i in range(40):
            start = midnight + 8 * 3600 + i * 1260 + rng.randrange(600)
            _record(
                out, clock, "HKQuantityTypeIdentifierStepCount", PHONE, PHONE_DEVICE, "count",
                start, start + 300, str(rng.randrange(20, 900)),
            )  # fmt: skip
    for midnight in _midnights(days):
        for i in range(96):
            start = midnight + i * 900
            _record(
                out, clock, "HKQuantityTypeIdentifierActiveEnergyBurned", WATCH, WATCH_DEVICE,
                "kcal", start, start + 840, f"{rng.uniform(0.1, 40):.3f}",
            )  # fmt: skip
    for midnight in _midnights(days):
        _record(
            out, clock, "HKQuantityTypeIdentifierRestingHeartRate", WATCH, WATCH_DEVICE,
            "count/min", midnight + 60, midnight + 86000, str(48 + rng.randrange(12)),
        )  # fmt: skip
    for midnight in _midnights(days):
        for i in range(4):
            start = midnight + 3 * 3600 + i * 5 * 3600 + rng.randrange(3600)
            beats = "".join(
                f'    <InstantaneousBeatsPerMinute bpm="{60 + rng.randrange(20)}" '
                f'time="{3 + i * 5}:{b // 60:02}:{b % 60:02}.{rng.randrange(100):02} AM"/>\n'
                for b in range(0, 60, 2)
            )
            _record(
                out, clock, "HKQuantityTypeIdentifierHeartRateVariabilitySDNN", WATCH,
                WATCH_DEVICE, "ms", start, start + 60, f"{rng.uniform(20, 90):.4f}",
                f"  <HeartRateVariabilityMetadataList>\n{beats}  </HeartRateVariabilityMetadataList>\n",
            )  # fmt: skip
    for day, midnight in enumerate(_midnights(days)):
        if day % 7 == 0:
            _record(
                out, clock, "HKQuantityTypeIdentifierBodyMass", "Health Mate", "", "kg",
                midnight + 7 * 3600, midnight + 7 * 3600, f"{rng.uniform(70, 74):.2f}",
            )  # fmt: skip


def _sleep(out: TextIO, clock: Clock, days: int, rng: random.Random) -> None:
    """Each night: the iPhone's InBed and Asleep, the Watch's stages (overlapping them)."""
    meta = '  <MetadataEntry key="HKTimeZone" value="Europe/Amsterdam"/>\n'
    kind = "HKCategoryTypeIdentifierSleepAnalysis"
    for midnight in _midnights(days):
        bed = midnight - 75 * 60 + rng.randrange(1800)
        wake = bed + 8 * 3600 + rng.randrange(3600)
        for value, start, end in (
            ("InBed", bed, wake),
            ("AsleepUnspecified", bed + 900, wake - 600),
        ):
            _record(out, clock, kind, PHONE, PHONE_DEVICE, "", start, end, SLEEP + value, meta)
        moment = bed + 600
        while moment < wake - 1200:
            stage = rng.choice(("AsleepCore", "AsleepCore", "AsleepDeep", "AsleepREM", "Awake"))
            end = min(moment + rng.randrange(600, 2400), wake)
            _record(out, clock, kind, WATCH, WATCH_DEVICE, "", moment, end, SLEEP + stage, meta)
            moment = end


def _workouts(out: TextIO, clock: Clock, workouts: list, rng: random.Random) -> None:
    for start, end, index in workouts:
        name, distance, outdoor = WORKOUTS[index]
        span = f'startDate="{clock.stamp(start)}" endDate="{clock.stamp(end)}"'
        stats = [
            f'  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" {span} '
            f'sum="{rng.uniform(150, 700):.3f}" unit="kcal"/>\n',
            f'  <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" {span} '
            f'average="{rng.uniform(120, 160):.4f}" minimum="95" maximum="{170 + rng.randrange(15)}" '
            'unit="count/min"/>\n',
        ]
        if distance:
            stats.append(
                f'  <WorkoutStatistics type="HKQuantityTypeIdentifier{distance}" {span} '
                f'sum="{(end - start) / 3600 * rng.uniform(5, 25):.4f}" unit="km"/>\n'
            )
        route = ""
        if outdoor:
            day = clock.stamp(start)[:10]
            route = (
                f'  <WorkoutRoute sourceName="{WATCH}" sourceVersion="9.1" {WATCH_DEVICE} '
                f'creationDate="{clock.stamp(end + 30)}" {span}>\n'
                '   <MetadataEntry key="HKMetadataKeySyncVersion" value="2"/>\n'
                f'   <FileReference path="/workout-routes/route_{day}_{index}.gpx"/>\n'
                "  </WorkoutRoute>\n"
            )
        out.write(
            f' <Workout workoutActivityType="HKWorkoutActivityType{name}" '
            f'duration="{(end - start) / 60:.13f}" durationUnit="min" sourceName="{WATCH}" '
            f'sourceVersion="9.1" {WATCH_DEVICE} creationDate="{clock.stamp(end + 20)}" {span}>\n'
            f'  <MetadataEntry key="HKIndoorWorkout" value="{0 if outdoor else 1}"/>\n'
            '  <MetadataEntry key="HKTimeZone" value="Europe/Amsterdam"/>\n'
            f'  <WorkoutEvent type="HKWorkoutEventTypeSegment" date="{clock.stamp(start)}" '
            f'duration="{(end - start) / 120:.6f}" durationUnit="min"/>\n'
            f"{''.join(stats)}{route} </Workout>\n"
        )


def write_export(path: Path, size_mb: float, seed: int = 1) -> dict[str, int]:
    """Write an export.xml of about `size_mb` MB; returns what it holds (days, workouts)."""
    rng = random.Random(seed)
    days = max(1, round(size_mb * 1e6 / BYTES_PER_DAY))
    workouts = _workout_times(days, rng)
    clock = Clock()
    with path.open("w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n{DTD}<HealthData locale="en_NL">\n')
        out.write(f' <ExportDate value="{clock.stamp(FIRST_DAY.timestamp() + days * 86400)}"/>\n')
        out.write(
            ' <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-05-20" '
            'HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" '
            'HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" '
            'HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet" '
            'HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse="None"/>\n'
        )
        _heart_rates(out, clock, days, workouts, rng)
        _daily(out, clock, days, rng)
        _sleep(out, clock, days, rng)
        _workouts(out, clock, workouts, rng)
        for midnight in _midnights(days):
            out.write(
                f' <ActivitySummary dateComponents="{clock.stamp(midnight + 43200)[:10]}" '
                f'activeEnergyBurned="{rng.uniform(200, 900):.3f}" activeEnergyBurnedGoal="600" '
                'activeEnergyBurnedUnit="kcal" appleMoveTime="0" appleMoveTimeGoal="0" '
                f'appleExerciseTime="{rng.randrange(90)}" appleExerciseTimeGoal="30" '
                f'appleStandHours="{rng.randrange(6, 16)}" appleStandHoursGoal="12"/>\n'
            )
        out.write("</HealthData>\n")
    return {"days": days, "workouts": len(workouts)}


def floor(path: Path) -> dict[str, object]:
    """The floor: lxml's iterparse over the file, counting the Record elements and clearing them."""
    from lxml import etree

    records = 0
    with path.open("rb") as file:
        for _, element in etree.iterparse(
            file, events=("end",), tag="Record", resolve_entities=False, no_network=True
        ):
            records += 1
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]
    return {"records": records}


def parse(path: Path) -> dict[str, object]:
    """The importer, and what it read."""
    from restday.io import apple_health

    result = apple_health.parse(path)
    return {
        "sessions": len(result.sessions),
        "readings": len(result.readings),
        "skipped": len(result.skipped),
        "warnings": result.warnings,
    }


def imported(path: Path, db: Any) -> dict[str, object]:
    """The whole import as `restday import apple-health` runs it: parse, validate and store in
    one transaction."""
    from restday.service import importing

    report = importing.import_files(db, "apple-health", [path], now=datetime.now(UTC), user="me")
    return {
        "sessions": report.sessions_added,
        "readings": report.nights_added + report.readings_added,
        "warnings": report.warnings,
    }


def child(mode: str, path: Path) -> None:
    """Run one measurement in this process and print it as JSON: seconds, peak RSS, what it read.
    Imports, and for `import` a new migrated SQLite file, are made before the clock starts."""
    import lxml.etree  # noqa: F401

    import restday.io.apple_health  # noqa: F401
    from restday.store.db import open_database

    target = path.with_name("restday-bench.db")
    target.unlink(missing_ok=True)
    with open_database(f"sqlite:///{target}") as db:
        measure = {"floor": floor, "parse": parse, "import": lambda p: imported(p, db)}[mode]
        begin = time.perf_counter()
        found = measure(path)
        seconds = time.perf_counter() - begin
    target.unlink()
    print(json.dumps({"seconds": seconds, "peak_mb": _peak_mb(), **found}))


def _peak_mb() -> float:
    """This process's peak resident memory: Linux's VmHWM (ru_maxrss also counts what the
    parent held when it forked this process), else ru_maxrss."""
    status = Path("/proc/self/status")
    if status.is_file():
        found = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
        if found:
            return int(found.group(1)) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measured(mode: str, path: Path) -> dict:
    """One measurement in a fresh subprocess."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def _seconds(measurement: dict) -> float:
    return measurement["seconds"]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--size-mb", type=float, default=1000.0, help="size of the export")
    options.add_argument("--keep", type=Path, help="write the export here and keep it")
    options.add_argument("--runs", type=int, default=1, help="runs of each, the best kept")
    options.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "export.xml"
        begin = time.perf_counter()
        held = write_export(path, args.size_mb)
        written = time.perf_counter() - begin
        size = path.stat().st_size / 1e6
        print(
            f"export.xml: {size:,.0f} MB, {held['days']:,} days, {held['workouts']:,} workouts "
            f"(written in {written:.0f} s)"
        )
        bare = min((measured("floor", path) for _ in range(args.runs)), key=_seconds)
        ours = min((measured("parse", path) for _ in range(args.runs)), key=_seconds)
        whole = min((measured("import", path) for _ in range(args.runs)), key=_seconds)
    print(
        f"  floor (iterparse, count Records): {bare['seconds']:6.1f} s  peak {bare['peak_mb']:5.0f} MB"
        f"  {bare['records']:,} records"
    )
    print(
        f"  apple_health.parse:               {ours['seconds']:6.1f} s  peak {ours['peak_mb']:5.0f} MB"
        f"  {ours['sessions']:,} sessions, {ours['readings']:,} readings"
    )
    print(
        f"  restday import (parse+store):     {whole['seconds']:6.1f} s  peak {whole['peak_mb']:5.0f} MB"
        f"  {whole['sessions']:,} sessions, {whole['readings']:,} readings stored"
    )
    print(
        f"  ratio parse / floor: {ours['seconds'] / bare['seconds']:.2f}x, "
        f"import / floor: {whole['seconds'] / bare['seconds']:.2f}x (goal <= 2x); "
        f"{size / whole['seconds']:.0f} MB/s"
    )
    for warning in ours["warnings"]:
        print(f"  warning: {warning}")


if __name__ == "__main__":
    main()

"""Benchmark: parse a 1-hour 1 Hz track (3,600 points with heart rate) as GPX, TCX and FIT.

Run with `.venv/bin/python bench/import_tracks.py`; record the figures in docs/benchmarks.md.
The GPX and TCX files are written as text here, the FIT file with the Garmin SDK's Encoder
(records with the fields a running watch writes). Prints the best and median of several runs,
the SDK's decode alone on the same FIT file and the ratio (goal: import within 1.3x of it), and
the peak memory of each parse (tracemalloc).
"""

import math
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from garmin_fit_sdk import Decoder, Encoder, Profile, Stream

from restday.io import fit, gpx, tcx

START = datetime(2026, 5, 1, 6, 30, tzinfo=UTC)
POINTS = 3600
RUNS = 15
SHARED_FIT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "fit"
    / "fitdecode__activity-large-fenxi2-multisport.fit"
)


def _sample(i: int) -> tuple[float, float, float, int, float]:
    """(lat, lon, elevation m, heart rate bpm, distance m) of second i of a 10 km/h loop."""
    angle = 2 * math.pi * i / POINTS
    lat = 52.0 + 0.03 * math.sin(angle)
    lon = 4.0 + 0.05 * math.cos(angle)
    return lat, lon, 5.0 + 3 * math.sin(angle * 7), 140 + int(15 * math.sin(i / 300)), i * 2.78


def _stamp(i: int) -> str:
    return (START + timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_gpx(path: Path) -> None:
    """A Garmin Connect style GPX 1.1 track with TrackPointExtension heart rate."""
    points = []
    for i in range(POINTS):
        lat, lon, ele, hr, _ = _sample(i)
        points.append(
            f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{ele:.1f}</ele>'
            f"<time>{_stamp(i)}</time><extensions><gpxtpx:TrackPointExtension>"
            f"<gpxtpx:hr>{hr}</gpxtpx:hr><gpxtpx:cad>85</gpxtpx:cad>"
            "</gpxtpx:TrackPointExtension></extensions></trkpt>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="bench" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        "<trk><name>Morning Run</name><type>running</type><trkseg>\n"
        + "\n".join(points)
        + "\n</trkseg></trk></gpx>\n",
        encoding="utf-8",
    )


def write_tcx(path: Path) -> None:
    """A Garmin style TCX activity with one lap and 3,600 track points."""
    points = []
    for i in range(POINTS):
        lat, lon, ele, hr, dist = _sample(i)
        points.append(
            f"<Trackpoint><Time>{_stamp(i)}</Time><Position>"
            f"<LatitudeDegrees>{lat:.7f}</LatitudeDegrees>"
            f"<LongitudeDegrees>{lon:.7f}</LongitudeDegrees></Position>"
            f"<AltitudeMeters>{ele:.1f}</AltitudeMeters><DistanceMeters>{dist:.1f}</DistanceMeters>"
            f"<HeartRateBpm><Value>{hr}</Value></HeartRateBpm></Trackpoint>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
        f'<Activity Sport="Running"><Id>{_stamp(0)}</Id><Lap StartTime="{_stamp(0)}">'
        f"<TotalTimeSeconds>{POINTS}</TotalTimeSeconds><DistanceMeters>{POINTS * 2.78:.1f}"
        "</DistanceMeters><AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>"
        "<MaximumHeartRateBpm><Value>155</Value></MaximumHeartRateBpm><Track>\n"
        + "\n".join(points)
        + "\n</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n",
        encoding="utf-8",
    )


def write_fit(path: Path) -> None:
    """A FIT activity as a running watch writes it: 3,600 records, a lap, a session."""
    num = Profile["mesg_num"]
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": num["FILE_ID"],
            "type": "activity",
            "manufacturer": "development",
            "product": 1,
            "serial_number": 1,
            "time_created": START,
        }
    )
    encoder.write_mesg(
        {"mesg_num": num["EVENT"], "timestamp": START, "event": "timer", "event_type": "start"}
    )
    rates = []
    for i in range(POINTS):
        lat, lon, ele, hr, dist = _sample(i)
        rates.append(hr)
        encoder.write_mesg(
            {
                "mesg_num": num["RECORD"],
                "timestamp": START + timedelta(seconds=i),
                "position_lat": round(lat / 180 * 2**31),
                "position_long": round(lon / 180 * 2**31),
                "distance": dist,
                "enhanced_altitude": ele,
                "enhanced_speed": 2.78,
                "heart_rate": hr,
                "cadence": 85,
                "temperature": 18,
                "vertical_oscillation": 90.0,
                "stance_time": 250.0,
            }
        )
    end = START + timedelta(seconds=POINTS)
    summary = {
        "timestamp": end,
        "start_time": START,
        "total_elapsed_time": float(POINTS),
        "total_timer_time": float(POINTS),
        "total_distance": POINTS * 2.78,
        "avg_heart_rate": round(sum(rates) / len(rates)),
        "max_heart_rate": max(rates),
        "sport": "running",
        "sub_sport": "generic",
    }
    encoder.write_mesg({"mesg_num": num["LAP"], "event": "lap", "event_type": "stop", **summary})
    encoder.write_mesg(
        {
            "mesg_num": num["SESSION"],
            "event": "session",
            "event_type": "stop",
            "first_lap_index": 0,
            "num_laps": 1,
            **summary,
        }
    )
    encoder.write_mesg(
        {
            "mesg_num": num["ACTIVITY"],
            "timestamp": end,
            "num_sessions": 1,
            "type": "manual",
            "event": "activity",
            "event_type": "stop",
        }
    )
    path.write_bytes(encoder.close())


def timed(action: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Best and median seconds of `runs` calls."""
    action()  # warm up: imports, caches
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        action()
        times.append(time.perf_counter() - begin)
    return min(times), statistics.median(times)


def peak_kib(action: Callable[[], object]) -> float:
    """Peak traced memory of one call, KiB."""
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def sdk_decode(path: Path, **options: bool) -> None:
    """The SDK's decode alone, as its documentation shows it."""
    _, errors = Decoder(Stream.from_file(str(path))).read(**options)
    assert not errors, errors


def _row(label: str, best: float, median: float, extra: str = "") -> None:
    print(f"  {label:<44} best {best * 1000:7.1f} ms   median {median * 1000:7.1f} ms {extra}")


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}, {RUNS} runs each")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {"gpx": folder / "hour.gpx", "tcx": folder / "hour.tcx", "fit": folder / "hour.fit"}
        write_gpx(files["gpx"])
        write_tcx(files["tcx"])
        write_fit(files["fit"])
        print(f"1-hour 1 Hz track, {POINTS:,} points with heart rate:")
        for fmt, module in (("gpx", gpx), ("tcx", tcx), ("fit", fit)):
            path = files[fmt]
            result = module.parse(path)
            assert len(result.sessions) == 1, result
            best, median = timed(lambda m=module, p=path: m.parse(p))
            kib = peak_kib(lambda m=module, p=path: m.parse(p))
            size = path.stat().st_size / 1024
            _row(f"{fmt.upper()} import ({size:,.0f} KiB)", best, median, f"  peak {kib:,.0f} KiB")
        path = files["fit"]
        fit_best, fit_median = timed(lambda: fit.parse(path))
        sdk_best, sdk_median = timed(lambda: sdk_decode(path))
        fast_best, fast_median = timed(
            lambda: sdk_decode(path, expand_components=False, merge_heart_rates=False)
        )
        sdk_kib = peak_kib(lambda: sdk_decode(path))
        _row(
            "FIT: SDK decode alone (default options)",
            sdk_best,
            sdk_median,
            f"  peak {sdk_kib:,.0f} KiB",
        )
        _row("FIT: SDK decode with the import's options", fast_best, fast_median)
        print(
            f"  ratio import / SDK decode alone: best {fit_best / sdk_best:.2f}x, "
            f"median {fit_median / sdk_median:.2f}x (goal <= 1.3x)"
        )
        if SHARED_FIT.is_file():
            records = 24_239
            best, median = timed(lambda: fit.parse(SHARED_FIT), runs=3)
            sdk_best, _ = timed(lambda: sdk_decode(SHARED_FIT), runs=3)
            kib = peak_kib(lambda: fit.parse(SHARED_FIT))
            print(f"Largest real FIT file ({SHARED_FIT.name}, 1.0 MB, {records:,} records):")
            _row("FIT import", best, median, f"  peak {kib:,.0f} KiB")
            print(
                f"  {best / records * 1e6:.1f} us per record; SDK decode alone "
                f"{sdk_best * 1000:.1f} ms, ratio {best / sdk_best:.2f}x"
            )


if __name__ == "__main__":
    sys.exit(main())

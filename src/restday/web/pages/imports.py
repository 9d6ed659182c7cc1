"""/import: upload exports (Strong, Hevy, FIT, GPX, TCX, Apple Health, Strava) or a restday
backup, see the report, and map exercise names the catalogue does not know to catalogue exercises."""

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from restday import present
from restday.errors import InvalidInput, RestdayError
from restday.web.deps import Db, Form, Page, PageContext, User, form_text
from restday.web.pages.log import exercise_names
from restday.web.uploads import form_files, relabel, save_uploads, shown_name

__all__ = ["detect_format", "router"]

router = APIRouter()

FORMATS = ("strong", "hevy", "fit", "gpx", "tcx", "apple-health", "strava", "json")
AUTO = "auto"
_BY_ENDING = {".fit": "fit", ".gpx": "gpx", ".tcx": "tcx", ".json": "json"}


def detect_format(path: Path) -> str | None:
    """The format of a file by its ending; a CSV by its header (Strong, Hevy or Strava), an XML
    file by its root (Apple Health, GPX, TCX), a zip by what it holds (Apple Health or Strava)."""
    ending = path.suffix.lower()
    if ending in _BY_ENDING:
        return _BY_ENDING[ending]
    if ending == ".zip":
        return _zip_format(path)
    if ending == ".xml":
        from restday.io import apple_health

        return "apple-health" if apple_health.is_export(path) else None
    if ending != ".csv":
        return None
    with path.open("rb") as fp:
        raw = fp.read(4096)
    wide = raw.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16, as Excel saves "Unicode text"
    head = raw.decode("utf-16" if wide else "utf-8", errors="replace").lstrip("\ufeff")
    header = head.partition("\n")[0]
    if "exercise_title" in header:
        return "hevy"
    if "Exercise Name" in header:
        return "strong"
    return "strava" if _strava_header(header) else None


def _strava_header(header: str) -> bool:
    """Whether a CSV header starts as a Strava activities.csv of one of its layouts (the
    account's language, or the oldest) does: its activity id, then its date."""
    import csv

    from restday.io.strava_names import LAYOUTS

    first = next(csv.reader([header]), [])[:2]
    return len(first) == 2 and any(
        first[0] in layout.names["id"] and first[1] in layout.names["date"] for layout in LAYOUTS
    )


def _zip_format(path: Path) -> str | None:
    """Apple Health or Strava, by the names in the zip (its directory only is read)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = {n.rsplit("/", 1)[-1] for n in archive.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "export.xml" in names:
        return "apple-health"
    return "strava" if "activities.csv" in names else None


def _page(
    page: PageContext,
    db: Db,
    user: str,
    *,
    status: int = 200,
    error: str | None = None,
    values: Mapping[str, Any] | None = None,
    **extra: Any,
) -> HTMLResponse:
    from restday.service import importing

    names = present.unmatched_data(importing.unmatched(db, user=user))["unmatched_exercises"]
    report = extra.get("report")
    if report:  # a dry run's names are not stored yet: mapping them now serves the real import
        stored = {u["name"] for u in names}
        names += [u for u in report["unmatched_exercises"] if u["name"] not in stored]
    context: dict[str, Any] = {
        "formats": [(f, page.t.ui(f"ui.web.import.format_{f}")) for f in (AUTO, *FORMATS)],
        "values": values or {"format": AUTO, "dry_run": False, "skip_invalid": False},
        "error": error,
        "restored": None,
        "unmatched": names,
        "map_errors": {},
        "exercise_names": exercise_names() if names else (),
        **extra,
    }
    context.setdefault("report", None)
    return page.render("imports.html", status_code=status, **context)


@router.get("/import", response_class=HTMLResponse)
def import_page(page: Page, db: Db, user: User) -> HTMLResponse:
    """The upload form, and the exercise names still to map."""
    return _page(page, db, user)


def _format(chosen: str, paths: Sequence[Path], page: PageContext) -> str:
    """The format chosen, or the one every file shows (auto-detect)."""
    if chosen in FORMATS:
        return chosen
    if chosen != AUTO:
        raise InvalidInput.of("format", f"must be one of {', '.join(FORMATS)}", chosen)
    found = {p.name: detect_format(p) for p in paths}
    unknown = [name for name, fmt in found.items() if fmt is None]
    if unknown:
        raise InvalidInput(
            page.t.text("ui.web.import.unknown_format", {"files": ", ".join(unknown)})
        )
    formats = set(found.values())
    if len(formats) > 1:
        raise InvalidInput(page.t.ui("ui.web.import.mixed_formats"))
    return str(formats.pop())


@router.post("/import", response_class=HTMLResponse)
def upload(page: Page, db: Db, user: User, form: Form) -> HTMLResponse:
    """Import the uploaded files (or restore a backup) and show the report; a file that cannot be
    imported is named on the page (422) and nothing is written."""
    chosen = form_text(form, "format") or AUTO
    dry_run, skip_invalid = bool(form_text(form, "dry_run")), bool(form_text(form, "skip_invalid"))
    values = {"format": chosen, "dry_run": dry_run, "skip_invalid": skip_invalid}
    files = form_files(form, "files")
    if not files:
        error = page.t.ui("ui.web.import.no_files")
        return _page(page, db, user, status=422, error=error, values=values)
    with tempfile.TemporaryDirectory() as folder:
        paths = save_uploads(files, Path(folder))
        try:
            result = _import(page, db, user, _format(chosen, paths, page), paths, values)
        except RestdayError as failure:
            message = shown_name(str(failure), folder)
            return _page(page, db, user, status=failure.http_status, error=message, values=values)
        return _page(page, db, user, values=values, **relabel(result, folder))


def _import(
    page: PageContext, db: Db, user: str, fmt: str, paths: list[Path], values: Mapping[str, Any]
) -> dict[str, Any]:
    """The report of importing `paths` (or of restoring the backup), as the page shows it."""
    from restday.service import backup, importing

    if fmt == "json":
        restored = backup.restore(db, paths, now=page.now, user=user, dry_run=values["dry_run"])
        return {"restored": present.restored_data(restored)}
    report = importing.import_files(
        db,
        fmt,
        paths,
        now=page.now,
        user=user,
        dry_run=bool(values["dry_run"]),
        skip_invalid=bool(values["skip_invalid"]),
    )
    return {"report": present.import_report_data(report)}


@router.post("/import/map", response_model=None)
def map_name(page: Page, db: Db, user: User, form: Form) -> Response:
    """Map one exercise name to a catalogue exercise: its logged exercises count from now on."""
    from restday.service import importing

    name, target = form_text(form, "name"), form_text(form, "exercise")
    try:
        exercise, changed = importing.map_exercise(db, name, target, user=user)
    except InvalidInput as error:
        return _page(page, db, user, status=422, map_errors={name: str(error)})
    words = page.t.text("ui.mapped", {"name": name, "exercise": exercise, "count": changed})
    return page.redirect("/import", notes=[("notice", words)])

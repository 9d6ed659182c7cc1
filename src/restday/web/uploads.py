"""Uploaded files: written to a temporary folder under safe names, and named as uploaded again in
what the import says about them."""

import re
import shutil
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from starlette.datastructures import FormData, UploadFile

__all__ = ["NAME_MAX", "Upload", "base_name", "form_files", "relabel", "save_uploads", "shown_name"]

NAME_MAX = 100
"""The longest file name kept (its end, so the extension stays)."""


class Upload(Protocol):
    """What a file of a multipart form offers (Starlette's and FastAPI's `UploadFile`)."""

    filename: str | None
    file: Any


def form_files(form: FormData, name: str) -> list[UploadFile]:
    """The files chosen in the form's control `name` (the `Form` dependency closes them)."""
    return [f for f in form.getlist(name) if isinstance(f, UploadFile) and f.filename]


def base_name(filename: str) -> str:
    """The file's own name, without the folders a browser may send (`C:\\x\\week.json`)."""
    return PurePosixPath(filename.replace("\\", "/")).name


def save_uploads(files: Sequence[Upload], folder: Path) -> list[Path]:
    """Write the uploads into `folder` under their names, made safe and distinct."""
    paths: list[Path] = []
    for index, upload in enumerate(files, 1):
        base = base_name(upload.filename or "")
        name = re.sub(r"[^\w.\- ()]", "_", base).strip(" .")[-NAME_MAX:] or f"upload-{index}"
        path = folder / name
        if path.exists():
            path = folder / f"{index}-{name}"
        with path.open("wb") as out:
            shutil.copyfileobj(upload.file, out)
        paths.append(path)
    return paths


def shown_name(text: str, folder: Path | str) -> str:
    """`text` with the temporary folder left out of its paths."""
    return text.replace(f"{folder}/", "")


def relabel(value: Any, folder: Path | str) -> Any:
    """`value` (text, or lists and dicts of it) with the folder left out of every path."""
    if isinstance(value, str):
        return shown_name(value, folder)
    if isinstance(value, list):
        return [relabel(v, folder) for v in value]
    if isinstance(value, dict):
        return {k: relabel(v, folder) for k, v in value.items()}
    return value

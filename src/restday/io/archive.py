"""An export as a zip or an unzipped folder: its members found by name, streamed (gzip
decompressed) into a temporary file one at a time, never held whole in memory.

Safe with hostile archives: a member is never written where its name says, and a name that points
outside the export (`..`, an absolute path) is never followed; at most MEMBER_MAX_BYTES of one
member is decompressed, whatever size the zip declares, so a zip bomb fills neither memory nor
disk. Damaged data (a zip's or a gzip's) is an ImportFileError naming archive/member.
"""

import gzip
import lzma
import posixpath
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import IO, Protocol

from restday.errors import ImportFileError
from restday.io.base import unreadable

__all__ = ["MEMBER_MAX_BYTES", "Export", "Folder", "Stream", "Zip", "copy_member", "opened"]

MEMBER_MAX_BYTES = 200 * 1024 * 1024
"""The most restday decompresses of one member of an export."""

_CHUNK = 1 << 20


class Stream(Protocol):
    """A member being read."""

    def read(self, size: int = ..., /) -> bytes: ...

    def seek(self, offset: int, /) -> object: ...

    def close(self) -> None: ...


class Export(Protocol):
    """Where a format's files are: a zip or a folder, named relative to its anchor file."""

    def label(self, name: str) -> str:
        """How a member is named in messages: export.zip/activities/1.fit.gz."""
        ...

    def open(self, name: str) -> Stream | None:
        """The member `name` as a stream, None if it is not there; ImportFileError if it cannot
        be read or leads outside the export."""
        ...


def inside(name: str) -> str | None:
    """A member's path with `.` parts resolved, or None if it points outside the export."""
    path = posixpath.normpath(name.replace("\\", "/"))
    if path.startswith(("/", "../")) or path == ".." or path[1:2] == ":":
        return None
    return path


class Folder:
    """An unzipped export."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def label(self, name: str) -> str:
        return str(self.root / name)

    def open(self, name: str) -> Stream | None:
        relative = inside(name)
        path = self.root / relative if relative is not None else None
        try:
            if path is None or not path.is_file():
                return None
            if not path.resolve().is_relative_to(self.root.resolve()):  # a link leading out
                raise ImportFileError(self.label(name), "points outside the export; not read")
            return _Guarded(path.open("rb"), zipped=False)
        except OSError as error:
            raise unreadable(path or self.root, error) from None


class Zip:
    """An export zip; members are named relative to the folder of its `anchor` (the first file
    of that name at its top or one folder down: export_1/activities.csv)."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, anchor: str) -> None:
        self.path, self.zf = path, zf
        self.members = {
            found: info
            for info in zf.infolist()
            # A damaged directory can name a member "" (ZipInfo.is_dir() fails on it).
            if info.filename and not info.is_dir() and (found := inside(info.filename)) is not None
        }
        anchors = sorted(
            (n for n in self.members if posixpath.basename(n).casefold() == anchor.casefold()),
            key=lambda n: n.count("/"),
        )
        if not anchors or anchors[0].count("/") > 1:
            raise ImportFileError(path, f"no {anchor} in the zip")
        self.anchor = anchors[0]
        self.base = posixpath.dirname(self.anchor)

    def label(self, name: str) -> str:
        return f"{self.path}/{posixpath.join(self.base, name)}"

    def open(self, name: str) -> Stream | None:
        relative = inside(name)
        info = self.members.get(posixpath.join(self.base, relative)) if relative else None
        if info is None:
            return None
        if info.flag_bits & 0x1:
            raise ImportFileError(self.label(name), "encrypted in the zip: restday cannot read it")
        if info.file_size > MEMBER_MAX_BYTES:
            raise ImportFileError(self.label(name), _too_large())
        try:
            return _Guarded(self.zf.open(info), zipped=True)
        except (zipfile.BadZipFile, NotImplementedError, OSError) as error:
            raise ImportFileError(self.label(name), f"damaged in the zip ({error})") from None


class _Unread(Exception):
    """A member whose bytes cannot be read: damaged in the zip, or a disk's read error."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class _Guarded:
    """A member's stream whose read errors are _Unread, told apart from the gzip inside's."""

    def __init__(self, stream: IO[bytes], *, zipped: bool) -> None:
        self.stream, self.zipped = stream, zipped

    def read(self, size: int = -1, /) -> bytes:
        try:
            return self.stream.read(size)
        except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError) as error:
            if self.zipped or not isinstance(error, OSError):
                raise _Unread(f"damaged in the zip ({error})") from None
            raise _Unread(f"cannot be read ({error.strerror or error})") from None

    def seek(self, offset: int, /) -> object:
        return self.stream.seek(offset)

    def close(self) -> None:
        self.stream.close()


def _too_large() -> str:
    limit = MEMBER_MAX_BYTES / (1024 * 1024)
    return f"larger than {limit:,g} MB once decompressed, more than restday reads of one file"


def copy_member(stream: Stream, target: Path, label: str) -> None:
    """Write `stream` to `target`, gunzipped if `label` ends in .gz, at most MEMBER_MAX_BYTES;
    closes `stream`. ImportFileError naming `label` for damaged data or a member too large."""
    gunzip = label.casefold().endswith(".gz")
    data: Stream = gzip.GzipFile(fileobj=stream, mode="rb") if gunzip else stream
    written = 0
    with closing(stream), target.open("wb") as out:
        while True:
            try:
                chunk = data.read(_CHUNK)
            except _Unread as error:
                raise ImportFileError(label, error.problem) from None
            except (OSError, EOFError, zlib.error):  # only gzip's own: the stream's are _Unread
                raise ImportFileError(label, "damaged gzip data") from None
            if not chunk:
                return
            written += len(chunk)
            if written > MEMBER_MAX_BYTES:
                raise ImportFileError(label, _too_large())
            out.write(chunk)


@contextmanager
def opened(path: Path, anchor: str) -> Iterator[tuple[Export | None, Path, str]]:
    """The export at `path` (None when it is the anchor file itself), a readable copy of its
    anchor file, and how messages name that file. ImportFileError for a zip that cannot be read
    or an export without `anchor`."""
    if path.is_dir():
        if not (path / anchor).is_file():
            raise ImportFileError(path, f"no {anchor} in the folder")
        yield Folder(path), path / anchor, str(path / anchor)
        return
    try:
        is_zip = zipfile.is_zipfile(path)
    except OSError as error:
        raise unreadable(path, error) from None
    if not is_zip:
        if path.suffix.casefold() == ".zip":
            raise ImportFileError(path, "not a readable zip archive (damaged, or cut off?)")
        yield None, path, str(path)
        return
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError) as error:
        raise ImportFileError(path, f"not a readable zip archive ({error})") from None
    with zf, tempfile.TemporaryDirectory(prefix="restday-") as tmp:
        archive = Zip(path, zf, anchor)
        target = Path(tmp) / anchor
        stream = archive.open(posixpath.basename(archive.anchor))
        assert stream is not None  # it is among the members
        copy_member(stream, target, archive.label(posixpath.basename(archive.anchor)))
        yield archive, target, archive.label(posixpath.basename(archive.anchor))

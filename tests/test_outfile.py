"""Exports are written whole, keep what the path is (a link, a pipe) and its permissions."""

import os
import stat
import threading

import pytest

from restday.errors import InvalidInput
from restday.service.outfile import write_output


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    old = os.umask(0o027)
    try:
        write_output(tmp_path / "backup.json", b"{}", "file")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "backup.json").stat().st_mode) == 0o640


def test_an_existing_file_keeps_its_permissions_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "backup.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_output(target, b"new", "file")
    assert (target.read_bytes(), stat.S_IMODE(target.stat().st_mode)) == (b"new", 0o600)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.json"]


def test_a_link_stays_a_link_and_its_target_is_written(tmp_path):
    (tmp_path / "cloud").mkdir()
    real = tmp_path / "cloud" / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "backup.json"
    link.symlink_to(real)
    write_output(link, b"new", "file")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_pipe_is_written_to_not_replaced(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_output(pipe, b"calendar", "file")
    reader.join(timeout=10)
    assert received == [b"calendar"] and stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_file_in_a_missing_folder_is_refused_naming_the_field(tmp_path):
    with pytest.raises(InvalidInput) as refused:
        write_output(tmp_path / "no" / "x.ics", b"", "ics")
    assert refused.value.field == "ics"
    assert str(refused.value) == (
        f'Invalid ics "{tmp_path}/no/x.ics": cannot be written: there is no folder {tmp_path}/no'
    )

"""``export -o``: a whole file whatever runs at once, its mode kept, and never a link, pipe,
device or read-only file replaced."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from robust_helpers import (
    one_line_errors,
    run_reader,
    run_reader_unprivileged,
    start_reader,
    stop,
    write_pages,
)


@pytest.fixture
def library(tmp_path: Path, data_dir: Path) -> Path:
    done = run_reader(data_dir, "import", str(write_pages(tmp_path / "pages", 40)))
    assert done.code == 0, done.err
    return data_dir


def test_exports_to_one_file_at_once_leave_one_whole_file(tmp_path: Path, library: Path) -> None:
    wanted = {
        fmt: run_reader(library, "export", "--all", "--format", fmt).out for fmt in ("md", "json")
    }
    assert all(len(text) > 20_000 for text in wanted.values())
    target = tmp_path / "out" / "export.txt"
    target.parent.mkdir()
    for _ in range(6):
        procs = [
            start_reader(library, "export", "--all", "--format", fmt, "-o", str(target))
            for fmt in wanted
        ]
        try:
            for proc in procs:
                _, err = proc.communicate(timeout=60)
                assert proc.returncode == 0, err
        finally:
            for proc in procs:
                stop(proc)
        assert target.read_text(encoding="utf-8") in wanted.values()
        assert sorted(p.name for p in target.parent.iterdir()) == ["export.txt"]


def test_an_existing_file_keeps_its_mode_and_a_new_one_gets_the_usual(
    tmp_path: Path, library: Path
) -> None:
    private = tmp_path / "private.md"
    private.write_text("旧的", encoding="utf-8")
    private.chmod(0o600)
    assert run_reader(library, "export", "1", "--format", "md", "-o", str(private)).code == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert "旧的" not in private.read_text(encoding="utf-8")

    new = tmp_path / "new.md"
    assert run_reader(library, "export", "1", "--format", "md", "-o", str(new)).code == 0
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask


def targets(tmp_path: Path) -> dict[str, Path]:
    real = tmp_path / "real.md"
    real.write_text("链接指向的文件", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    found = {"symbolic link": link, "fifo": fifo}
    if os.geteuid() == 0:  # only root makes device nodes
        device = tmp_path / "null.md"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        found["device"] = device
    return found


def test_what_is_not_a_regular_file_is_not_replaced(tmp_path: Path, library: Path) -> None:
    found = targets(tmp_path)
    before = {name: os.lstat(path) for name, path in found.items()}
    for name, path in found.items():
        done = run_reader(library, "export", "1", "--format", "md", "-o", str(path))
        assert done.code == 1, name
        [line] = one_line_errors(done.err)
        assert str(path) in line and "not a regular file" in line, line
        after = os.lstat(path)
        assert (after.st_ino, after.st_mode) == (before[name].st_ino, before[name].st_mode)
    assert (tmp_path / "real.md").read_text(encoding="utf-8") == "链接指向的文件"
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_read_only_file_is_not_replaced(tmp_path: Path, data_dir: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("甲\n\n甲的正文。\n", encoding="utf-8")
    target = tmp_path / "kept.md"
    target.write_text("不可改", encoding="utf-8")
    target.chmod(0o444)
    assert run_reader_unprivileged(data_dir, "import", str(page)).code == 0
    done = run_reader_unprivileged(data_dir, "export", "1", "--format", "md", "-o", str(target))
    assert done.code == 1
    [line] = one_line_errors(done.err)
    assert str(target) in line and "read-only" in line
    assert target.read_text(encoding="utf-8") == "不可改"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444

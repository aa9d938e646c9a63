"""File names that are not UTF-8 or span lines, numbers beyond the library's integers, and
output that cannot be written: one line each, and the rest of the command still done."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from robust_helpers import child_env, one_line_errors, reader_cmd, run_reader


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def three_files(folder: Path, middle: str) -> Path:
    folder.mkdir()
    write(folder / "a.txt", "甲\n\n甲的正文。\n")
    write(folder / middle, "乙\n\n乙的正文。\n")
    write(folder / "c.txt", "丙\n\n丙的正文。\n")
    return folder


def test_a_file_name_that_is_not_utf8_is_imported_with_its_bytes_escaped(
    tmp_path: Path, data_dir: Path
) -> None:
    folder = three_files(tmp_path / "in", os.fsdecode(b"b\xff.txt"))
    done = run_reader(data_dir, "import", str(folder))
    assert done.code == 0, done.err
    one_line_errors(done.err)
    assert "imported 3 articles" in done.out

    again = run_reader(tmp_path / "other", "import", "--json", str(folder))
    assert again.code == 0, again.err
    sources = [a["source"] for a in again.json()["articles"]]  # the output is valid UTF-8
    assert sources[1].endswith("b\\xff.txt")
    assert [Path(s).name for s in sources] == ["a.txt", "b\\xff.txt", "c.txt"]


def test_a_query_that_is_not_utf8_is_one_line(data_dir: Path) -> None:
    done = run_reader(data_dir, "search", os.fsdecode(b"\xff"))
    assert done.code == 1 and done.out == ""
    [line] = one_line_errors(done.err)
    assert "\\xff" in line


def test_a_problem_with_a_name_of_several_lines_is_one_line(tmp_path: Path, data_dir: Path) -> None:
    folder = three_files(tmp_path / "in", "b\nreader: fake\r.txt")
    (folder / "b\nreader: fake\r.txt").write_bytes(b"\x00\x01\x02" * 1000)  # refused: binary
    done = run_reader(data_dir, "import", str(folder))
    assert done.code == 1
    [line] = one_line_errors(done.err)
    assert "b\\nreader: fake\\r.txt" in line
    assert "imported 2 articles" in done.out


def test_an_annotation_error_naming_a_title_of_several_lines_is_one_line(
    tmp_path: Path, data_dir: Path
) -> None:
    note = {
        "type": "Annotation",
        "id": "urn:uuid:6a0bd5a6-4a0e-4c8f-9d64-4b7c0c1f2a11",
        "target": {
            "source": "urn:reader:article:0",
            "sourceTitle": "第一行\n第二行",
            "selector": {"type": "TextQuoteSelector", "exact": "正文"},
        },
    }
    path = write(tmp_path / "notes.json", json.dumps(note, ensure_ascii=False))
    done = run_reader(data_dir, "import", str(path))
    assert done.code == 1
    [line] = one_line_errors(done.err)
    assert "第一行\\n第二行" in line


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "99999999999999999999"],
        ["annotate", "99999999999999999999", "--quote", "正文"],
        ["annotate", "1", "--start", "0", "--end", str(2**64)],
        ["export", "--format", "md", str(2**63)],
        ["search", "正文", "--limit", str(2**64)],
        ["search", "正文", "--limit", str(-(2**64))],
        ["keywords", "1", "--top", "9" * 5000],
    ],
)
def test_numbers_beyond_the_library_integers_are_one_line(data_dir: Path, argv) -> None:
    done = run_reader(data_dir, *argv)
    assert done.code == 1 and done.out == ""
    assert "Traceback" not in done.err
    [line] = done.err.splitlines()  # argparse's line: "reader show: argument id: …"
    assert line.startswith("reader ")
    wanted = "too small" if argv[-1].startswith("-") else "too large"
    assert wanted in line or "invalid int value" in line


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["resplit", "1"], "no such command or file: resplit (the commands: annotate,"),
        pytest.param(
            [],
            "no display to open the window on",
            marks=pytest.mark.skipif(sys.platform != "linux", reason="X11 or Wayland"),
        ),
    ],
)
def test_a_window_that_cannot_open_is_one_line_not_an_abort(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, argv, said
) -> None:
    """A mistyped command is taken for a file to open in the window; with no display Qt
    would abort the process (and dump core) after several lines of its own."""
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    done = run_reader(data_dir, *argv)
    assert (done.code, done.out) == (1, "")
    [line] = one_line_errors(done.err)
    assert said in line


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["show", "1"],
        ["search", "正文"],
        ["export", "--all", "--format", "md"],
        ["annotations", "--json"],
        ["convert", "--config", "s2t"],
        ["--version"],
    ],
)
def test_output_to_a_full_device_is_one_line(tmp_path: Path, data_dir: Path, argv) -> None:
    source = write(tmp_path / "page.txt", "甲\n\n甲的正文。\n" * 300)
    assert run_reader(data_dir, "import", str(source)).code == 0
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            reader_cmd(*argv),
            env=child_env(data_dir),
            stdout=full,
            stderr=subprocess.PIPE,
            input="简体中文" * 5000,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1, done.stderr
    [line] = one_line_errors(done.stderr)
    assert "no space left" in line.lower()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_an_import_whose_output_is_lost_is_still_done(tmp_path: Path, data_dir: Path) -> None:
    folder = three_files(tmp_path / "in", "b.txt")
    write(folder / "d.txt", "")  # an empty file: an error, said on stderr
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            reader_cmd("import", str(folder)),
            env=child_env(data_dir),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    lines = one_line_errors(done.stderr)
    assert any("d.txt" in line for line in lines)
    assert any("cannot write the output" in line for line in lines)
    listed = run_reader(data_dir, "list")
    assert [line.split()[-1] for line in listed.out.splitlines()] == ["丙", "乙", "甲"]


def test_a_link_with_numbers_beyond_the_library_integers_is_refused() -> None:
    from reader.core.links import parse_link

    for url in (f"reader://article/{2**63}", f"reader://article/1#0-{2**64}"):
        with pytest.raises(ValueError, match="too large"):
            parse_link(url)
    assert parse_link(f"reader://article/{2**63 - 1}").article_id == 2**63 - 1

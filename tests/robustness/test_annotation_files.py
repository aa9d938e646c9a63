"""W3C annotation files that no reader should trust: one line each, and the files listed
after them are still imported."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from robust_helpers import one_line_errors, page_text, run_reader

from reader import annotation_io
from reader.library import Library
from reader.store.db import Database

NOTE_ID = "urn:uuid:6a0bd5a6-4a0e-4c8f-9d64-4b7c0c1f2a11"


def orphan(start: int) -> dict:
    return {
        "type": "Annotation",
        "id": NOTE_ID,
        "target": {
            "source": "urn:reader:article:0",
            "sourceTitle": "标题",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "正文"},
                {"type": "TextPositionSelector", "start": start, "end": start + 2},
            ],
        },
    }


BAD_FILES = {
    "type-is-an-object": b'{"type":{"x":1}}',
    "type-list-of-objects": b'[{"type":[{"x":1}, "Annotation"]}]',
    "nested-100000-deep": b"[" * 100_000 + b"]" * 100_000,
    "integer-of-5000-digits": b'{"type":"Annotation","x":' + b"7" * 5000 + b"}",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_hostile_annotation_file_is_one_line_and_the_next_file_is_imported(
    tmp_path: Path, data_dir: Path, name: str
) -> None:
    bad = tmp_path / f"{name}.json"
    bad.write_bytes(BAD_FILES[name])
    good = tmp_path / "zz-page.txt"
    good.write_text(page_text(1), encoding="utf-8")
    done = run_reader(data_dir, "import", str(bad), str(good))
    lines = one_line_errors(done.err)
    assert "上海老旧小区改造（第1期第0篇）" in done.out
    if name == "type-is-an-object":  # JSON, but not annotations: a text like any other
        assert (done.code, lines) == (0, [])
        assert "imported 5 articles" in done.out
    else:
        assert done.code == 1, done.err
        assert len(lines) == 1 and str(bad) in lines[0], lines
        assert "sys." not in lines[0]  # said for a reader, not for a programmer
        assert "imported 4 articles" in done.out


def test_an_orphan_placed_beyond_the_integers_is_one_line(tmp_path: Path, data_dir: Path) -> None:
    """The article is there (by its key), the quote is not: it would be stored as an orphan
    at its own offsets, which SQLite cannot hold."""
    first = tmp_path / "page.txt"
    first.write_text(page_text(1), encoding="utf-8")
    assert run_reader(data_dir, "import", str(first)).code == 0
    assert run_reader(data_dir, "annotate", "1", "--quote", "上海").code == 0
    exported = run_reader(data_dir, "export", "1", "--format", "json", "--annotations").json()
    [note] = exported["first"]["items"]
    note = orphan(10**20) | {"target": note["target"] | orphan(10**20)["target"]}
    note["target"]["source"] = exported["first"]["items"][0]["target"]["source"]
    bad = tmp_path / "orphan.json"
    bad.write_text(json.dumps(note), encoding="utf-8")
    good = tmp_path / "zz-page.txt"
    good.write_text(page_text(2), encoding="utf-8")
    done = run_reader(data_dir, "import", str(bad), str(good))
    [line] = one_line_errors(done.err)
    assert done.code == 1 and str(bad) in line and "TextPositionSelector" in line
    assert "imported 4 articles" in done.out


def test_a_large_annotation_file_is_written_in_bounded_transactions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library.open(tmp_path / "lib", seed=False)
    [article, *_] = lib.import_text(page_text(2)).articles
    for k in range(450):
        lib.annotate(article.id, None, k % 40, k % 40 + 2, note=f"第{k}条")
    exported = lib.export_annotations([article.id])
    other = Library.open(tmp_path / "other", seed=False)
    other.import_text(page_text(2))
    sizes: list[int] = []
    real = Database.transaction

    @contextlib.contextmanager
    def counted(self: Database):
        before = len(other.annotations.browse(include_trashed=True))
        with real(self) as conn:
            yield conn
        sizes.append(len(other.annotations.browse(include_trashed=True)) - before)

    monkeypatch.setattr(Database, "transaction", counted)
    report = other.import_annotations(exported, "notes.json")
    assert len(report.annotations) == 450 and not report.errors
    assert sizes == [200, 200, 50]
    assert annotation_io.ANNOTATIONS_PER_TRANSACTION == 200
    lib.close()
    other.close()

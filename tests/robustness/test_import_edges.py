"""Import edges: copies at other paths, the same text in another format, untitled notes,
folders with nothing to import (CLI and window)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from robust_helpers import one_line_errors, page_text

from reader.cli import main
from reader.core.documents import LEAD_TITLE_CHARS
from reader.library import NOTHING_TO_IMPORT, Library

MARKDOWN = (
    "# 社区食堂开张\n\n本报讯 昨天，城东社区食堂正式开张，老人用餐可享受优惠。\n\n"
    "## 图书馆延长开放\n\n本报讯 市图书馆自下月起每晚开放到九点。\n"
)


@pytest.fixture(autouse=True)
def _empty_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")


def cli(capsys, *argv: str) -> tuple[int, str, list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, one_line_errors(err)


def imported(capsys, *paths: Path) -> dict:
    code, out, errors = cli(capsys, "import", "--json", *map(str, paths))
    assert (code, errors) == (0, []), errors
    return json.loads(out)


def sources(db_file: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(db_file)
    try:
        return conn.execute("SELECT id, path FROM sources ORDER BY id").fetchall()
    finally:
        conn.close()


# -- the same text at another path ----------------------------------------------------------


def test_a_copy_at_another_path_is_reported_as_a_duplicate_with_its_path(
    capsys, tmp_path: Path, db_file: Path
) -> None:
    original = tmp_path / "a" / "晚报.txt"
    copy = tmp_path / "b" / "晚报副本.txt"
    for path in (original, copy):
        path.parent.mkdir()
    original.write_text(page_text(1), encoding="utf-8")
    shutil.copyfile(original, copy)
    first = imported(capsys, original)
    again = imported(capsys, copy)
    assert again["articles"] == []
    assert again["duplicates"] == [{"source": str(copy), "id": a["id"]} for a in first["articles"]]
    assert [p for _, p in sources(db_file)] == [str(original)]  # nothing stored for the copy

    code, out, _ = cli(capsys, "import", str(copy))
    assert code == 0
    assert f"already in the library: {copy} (id " in out


def test_the_same_text_in_another_format_is_filed_under_its_own_path(
    capsys, tmp_path: Path, db_file: Path
) -> None:
    as_text = tmp_path / "page.txt"
    as_markdown = tmp_path / "page.md"
    for path in (as_text, as_markdown):
        path.write_text(MARKDOWN, encoding="utf-8")
    imported(capsys, as_text)
    report = imported(capsys, as_markdown)  # Markdown headings: other articles
    assert [a["title"] for a in report["articles"]] == ["社区食堂开张"]
    assert {a["source"] for a in report["articles"]} == {str(as_markdown)}
    assert [p for _, p in sources(db_file)] == [str(as_text), str(as_markdown)]

    # Re-splitting reads the stored text as the file it came from: Markdown stays Markdown.
    lib = Library.open()
    try:
        source_id = sources(db_file)[1][0]
        resplit = lib.resplit(source_id)
        assert resplit.added == [] and resplit.removed == []
    finally:
        lib.close()


def test_articles_back_from_an_emptied_trash_are_filed_under_the_new_path(
    capsys, tmp_path: Path
) -> None:
    old = tmp_path / "old.txt"
    old.write_text(page_text(2), encoding="utf-8")
    first = imported(capsys, old)
    lib = Library.open()
    try:
        lib.articles.trash([a["id"] for a in first["articles"]])
        lib.articles.empty_trash()
    finally:
        lib.close()
    moved = tmp_path / "moved" / "new.txt"
    moved.parent.mkdir()
    shutil.move(old, moved)
    again = imported(capsys, moved)
    assert len(again["articles"]) == len(first["articles"])
    assert {a["source"] for a in again["articles"]} == {str(moved)}  # not the path gone


# -- untitled text ----------------------------------------------------------------------------


def test_a_paragraph_without_punctuation_gets_its_first_words_as_title(
    capsys, tmp_path: Path
) -> None:
    short = tmp_path / "note.txt"
    short.write_text("今天天气很好我们去公园散步吧", encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text("城东社区食堂正式开张老人用餐可享受优惠" * 5, encoding="utf-8")
    report = imported(capsys, short, long)
    note, lengthy = report["articles"]
    assert note["title"] == "今天天气很好我们去公园散步吧"
    assert note["body"] == "今天天气很好我们去公园散步吧"  # the text itself is kept whole
    assert lengthy["title"].startswith("城东社区食堂正式开张")
    assert lengthy["title"].endswith("…") and len(lengthy["title"]) == LEAD_TITLE_CHARS
    assert lengthy["body"] == "城东社区食堂正式开张老人用餐可享受优惠" * 5


def test_an_untitled_paragraph_is_titled_by_its_first_sentence(capsys, tmp_path: Path) -> None:
    page = tmp_path / "brief.txt"
    page.write_text(
        "市民纷纷表示，今年的菜价比往年都要稳定得多。买菜也方便了许多，大家都很满意。",
        encoding="utf-8",
    )
    (article,) = imported(capsys, page)["articles"]
    assert article["title"] == "市民纷纷表示，今年的菜价比往年都要稳定得多"


def test_a_pasted_text_gets_a_title_too() -> None:
    lib = Library.open()
    try:
        (article,) = lib.import_text("复制来的一段话没有标点也没有标题").articles
        assert article.title == "复制来的一段话没有标点也没有标题"
    finally:
        lib.close()


def test_briefs_and_continuations_on_a_page_keep_their_list_labels() -> None:
    from reader.core.documents import parse_document

    pages = Path(__file__).resolve().parents[1] / "data" / "pages"
    articles = parse_document((pages / "beijing_dateline.txt").read_bytes(), "p.txt").articles
    assert [a.title for a in articles][-1] == ""  # a page's untitled item: labelled, not titled


# -- nothing to import ------------------------------------------------------------------------


def test_a_folder_with_nothing_to_import_is_one_line_and_exit_1(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (pictures / "scan.pdf").write_bytes(b"%PDF-1.4")
    for folder in (empty, pictures):
        code, out, errors = cli(capsys, "import", str(folder))
        assert code == 1
        assert errors == [f"reader: {folder}: {NOTHING_TO_IMPORT}"]
        assert "imported 0 articles" in out
    code, out, errors = cli(capsys, "import", "--json", str(empty))
    assert code == 1
    assert json.loads(out)["errors"] == [{"source": str(empty), "error": NOTHING_TO_IMPORT}]


def test_a_folder_with_text_files_deeper_down_is_imported(capsys, tmp_path: Path) -> None:
    deep = tmp_path / "top" / "2024" / "03"
    deep.mkdir(parents=True)
    (deep / "page.txt").write_text(page_text(3), encoding="utf-8")
    report = imported(capsys, tmp_path / "top")
    assert report["errors"] == [] and report["articles"]


def test_the_window_says_there_is_nothing_to_import_in_one_dialog(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui.app import create_application, open_settings
    from reader.gui.mainwindow import MainWindow

    told: list[tuple[str, str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _p, title, text, kind=kind: told.append((kind, title, text))
        )
    create_application()
    lib = Library.open()
    window = MainWindow(lib, open_settings(lib))
    qtbot.addWidget(window)
    window.analysis_runner.enabled = False
    window.show()
    with qtbot.waitSignal(window.loaded):
        window.load()
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    window.importer.import_paths([str(empty)])
    try:
        qtbot.waitUntil(lambda: bool(told), timeout=10_000)
        assert told == [("information", "没有可导入的文件", "空文件夹：没有可导入的文件")]
    finally:
        window.close()
        qtbot.waitUntil(lambda: not window.lists.busy(), timeout=10_000)
        lib.close()

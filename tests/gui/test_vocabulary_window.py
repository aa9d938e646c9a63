"""生词本 in the window: the saved words listed with their details, searched in either
script, marked known or learning, deleted and put back, their article opened at the
sentence, exported to Anki and CSV; a word added from the lookup popup shows at once."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from pathlib import Path

import pytest
from PySide6 import QtWidgets
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QAbstractItemModelTester

from reader import vocabulary
from reader.gui import word_selection
from reader.gui.mainwindow import MainWindow
from reader.gui.vocabulary_window import VocabularyModel, VocabularyWindow

TEXT = "都市发展\n\n记者了解到，银行行长认为这个都市的发展很重要。孩子们在这里长大。\n"
OTHER = "颱風來襲\n\n颱風今天登陸，氣象局發出警報。\n"


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch, dictionary_folder: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    monkeypatch.setenv("READER_CACHE_DIR", str(dictionary_folder))


@pytest.fixture
def words(qtbot, window: MainWindow) -> MainWindow:
    lib = window.library
    window.importer.finish(lib.import_text(OTHER))
    window.importer.finish(lib.import_text(TEXT))
    qtbot.waitUntil(lambda: window.reading_pane.record is not None, timeout=10_000)
    ids = {r.title: r.id for r in (lib.get(i) for i in lib.ids())}
    vocabulary.add_word(lib, "颱風", article_id=ids["颱風來襲"], sentence="颱風今天登陸，")
    vocabulary.add_word(lib, "银行", article_id=ids["都市发展"], sentence="银行行长认为")
    vocabulary.add_word(lib, "长大", article_id=ids["都市发展"], sentence="孩子们在这里长大。")
    return window


def open_vocabulary(qtbot, window: MainWindow) -> VocabularyWindow:
    found = [a for a in window.menus.tools.actions() if a.text() == "生词本(&W)…"]
    with qtbot.waitSignal(window.companion.vocabulary_window.listed):
        found[0].trigger()
    return window.companion.vocabulary_window


def listed(vocab: VocabularyWindow) -> list[str]:
    model = vocab.model
    return [model.data(model.index(r, VocabularyModel.WORD)) for r in range(model.rowCount())]


def test_the_words_listed_with_their_details(qtbot, words: MainWindow) -> None:
    vocab = open_vocabulary(qtbot, words)
    QAbstractItemModelTester(
        vocab.model, QAbstractItemModelTester.FailureReportingMode.Fatal, vocab
    )
    assert vocab.isVisible() and listed(vocab) == ["长大", "银行", "颱風"]  # newest first
    model = vocab.model
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[:5] == ["长大", "zhǎng dà", row[2], "孩子们在这里长大。", "都市发展"]
    assert "to grow up" in row[2] and len(row[5]) == 10  # the day added
    assert model.data(model.index(0, VocabularyModel.KNOWN), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    assert vocab.count.text() == "3 个词"


def test_search_in_either_script(qtbot, words: MainWindow) -> None:
    vocab = open_vocabulary(qtbot, words)
    for query, found in (
        ("台风", ["颱風"]),  # simplified finds the traditional word
        ("銀行", ["银行"]),  # and traditional the simplified
        ("BANK", ["银行"]),  # its definition, in any case
        ("孩子們", ["长大"]),  # its sentence
        ("都市", ["长大", "银行"]),  # its article's title
        ("没有这个", []),
    ):
        vocab.search.setText(query)
        qtbot.waitUntil(lambda f=found: listed(vocab) == f)
    assert vocab.count.text() == "找到 0 个词"
    vocab.search.clear()
    qtbot.waitUntil(lambda: len(listed(vocab)) == 3)


def test_known_delete_and_undo(qtbot, words: MainWindow) -> None:
    vocab = open_vocabulary(qtbot, words)
    QAbstractItemModelTester(
        vocab.model, QAbstractItemModelTester.FailureReportingMode.Fatal, vocab
    )
    store = words.library.vocabulary
    before = store.get("颱風")
    # Ticking the box marks the word known (what the reading pane reads to mark words).
    known = vocab.model.index(2, VocabularyModel.KNOWN)
    assert vocab.model.setData(known, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: store.words(known=True) == {"颱風"})
    # Two chosen rows: 标为已掌握, then back to 学习中 for one of them.
    vocab.table.selectRow(0)
    vocab.table.selectionModel().select(
        vocab.model.index(1, 0),
        vocab.table.selectionModel().SelectionFlag.Select
        | vocab.table.selectionModel().SelectionFlag.Rows,
    )
    assert vocab.selected_words() == ["长大", "银行"]
    vocab.known_button.click()
    qtbot.waitUntil(lambda: store.words(known=True) == {"颱風", "长大", "银行"})
    vocab.table.selectRow(1)
    vocab.learning_button.click()
    qtbot.waitUntil(lambda: store.words(known=False) == {"银行"})

    # Delete removes the chosen words; Ctrl+Z puts them back as they were.
    vocab.table.selectRow(2)
    vocab.activateWindow()
    qtbot.waitUntil(vocab.isActiveWindow)
    vocab.table.setFocus()
    qtbot.keyClick(vocab.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: listed(vocab) == ["长大", "银行"])
    assert store.get("颱風") is None and "Ctrl+Z" in vocab.status.text()
    assert vocab.undo_button.isVisible()
    qtbot.keyClick(vocab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # (Back in its place by the day added; the three were added in the same second.)
    qtbot.waitUntil(lambda: sorted(listed(vocab)) == sorted(["长大", "银行", "颱風"]))
    back = store.get("颱風")
    assert back is not None and back.known and back.added_at == before.added_at
    assert back.article_id == before.article_id and not vocab.undo_button.isVisible()


def test_double_click_opens_the_article_at_the_sentence(qtbot, words: MainWindow) -> None:
    vocab = open_vocabulary(qtbot, words)
    pane = words.reading_pane
    assert pane.record.title == "都市发展"
    vocab.open_article(2)  # 颱風, met in the other article
    assert pane.record.title == "颱風來襲"
    assert pane.textCursor().selectedText() == "颱風今天登陸，"
    # In a simplified view the sentence is found all the same.
    words.scripts.set_config("t2s")
    qtbot.waitUntil(lambda: "台风今天登陆" in pane.document().toPlainText())
    vocab.open_article(1)  # 银行
    assert pane.record.title == "都市发展" and pane.textCursor().selectedText() == "银行行长认为"
    # A word whose article is gone says so.
    words.library.vocabulary.add("发展")
    vocab.refresh()
    qtbot.waitUntil(lambda: listed(vocab)[0] == "发展")
    vocab.open_article(0)
    assert "没有记下" in vocab.status.text()


def test_export_to_anki_and_csv(
    qtbot, words: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vocab = open_vocabulary(qtbot, words)
    chosen: list[Path] = []
    monkeypatch.setattr(
        QtWidgets.QFileDialog,
        "getSaveFileName",
        lambda *_args: (str(chosen[-1]), ""),
    )
    chosen.append(tmp_path / "words.apkg")
    vocab.anki_button.click()
    qtbot.waitUntil(lambda: vocab.status.text().endswith("words.apkg"))
    assert "已导出 3 个词" in vocab.status.text()
    with zipfile.ZipFile(chosen[-1]) as package:
        (tmp_path / "collection.anki2").write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        notes = [row[0] for row in db.execute("SELECT flds FROM notes")]
    assert any(note.startswith("颱風\x1f") for note in notes) and len(notes) == 3

    # Over a file the save dialog asked to replace: replaced whole.
    chosen.append(tmp_path / "words.csv")
    chosen[-1].write_text("old", encoding="utf-8")
    vocab.csv_button.click()
    qtbot.waitUntil(lambda: vocab.status.text().endswith("words.csv"))
    rows = list(csv.reader(io.StringIO(chosen[-1].read_text(encoding="utf-8-sig"))))
    assert [r[0] for r in rows] == ["word", "长大", "银行", "颱風"]

    # A folder that is gone meanwhile: said in the window, nothing written.
    chosen.append(tmp_path / "gone" / "words.csv")
    vocab.csv_button.click()
    qtbot.waitUntil(lambda: "导出失败" in vocab.status.text())
    assert not (tmp_path / "gone").exists()


def test_a_word_added_from_the_popup_shows_at_once(qtbot, words: MainWindow) -> None:
    vocab = open_vocabulary(qtbot, words)
    word_selection.warm_up_in_background()
    qtbot.waitUntil(word_selection.segmenter_ready, timeout=60_000)
    pane = words.reading_pane
    body = pane.document().find("记者了解到").block()
    qtbot.waitUntil(lambda: word_selection.word_bounds(body.text()) is not None)
    probe = QTextCursor(pane.document())
    probe.setPosition(body.position() + body.text().index("都市"))
    left = pane.cursorRect(probe)
    probe.setPosition(probe.position() + 1)
    right = pane.cursorRect(probe)
    point = QPoint((left.left() + right.left()) // 2, left.center().y())
    with qtbot.waitSignal(words.companion.lookup.shown, timeout=20_000) as shown:
        qtbot.mouseMove(pane.viewport(), point)
    assert shown.args[0].word == "都市"
    qtbot.keyClick(pane, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: listed(vocab)[:1] == ["都市"], timeout=10_000)
    assert vocab.count.text() == "4 个词"

"""The lookup popup: point at a word in the reading pane, in every script view and on the
title; the popup shows the segmenter's word, its reading and definitions, and never
covers the word; Escape closes it, Shift+→/← widen and narrow it, A keeps the word."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from reader.core import readings
from reader.gui import word_selection
from reader.gui.mainwindow import MainWindow

TEXT = "银行行长谈发展\n\n记者了解到，银行行长认为这个都市的发展很重要。孩子们在这里长大。\n"


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch, dictionary_folder: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    monkeypatch.setenv("READER_CACHE_DIR", str(dictionary_folder))


@pytest.fixture
def shown(qtbot, window: MainWindow) -> MainWindow:
    report = window.library.import_text(TEXT)
    window.importer.finish(report)
    qtbot.waitUntil(lambda: window.reading_pane.record is not None, timeout=10_000)
    word_selection.warm_up_in_background()
    qtbot.waitUntil(word_selection.segmenter_ready, timeout=60_000)
    _words_known(qtbot, window)
    assert window.companion.lookup is not None
    return window


def _words_known(qtbot, window: MainWindow) -> None:
    def known() -> bool:
        block = window.reading_pane.document().begin()
        while block.isValid():
            if block.text() and word_selection.word_bounds(block.text()) is None:
                return False
            block = block.next()
        return True

    qtbot.waitUntil(known, timeout=10_000)


def point_at(window: MainWindow, text: str, nth: int = 0, char: int = 0) -> QPoint:
    """The viewport point in the middle of character `char` of the nth `text` shown."""
    pane = window.reading_pane
    cursor = QTextCursor(pane.document())
    for _ in range(nth + 1):
        cursor = pane.document().find(text, cursor)
        assert not cursor.isNull(), text
    probe = QTextCursor(pane.document())
    probe.setPosition(cursor.selectionStart() + char)
    left = pane.cursorRect(probe)
    probe.setPosition(cursor.selectionStart() + char + 1)
    right = pane.cursorRect(probe)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def hover(qtbot, window: MainWindow, point: QPoint):
    lookup = window.companion.lookup
    with qtbot.waitSignal(lookup.shown, timeout=20_000) as signal:
        qtbot.mouseMove(window.reading_pane.viewport(), point)
    qtbot.waitUntil(lookup.popup.isVisible)
    return signal.args[0]


def test_pointing_at_a_word_shows_it_under_the_word(qtbot, shown: MainWindow) -> None:
    found = hover(qtbot, shown, point_at(shown, "银行行长", nth=1, char=3))
    # The segmenter's word, not the character under the pointer; its parts read as in it.
    assert found.word == "银行行长" and found.pinyin == "yín háng háng zhǎng"
    popup = shown.companion.lookup.popup
    assert "bank president" in popup.label.text() and "銀行行長" in popup.label.text()
    assert not popup.geometry().intersects(shown.companion.lookup.word_on_screen())
    assert popup.geometry().top() > shown.companion.lookup.word_on_screen().bottom()

    # Shift+→ widens by a word, Shift+← narrows again (never below the first word).
    with qtbot.waitSignal(shown.companion.lookup.shown, timeout=10_000) as widened:
        qtbot.keyClick(shown.reading_pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert widened.args[0].word == "银行行长认为"
    with qtbot.waitSignal(shown.companion.lookup.shown, timeout=10_000) as narrowed:
        qtbot.keyClick(shown.reading_pane, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert narrowed.args[0].word == "银行行长"
    qtbot.keyClick(shown.reading_pane, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert shown.companion.lookup.current.word == "银行行长" and popup.isVisible()
    assert not popup.geometry().intersects(shown.companion.lookup.word_on_screen())

    qtbot.keyClick(shown.reading_pane, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_the_title_and_every_script_view(qtbot, shown: MainWindow) -> None:
    found = hover(qtbot, shown, point_at(shown, "谈发展", char=2))
    assert found.word == "发展" and "to develop" in found.definitions
    lookup = shown.companion.lookup
    lookup.close()
    for config, word, other in (
        ("s2twp", "發展", "发展"),
        ("s2hk", "發展", "发展"),
        (None, "发展", "發展"),
    ):
        shown.scripts.set_config(config)
        qtbot.waitUntil(lambda w=word: w in shown.reading_pane.document().toPlainText())
        _words_known(qtbot, shown)
        found = hover(qtbot, shown, point_at(shown, word, nth=1, char=1))
        assert found.word == word and found.pinyin == "fā zhǎn"
        assert other in lookup.popup.label.text()
        # Cantonese readings in the Hong Kong view (they may follow the popup).
        if config == "s2hk":
            qtbot.waitUntil(lambda: lookup.current.jyutping == "faat3 zin2", timeout=20_000)
            assert "粤 faat3 zin2" in lookup.popup.label.text()
        else:
            assert not found.jyutping and "粤" not in lookup.popup.label.text()
        lookup.close()
        qtbot.mouseMove(shown.reading_pane.viewport(), QPoint(1, 1))


@pytest.fixture
def hong_kong_cold(qtbot, shown: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The 香港繁体 view before xjyutping is loaded (a real one loads at the first Cantonese
    reading), with no warm-up to load it first."""
    shown.companion.lookup._idle.stop()
    monkeypatch.setattr(readings, "_ENGINES", readings._Engines())
    readings._run_reading.cache_clear()
    shown.scripts.set_config("s2hk")
    qtbot.waitUntil(lambda: "銀行行長" in shown.reading_pane.document().toPlainText())
    _words_known(qtbot, shown)
    return shown


def test_a_first_lookup_shows_before_the_cantonese_reading_is_in(
    qtbot, hong_kong_cold: MainWindow
) -> None:
    window = hong_kong_cold
    lookup = window.companion.lookup
    answers = []
    lookup.shown.connect(answers.append)
    qtbot.mouseMove(window.reading_pane.viewport(), point_at(window, "都市", char=1))
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=20_000)
    # First the word, its pinyin and senses, the Cantonese reading to come; then that too,
    # in the same popup, still under the word.
    assert [a.word for a in answers] == ["都市", "都市"]
    assert answers[0].pinyin == "dū shì" and not answers[0].jyutping
    assert answers[1].jyutping == "dou1 si5" and lookup.current is answers[1]
    assert "粤 dou1 si5" in lookup.popup.label.text() and lookup.popup.isVisible()
    assert not lookup.popup.geometry().intersects(lookup.word_on_screen())


def test_an_answer_for_a_word_left_behind_is_not_shown(qtbot, hong_kong_cold: MainWindow) -> None:
    lookup = hong_kong_cold.companion.lookup
    hover(qtbot, hong_kong_cold, point_at(hong_kong_cold, "長大", char=1))
    lookup.close()  # before the Cantonese reading is in
    qtbot.waitUntil(readings.jyutping_ready, timeout=20_000)
    qtbot.wait(200)
    assert not lookup.popup.isVisible() and not lookup.current.jyutping


def test_moving_away_closes_and_nothing_on_punctuation(qtbot, shown: MainWindow) -> None:
    hover(qtbot, shown, point_at(shown, "都市", char=0))
    qtbot.mouseMove(shown.reading_pane.viewport(), point_at(shown, "孩子们", char=1))
    assert not shown.companion.lookup.popup.isVisible()
    assert not shown.companion.lookup.look_up_at(point_at(shown, "，"))


def test_a_keeps_the_word_with_its_sentence(qtbot, shown: MainWindow) -> None:
    hover(qtbot, shown, point_at(shown, "都市", char=1))
    with qtbot.waitSignal(shown.companion.lookup.said, timeout=10_000) as said:
        qtbot.keyClick(shown.reading_pane, Qt.Key.Key_A)
    assert "都市" in said.args[0]
    word = shown.library.vocabulary.get("都市")
    assert word is not None and word.reading == "dū shì"
    assert word.sentence == "记者了解到，银行行长认为这个都市的发展很重要。"
    assert word.article_id == shown.reading_pane.record.id

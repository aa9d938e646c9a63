"""拼音 mode: readings above the characters (title too) in every script view, highlights,
find marks and the selection still there, one key on and off (remembered), off giving
back the plain pane exactly; the reading chosen in 设置; a long article read lazily; and
the words being learnt marked in the text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor

from reader.gui import word_selection
from reader.gui.mainwindow import MainWindow

TEXT = (
    "银行行长谈发展\n\n"
    "记者了解到，银行行长认为这个都市的发展很重要。孩子们在这里长大。\n\n"
    "他们说，重庆的长江大桥很壮观。\n"
)


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch, dictionary_folder: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    monkeypatch.setenv("READER_CACHE_DIR", str(dictionary_folder))


def open_text(qtbot, window: MainWindow, text: str) -> None:
    window.importer.finish(window.library.import_text(text))
    qtbot.waitUntil(lambda: window.reading_pane.record is not None, timeout=10_000)


@pytest.fixture
def shown(qtbot, window: MainWindow) -> MainWindow:
    open_text(qtbot, window, TEXT)
    word_selection.warm_up_in_background()
    qtbot.waitUntil(word_selection.segmenter_ready, timeout=60_000)
    return window


def readings_in(qtbot, window: MainWindow) -> None:
    """Waits until the readings of every paragraph shown have come and been painted."""

    def known() -> bool:
        block = window.reading_pane.document().begin()
        while block.isValid():
            if block.text() and word_selection.char_readings(block.text(), fmt(window)) is None:
                return False
            block = block.next()
        return True

    qtbot.waitUntil(known, timeout=20_000)
    window.reading_pane.viewport().repaint()


def fmt(window: MainWindow) -> str:
    ruby = window.reading_pane.ruby
    assert ruby is not None
    return ruby.fmt


def char_rect(window: MainWindow, text: str, nth: int = 0) -> QRect:
    """The viewport box of the first character of the nth `text` shown."""
    pane = window.reading_pane
    cursor = QTextCursor(pane.document())
    for _ in range(nth + 1):
        cursor = pane.document().find(text, cursor)
        assert not cursor.isNull(), text
    probe = QTextCursor(pane.document())
    probe.setPosition(cursor.selectionStart())
    left = pane.cursorRect(probe)
    probe.setPosition(cursor.selectionStart() + 1)
    right = pane.cursorRect(probe)
    return QRect(left.left(), left.top(), right.left() - left.left(), left.height())


def above(rect: QRect) -> QRect:
    """The band just above a character, where its reading goes."""
    return QRect(rect.left(), rect.top() - 14, rect.width(), 12)


def ink(image: QImage, rect: QRect, paper: str) -> int:
    """How many pixels of `rect` are not the paper's colour (text drawn there)."""
    base = QColor(paper)
    count = 0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            c = image.pixelColor(x, y)
            if abs(c.red() - base.red()) + abs(c.green() - base.green()) > 60:
                count += 1
    return count


def has_colour(image: QImage, rect: QRect, colour: str) -> bool:
    wanted = QColor(colour)
    return any(
        image.pixelColor(x, y) == wanted
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def grab(window: MainWindow) -> QImage:
    pane = window.reading_pane
    pane.viewport().repaint()
    return pane.viewport().grab().toImage()


def drawn(window: MainWindow, layer: str) -> list[str]:
    """The text under each span of one of the pane's layers."""
    pane = window.reading_pane
    view = pane.view
    assert view is not None
    if layer not in pane.layers:
        return []
    return [view.body.text[s:e] for s, e in pane.view_spans(pane.layers[layer])]


@pytest.mark.parametrize(
    ("config", "word", "first"), [("s2t", "發展", "fā"), ("s2hk", "發展", "faat3")]
)
def test_readings_above_the_characters_with_marks_kept(
    qtbot, shown: MainWindow, config: str, word: str, first: str
) -> None:
    window, pane = shown, shown.reading_pane
    window.scripts.set_config(config)
    qtbot.waitUntil(lambda: word in pane.document().toPlainText())
    window.library.analysis.set_watch_words(["都市"])  # a mark of the window's
    window.reading.apply_layers()
    qtbot.waitUntil(lambda: window.annotating.built)
    start = pane.view.body.text.index("孩子")
    pane.select_span(start, start + 2, original=False)
    window.annotating.ui.highlight("yellow")  # the reader's highlight
    window.find_bar.open_bar()
    window.find_bar.edit.setText("发展")  # finds 發展 too
    finds = drawn(window, "find")
    assert finds == [word]
    pane.select_span(0, 2)  # the reader's selection: 记者 of the body
    selected = pane.textCursor().selectedText()
    plain = grab(window)
    shown_at = [
        (text, nth) for text in (word, "都市", "長江") for nth in range(2 if text == word else 1)
    ]
    plain_boxes = [char_rect(window, text, nth) for text, nth in shown_at]

    window.menus.ruby_action.trigger()
    assert window.menus.ruby_action.isChecked()
    # Jyutping in the Hong Kong view by default, pinyin in the others (the popup's rule).
    assert fmt(window) == ("jyutping" if config == "s2hk" else "marks")
    readings_in(qtbot, window)
    title = pane.document().begin().text()
    assert word_selection.char_readings(title, fmt(window))[5] == first  # 發 of 談發展
    on = grab(window)
    paper = pane.theme.base
    for (text, nth), plain_box in zip(shown_at, plain_boxes, strict=True):
        box = char_rect(window, text, nth)
        assert ink(on, above(box), paper) > 6, text  # its reading, title included
        assert ink(plain, above(plain_box), paper) == 0, text
    # The marks and the selection are where they were, drawn as before.
    assert drawn(window, "find") == finds and drawn(window, "watch") == ["都市"]
    assert drawn(window, "annotation-yellow") == ["孩子"]
    assert pane.textCursor().selectedText() == selected
    found = char_rect(window, word, 1)
    assert has_colour(on, found.adjusted(2, 2, -2, -2), window.looks.theme.find)
    yellow = pane.layers["annotation-yellow"].fmt.background().color().name()
    assert has_colour(on, char_rect(window, "孩子").adjusted(2, 2, -2, -2), yellow)
    window.find_bar.step(+1)  # stepping through the finds still selects them
    assert pane.textCursor().selectedText() == word
    # The popup finds its word among the readings and stays off it.
    qtbot.waitUntil(lambda: window.companion.lookup is not None)
    with qtbot.waitSignal(window.companion.lookup.shown, timeout=20_000) as looked_up:
        qtbot.mouseMove(pane.viewport(), char_rect(window, "都市").center())
    assert looked_up.args[0].word == "都市"
    assert not window.companion.lookup.popup.geometry().intersects(
        window.companion.lookup.word_on_screen()
    )


def test_one_key_on_and_off_gives_back_the_plain_pane(
    qtbot, shown: MainWindow, open_window: Callable[[], MainWindow]
) -> None:
    window, pane = shown, shown.reading_pane
    window.library.analysis.set_watch_words(["都市"])
    window.reading.apply_layers()
    plain_html = pane.document().toHtml()
    plain = grab(window)
    window.activateWindow()
    pane.setFocus()
    qtbot.keyClick(
        pane, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert pane.ruby is not None
    readings_in(qtbot, window)
    assert grab(window) != plain
    qtbot.keyClick(
        pane, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert pane.ruby is None
    assert pane.document().toHtml() == plain_html
    assert grab(window) == plain
    assert drawn(window, "watch") == ["都市"]

    # Remembered: the next window opens in 拼音 mode.
    window.menus.ruby_action.trigger()
    window.close()
    again = open_window()
    assert again.menus.ruby_action.isChecked() and again.reading_pane.ruby is not None


def test_the_reading_chosen_in_settings(qtbot, shown: MainWindow) -> None:
    window, pane = shown, shown.reading_pane
    window.menus.ruby_action.trigger()
    looks = window.looks
    looks.apply(replace(looks.prefs, reading="zhuyin"))
    assert fmt(window) == "zhuyin"
    readings_in(qtbot, window)
    title = pane.document().begin().text()
    assert word_selection.char_readings(title, "zhuyin")[:2] == ("ㄧㄣˊ", "ㄏㄤˊ")
    # Zhuyin stands at the right of its character, as printed in Taiwan.
    box = char_rect(window, "都市")
    beside = QRect(box.right() + 1, box.top(), box.width() // 2, box.height())
    assert ink(grab(window), beside, pane.theme.base) > 6
    # The popup shows the same choice beside the pinyin.
    qtbot.waitUntil(lambda: window.companion.lookup is not None)
    with qtbot.waitSignal(window.companion.lookup.shown, timeout=20_000):
        qtbot.mouseMove(pane.viewport(), char_rect(window, "都市").center())
    assert "ㄉㄨ ㄕˋ" in window.companion.lookup.popup.label.text()
    window.companion.lookup.close()
    window.scripts.set_config("s2hk")  # a choice holds in every view
    assert fmt(window) == "zhuyin"
    looks.apply(replace(looks.prefs, reading="auto"))
    assert fmt(window) == "jyutping"
    looks.apply(replace(looks.prefs, reading="jyutping"))
    window.scripts.set_config(None)
    assert fmt(window) == "jyutping"


def test_a_long_article_is_read_as_it_is_shown(qtbot, shown: MainWindow) -> None:
    window, pane = shown, shown.reading_pane
    paragraph = "记者了解到，银行行长认为这个都市的发展很重要，孩子们在这里长大。" * 3
    long_text = "长文\n\n" + "\n\n".join(f"第{i}段。{paragraph}" for i in range(1000))
    assert len(long_text) > 100_000
    open_text(qtbot, window, long_text)
    window.menus.ruby_action.trigger()
    qtbot.waitUntil(lambda: pane.view is not None and pane.view.title == "长文")
    blocks = []
    block = pane.document().begin()
    while block.isValid():
        blocks.append(block.text())
        block = block.next()

    def known(text: str) -> bool:
        return word_selection.char_readings(text, "marks") is not None

    qtbot.waitUntil(lambda: known(blocks[1]), timeout=20_000)
    # The paragraphs shown and a few beyond are read, not the thousand.
    assert sum(known(t) for t in blocks) < 100
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())
    pane.viewport().repaint()
    qtbot.waitUntil(lambda: known(blocks[-1]), timeout=20_000)


def test_the_words_being_learnt_are_marked(qtbot, shown: MainWindow) -> None:
    window, pane = shown, shown.reading_pane
    qtbot.waitUntil(lambda: window.companion.lookup is not None)
    box = char_rect(window, "都市")
    with qtbot.waitSignal(window.companion.lookup.shown, timeout=20_000) as looked_up:
        qtbot.mouseMove(pane.viewport(), box.center())
    assert looked_up.args[0].word == "都市"
    with qtbot.waitSignal(window.changes.changed, timeout=10_000) as said:
        qtbot.keyClick(pane, Qt.Key.Key_A)
    assert said.args[0].vocabulary
    assert drawn(window, "vocabulary") == ["都市"]  # at once, from the popup's A
    window.library.vocabulary.add("发展")
    window.reading.apply_layers()
    assert drawn(window, "vocabulary") == ["都市", "发展"]  # in the body, as every mark
    window.scripts.set_config("s2twp")
    assert drawn(window, "vocabulary") == ["都市", "發展"]  # in either script
    window.library.vocabulary.set_known("发展")  # known: no longer marked
    from reader.gui.changes import Change

    window.changes.announce(Change(vocabulary=True))
    assert drawn(window, "vocabulary") == ["都市"]
    looks = window.looks
    looks.apply(replace(looks.prefs, mark_vocabulary=False))  # the reader turned it off
    assert drawn(window, "vocabulary") == []

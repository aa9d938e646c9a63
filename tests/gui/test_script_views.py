"""Script views in the window: the same article in 简/繁/台/港, highlights on the same words."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QToolTip

from reader.core import scripts
from reader.gui.mainwindow import MainWindow
from reader.gui.preferences import Preferences
from reader.gui.reading_pane import Layer

TEXT = "数码新品\n\n本报讯 𠮷字旁的内存条和U盘放在窗口旁边,头发也该理了。\n"


def open_article(window: MainWindow, text: str = TEXT) -> int:
    report = window.library.import_text(text)
    window.importer.finish(report)
    return report.articles[0].id


def drawn(window: MainWindow, layer: str) -> list[str]:
    """The text under each extra selection of one layer, as the reader sees it."""
    count = len(window.reading_pane.view_spans(window.reading_pane.layers[layer]))
    other = sum(
        len(window.reading_pane.view_spans(lay))
        for name, lay in window.reading_pane.layers.items()
        if name != layer
    )
    assert other == 0
    return [sel.cursor.selectedText() for sel in window.reading_pane.extraSelections()[:count]]


def test_switching_script_shows_the_view_and_is_remembered(window: MainWindow) -> None:
    open_article(window)
    window.scripts.set_config("s2twp")
    assert window.reading_pane.toPlainText().startswith("數碼新品")
    assert "記憶體模組和隨身碟放在視窗旁邊" in window.reading_pane.toPlainText()
    assert Preferences.load(window.settings).default_script == "s2twp"
    window.scripts.actions[0].trigger()  # 原文 from the menu
    assert window.scripts.combo.currentText() == "原文"
    assert "内存条和U盘放在窗口旁边" in window.reading_pane.toPlainText()


def test_labels_around_the_article_follow_the_view(window: MainWindow) -> None:
    page = "春耕备耕\n\n本报讯 各地农资供应充足。（下转第四版）\n\n图为农民在田间劳作。\n"
    open_article(window, page)
    record = window.reading_pane.record
    assert record.continues_to and record.captions  # the splitter found both
    assert "下转" in window.reading_pane.toPlainText()
    window.scripts.set_config("s2t")
    text = window.reading_pane.toPlainText()
    assert "下轉" in text and "【圖】" in text
    assert "下转" not in text and "【图】" not in text


def test_a_view_chosen_first_loads_on_a_worker_then_shows(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader import views

    open_article(window)
    warm_up, loaded_on = views.warm_up, []

    def on_a_worker(config: str | None) -> None:
        loaded_on.append(threading.current_thread())
        warm_up(config)

    monkeypatch.setattr(views, "is_warm", lambda config: False)
    monkeypatch.setattr(views, "warm_up", on_a_worker)
    window.scripts.set_config("s2tw")
    qtbot.waitUntil(lambda: "記憶體" in window.reading_pane.toPlainText() or "內存" in
                    window.reading_pane.toPlainText())  # fmt: skip
    assert loaded_on and loaded_on[0] is not threading.main_thread()
    # Two views chosen in a row before the first has loaded: the last one shows.
    window.scripts.set_config("s2hk")
    window.scripts.set_config(None)
    qtbot.waitUntil(lambda: len(loaded_on) == 3)
    qtbot.wait(50)
    assert "内存条和U盘放在窗口旁边" in window.reading_pane.toPlainText()
    assert window.reading.text_in_view.config is None


def test_highlights_stay_on_the_same_words_in_every_view(window: MainWindow) -> None:
    open_article(window)
    body = window.reading_pane.record.body
    words = ["𠮷", "内存条", "窗口", "头发"]
    spans = tuple((body.index(w), body.index(w) + len(w)) for w in words)
    fmt = QTextCharFormat()
    fmt.setBackground(window.palette().highlight())
    expected = {
        None: words,
        "s2t": ["𠮷", "內存條", "窗口", "頭髮"],
        "s2twp": ["𠮷", "記憶體模組", "視窗", "頭髮"],
        "s2hk": ["𠮷", "內存條", "窗口", "頭髮"],
    }
    for config, want in expected.items():
        window.scripts.set_config(config)
        window.reading_pane.set_layer("test", Layer(spans, fmt))
        assert drawn(window, "test") == want, config


def test_selection_in_a_view_maps_to_the_original(window: MainWindow) -> None:
    open_article(window)
    window.scripts.set_config("s2twp")
    view_body = window.reading_pane.view.body.text
    start = view_body.index("隨身碟")
    window.reading_pane.select_span(start, start + 3, original=False)
    assert window.reading_pane.textCursor().selectedText() == "隨身碟"
    s, e = window.reading_pane.selected_span()
    assert window.reading_pane.record.body[s:e] == "U盘"


def test_ambiguity_marks_show_alternatives(window: MainWindow) -> None:
    open_article(window, "小吃\n\n本报讯 他只吃了一碗面,后来回到村里。\n")
    window.scripts.set_config("s2t")
    window.menus.ambiguity_action.setChecked(True)
    window.reading.refresh_ambiguities()
    layer = window.reading_pane.layers["ambiguities"]
    assert layer.spans and len(layer.tooltips) == len(layer.spans)
    assert all("也可作" in tip for tip in layer.tooltips)
    window.menus.ambiguity_action.setChecked(False)
    window.reading.refresh_ambiguities()
    assert "ambiguities" not in window.reading_pane.layers


def test_a_phrase_fix_applies_to_every_article(window: MainWindow, written) -> None:
    first = open_article(window)
    second = open_article(window, "另一篇\n\n本报讯 请把窗口关上,别着凉。\n")
    window.scripts.set_config("s2twp")
    window.reading.select_article(first)
    assert "視窗" in window.reading_pane.toPlainText()
    window.reading.set_phrase("窗口", "窗口")
    written(window)
    assert "放在窗口旁邊" in window.reading_pane.toPlainText()
    window.reading.select_article(second)
    assert "請把窗口關上" in window.reading_pane.toPlainText()
    assert window.library.user_phrases("s2twp") == {"窗口": "窗口"}
    window.reading.set_phrase("窗口", None)
    written(window)
    assert "請把視窗關上" in window.reading_pane.toPlainText()


def test_copy_as_simplified_and_traditional(window: MainWindow, qapp) -> None:
    open_article(window)
    body = window.reading_pane.record.body
    span = (body.index("头发"), body.index("头发") + 2)
    window.reading.copy_span_as(span, "s2t")
    assert qapp.clipboard().text() == "頭髮"
    window.reading.copy_span_as(span, "t2s")
    assert qapp.clipboard().text() == "头发"
    assert scripts.detect_script(qapp.clipboard().text()) == "simplified"


def test_a_marked_character_shows_its_tooltip_on_hover(window: MainWindow, monkeypatch) -> None:
    pane = window.reading_pane
    assert pane.record is not None  # the first article is open
    monkeypatch.setattr(pane, "view_offset", lambda position: 0)  # over a marked character
    monkeypatch.setattr(pane, "tooltip_at", lambda offset: "發：也可作 髮")
    pos = QPoint(40, 40)
    QCoreApplication.sendEvent(pane, QHelpEvent(QEvent.Type.ToolTip, pos, pane.mapToGlobal(pos)))
    assert QToolTip.text() == "發：也可作 髮"
    QToolTip.hideText()


def test_a_traditional_papers_continuation_stays_in_its_own_script(qtbot, win) -> None:
    from reader.gui.mainwindow import MainWindow

    assert isinstance(win, MainWindow)
    title = "國際書展下月登場 首度線上線下並行"  # a Taiwan page: （下轉A3版）
    row = next(
        r for r in range(win.model.rowCount()) if win.model.data(win.model.index(r, 0)) == title
    )
    win.list_view.selectRow(row)
    qtbot.waitUntil(
        lambda: win.reading_pane.view is not None and win.reading_pane.view.title == title
    )
    shown = {}
    for config in (None, "s2hk", "s2tw", "t2s"):
        win.scripts.set_config(config)
        shown[config] = win.reading_pane.toPlainText()
    for config in (None, "s2hk", "s2tw"):
        assert "（下轉A3版）" in shown[config] and "下转" not in shown[config], config
    assert "（下转A3版）" in shown["t2s"]

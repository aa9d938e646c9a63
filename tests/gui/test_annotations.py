"""Highlights and notes in the window: undo/redo, word selection, every script view, the side
list, orphans, the library-wide browser, colour meanings."""

from __future__ import annotations

import itertools
import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QTabWidget, QWidget

from reader.core.anchors import anchor_by_quote
from reader.gui import note_dialog, word_selection
from reader.gui.annotation_browser import AnnotationBrowser, AnnotationTableModel
from reader.gui.annotation_list import AnnotationListModel, Entry
from reader.gui.annotations_controller import AnnotationsController
from reader.gui.mainwindow import MainWindow
from reader.library import Library

TEXT = "数码新品\n\n本报讯 𠮷字旁的内存条和U盘放在窗口旁边,头发也该理了。\n"
SECOND = "春耕时节\n\n本报讯 农民在田里忙着春耕,合作社送来了新的种子。\n"


@pytest.fixture(autouse=True)
def no_seed(isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")  # only the articles a test imports


@pytest.fixture
def warm(qtbot):
    """Word selection needs the segmenter's answers (the window never waits for them):
    the process started and ready; call the fixture's value to wait until it has
    answered for every paragraph the window shows."""
    word_selection.warm_up_in_background()
    qtbot.waitUntil(word_selection.segmenter_ready, timeout=60_000)

    def words_known(window: MainWindow) -> None:
        def known() -> bool:
            block = window.reading_pane.document().begin()
            while block.isValid():
                if word_selection.word_bounds(block.text()) is None:
                    return False
                block = block.next()
            return True

        qtbot.waitUntil(known, timeout=10_000)

    return words_known


def open_article(window: MainWindow, text: str = TEXT) -> int:
    report = window.library.import_text(text)
    window.importer.finish(report)
    return report.articles[0].id


def add(library: Library, article_id: int, quote: str, color: str = "yellow", note: str = ""):
    body = library.get(article_id).body
    return library.annotations.add(article_id, anchor_by_quote(body, quote), color, note)


def drawn(window: MainWindow) -> list[tuple[str, str]]:
    """(layer, text under it) for every highlight drawn in the reading pane, in order."""
    pane = window.reading_pane
    selections = pane.extraSelections()
    out, i = [], 0
    for name, layer in pane.layers.items():
        n = len(pane.view_spans(layer))
        if name.startswith("annotation-"):
            out += [(name, s.cursor.selectedText()) for s in selections[i : i + n]]
        i += n
    return out


def point_of(window: MainWindow, view_offset: int) -> QPoint:
    """A point in the reading pane's viewport on the character at ``view_offset``."""
    pane = window.reading_pane
    cursor = pane.textCursor()
    cursor.setPosition(pane.document_position(view_offset))
    rect = pane.cursorRect(cursor)
    return QPoint(rect.left() + 4, rect.center().y())


def select_view_text(window: MainWindow, text: str) -> None:
    pane = window.reading_pane
    start = pane.view.body.text.index(text)
    pane.select_span(start, start + len(text), original=False)


# -- the undo stack --------------------------------------------------------------------------


@pytest.fixture
def controller(qapp, library: Library) -> AnnotationsController:
    return AnnotationsController(library)


def test_every_change_is_saved_at_once_and_undone_step_by_step(
    controller: AnnotationsController, library: Library
) -> None:
    article = library.import_text(TEXT).articles[0].id
    store = library.annotations
    body = library.get(article).body
    controller.highlight(article, anchor_by_quote(body, "内存条"), "yellow")
    (made,) = library.annotations_of(article)
    controller.set_note(made.id, "记得比价")
    controller.recolour(made.id, "blue")
    assert controller.stack.count() == 3
    # Saved already: another connection sees it without any save step.
    other = Library(library.directory)
    assert other.annotations.get(made.id).color == "blue"
    assert other.annotations.get(made.id).note == "记得比价"
    other.close()

    controller.stack.undo()
    assert store.get(made.id).color == "yellow"
    controller.stack.undo()
    assert store.get(made.id).note == ""
    controller.stack.undo()
    assert store.find(made.id) is None
    assert not controller.stack.canUndo()

    controller.stack.redo()  # the very same annotation comes back
    again = store.get(made.id)
    assert (again.exact, again.created) == ("内存条", made.created)
    controller.stack.redo()
    controller.stack.redo()
    assert store.get(made.id).color == "blue"
    assert store.get(made.id).note == "记得比价"


def test_delete_is_undone_with_the_same_id_note_and_dates(
    controller: AnnotationsController, library: Library
) -> None:
    article = library.import_text(TEXT).articles[0].id
    made = add(library, article, "头发", "pink", "理发店")
    controller.delete(made.id)
    assert library.annotations.find(made.id) is None
    assert controller.stack.undoText() == "删除高亮「头发」"
    controller.stack.undo()
    assert library.annotations.get(made.id) == made
    controller.stack.redo()
    assert library.annotations.find(made.id) is None


def test_changed_names_the_article_and_edits_that_change_nothing_are_not_steps(
    qtbot, controller: AnnotationsController, library: Library
) -> None:
    article = library.import_text(TEXT).articles[0].id
    body = library.get(article).body
    with qtbot.waitSignal(controller.changed) as signal:
        controller.highlight(article, anchor_by_quote(body, "窗口"), "green")
    assert signal.args == [article]
    (made,) = library.annotations_of(article)
    controller.recolour(made.id, "green")
    controller.set_note(made.id, "")
    assert controller.stack.count() == 1
    with qtbot.waitSignal(controller.changed) as signal:
        controller.stack.undo()
    assert signal.args == [article]


def test_an_undo_that_cannot_apply_reports_and_leaves_the_stack(
    qtbot, controller: AnnotationsController, library: Library
) -> None:
    article = library.import_text(TEXT).articles[0].id
    made = add(library, article, "窗口")
    controller.recolour(made.id, "blue")
    library.annotations.delete(made.id)  # e.g. from the command line meanwhile
    with qtbot.waitSignal(controller.failed) as signal:
        controller.stack.undo()
    assert "无法完成" in signal.args[0]
    assert controller.stack.count() == 0  # dropped, not stuck
    assert library.annotations.find(made.id) is None


def test_renaming_a_colour_is_undoable(
    qtbot, controller: AnnotationsController, library: Library
) -> None:
    controller.rename_colour("blue", "  存 疑 ")
    assert library.annotations.colour("blue").label == "存 疑"
    controller.rename_colour("blue", "存 疑")  # unchanged: no step
    assert controller.stack.count() == 1
    controller.stack.undo()
    assert library.annotations.colour("blue").label == "疑问"
    controller.stack.redo()
    assert library.annotations.colour("blue").label == "存 疑"
    for key, label in (("purple", "紫"), ("blue", "   ")):  # refused: said, no step
        with qtbot.waitSignal(controller.failed) as signal:
            controller.rename_colour(key, label)
        assert signal.args[0].startswith("无法改名：")
    assert controller.stack.count() == 1
    assert library.annotations.colour("blue").label == "存 疑"


# -- word selection --------------------------------------------------------------------------


def test_double_click_selects_a_jieba_word_and_shift_arrows_grow_it(
    qtbot, window: MainWindow, warm
) -> None:
    open_article(window)
    warm(window)
    pane = window.reading_pane
    body = pane.view.body.text
    at = point_of(window, body.index("内存条") + 1)
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert pane.textCursor().selectedText() == "内存条"  # not 内, not the whole run
    qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().selectedText() == "内存条和U盘"
    qtbot.keyClick(pane, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().selectedText() == "的内存条和U盘"


def test_double_click_selects_a_user_dictionary_word_whole(qtbot, window: MainWindow, warm) -> None:
    # The analysis runs in a process of its own: the window gives its segmenter the words.
    open_article(window, "农事\n\n本报讯 合作社推广绣花功夫式的精细管理。\n")
    warm(window)
    pane = window.reading_pane
    at = point_of(window, pane.view.body.text.index("绣花功夫") + 1)

    def double_click() -> str:
        qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=at)
        return pane.textCursor().selectedText()

    assert double_click() == "绣花"  # jieba's own dictionary: 绣花 / 功夫
    window.library.analysis.add_user_words(["绣花功夫"])
    window.analysis_runner.start()
    try:
        warm(window)  # asked again, with the word
        assert double_click() == "绣花功夫"
        qtbot.waitUntil(lambda: window.analysis_runner.operation is None, timeout=60_000)
    finally:
        word_selection.use_user_words([])  # the segmenter is the test process's


def test_the_segmenter_runs_as_a_process_of_its_own(qtbot, monkeypatch, warm) -> None:
    # In the window's process, loading jieba's dictionary would hold Python's lock
    # against the window's thread for tens of ms at a time.
    import jieba

    def loaded_here(*_args):
        pytest.fail("jieba's dictionary was loaded in the window's process")

    monkeypatch.setattr(jieba.Tokenizer, "gen_pfdict", loaded_here)
    monkeypatch.setattr(pickle, "load", loaded_here)
    text = "本报讯 合作社推广精细管理，内存条和U盘放在窗口旁边。"
    assert word_selection.word_bounds(text) is None  # not asked yet
    word_selection._segmenter.ask([text])
    qtbot.waitUntil(lambda: word_selection.word_bounds(text) is not None, timeout=10_000)
    starts = word_selection.word_bounds(text)
    assert starts[-1] == len(text)
    assert [text[a:b] for a, b in itertools.pairwise(starts)][:5] == jieba.lcut(text)[:5]


def test_shift_up_and_down_grow_the_selection_by_a_line(qtbot, window: MainWindow, warm) -> None:
    open_article(window, "长段\n\n" + "本报讯 今天天气晴朗，我们沿着河边慢慢散步。" * 12 + "\n")
    warm(window)
    pane = window.reading_pane
    body = pane.view.body.text
    middle = body.index("散步", len(body) // 2)
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window, middle))
    assert pane.textCursor().selectedText() == "散步"
    start = pane.textCursor().selectionStart()
    qtbot.keyClick(pane, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    grown = pane.textCursor()
    assert grown.selectionStart() == start and len(grown.selectedText()) > 10
    qtbot.keyClick(pane, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().selectionStart() < start
    assert pane.textCursor().selectionEnd() == grown.selectionEnd()


def test_double_click_on_an_astral_character_in_a_traditional_view(
    qtbot, window: MainWindow, warm
) -> None:
    open_article(window)
    window.scripts.set_config("s2twp")
    warm(window)
    pane = window.reading_pane
    body = pane.view.body.text
    qtbot.mouseDClick(
        pane.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window, body.index("記憶體"))
    )
    word = pane.textCursor().selectedText()
    assert word and word in "記憶體模組"
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window, 0))
    assert pane.textCursor().selectedText() == "𠮷"  # a whole astral character, both halves
    qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().selectedText().startswith("𠮷字")


def test_the_segmenter_loads_once_the_reader_pauses(qtbot, monkeypatch) -> None:
    # Loading it stops the window ~0.2 s: not while the reader presses keys.
    started: list[bool] = []
    monkeypatch.setattr(word_selection, "_segmenter", None)  # not started yet
    monkeypatch.setattr(word_selection, "warm_up_in_background", lambda: started.append(True))
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    word_selection.warm_up_when_idle([widget], idle_ms=300)
    shortcut = QShortcut(QKeySequence("J"), widget)  # J as the window binds it
    pressed: list[bool] = []
    shortcut.activated.connect(lambda: pressed.append(True))
    widget.activateWindow()
    qtbot.waitActive(widget)
    for _ in range(6):
        qtbot.wait(120)
        QTest.keyClick(widget, Qt.Key.Key_J)
    assert len(pressed) == 6  # the keys went to the shortcut, not as key presses
    assert started == []  # 0.7 s of keys, never a 0.3 s pause
    qtbot.waitUntil(lambda: started == [True], timeout=3000)


def test_before_the_segmenter_is_loaded_double_click_is_qts_own(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_article(window)
    monkeypatch.setattr(word_selection, "segmenter_ready", lambda: False)
    pane = window.reading_pane
    at = point_of(window, pane.view.body.text.index("内存条") + 1)
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert pane.textCursor().hasSelection()  # something, never a wait for jieba
    qtbot.keyClick(pane, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # by characters


# -- highlighting in the window --------------------------------------------------------------


def test_highlight_made_in_one_script_is_drawn_on_the_same_words_in_every_other(
    qtbot, window: MainWindow, warm, written
) -> None:
    article = open_article(window)
    warm(window)
    pane = window.reading_pane
    qtbot.mouseDClick(
        pane.viewport(),
        Qt.MouseButton.LeftButton,
        pos=point_of(window, pane.view.body.text.index("内存条")),
    )
    qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane, Qt.Key.Key_2)  # 引用 (green)
    written(window)
    [made] = window.library.annotations.for_article(article)
    assert (made.exact, made.color) == ("内存条和U盘", "green")
    assert drawn(window) == [("annotation-green", "内存条和U盘")]

    # A highlight made in the Taiwan view, where 随身碟 stands for U盘 (length changes).
    window.scripts.set_config("s2twp")
    assert drawn(window) == [("annotation-green", "記憶體模組和隨身碟")]
    select_view_text(window, "視窗")
    window.annotating.ui.highlight("pink")
    select_view_text(window, "頭髮")
    window.annotating.ui.highlight("blue")
    written(window)
    stored = {a.exact: a.color for a in window.library.annotations.for_article(article)}
    assert stored == {"内存条和U盘": "green", "窗口": "pink", "头发": "blue"}

    expected = {
        None: ["内存条和U盘", "窗口", "头发"],
        "s2hk": ["內存條和U盤", "窗口", "頭髮"],
        "s2t": ["內存條和U盤", "窗口", "頭髮"],
        "s2twp": ["記憶體模組和隨身碟", "視窗", "頭髮"],
    }
    for config, words in expected.items():
        window.scripts.set_config(config)
        assert sorted(t for _, t in drawn(window)) == sorted(words), config
        quotes = [
            window.annotating.ui.panel.model.data(window.annotating.ui.panel.model.index(r, 0))
            for r in range(3)
        ]
        assert quotes == words, config  # the side list in reading order, in this script


def test_highlights_use_the_theme_and_draw_over_keywords(window: MainWindow) -> None:
    article = open_article(window)
    add(window.library, article, "窗口", "yellow")
    window.reading.select_article(article)
    window.annotating.ui.refresh()
    names = list(window.reading_pane.layers)
    assert names.index("annotation-yellow") > names.index("keywords")
    light = window.reading_pane.layers["annotation-yellow"].fmt.background().color()
    window.looks.apply(replace(window.looks.prefs, theme="dark"))
    dark = window.reading_pane.layers["annotation-yellow"].fmt.background().color()
    assert dark.lightness() < light.lightness()  # softened into the dark paper
    assert dark.lightness() < 128 < light.lightness()


def test_notes_are_underlined_and_shown_on_hover(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, written
) -> None:
    article = open_article(window)
    select_view_text(window, "头发")
    monkeypatch.setattr(note_dialog, "ask_note", lambda *a, **k: ("blue", "该去理发店了"))
    window.annotating.ui.add_or_edit_note()
    written(window)
    [made] = window.library.annotations.for_article(article)
    assert (made.exact, made.color, made.note) == ("头发", "blue", "该去理发店了")
    layer = window.reading_pane.layers["annotation-blue-note"]
    assert layer.fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    offset = window.reading_pane.view.body.text.index("头发")
    assert window.reading_pane.tooltip_at(offset) == "疑问\n该去理发店了"

    # The cursor in the highlight: the same action edits its note; undo brings it back.
    window.reading_pane.select_span(offset + 1, offset + 1, original=False)
    asked = []

    def edit(parent, quote, colours, color, note=""):
        asked.append((quote, color, note))
        return ("blue", "剪短一点")

    monkeypatch.setattr(note_dialog, "ask_note", edit)
    window.annotating.ui.add_or_edit_note()
    assert asked == [("头发", "blue", "该去理发店了")]
    written(window)
    assert window.library.annotations.get(made.id).note == "剪短一点"
    window.annotating.ui.undo_action.trigger()
    written(window)
    assert window.library.annotations.get(made.id).note == "该去理发店了"


def test_a_selection_outside_the_body_is_not_highlighted(window: MainWindow, written) -> None:
    article = open_article(window)
    pane = window.reading_pane
    cursor = pane.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(2, cursor.MoveMode.KeepAnchor)  # in the title
    pane.setTextCursor(cursor)
    assert not window.annotating.ui.highlight("yellow")
    written(window)
    assert window.library.annotations.for_article(article) == []
    assert "只能标注正文里的文字" in window.statusBar().currentMessage()
    pane.select_span(0, 0)
    window.annotating.ui.highlight("yellow")
    assert window.statusBar().currentMessage() == "先选中要高亮的文字"


def test_cancelling_the_note_dialog_changes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = open_article(window)
    select_view_text(window, "头发")
    monkeypatch.setattr(note_dialog, "ask_note", lambda *a, **k: None)
    window.annotating.ui.add_or_edit_note()
    assert window.library.annotations.for_article(article) == []
    assert not window.annotating.ui.controller.stack.canUndo()


def test_undo_and_redo_from_the_keyboard_while_reading(qtbot, window: MainWindow, written) -> None:
    article = open_article(window)
    pane = window.reading_pane
    pane.setFocus()
    select_view_text(window, "窗口")
    qtbot.keyClick(pane, Qt.Key.Key_1)
    written(window)
    assert [a.exact for a in window.library.annotations.for_article(article)] == ["窗口"]
    assert window.annotating.ui.undo_action.text() == "撤销 高亮「窗口」"
    qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    written(window)
    assert window.library.annotations.for_article(article) == []
    assert drawn(window) == []
    qtbot.keyClick(
        pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    written(window)
    assert [a.exact for a in window.library.annotations.for_article(article)] == ["窗口"]
    assert drawn(window) == [("annotation-yellow", "窗口")]


def test_recolour_and_delete_from_the_selection_and_the_context_menu(
    window: MainWindow, written
) -> None:
    article = open_article(window)
    made = add(window.library, article, "窗口", "yellow")
    window.annotating.ui.refresh()
    select_view_text(window, "窗口")  # exactly the highlight: a colour recolours it
    window.annotating.ui.highlight("green")
    written(window)
    assert window.library.annotations.get(made.id).color == "green"
    assert len(window.library.annotations.for_article(article)) == 1

    pane = window.reading_pane
    offset = pane.view.body.text.index("窗口")
    pane.select_span(offset, offset, original=False)
    menu = QMenu()
    window.annotating.ui.fill_menu(menu, point_of(window, offset))
    texts = [a.text() for a in menu.actions()]
    assert {"编辑批注…", "改为", "复制链接", "删除高亮"} <= set(texts)
    delete = next(a for a in menu.actions() if a.text() == "删除高亮")
    delete.trigger()
    written(window)
    assert window.library.annotations.for_article(article) == []
    assert drawn(window) == []
    window.annotating.ui.controller.stack.undo()
    written(window)
    assert window.library.annotations.get(made.id).color == "green"


def test_the_context_menu_offers_colours_for_a_selection(window: MainWindow) -> None:
    open_article(window)
    select_view_text(window, "头发")
    menu = QMenu()
    window.annotating.ui.fill_menu(menu, point_of(window, 0))
    colours = next(a.menu() for a in menu.actions() if a.text() == "高亮")
    assert [a.text() for a in colours.actions()] == [
        "高亮为「重点」",
        "高亮为「引用」",
        "高亮为「疑问」",
        "高亮为「待查」",
    ]
    assert "添加批注(&N)…" in [a.text() for a in menu.actions()]


def test_a_copied_link_opens_the_passage_in_any_view(qapp, window: MainWindow) -> None:
    article = open_article(window)
    made = add(window.library, article, "U盘")
    window.annotating.ui.copy_link(made.id)
    assert qapp.clipboard().text() == f"reader://article/{article}#{made.start}-{made.end}"
    window.scripts.set_config("s2twp")
    window.annotating.ui.copy_link(made.id)
    link = qapp.clipboard().text()
    body = window.reading_pane.view.body.text
    at = body.index("隨身碟")
    assert link == f"reader://article/{article}?script=s2twp#{at}-{at + 3}"

    other = open_article(window, SECOND)
    window.scripts.set_config("s2hk")
    assert window.reading_pane.record.id == other
    assert window.annotating.ui.open_link(link)
    assert window.reading_pane.record.id == article
    assert window.reading_pane.textCursor().selectedText() == "U盤"


def test_a_bad_link_is_one_message(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    assert not window.annotating.ui.open_link("https://example.com/")
    assert not window.annotating.ui.open_link("reader://article/999#1-2")
    assert told == ["这不是阅报的文章链接", "文库里没有这篇文章（可能已删除）"]


# -- export and import -----------------------------------------------------------------------


def test_export_markdown_and_json_then_import_the_json_back(
    qtbot, tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch, written
) -> None:
    article = open_article(window)
    kept = add(window.library, article, "头发", "blue", "该理了")
    add(window.library, article, "窗口", "green")
    window.scripts.set_config("s2t")
    markdown, data = tmp_path / "notes.md", tmp_path / "notes"
    for target, pattern in ((markdown, "*.md"), (data, "*.json")):

        def save_as(parent, caption, start, filters, t=target, p=pattern):
            # The reader picks the filter with that pattern, whatever its wording.
            return str(t), next(f for f in filters.split(";;") if p in f)

        monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
        window.annotating.ui.export_annotations()
    text = markdown.read_text(encoding="utf-8")
    assert "> 頭髮" in text and "該理了" not in text and "该理了" in text  # notes as written
    assert f"reader://article/{article}?script=s2t#" in text
    exported = json.loads(data.with_suffix(".json").read_text(encoding="utf-8"))
    assert exported["total"] == 2

    for a in window.library.annotations.for_article(article):
        window.library.annotations.delete(a.id)
    window.annotating.ui.refresh()
    assert drawn(window) == []
    window.annotating.ui.import_file(data.with_suffix(".json"))  # through the writer
    written(window)
    assert window.library.annotations.get(kept.id).note == "该理了"
    assert sorted(t for _, t in drawn(window)) == ["窗口", "頭髮"]
    assert "导入 2 条批注" in window.statusBar().currentMessage()
    window.annotating.ui.undo_action.trigger()  # the whole import is one step
    written(window)
    assert window.library.annotations.for_article(article) == []
    window.annotating.ui.redo_action.trigger()
    written(window)
    assert len(window.library.annotations.for_article(article)) == 2


def test_importing_something_else_is_one_dialog(
    qtbot, tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    page = tmp_path / "page.json"
    page.write_text('{"title": "不是批注"}', encoding="utf-8")
    articles = window.model.rowCount()
    window.annotating.ui.import_file(page)
    window.annotating.ui.import_file(tmp_path / "missing.json")  # queued after the first
    qtbot.waitUntil(lambda: len(told) == 2 and window.importer.operation is None)
    assert told[0].endswith("page.json：不是 W3C 批注 JSON 文件")
    assert "missing.json：" in told[1]
    assert window.model.rowCount() == articles  # not imported as an article either
    assert not window.annotating.ui.controller.stack.canUndo()


# -- the side list ---------------------------------------------------------------------------


def test_side_list_model_passes_the_model_tester(qapp, library: Library) -> None:
    article = library.import_text(TEXT).articles[0].id
    model = AnnotationListModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    a = add(library, article, "窗口", note="注")
    b = add(library, article, "头发")
    model.set_entries([Entry(a, "窗口", "重点", "#f2c94c"), Entry(b, "頭髮", "重点", "#f2c94c")])
    assert model.rowCount() == 2
    assert model.data(model.index(1, 0)) == "頭髮"
    assert model.data(model.index(0, 0), model.NoteRole) == "注"
    assert model.row_of(b.id) == 1
    model.set_entries([])
    assert model.rowCount() == 0


def test_clicking_a_row_scrolls_to_the_highlight(qtbot, window: MainWindow) -> None:
    long_text = "长文\n\n" + "\n".join(f"本报讯 第{i}段，天气晴朗，适合出行。" for i in range(80))
    long_text += "\n最后一段说到了窗口。\n"
    article = open_article(window, long_text)
    add(window.library, article, "窗口", "pink", "末尾")
    window.scripts.set_config("s2twp")
    window.annotating.ui.refresh()
    pane = window.reading_pane
    pane.verticalScrollBar().setValue(0)
    panel = window.annotating.ui.panel
    rect = panel.view.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.textCursor().selectedText() == "視窗"
    assert pane.verticalScrollBar().value() > 0
    assert panel.note_button.isEnabled()


def test_orphans_are_listed_not_drawn(window: MainWindow, written) -> None:
    article = open_article(window)
    kept = add(window.library, article, "窗口")
    lost = add(window.library, article, "头发", "pink", "原文改了")
    window.library.annotations.restore(replace(lost, orphaned=True))
    window.reading.select_article(article)
    window.annotating.ui.refresh()
    assert drawn(window) == [("annotation-yellow", "窗口")]
    panel = window.annotating.ui.panel
    model = panel.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["窗口", "头发"]
    assert model.data(model.index(1, 0), model.OrphanRole) is True
    assert "1 处未能定位" in panel.summary.text()
    window.annotating.ui.go_to(lost.id)
    assert "找不到" in window.statusBar().currentMessage()
    window.annotating.ui.delete(lost.id)  # the reader decides: deleted, and undoable
    written(window)
    assert window.library.annotations.find(lost.id) is None
    window.annotating.ui.controller.stack.undo()
    written(window)
    assert window.library.annotations.get(lost.id).orphaned
    assert kept.id != lost.id


def test_renaming_a_colour_from_the_panel_renames_menus_and_tooltips(
    window: MainWindow, written
) -> None:
    article = open_article(window)
    add(window.library, article, "窗口", "blue")
    window.annotating.ui.refresh()
    panel = window.annotating.ui.panel
    edit = panel.names.edits["blue"]
    edit.setText("存疑")
    edit.editingFinished.emit()
    written(window)
    assert window.library.annotations.colour("blue").label == "存疑"
    assert panel.names.edits["blue"] is edit  # updated in place, not rebuilt under the typing
    assert window.annotating.ui.colour_actions["blue"].text() == "高亮为「存疑」"
    assert panel.model.data(panel.model.index(0, 0), panel.model.LabelRole) == "存疑"
    offset = window.reading_pane.view.body.text.index("窗口")
    assert window.reading_pane.tooltip_at(offset) == "存疑"
    window.annotating.ui.controller.stack.undo()
    written(window)
    assert window.annotating.ui.colour_actions["blue"].text() == "高亮为「疑问」"


def test_the_settings_dialog_has_a_tab_for_colour_meanings(
    qtbot, window: MainWindow, written
) -> None:
    from reader.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.looks.prefs, window.library.analysis, window)
    qtbot.addWidget(dialog)
    window.annotating.ui.extend_settings(dialog)
    tabs = dialog.findChild(QTabWidget)
    assert tabs.tabText(tabs.count() - 1) == "高亮"
    names = window.annotating.ui.settings_names
    assert names.window() is dialog
    names.edits["pink"].setText("待核实")
    names.edits["pink"].editingFinished.emit()
    written(window)
    assert window.library.annotations.colour("pink").label == "待核实"
    window.annotating.ui.undo_action.trigger()
    written(window)
    assert names.edits["pink"].text() == "待查"
    dialog.close()
    dialog.deleteLater()
    qtbot.wait(10)
    window.annotating.ui.redo_action.trigger()  # the closed tab no longer listens
    written(window)
    assert window.annotating.ui.panel.names.edits["pink"].text() == "待核实"


# -- the library-wide browser ----------------------------------------------------------------


def test_browser_model_passes_the_model_tester(qapp, library: Library) -> None:
    article = library.import_text(TEXT).articles[0].id
    model = AnnotationTableModel(lambda text: text)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_colours(library.annotations.colours())
    add(library, article, "窗口", "green", "笔记")
    model.set_rows(library.annotations.browse(), {article: "数码新品"})
    assert model.rowCount() == 1 and model.columnCount() == 5
    assert model.data(model.index(0, model.COLOUR)) == "引用"
    assert model.data(model.index(0, model.ARTICLE)) == "数码新品"
    model.set_colours(library.annotations.colours())
    model.set_rows([], {})


def test_browser_searches_filters_and_opens_the_passage(qtbot, window: MainWindow) -> None:
    first = open_article(window)
    second = open_article(window, SECOND)
    add(window.library, first, "内存条", "yellow", "比较价格")
    add(window.library, first, "窗口", "blue")
    add(window.library, second, "种子", "blue", "哪家合作社")
    window.annotating.ui.open_browser()
    browser: AnnotationBrowser = window.annotating.ui._browser
    qtbot.addWidget(browser)
    model = browser.model

    def quotes() -> list[str]:
        return [model.data(model.index(r, model.QUOTE)) for r in range(model.rowCount())]

    assert sorted(quotes()) == ["内存条", "种子", "窗口"]
    browser.search.setText("價格")  # traditional finds simplified, notes are searched
    browser.reload()
    assert quotes() == ["内存条"]
    browser.search.clear()
    browser.colour.setCurrentIndex(browser.colour.findData("blue"))
    assert sorted(quotes()) == ["种子", "窗口"]
    browser.show_article(second)
    assert quotes() == ["种子"]
    assert browser.count.text() == "1 条"

    window.scripts.set_config("s2t")
    window.reading.select_article(first)
    browser.table.selectRow(0)
    browser.open_button.click()
    assert window.reading_pane.record.id == second
    assert window.reading_pane.textCursor().selectedText() == "種子"


def test_browser_follows_changes_and_lists_orphans(qtbot, window: MainWindow, written) -> None:
    article = open_article(window)
    made = add(window.library, article, "窗口")
    window.annotating.ui.open_browser()
    browser = window.annotating.ui._browser
    qtbot.addWidget(browser)
    assert browser.model.rowCount() == 1
    window.annotating.ui.delete(made.id)
    written(window)
    assert browser.model.rowCount() == 0
    window.annotating.ui.controller.stack.undo()
    written(window)
    assert browser.model.rowCount() == 1
    window.library.annotations.restore(replace(made, orphaned=True))
    browser.orphans.setChecked(True)
    assert browser.model.rowCount() == 1
    assert "未能定位" in browser.model.data(browser.model.index(0, browser.model.QUOTE))

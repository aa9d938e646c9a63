"""Keywords, entities and watch words in the window, computed off the GUI thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QAbstractItemModelTester

from reader.core import scripts
from reader.gui.keyword_panel import KeywordModel
from reader.gui.mainwindow import MainWindow
from reader.views import ShownKeyword


@pytest.fixture
def analysed(qtbot, window: MainWindow) -> MainWindow:
    window.analysis_runner.start()
    qtbot.waitUntil(lambda: window.analysis_runner.operation is None, timeout=60_000)
    row = next(
        r
        for r in range(window.model.rowCount())
        if window.model.data(window.model.index(r, 0)) == "决战决胜看今朝"
    )
    window.list_view.selectRow(row)
    return window


def drawn(window: MainWindow, name: str) -> list[str]:
    """Text under the extra selections of one layer."""
    pane = window.reading_pane
    texts, i = [], 0
    for layer_name, layer in pane.layers.items():
        n = len(pane.view_spans(layer))
        if layer_name == name:
            texts = [s.cursor.selectedText() for s in pane.extraSelections()[i : i + n]]
        i += n
    return texts


def test_keywords_appear_after_background_analysis(analysed: MainWindow) -> None:
    words = [
        analysed.keyword_panel.model.word(r) for r in range(analysed.keyword_panel.model.rowCount())
    ]
    assert len({"脱贫", "扶贫", "贫困", "攻坚", "搬迁"} & set(words[:10])) >= 4
    marked = drawn(analysed, "keywords")
    assert marked and set(marked) <= set(words)
    assert marked.count("脱贫") >= 10
    # Whole words only: 脱贫 is not marked inside 摆脱贫困.
    body = analysed.reading_pane.record.body
    inside = body.index("摆脱贫困") + 1
    spans = analysed.reading_pane.layers["keywords"].spans
    assert not any(s <= inside < e for s, e in spans)


def test_clicking_a_keyword_steps_through_its_occurrences(analysed: MainWindow) -> None:
    analysed.reading.focus_keyword("搬迁")
    pane = analysed.reading_pane
    assert pane.textCursor().selectedText() == "搬迁"
    total = len(analysed.reading._focus[1])
    assert total >= 3
    assert analysed.keyword_panel.position_label.text() == f"1/{total}"
    first = pane.textCursor().selectionStart()
    analysed.reading.step_occurrence(+1)
    assert pane.textCursor().selectedText() == "搬迁"
    assert pane.textCursor().selectionStart() > first
    analysed.reading.step_occurrence(-1)
    analysed.reading.step_occurrence(-1)
    assert analysed.keyword_panel.position_label.text() == f"{total}/{total}"


def test_keyword_highlights_follow_the_script_view(analysed: MainWindow) -> None:
    analysed.scripts.set_config("s2tw")
    assert "脫貧" in drawn(analysed, "keywords")
    analysed.reading.focus_keyword("扶贫")
    assert analysed.reading_pane.textCursor().selectedText() == "扶貧"


def test_related_articles_share_the_keyword(analysed: MainWindow) -> None:
    analysed.reading.focus_keyword("疫情")
    related = analysed.keyword_panel.related
    titles = [related.item(i).text() for i in range(related.count())]
    assert any(t.startswith("狠抓落实严防输入") for t in titles)
    item = next(
        related.item(i)
        for i in range(related.count())
        if related.item(i).text().startswith("狠抓落实")
    )
    analysed.keyword_panel._related_activated(item)
    assert analysed.reading_pane.record.title.startswith("狠抓落实严防输入")


def test_entity_layers_toggle_with_a_legend(analysed: MainWindow) -> None:
    assert not any(n.startswith("entity-") for n in analysed.reading_pane.layers)
    analysed.keyword_panel.entity_boxes["person"].setChecked(True)
    names = drawn(analysed, "entity-person")
    assert "李亚" in names
    assert analysed.settings.value("layers/entities") == "person"
    analysed.keyword_panel.entity_boxes["person"].setChecked(False)
    assert "entity-person" not in analysed.reading_pane.layers


def test_watch_words_are_marked_and_counted(analysed: MainWindow) -> None:
    analysed.library.analysis.set_watch_words(["疫情", "搬迁"])
    analysed.reading.apply_layers()
    marked = drawn(analysed, "watch")
    assert set(marked) == {"疫情", "搬迁"}
    label = analysed.keyword_panel.watch_label.text()
    assert f"疫情 ×{marked.count('疫情')}" in label and f"搬迁 ×{marked.count('搬迁')}" in label


def test_astral_characters_do_not_shift_highlights(qtbot, window: MainWindow) -> None:
    report = window.library.import_text(
        "𠮷野家开新店\n\n本报讯 𠮷野家𡘙在市中心开了新店,"
        "𠮷野家的牛肉饭很受欢迎,新店开业第一天排起长队。\n"
    )
    window.importer.finish(report)
    window.library.analysis.set_watch_words(["牛肉饭", "新店"])
    window.reading.apply_layers()
    assert drawn(window, "watch") == ["新店", "牛肉饭", "新店"]


def test_keyword_model_passes_the_tester(qtbot) -> None:
    model = KeywordModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_keywords(
        [ShownKeyword("脱贫", "脫貧", 0.5, ()), ShownKeyword("扶贫", "扶貧", 0.25, ())]
    )
    assert model.data(model.index(1), KeywordModel.WeightRole) == 0.5
    assert model.data(model.index(0)) == "脫貧"  # as the view writes it
    assert model.word(0) == "脱贫"  # the keyword it stands for, in every script
    model.set_keywords([])


def test_the_keyword_focus_survives_name_kinds_and_scripts(qtbot, analysed: MainWindow) -> None:
    reading, panel = analysed.reading, analysed.keyword_panel
    reading.focus_keyword("疫情")
    reading.step_occurrence(+1)
    total = len(reading._focus[1])
    assert total >= 3
    related = [panel.related.item(i).text() for i in range(panel.related.count())]
    assert related and related != ["（没有）"]

    def kept(count_label: str, config: str = "") -> None:
        assert panel.position_label.text() == count_label
        assert panel.model.word(panel.keyword_view.currentIndex().row()) == "疫情"
        assert len(drawn(analysed, "focus")) == total
        titles = [panel.related.item(i).text() for i in range(panel.related.count())]
        assert titles == [scripts.convert(t, config) if config else t for t in related]

    panel.entity_boxes["place"].setChecked(not panel.entity_boxes["place"].isChecked())
    kept(f"2/{total}")
    analysed.scripts.set_config("s2tw")
    kept(f"2/{total}", "s2tw")  # the same articles, their titles in the view's script
    assert set(drawn(analysed, "focus")) == {"疫情"}
    reading.step_occurrence(+1)  # F3 goes on from where the reader was
    kept(f"3/{total}", "s2tw")
    analysed.reading.step(+1)  # another article: nothing chosen
    qtbot.waitUntil(lambda: drawn(analysed, "focus") == [])
    assert panel.position_label.text() == ""


def test_f3_brings_each_hit_towards_the_middle(qtbot, analysed: MainWindow) -> None:
    analysed.resize(1180, 500)  # a short window: hits fall below the fold
    pane = analysed.reading_pane
    analysed.reading.focus_keyword("脱贫")
    bar = pane.verticalScrollBar()
    middles = []
    for _ in range(len(analysed.reading._focus[1])):
        analysed.reading.step_occurrence(+1)
        if 0 < bar.value() < bar.maximum():  # not held at the top or the end
            middles.append(pane.cursorRect().center().y() / pane.viewport().height())
    assert len(middles) >= 5
    assert all(0.25 <= m <= 0.75 for m in middles)


def test_keyword_marks_do_not_look_like_highlights(qtbot, analysed: MainWindow) -> None:
    """Keywords are underlined; the reader's own highlights (重点 …) are backgrounds."""
    qtbot.waitUntil(lambda: analysed.annotating.built)
    keyword = analysed.looks.formats["keywords"]
    assert keyword.background().style() == Qt.BrushStyle.NoBrush
    assert keyword.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    record = analysed.reading_pane.record
    analysed.library.annotate_quote(record.id, None, "脱贫攻坚", color="yellow")
    analysed.reading.rerender()
    highlight = analysed.reading_pane.layers["annotation-yellow"].fmt
    assert highlight.background().style() != Qt.BrushStyle.NoBrush
    assert highlight.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline

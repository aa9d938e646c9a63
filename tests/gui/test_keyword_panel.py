"""Keywords, entities and watch words in the window, computed off the GUI thread."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QAbstractItemModelTester

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
        n = len(pane._view_spans(layer))
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

"""One script everywhere: with 台湾正体 chosen, every piece of library text the window shows
is traditional (list titles and passages, keywords, other articles, watch words, sections,
全部批注); 原文 shows the stored text again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core import scripts
from reader.gui.changes import Change
from reader.gui.mainwindow import MainWindow
from reader.gui.sidebar import Scope

DATA = Path(__file__).resolve().parents[1] / "data" / "keywords" / "articles.json"
ARTICLES = {a["name"]: a for a in json.loads(DATA.read_text(encoding="utf-8"))}
TITLE_CN = "北市推动公共自行车升级"


def page(article: dict) -> str:
    return f"{article['title']}\n\n{article['byline']}{article['body']}\n"


def traditional(text: str) -> bool:
    """No character that only simplified text writes (发, 车); some text at all."""
    return bool(text) and scripts.script_counts(text)[0] == 0


def titles(win: MainWindow) -> list[str]:
    return [win.model.data(win.model.index(r, 0)) for r in range(win.model.rowCount())]


@pytest.fixture
def both(qtbot, window: MainWindow) -> MainWindow:
    """The Taiwan bicycle story, the same in simplified (open), a watch word, analysed."""
    lib = window.library
    lib.import_text(page(ARTICLES["tw_bicycle"]), "tw.txt")
    report = lib.import_text(scripts.convert(page(ARTICLES["tw_bicycle"]), "tw2sp"), "cn.txt")
    lib.analysis.set_watch_words(["自行车"])
    window.importer.finish(report)
    window.changes.announce(Change(watch=True, counted=True))
    window.analysis_runner.start()
    qtbot.waitUntil(lambda: window.analysis_runner.operation is None, timeout=60_000)
    qtbot.waitUntil(lambda: window.reading_pane.record is not None)
    qtbot.waitUntil(lambda: window.sidebar._item(Scope("watch", "自行车")) is not None)
    assert window.reading_pane.record.title == TITLE_CN
    return window


def test_every_piece_of_library_text_follows_the_chosen_script(qtbot, both: MainWindow) -> None:
    win = both
    win.scripts.set_config("s2tw")
    assert all(traditional(t) for t in titles(win)), titles(win)
    panel = win.keyword_panel
    shown = [panel.model.data(panel.model.index(r)) for r in range(panel.model.rowCount())]
    assert "自行車" in shown and all(traditional(w) for w in shown), shown
    assert "自行車" in panel.watch_label.text() and "自行车" not in panel.watch_label.text()
    watch = win.sidebar._item(Scope("watch", "自行车"))
    assert watch is not None and watch.text(0) == "自行車"

    win.reading.focus_keyword("自行车")  # the identity, in whichever script it is shown
    related = [panel.related.item(i).text() for i in range(panel.related.count())]
    assert related == ["北市推動公共自行車升級"]

    with qtbot.waitSignal(win.lists.listed, timeout=10_000):
        win.search_edit.setText("自行车道")
    assert win.model.rowCount() == 2
    for row in range(2):
        tip = win.model.data(win.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        assert "【自行車道】" in tip and traditional(tip), tip

    record = win.reading_pane.record
    win.library.annotate_quote(record.id, None, "公共自行车", note="")
    win.annotating.ui.open_browser()
    browser = win.annotating.ui._browser
    model = browser.model
    cells = [model.data(model.index(0, c)) for c in (model.QUOTE, model.ARTICLE)]
    assert cells == ["公共自行車", "北市推動公共自行車升級"]
    browser.close()

    win.scripts.set_config(None)  # 原文: the stored text again
    assert TITLE_CN in titles(win)
    shown = [panel.model.data(panel.model.index(r)) for r in range(panel.model.rowCount())]
    assert "自行车" in shown
    assert win.sidebar._item(Scope("watch", "自行车")).text(0) == "自行车"


def test_a_traditional_article_reads_in_simplified_everywhere(qtbot, both: MainWindow) -> None:
    win = both
    win.scripts.set_config("tw2s")
    assert "北市推动公共自行车升级" in titles(win)
    assert "北市推動公共自行車升級" not in titles(win)
    win.reading.focus_keyword("自行车")
    panel = win.keyword_panel
    assert [panel.related.item(i).text() for i in range(panel.related.count())] == [
        "北市推动公共自行车升级"
    ]

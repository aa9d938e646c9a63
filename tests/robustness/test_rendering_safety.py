"""Article text is shown as text: no markup, no links followed, nothing fetched or run."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from robust_helpers import page_text

from reader.gui.app import create_application, open_settings
from reader.gui.mainwindow import MainWindow
from reader.gui.reading_pane import ReadingPane
from reader.library import Library

HOSTILE = (
    "<img src=http://evil.example/track.png>",
    '<a href="javascript:alert(1)">点此领奖</a>',
    "<b>粗体</b><script>alert(2)</script>",
    "<style>body{display:none}</style>",
    '<img src="file:///etc/passwd">',
)
TXT_PAGE = (
    "网页代码也是文字\n\n"
    f"本报讯 有读者来信附上了这样一段代码：{HOSTILE[0]}，还有{HOSTILE[1]}。\n\n"
    f"另有{HOSTILE[2]}与{HOSTILE[3]}以及{HOSTILE[4]}，编辑部提醒读者注意。\n"
)
HTML_PAGE = """<html><body><article><h1>社区食堂开张</h1>
<p>本报讯 社区食堂今天开张。<img src="http://evil.example/a.png" alt="食堂"></p>
<p><a href="javascript:alert(1)">点击领奖</a>居民纷纷点赞。
<a href="http://evil.example/">更多</a></p></article></body></html>"""


@pytest.fixture
def requested(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every resource the pane (or its document) is asked to load."""
    urls: list[str] = []
    real_pane = ReadingPane.loadResource
    real_doc = QTextDocument.loadResource

    def pane_load(self, kind, url):
        urls.append(url.toString())
        return real_pane(self, kind, url)

    def doc_load(self, kind, url):
        urls.append(url.toString())
        return real_doc(self, kind, url)

    monkeypatch.setattr(ReadingPane, "loadResource", pane_load)
    monkeypatch.setattr(QTextDocument, "loadResource", doc_load)
    return urls


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("READER_NO_SEED", "1")
    lib = Library.open()
    txt = tmp_path / "letters.txt"
    txt.write_text(TXT_PAGE, encoding="utf-8")
    html = tmp_path / "canteen.html"
    html.write_text(HTML_PAGE, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(page_text(0), encoding="utf-8")
    report = lib.import_paths([txt, html, plain])
    assert not report.errors
    create_application()
    win = MainWindow(lib, open_settings(lib))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.analysis_runner.enabled = False
    with qtbot.waitSignal(win.loaded):
        win.load()
    yield win
    lib.close()


def fragments(doc: QTextDocument) -> Iterator:
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def test_markup_in_article_text_is_shown_as_text_never_as_html(
    qtbot, window: MainWindow, requested: list[str]
) -> None:
    pane = window.reading_pane
    assert not pane.openLinks() and not pane.openExternalLinks()
    for article_id in window.library.articles.ids():
        assert window.reading.select_article(article_id)
        record = pane.record
        assert record is not None and record.id == article_id
        pane.grab()  # lay out and paint: an image in the document would be requested now
        doc = pane.document()
        for fragment in fragments(doc):
            fmt = fragment.charFormat()
            assert not fmt.isAnchor(), fragment.text()
            assert not fmt.isImageFormat(), fragment.text()
            assert not fmt.anchorHref()
        # Markup in the text comes back escaped (&lt;img …); no real tag of that kind.
        body = doc.toHtml().split("<body", 1)[1]  # Qt's own <head> has a <style>
        assert not re.search(r"<(img|a|script|style|link)\b", body, re.IGNORECASE)
        if record.title == "网页代码也是文字":
            shown = doc.toPlainText()
            for snippet in HOSTILE:  # every character of the markup is visible text
                assert snippet in shown, snippet
    assert requested == []


def test_a_click_on_link_like_text_goes_nowhere(qtbot, window: MainWindow) -> None:
    pane = window.reading_pane
    titles = {window.library.get(i).title: i for i in window.library.articles.ids()}
    window.reading.select_article(titles["网页代码也是文字"])
    before = pane.source()
    clicked: list[str] = []
    pane.anchorClicked.connect(lambda url: clicked.append(url.toString()))
    position = pane.toPlainText().index("javascript:")
    cursor = pane.textCursor()
    cursor.setPosition(position)
    rect = pane.cursorRect(cursor)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked == []
    assert pane.source() == before
    assert pane.record is not None and pane.record.title == "网页代码也是文字"

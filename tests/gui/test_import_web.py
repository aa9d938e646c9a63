"""Web pages from the window: 文件 → 从网址导入…, a link dropped or pasted (fetched on the
importer's worker from a server on 127.0.0.1), a saved page dropped, and a page that is not
an article offered to be imported as text."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QInputDialog, QMessageBox

from reader.gui.mainwindow import MainWindow

PAGES = Path(__file__).resolve().parents[1] / "data" / "web" / "pages"
CHINADAILY = PAGES / "newspaper4k__chinese_article_001.html"
GBK_PAGE = (
    "<html><head><title>春耕忙_示例网</title></head><body><h1>春耕忙</h1>"
    "<p>本报讯（记者 张明）全市春耕面积突破百万亩，农机具投入一万余台。</p>"
    "<p>今年以来，各地抢抓农时，种子化肥供应充足，价格基本稳定。</p></body></html>"
).encode("gbk")
LISTING = (
    "<html><head><title>要闻</title></head><body><ul>"
    + "".join(f"<li><a href='/n/{i}'>第{i}条新闻标题在这里</a></li>" for i in range(30))
    + "</ul></body></html>"
).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = {"/gbk": GBK_PAGE, "/list": LISTING}.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=gbk")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def drop(window: MainWindow, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def done(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.importer.operation is None, timeout=20_000)


def test_import_from_a_web_address_in_the_file_menu(
    qtbot, window: MainWindow, server: str, monkeypatch
) -> None:
    asked: list[str] = []

    def get_text(_parent, title, _label, _echo, text):
        asked.append(title)
        return f"{server}/gbk", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    (action,) = [a for a in window.menus.file.actions() if a.text().startswith("从网址导入")]
    assert action.shortcut().toString() == "Ctrl+Shift+U"
    action.trigger()
    done(qtbot, window)
    assert asked == ["从网址导入"]
    record = window.reading_pane.record
    assert record.title == "春耕忙" and record.source == f"{server}/gbk"
    assert record.url == f"{server}/gbk"


def test_a_dropped_link_and_a_dropped_saved_page(
    qtbot, window: MainWindow, server: str, tmp_path: Path
) -> None:
    mime = QMimeData()
    mime.setText(f"{server}/gbk")  # a link dragged from a browser's address bar as text
    assert window.importer.accepts(mime)
    drop(window, mime)
    done(qtbot, window)
    assert window.reading_pane.record.title == "春耕忙"
    saved = tmp_path / "page.html"
    saved.write_bytes(CHINADAILY.read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(saved))])
    drop(window, mime)
    done(qtbot, window)
    record = window.reading_pane.record
    assert record.title == "外国专家：中美合作共赢符合国际社会利益"
    assert record.published == "2023-11-17T15:13" and record.site == "中国日报网"


def test_a_pasted_link_fetches_the_page(qtbot, window: MainWindow, server: str, qapp) -> None:
    qapp.clipboard().setText(f"  {server}/gbk\n")
    window.importer.paste_as_article()
    done(qtbot, window)
    assert window.reading_pane.record.title == "春耕忙"


def test_a_list_of_links_is_offered_as_text(
    qtbot, window: MainWindow, server: str, monkeypatch
) -> None:
    offered: list[str] = []

    def ask(pages: str) -> bool:
        offered.append(pages)
        return True

    monkeypatch.setattr(window.importer, "ask_as_text", ask)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail("a second message"))
    before = window.library.articles.count()
    window.importer.import_paths([f"{server}/list"])
    done(qtbot, window)
    assert len(offered) == 1 and f"{server}/list" in offered[0]
    qtbot.waitUntil(lambda: window.library.articles.count() > before, timeout=20_000)
    done(qtbot, window)
    bodies = [window.library.get(i).body for i in window.library.ids()]
    assert any("第29条新闻标题" in b for b in bodies)


def test_the_list_shows_the_publication_date_else_the_day_imported(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    saved = tmp_path / "page.html"
    saved.write_bytes(CHINADAILY.read_bytes())
    text = tmp_path / "note.txt"
    text.write_text("读书笔记\n\n今天读了一篇好文章。\n", encoding="utf-8")
    window.importer.import_paths([str(saved), str(text)])
    done(qtbot, window)
    model = window.model
    shown = {}
    for number in range(model.rowCount()):
        article = window.library.get(model.article_id(number))
        index = model.index(number, model.DATE)
        shown[article.title] = (
            model.data(index),
            model.data(index, Qt.ItemDataRole.ToolTipRole),
        )
    assert shown["外国专家：中美合作共赢符合国际社会利益"] == (
        "2023-11-17",
        "发表于 2023-11-17 15:13",
    )
    date, tip = shown["读书笔记"]
    assert date.endswith(" 导入") and tip.startswith("导入于 ") and "发表日期不详" in tip


def test_the_source_column_names_the_site_and_the_dates_group_by_publication(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    saved = tmp_path / "spring.html"
    saved.write_bytes(CHINADAILY.read_bytes())
    text = tmp_path / "note.txt"
    text.write_text("读书笔记\n\n今天读了一篇好文章。\n", encoding="utf-8")
    window.importer.import_paths([str(saved), str(text)])
    done(qtbot, window)
    model = window.model
    source = {}
    for number in range(model.rowCount()):
        index = model.index(number, model.SOURCE)
        source[window.library.get(model.article_id(number)).title] = (
            model.data(index),
            model.data(index, Qt.ItemDataRole.ToolTipRole),
        )
    name, tip = source["外国专家：中美合作共赢符合国际社会利益"]
    assert name == "中国日报网" and "https://china.chinadaily.com.cn/" in tip
    assert source["读书笔记"][0] == "note.txt"
    # 日期: the page's day of publication, and the note under 日期不详, not its import day.
    group = window.sidebar._groups["date"]
    qtbot.waitUntil(lambda: group.childCount() >= 2)
    items = {group.child(i).text(0): group.child(i) for i in range(group.childCount())}
    assert "2023-11-17" in items and "日期不详" in items
    assert items["2023-11-17"].toolTip(0) == "发表于 2023-11-17"
    assert date.today().isoformat() not in items  # the day they were imported is no group
    window.sidebar.setCurrentItem(items["日期不详"])

    def titles() -> set[str]:
        return {window.library.get(model.article_id(n)).title for n in range(model.rowCount())}

    qtbot.waitUntil(lambda: "外国专家：中美合作共赢符合国际社会利益" not in titles())
    assert "读书笔记" in titles()

"""Getting text into the library from the window: drop, paste, cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reader.gui.mainwindow import MainWindow


def page(folder: Path, name: str, title: str) -> Path:
    path = folder / name
    path.write_text(f"{title}\n\n本报讯 {title}的消息传来,市民们纷纷点赞。\n", encoding="utf-8")
    return path


def test_dropping_files_imports_them(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = page(tmp_path, "drop.txt", "拖进来的一篇报道")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.importer.operation is None, timeout=10_000)
    assert window.reading_pane.record.title == "拖进来的一篇报道"


def test_paste_clipboard_as_new_article(qtbot, window: MainWindow, qapp) -> None:
    qapp.clipboard().setText("剪贴板里的标题\n\n本报讯 这是从网页上复制来的一段正文。\n")
    before = window.model.rowCount()
    window.importer.paste_as_article()  # on the import worker, as files are
    qtbot.waitUntil(lambda: window.importer.operation is None, timeout=10_000)
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 1)
    qtbot.waitUntil(lambda: window.reading_pane.record.title == "剪贴板里的标题")
    qapp.clipboard().setText("   ")
    window.importer.paste_as_article()
    assert window.model.rowCount() == before + 1


def test_cancelled_import_keeps_what_was_done(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        page(folder, f"{i:02}.txt", f"第{i}号新闻标题")
    before = window.model.rowCount()
    window.importer.import_paths([str(folder)])
    window.importer.operation.cancel()
    qtbot.waitUntil(lambda: window.importer.operation is None, timeout=10_000)
    added = window.model.rowCount() - before
    assert 0 <= added < 40
    assert "已取消" in window.statusBar().currentMessage()
    assert window.library.articles.count() == window.model.rowCount()


def test_bad_files_are_reported_together(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    good = page(tmp_path, "good.txt", "好文件")
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    window.importer.import_paths([str(good), str(bad)])
    qtbot.waitUntil(lambda: window.importer.operation is None, timeout=10_000)
    assert len(warned) == 1
    assert "photo.txt" in warned[0] and "PNG" in warned[0]
    assert window.reading_pane.record.title == "好文件"

"""Export and print the open article as the reader sees it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog

from reader.gui.mainwindow import MainWindow
from reader.gui.printing import printable_document


def choose(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str = "") -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), chosen))


def open_poverty_article(window: MainWindow) -> None:
    for row in range(window.model.rowCount()):
        if window.model.data(window.model.index(row, 0)) == "决战决胜看今朝":
            window.list_view.selectRow(row)


def test_export_markdown_in_the_current_script(window, monkeypatch, tmp_path) -> None:
    open_poverty_article(window)
    window.scripts.set_config("s2hk")
    choose(monkeypatch, tmp_path / "文章.md")
    window.exporter.export_article()
    text = (tmp_path / "文章.md").read_text(encoding="utf-8")
    assert text.startswith("# 決戰決勝看今朝")
    assert window.statusBar().currentMessage().startswith("已导出到")


def test_export_without_suffix_uses_the_chosen_format(window, monkeypatch, tmp_path) -> None:
    open_poverty_article(window)
    choose(monkeypatch, tmp_path / "plain", "网页 (*.html)")
    window.exporter.export_article()
    assert (tmp_path / "plain.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_pdf_with_highlights(window, monkeypatch, tmp_path) -> None:
    open_poverty_article(window)
    window.library.analysis.set_watch_words(["脱贫"])
    window.reading.apply_layers()
    doc = printable_document(window.reading_pane)
    start = window.reading_pane.document_position(window.reading_pane.view.body.text.index("脱贫"))
    cursor = QTextCursor(doc)
    cursor.setPosition(start + 1)
    assert cursor.charFormat().foreground().color().name() == window.looks.theme.watch
    choose(monkeypatch, tmp_path / "文章.pdf")
    window.exporter.export_article()
    data = (tmp_path / "文章.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5_000


def test_failed_export_says_so_and_writes_nothing(window, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: errors.append(text))
    open_poverty_article(window)
    choose(monkeypatch, tmp_path / "missing" / "x.md")
    window.exporter.export_article()
    assert len(errors) == 1 and "x.md" in errors[0]
    assert not (tmp_path / "missing").exists()


def test_toolbar_offers_the_main_actions(window: MainWindow) -> None:
    texts = [a.text() for a in window.menus.toolbar.actions() if a.text()]
    for wanted in ("导入文件(&I)…", "下一篇", "上一篇", "导出文章(&E)…", "打印(&P)…", "设置(&S)…"):
        assert wanted in texts
    assert all(not a.icon().isNull() for a in window.menus.toolbar.actions() if a.text())

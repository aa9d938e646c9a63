"""Export and print the open article as the reader sees it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFileDialog

from reader.gui.files import file_name
from reader.gui.mainwindow import MainWindow
from reader.gui.printing import paginate, pdf_printer, printable_document

NO_UNDERLINE = QTextCharFormat.UnderlineStyle.NoUnderline


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


def highlighted_with_a_watch_word(window: MainWindow) -> tuple[int, int]:
    """The poverty article open with 脱贫 as a watch word and a 重点 highlight; the
    highlight's span in the view's body."""
    open_poverty_article(window)
    record = window.reading_pane.record
    quote = "全市6个贫困县全部摘帽"
    window.library.annotate_quote(record.id, None, quote, color="yellow")
    window.library.analysis.set_watch_words(["脱贫"])
    window.reading.apply_layers()  # the watch layer, then the highlights over it
    start = window.reading_pane.view.body.text.index(quote)
    return start, start + len(quote)


def format_at(doc: QTextDocument, position: int) -> QTextCharFormat:
    cursor = QTextCursor(doc)
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def line_lengths(doc: QTextDocument, text: str) -> list[int]:
    """Characters on each line of the paragraph holding ``text``, as laid out on paper."""
    layout = doc.find(text).block().layout()
    return [layout.lineAt(i).textLength() for i in range(layout.lineCount())]


def test_print_is_the_article_at_reading_size_with_highlights_only(window) -> None:
    from PySide6.QtGui import QFontInfo

    span = highlighted_with_a_watch_word(window)
    pane = window.reading_pane
    window.looks.apply(replace(window.looks.prefs, theme="dark"))  # paper stays white
    doc = printable_document(pane)
    paginate(doc, pdf_printer(Path("unused.pdf"), "x"))
    assert doc.pageCount() == 4  # laid out on paper (as the PDF shows it)
    # A4 inside 2 cm margins, at 96 dpi: 170 mm wide.
    assert doc.pageSize().width() == pytest.approx(170 / 25.4 * 96, abs=2)
    body = doc.find("2020年")
    fmt = format_at(doc, body.position())
    assert fmt.fontPointSize() == 12  # 小四, whatever the printer's resolution
    assert QFontInfo(fmt.font()).pointSizeF() == pytest.approx(12, abs=0.5)
    assert fmt.foreground().style() == Qt.BrushStyle.NoBrush  # printed black, not light grey
    # Wrapped like a page of a book: ~40 characters a line, not one line a paragraph.
    lines = line_lengths(doc, "2020年")
    assert len(lines) >= 2 and all(30 <= n <= 48 for n in lines[:-1])
    # The reader's highlight is printed; the watch word's mark (and keywords) are not.
    start = pane.document_position(span[0]) - pane.document_position(0)
    first_body = doc.find(pane.view.paragraphs[0][:6]).selectionStart()
    assert format_at(doc, first_body + start).background().style() != Qt.BrushStyle.NoBrush
    watch = pane.view.body.text.index("脱贫")
    watch_fmt = format_at(doc, first_body + watch)
    assert watch_fmt.foreground().color().name() != window.looks.theme.watch
    assert watch_fmt.underlineStyle() == NO_UNDERLINE
    # Asked for, the marks come too.
    marked = printable_document(pane, marks=True)
    assert format_at(marked, first_body + watch).underlineStyle() != NO_UNDERLINE


def test_export_pdf_named_after_the_article(window, monkeypatch, tmp_path) -> None:
    highlighted_with_a_watch_word(window)
    documents = Path.home() / "Documents"
    documents.mkdir()
    offered: list[str] = []

    def save_as(_parent, _title, default, _filters):
        offered.append(default)
        return str(tmp_path / "文章.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.exporter.export_article()
    assert Path(offered[0]) == documents / "决战决胜看今朝.md"
    data = (tmp_path / "文章.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5_000
    assert window.statusBar().currentMessage() == f"已导出到 {tmp_path / '文章.pdf'}"
    window.exporter.export_article()  # the next export starts where this one went
    assert Path(offered[1]).parent == tmp_path


def test_print_dialog_prints_and_says_so(window, monkeypatch, tmp_path) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    open_poverty_article(window)
    seen: list[str] = []

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        seen.append(printer.docName())
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))  # "print to file"
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.exporter.print_article()
    assert seen == ["决战决胜看今朝"]  # the job, and the file a print to PDF offers
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage() == f"已打印到 {tmp_path / 'printed.pdf'}"


def test_file_names_from_titles_are_safe_everywhere() -> None:
    assert file_name('a/b\\c:d*e?"f"<g>|h\nk', "x") == "a／b_c_d_e__f__g__h_k"
    assert file_name("  ...  ", "文章") == "文章"
    assert len(file_name("长" * 200, "x")) == 60


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


def test_toolbar_icons_say_what_they_do_and_tooltips_show_keys(window: MainWindow) -> None:
    from PySide6.QtGui import QIcon

    from reader.gui import themes

    menus = window.menus
    tips = {a.text(): a.toolTip() for a in menus.toolbar.actions() if a.text()}
    assert tips["导出文章(&E)…"] == "导出文章 (Ctrl+E)"
    assert tips["打印(&P)…"] == "打印 (Ctrl+P)"
    assert tips["下一篇"] == "下一篇 (J)"
    assert not any("&" in tip or "(E)" in tip or "…" in tip for tip in tips.values())
    # Without an icon theme, printing and settings have icons of their own (they had the
    # style's list and "i" pictures), drawn in the theme's text colour.
    if not QIcon.hasThemeIcon("document-print"):
        assert menus.drawn_icons[menus.print_action] == "print"
        assert menus.drawn_icons[menus.settings_action] == "settings"
        shown = menus.print_action.icon().pixmap(32).toImage()
        listed = themes.standard_icon("viewdetailed", "SP_FileDialogDetailedView")
        assert shown != listed.pixmap(32).toImage()
        colours = {
            shown.pixelColor(x, y).name()
            for x in range(32)
            for y in range(32)
            if shown.pixelColor(x, y).alpha() == 255
        }
        assert colours == {window.looks.theme.text}

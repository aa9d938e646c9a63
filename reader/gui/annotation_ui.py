"""Highlights and notes in the main window: menus, the reading pane's layer, the side
panel, the library-wide browser, export and import.

Built by :class:`reader.gui.annotating.Annotating` after the window's first paint, on an
:class:`AnnotatingHost` (what it needs of the window, and no more). It listens to the
reading controller (a redraw, the pane's menu) and to the settings dialog's opening;
changes go through :class:`AnnotationsController` (undoable, saved at once), which says
so on the library-changes signal; drawing listens to that.

Highlights are stored against the ORIGINAL body: a selection in any script view is mapped
back through the view's offset map (:meth:`ReadingPane.selected_span`), and each highlight
is drawn through the map of whatever view is showing, so it covers the same words in
简体, 繁體, 台灣 and 香港 text even where a phrase changes length (内存 → 記憶體).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.annotation_io import (
    JSON_SUFFIXES,
    annotations_markdown,
    export_w3c,
    placed_in_view,
)
from reader.core import scripts
from reader.core.anchors import make_anchor
from reader.core.links import article_link, is_article_link, parse_link
from reader.core.records import DEFAULT_COLOUR, Annotation, Colour
from reader.gui import note_dialog
from reader.gui.annotation_list import AnnotationPanel, ColourNames, Entry, shown_colours
from reader.gui.annotations_controller import AnnotationsController
from reader.gui.changes import Change
from reader.gui.files import ask_save_path, save_or_report
from reader.gui.i18n import QT_TRANSLATE_NOOP
from reader.gui.note_dialog import colour_icon
from reader.gui.reading_pane import Layer
from reader.gui.themes import LIGHT, TEXT_CONTRAST, Theme, contrast, tint
from reader.gui.word_selection import WordSelection
from reader.library import ImportReport, write_atomically

if TYPE_CHECKING:
    from reader.gui.annotation_browser import AnnotationBrowser
    from reader.gui.changes import LibraryChanges
    from reader.gui.importing import Importer
    from reader.gui.looks import Looks
    from reader.gui.menus import Menus
    from reader.gui.reading import ReadingController
    from reader.gui.reading_pane import ReadingPane
    from reader.gui.script_selector import ScriptSelector
    from reader.gui.writer import LibraryWriter
    from reader.library import Library

log = logging.getLogger(__name__)

LAYER_PREFIX = "annotation-"
COLOUR_SHORTCUTS = ("1", "2", "3", "4", "5", "6")  # single keys, like J/K; Ctrl+digits pick scripts
UNKNOWN_HEX = "#b0b0b0"  # a colour key this version does not know (from a newer one)
EXPORT_FILTERS = {  # file-dialog filter (translated when shown) → suffix
    "Markdown (*.md)": ".md",
    QT_TRANSLATE_NOOP("Annotating", "W3C 批注 JSON (*.json)"): ".json",
}


class AnnotatingHost(Protocol):
    """What highlights and notes need of the window."""

    library: Library
    changes: LibraryChanges
    reading_pane: ReadingPane
    reading: ReadingController
    looks: Looks
    scripts: ScriptSelector
    menus: Menus
    importer: Importer
    writer: LibraryWriter

    def status(self, message: str, timeout: int = 4000) -> None: ...

    def add_notes_dock(self, dock: QDockWidget) -> None: ...


def highlight_format(hex_color: str, theme: Theme, *, noted: bool) -> QTextCharFormat:
    """A highlight's look: its colour as a background, softened into the theme's paper so
    the text stays readable (more on dark themes); a note adds a dashed underline."""
    colour = QColor(hex_color)
    share = 0.45 if theme.dark else 0.7
    mixed = tint(hex_color, theme.base, share)
    while contrast(theme.text, mixed) < TEXT_CONTRAST and share > 0.1:  # WCAG AA
        share -= 0.05
        mixed = tint(hex_color, theme.base, share)
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(mixed))
    if noted:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(colour.lighter(150) if theme.dark else colour.darker(170))
    return fmt


class AnnotationUI(QObject):
    colours_updated = Signal(object)  # list[Colour], after a colour's meaning changed

    def __init__(self, host: AnnotatingHost, window: QWidget) -> None:
        super().__init__(window)
        self.host = host
        self.window = window  # the dialogs' parent
        self.pane = host.reading_pane
        self.library = host.library
        self.controller = AnnotationsController(host.library, self, host.writer)
        self.word_selection = WordSelection(self.pane)
        self.colours: list[Colour] = shown_colours(self.library.colours())
        self._drawn: list[tuple[Annotation, int, int]] = []  # open article, view offsets
        self._layer_names: set[str] = set()
        self._browser: AnnotationBrowser | None = None
        self.settings_names: ColourNames | None = None  # the settings dialog's, while open
        self.last_colour = DEFAULT_COLOUR

        self.panel = AnnotationPanel()
        self.dock = QDockWidget(self.tr("批注"), window)
        self.dock.setObjectName("annotationDock")
        self.dock.setWidget(self.panel)
        host.add_notes_dock(self.dock)
        self._build_actions()

        # Changes to annotations travel the window's one route, like any other change.
        self.controller.changed.connect(
            lambda article_id: host.changes.announce(Change(annotated=(article_id,)))
        )
        host.changes.changed.connect(self._library_changed)
        self.controller.colours_changed.connect(self._colours_changed)
        self.controller.failed.connect(lambda message: self._status(message, 8000))
        self.controller.stack.indexChanged.connect(self._update_actions)
        self.panel.chosen.connect(self.go_to)
        self.panel.note_requested.connect(self.edit_note)
        self.panel.delete_requested.connect(self.delete)
        self.panel.recolour_requested.connect(self._recolour)
        self.panel.link_requested.connect(self.copy_link)
        self.panel.browse_requested.connect(self.open_browser)
        self.panel.renamed.connect(self.rename_colour)
        self.pane.selectionChanged.connect(self._update_actions)
        host.reading.redrawn.connect(self.refresh)
        host.reading.script_view_changed.connect(self._script_view_changed)
        host.reading.menu_requested.connect(self.fill_menu)
        host.looks.settings_opened.connect(self.extend_settings)
        host.importer.imported.connect(self._imported)
        self.panel.set_colours(self.colours)
        self._update_actions()

    # -- menus ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        stack = self.controller.stack
        self.undo_action = stack.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.colour_actions: dict[str, QAction] = {}
        for i, colour in enumerate(self.colours):
            action = QAction(self)
            action.setIcon(colour_icon(colour.hex))
            if i < len(COLOUR_SHORTCUTS):
                action.setShortcut(QKeySequence(COLOUR_SHORTCUTS[i]))
            action.triggered.connect(lambda _=False, key=colour.key: self.highlight(key))
            self.colour_actions[colour.key] = action
        self._name_colour_actions()
        self.note_action = QAction(self.tr("添加批注(&N)…"), self)
        self.note_action.setShortcut(QKeySequence("Ctrl+M"))
        self.note_action.triggered.connect(self.add_or_edit_note)
        self.delete_action = QAction(self.tr("删除高亮(&D)"), self)
        self.delete_action.setShortcut(QKeySequence("Ctrl+Shift+Backspace"))
        self.delete_action.triggered.connect(lambda: self.delete_at_cursor())
        self.browse_action = QAction(self.tr("全部批注(&B)…"), self)
        self.browse_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.browse_action.triggered.connect(self.open_browser)
        self.export_action = QAction(self.tr("导出批注(&X)…"), self)
        self.export_action.triggered.connect(self.export_annotations)
        self.import_action = QAction(self.tr("导入批注(&M)…"), self)
        self.import_action.triggered.connect(self.import_annotations)
        self.link_action = QAction(self.tr("打开链接(&L)…"), self)
        self.link_action.setShortcut(QKeySequence("Ctrl+L"))
        self.link_action.triggered.connect(self.ask_link)

        edit = QMenu(self.tr("编辑(&E)"), self.window)
        edit.setObjectName("editMenu")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        for action in self.colour_actions.values():
            edit.addAction(action)
        edit.addAction(self.note_action)
        edit.addAction(self.delete_action)
        edit.addSeparator()
        edit.addAction(self.browse_action)
        self.edit_menu = edit
        view_action = self.dock.toggleViewAction()
        view_action.setText(self.tr("批注面板"))
        self.host.menus.add_notes_menu(
            edit,
            [self.export_action, self.import_action, self.link_action],
            view_action,
        )
        for action in (self.undo_action, self.redo_action, *self.colour_actions.values()):
            self.window.addAction(action)  # shortcuts work with the menus closed

    def _name_colour_actions(self) -> None:
        for colour in self.colours:
            action = self.colour_actions.get(colour.key)
            if action is not None:
                action.setText(self.tr("高亮为「{}」").format(colour.label))

    def fill_menu(self, menu: QMenu, pos: QPoint) -> None:
        """The reading pane's context menu: highlight the selection, or act on the highlight
        under the mouse."""
        pane = self.pane
        if pane.view is None:
            return
        span = pane.selected_span()
        offset = pane.view_offset(pane.cursorForPosition(pos).position())
        target = self._selected_annotation()[0] if span else None
        if target is None and offset is not None:
            target = self.annotation_at(offset)
        menu.addSeparator()
        if span is not None:
            colours = menu.addMenu(self.tr("高亮"))
            for action in self.colour_actions.values():
                colours.addAction(action)
            if target is None:
                menu.addAction(self.note_action)
        if target is not None:
            menu.addAction(self.tr("编辑批注…"), lambda: self.edit_note(target.id))
            recolour = menu.addMenu(self.tr("改为"))
            for colour in self.colours:

                def recolour_to(key: str = colour.key) -> None:
                    self.controller.recolour(target.id, key)

                action = recolour.addAction(colour_icon(colour.hex), colour.label, recolour_to)
                action.setCheckable(True)
                action.setChecked(colour.key == target.color)
            menu.addAction(self.tr("复制链接"), lambda: self.copy_link(target.id))
            menu.addAction(self.tr("删除高亮"), lambda: self.delete(target.id))

    def extend_settings(self, dialog) -> None:
        """A 高亮 tab in the settings dialog: rename what each colour means."""
        tabs = dialog.findChild(QTabWidget)
        if tabs is None:
            return
        names = ColourNames()
        names.set_colours(self.colours)
        names.renamed.connect(self.rename_colour)
        # A bound method of the widget: Qt disconnects it when the dialog goes.
        self.colours_updated.connect(names.set_colours)
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(
            self.tr("每种颜色代表什么由你决定；改名后菜单、批注面板和导出都用新名字。按 1–4 高亮。")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(names)
        layout.addStretch(1)
        tabs.addTab(page, self.tr("高亮"))
        self.settings_names = names

    def _update_actions(self) -> None:
        """Enable what applies to the selection; runs on every selection change (a drag
        sends many), so only what changed is set."""
        pane = self.pane
        has_article = pane.view is not None
        target, exactly = self._selected_annotation() if has_article else (None, False)
        target = target if exactly else None
        wanted = [(a, has_article) for a in (*self.colour_actions.values(), self.note_action)]
        wanted.append((self.delete_action, target is not None))
        for action, enabled in wanted:
            if action.isEnabled() != enabled:
                action.setEnabled(enabled)
        text = self.tr("编辑批注(&N)…") if target else self.tr("添加批注(&N)…")
        if self.note_action.text() != text:
            self.note_action.setText(text)

    # -- drawing --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Draw the open article's highlights and list them (after any change or redraw)."""
        pane = self.pane
        view = pane.view
        if view is None:
            self._drawn = []
            pane.set_layers(dict.fromkeys(self._layer_names))
            self._layer_names = set()
            self.panel.set_entries([])
            self._update_actions()
            return
        annotations = self.library.annotations_of(view.record.id)
        self._drawn = placed_in_view(annotations, view)
        colours = {c.key: c for c in self.colours}
        theme = self.host.looks.theme
        groups: dict[tuple[str, bool], tuple[list[tuple[int, int]], list[str]]] = {}
        entries: list[Entry] = []
        for annotation, start, end in self._drawn:
            colour = colours.get(annotation.color)
            group = (annotation.color if colour else "", bool(annotation.note))
            spans, tips = groups.setdefault(group, ([], []))
            spans.append((start, end))
            label = colour.label if colour else annotation.color
            tips.append(f"{label}\n{annotation.note}" if annotation.note else label)
            entries.append(self._entry(annotation, view.body.text[start:end]))
        placed = {a.id for a, _, _ in self._drawn}
        for annotation in annotations:
            if annotation.id not in placed:  # orphaned: listed, never dropped
                entries.append(self._entry(annotation, self._in_view(annotation.exact)))
        new: dict[str, Layer] = {}
        # Noted ones last, so a note's underline shows over a plain highlight.
        for (key, noted), (spans, tips) in sorted(groups.items(), key=lambda g: g[0][1]):
            name = f"{LAYER_PREFIX}{key or 'unknown'}{'-note' if noted else ''}"
            hex_color = colours[key].hex if key else UNKNOWN_HEX
            new[name] = Layer(
                tuple(spans),
                highlight_format(hex_color, theme, noted=noted),
                original=False,
                tooltips=tuple(tips),
                paper=highlight_format(hex_color, LIGHT, noted=noted),  # printed, on white
            )
        # Taken out and put back last: the reader's own highlights draw over keywords.
        for name in self._layer_names:
            pane.layers.pop(name, None)
        pane.set_layers(new)
        names = set(new)
        self._layer_names = names
        self.panel.set_entries(entries)
        self._update_actions()

    def _entry(self, annotation: Annotation, quote: str) -> Entry:
        colour = next((c for c in self.colours if c.key == annotation.color), None)
        return Entry(
            annotation,
            quote,
            colour.label if colour else annotation.color,
            colour.hex if colour else UNKNOWN_HEX,
        )

    def _in_view(self, text: str) -> str:
        """``text`` (from the original) in the open view's script."""
        view = self.pane.view
        if view is None or view.effective is None or not text:
            return text
        return scripts.convert(text, view.effective, view.user_phrases)

    def _in_library_view(self, text: str) -> str:
        """``text`` of any article in the chosen script view (全部批注 lists many)."""
        return self.host.reading.text_in_view(text)

    def _script_view_changed(self, _in_view: object) -> None:
        if self._browser is not None:
            self._browser.reload()

    def _library_changed(self, change: Change) -> None:
        if not change.annotated:
            return
        record = self.pane.record
        if record is not None and record.id in change.annotated:
            self.refresh()
        if self._browser is not None:
            self._browser.reload()

    def _colours_changed(self) -> None:
        self.colours = shown_colours(self.library.colours())
        self._name_colour_actions()
        self.panel.set_colours(self.colours)
        self.colours_updated.emit(self.colours)
        self.refresh()
        if self._browser is not None:
            self._browser.set_colours(self.colours)

    # -- finding highlights ---------------------------------------------------------------

    def annotation_at(self, view_offset: int) -> Annotation | None:
        """The innermost highlight covering a view offset (the shortest one)."""
        covering = [(e - s, a) for a, s, e in self._drawn if s <= view_offset < e]
        return min(covering, key=lambda c: c[0])[1] if covering else None

    def _selection(self) -> tuple[int, int] | None:
        """The selection (or the cursor, as an empty span) in view offsets of the body."""
        pane = self.pane
        cursor = pane.textCursor()
        start = pane.view_offset(cursor.selectionStart())
        end = pane.view_offset(cursor.selectionEnd())
        return None if start is None or end is None else (start, end)

    def _selected_annotation(self) -> tuple[Annotation | None, bool]:
        """The highlight the selection (or the cursor) lies in, and whether the selection is
        exactly that highlight (or empty)."""
        selection = self._selection()
        if selection is None:
            return None, False
        start, end = selection
        inside = [
            (e - s, a, s, e) for a, s, e in self._drawn if s <= start and end <= e and start < e
        ]
        if not inside:
            return None, False
        _, annotation, s, e = min(inside, key=lambda c: c[0])
        return annotation, start == end or (start, end) == (s, e)

    # -- changes --------------------------------------------------------------------------

    def highlight(self, color: str) -> bool:
        """Highlight the selection in ``color``; with no selection (or exactly an existing
        highlight selected), give that highlight the colour instead. False if there is
        nothing to highlight (said in the status bar); the change is announced once
        written."""
        pane = self.pane
        view = pane.view
        if view is None:
            return False
        self.last_colour = color
        span = pane.selected_span()
        target, exactly = self._selected_annotation()
        if target is not None and exactly:
            self.controller.recolour(target.id, color)
            return True
        if span is None:
            self._ask_for_selection(self.tr("先选中要高亮的文字"))
            return False
        self.controller.highlight(view.record.id, make_anchor(view.record.body, *span), color)
        self._collapse_selection()
        return True

    def add_or_edit_note(self) -> None:
        """A note on the selection (a new highlight), or the note of the highlight selected."""
        pane = self.pane
        view = pane.view
        if view is None:
            return
        target, exactly = self._selected_annotation()
        if target is not None and exactly:
            self.edit_note(target.id)
            return
        span = pane.selected_span()
        if span is None:
            self._ask_for_selection(self.tr("先选中要批注的文字"))
            return
        start, end = view.body.to_view(*span)
        answer = note_dialog.ask_note(
            self.window, view.body.text[start:end], self.colours, self.last_colour
        )
        if answer is None:
            return
        color, note = answer
        self.last_colour = color
        self.controller.highlight(view.record.id, make_anchor(view.record.body, *span), color, note)
        self._collapse_selection()

    def edit_note(self, annotation_id: str) -> None:
        annotation = self.library.find_annotation(annotation_id)
        if annotation is None:
            return
        answer = note_dialog.ask_note(
            self.window,
            self._in_view(annotation.exact),
            self.colours,
            annotation.color,
            annotation.note,
        )
        if answer is not None:
            self.controller.edit(annotation_id, *answer)

    def _recolour(self, annotation_id: str, color: str) -> None:
        if self.library.find_annotation(annotation_id) is not None:  # not deleted meanwhile
            self.controller.recolour(annotation_id, color)

    def _ask_for_selection(self, text: str) -> None:
        """Say why nothing happened: nothing selected, or a selection outside the body."""
        if self.pane.textCursor().hasSelection():
            text = self.tr("只能标注正文里的文字，标题和图片说明不行")
        self._status(text)

    def delete(self, annotation_id: str) -> None:
        if self.library.find_annotation(annotation_id) is not None:
            self.controller.delete(annotation_id)

    def delete_at_cursor(self) -> None:
        target, exactly = self._selected_annotation()
        if target is not None and exactly:
            self.controller.delete(target.id)

    def rename_colour(self, key: str, label: str) -> None:
        self.controller.rename_colour(key, label)  # a refusal is said like any other

    def _collapse_selection(self) -> None:
        """Show the new colour rather than the selection over it."""
        pane = self.pane
        cursor = pane.textCursor()
        cursor.clearSelection()
        pane.setTextCursor(cursor)

    # -- going places ---------------------------------------------------------------------

    def go_to(self, annotation_id: str) -> None:
        """Scroll to a highlight of the open article and select it."""
        for annotation, start, end in self._drawn:
            if annotation.id == annotation_id:
                self.pane.select_span(start, end, original=False)
                self.panel.select(annotation_id)
                return
        found = self.library.find_annotation(annotation_id)
        if found is not None:
            self._status(self.tr("原文里找不到这段文字了：「{}」").format(found.exact[:30]), 8000)

    def open_at(self, article_id: int, annotation_id: str | None) -> None:
        """Open an article (from the browser) at one of its highlights."""
        record = self.pane.record
        opened = record is not None and record.id == article_id
        if not opened and not self.host.reading.select_article(article_id):
            self._status(self.tr("这篇文章不在当前列表里（也许被筛选或移到了废纸篓）"), 8000)
            return
        if annotation_id is not None:
            self.go_to(annotation_id)
        self.window.activateWindow()

    def copy_link(self, annotation_id: str) -> None:
        """A ``reader://`` link to the passage, in the open view's offsets when it shows."""
        annotation = self.library.find_annotation(annotation_id)
        if annotation is None:
            return
        view = self.pane.view
        placed = {a.id: (s, e) for a, s, e in self._drawn}
        if annotation.id in placed and view is not None:
            link = article_link(annotation.article_id, *placed[annotation.id], view.config)
        else:
            link = article_link(annotation.article_id, annotation.start, annotation.end)
        QApplication.clipboard().setText(link)
        self._status(self.tr("已复制链接 {}").format(link))

    def ask_link(self) -> None:
        """打开链接…: a ``reader://`` link typed or pasted (the clipboard's, if it holds one)."""
        clipboard = QApplication.clipboard().text().strip()
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("打开链接"),
            self.tr("阅报链接（reader://article/…）："),
            text=clipboard if is_article_link(clipboard) else "",
        )
        if ok and text.strip():
            self.open_link(text)

    def open_link(self, url: str) -> bool:
        """Open the article a link names, at its passage (selected). False, after telling
        the reader in one line, when it cannot."""
        try:
            link = parse_link(url)
        except ValueError:
            QMessageBox.warning(self.window, self.tr("打开链接"), self.tr("这不是阅报的文章链接"))
            return False
        if self.library.get(link.article_id) is None:
            QMessageBox.warning(
                self.window, self.tr("打开链接"), self.tr("文库里没有这篇文章（可能已删除）")
            )
            return False
        record = self.pane.record
        opened = record is not None and record.id == link.article_id
        if not opened and not self.host.reading.select_article(link.article_id):
            self._status(self.tr("这篇文章不在当前列表里（也许被筛选或移到了废纸篓）"), 8000)
            return False
        view = self.pane.view
        if link.start is not None and link.end is not None and view is not None:
            start, end = link.start, link.end
            if link.config != view.config:  # offsets of another view: through the original
                record = view.record
                try:
                    other = self.library.view(record, link.config)
                except ValueError:
                    other = None
                if other is None or end > len(other.body.text):
                    self._status(self.tr("链接里的位置超出了这篇文章"), 8000)
                    return True
                start, end = view.body.to_view(*other.body.to_original(start, end))
            if end <= len(view.body.text):
                self.pane.select_span(start, end, original=False)
        self.window.activateWindow()
        return True

    def open_browser(self) -> None:
        from reader.gui.annotation_browser import AnnotationBrowser

        if self._browser is None:
            self._browser = AnnotationBrowser(
                self.library, self.library, self._in_library_view, self.window
            )
            self._browser.set_colours(self.colours)
            self._browser.open_requested.connect(self.open_at)
        self._browser.reload()
        self._browser.show()
        self._browser.raise_()
        self._browser.activateWindow()

    # -- files ----------------------------------------------------------------------------

    def export_annotations(self) -> None:
        """Every annotation in the library (articles in list order) as Markdown, in the
        current script, or as W3C Web Annotation JSON (offsets of the original text)."""
        library = self.library
        ids = list(dict.fromkeys(a.article_id for a in self.library.browse_annotations()))
        if not ids:
            self._status(self.tr("文库里还没有批注"))
            return
        filters = {
            QCoreApplication.translate("Annotating", f): s for f, s in EXPORT_FILTERS.items()
        }
        target = ask_save_path(
            self.window, self.tr("导出批注"), Path.home() / self.tr("批注.md"), filters
        )
        if target is None:
            return
        if target.suffix.lower() in JSON_SUFFIXES:
            text = json.dumps(export_w3c(library, ids), ensure_ascii=False, indent=2) + "\n"
        else:
            config = self.host.scripts.config
            records = [r for r in (library.get(i) for i in ids) if r is not None]
            text = annotations_markdown(library, [library.view(r, config) for r in records])
        if not save_or_report(self.window, target, lambda path: write_atomically(path, text)):
            return
        count = sum(len(self.library.annotations_of(i)) for i in ids)
        self._status(self.tr("已导出 {} 条批注到 {}").format(count, target), 6000)

    def import_annotations(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("导入批注"),
            str(Path.home()),
            self.tr("W3C 批注 JSON (*.json *.jsonld);;所有文件 (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Add the annotations of a W3C JSON file, through the window's writer
        (the import becomes one step to undo: :meth:`_imported`)."""
        self.host.importer.import_annotations(path)

    def _imported(self, report: ImportReport) -> None:
        """Annotations an import restored (this menu's, or a .json among imported files)."""
        self.controller.imported(report.annotations)

    def _status(self, message: str, timeout: int = 4000) -> None:
        self.host.status(message, timeout)

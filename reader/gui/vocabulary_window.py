"""生词本: the vocabulary window. Lists the saved words (newest first), searches them in
either script, marks them known or still learning, deletes them (Ctrl+Z puts them back),
opens the article a word was met in (double-click: its sentence selected) and exports the
list to Anki or CSV.

The table is a model over the words (the vocabulary's keys) whose rows are read when a
view first shows them, a block at a time. Every write goes through the window's writer and
is announced as ``Change(vocabulary=True)``; the window lists the words again on every such
change, whoever made it (the lookup popup's A shows here at once), and when it is
activated (a word added by ``reader words add`` in a terminal).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.gui.changes import Change, LibraryChanges
from reader.gui.i18n import QT_TRANSLATE_NOOP
from reader.gui.workers import Operation

if TYPE_CHECKING:
    from reader.core.records import VocabularyWord
    from reader.gui.reading import ReadingController
    from reader.gui.writer import LibraryWriter
    from reader.library import Library

log = logging.getLogger(__name__)

BLOCK = 200  # rows read at once around the one a view asks for
SEARCH_DELAY_MS = 150  # typing in the search box lists again after this pause
Index = QModelIndex | QPersistentModelIndex


class VocabularyModel(QAbstractTableModel):
    """The words listed; a word's row is read from the library when first shown."""

    WORD, READING, DEFINITION, SENTENCE, ARTICLE, ADDED, KNOWN = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("VocabularyModel", "词语"),
        QT_TRANSLATE_NOOP("VocabularyModel", "读音"),
        QT_TRANSLATE_NOOP("VocabularyModel", "释义"),
        QT_TRANSLATE_NOOP("VocabularyModel", "例句"),
        QT_TRANSLATE_NOOP("VocabularyModel", "文章"),
        QT_TRANSLATE_NOOP("VocabularyModel", "加入日期"),
        QT_TRANSLATE_NOOP("VocabularyModel", "已掌握"),
    )
    # Asked for every cell at every paint: combined once (Python's enum "|" is slow).
    _FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    _CHECKABLE = _FLAGS | Qt.ItemFlag.ItemIsUserCheckable
    # A known box was ticked or cleared: the window writes it (word, known).
    known_toggled = Signal(str, bool)

    def __init__(
        self, read_rows: Callable[[list[str]], dict[str, VocabularyWord]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._read_rows = read_rows
        self._words: list[str] = []
        self._row_of: dict[str, int] = {}
        self._rows: dict[str, VocabularyWord] = {}
        self.reads = 0  # blocks read from the library (what a test counts)

    def set_words(self, words: list[str], rows: dict[str, VocabularyWord]) -> None:
        """List these words; `rows`: those already read (the first shown)."""
        self.beginResetModel()
        self._words = words
        self._row_of = {word: row for row, word in enumerate(words)}
        self._rows = dict(rows)
        self.endResetModel()

    def word(self, row: int) -> str:
        return self._words[row]

    def row_of(self, word: str) -> int | None:
        return self._row_of.get(word)

    def entry(self, row: int) -> VocabularyWord | None:
        """The row's word as stored (read with its block when first asked for)."""
        word = self._words[row]
        if word not in self._rows:
            start = max(0, row - BLOCK // 4)
            wanted = [w for w in self._words[start : start + BLOCK] if w not in self._rows]
            self._rows.update(self._read_rows(wanted))
            self.reads += 1
        return self._rows.get(word)  # None: removed since listed (a new list is on its way)

    def set_known(self, words: list[str], known: bool) -> None:
        """Show the new marks at once (the write follows)."""
        rows = [r for w in words if (r := self.row_of(w)) is not None and w in self._rows]
        for row in rows:
            word = self._words[row]
            self._rows[word] = replace(self._rows[word], known=known)
        if rows:  # one signal for them all: a row's each would be a repaint's
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), self.KNOWN))

    # -- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._words)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._CHECKABLE if index.column() == self.KNOWN else self._FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._words):
            return None
        w = self.entry(index.row())
        if w is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.KNOWN:
            return Qt.CheckState.Checked if w.known else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.KNOWN:
                return None
            return self._text(w, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            self.DEFINITION,
            self.SENTENCE,
            self.ARTICLE,
        ):
            return self._text(w, column) or None
        return None

    def _text(self, w: VocabularyWord, column: int) -> str:
        if column == self.WORD:
            return w.word
        if column == self.READING:
            return w.reading
        if column == self.DEFINITION:
            return w.definition
        if column == self.SENTENCE:
            return w.sentence
        if column == self.ARTICLE:
            return w.article_title
        return w.added_at[:10]  # the day (a time stamp with its offset)

    def setData(  # noqa: N802
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.KNOWN:
            return False
        entry = self.entry(index.row())
        if entry is None:
            return False
        known = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self.set_known([entry.word], known)
        self.known_toggled.emit(entry.word, known)
        return True


class VocabularyWindow(QWidget):
    """The 生词本 window (one per main window, made when first opened)."""

    listed = Signal()  # the words are listed anew

    def __init__(
        self,
        library: Library,
        writer: LibraryWriter,
        changes: LibraryChanges,
        reading: ReadingController,
        parent: QWidget,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("vocabularyWindow")
        self.setWindowTitle(self.tr("生词本"))
        self.library = library
        self.writer = writer
        self.changes = changes
        self.reading = reading
        self._removed: list[VocabularyWord] = []  # the last deletion, for Ctrl+Z
        self._fetching: Operation | None = None
        self._fetch_again = False
        self.model = VocabularyModel(lambda words: library.vocabulary.rows(words), self)
        self.model.known_toggled.connect(lambda word, known: self.mark([word], known))
        self._build()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        changes.changed.connect(self._library_changed)
        self.resize(960, 540)

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("vocabularySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("搜索生词本（词语、读音、释义、例句、文章），简繁通用")
        )
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)

        self.table = table = QTableView()
        table.setObjectName("vocabularyTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        widths = {0: 90, 1: 120, 2: 240, 4: 150, 5: 96, 6: 64}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            # At least its heading (in any interface language) and the header's margins.
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            header.resizeSection(
                column, max(width, header.fontMetrics().horizontalAdvance(title) + 40)
            )
        header.setSectionResizeMode(VocabularyModel.SENTENCE, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda index: self.open_article(index.row()))

        self.known_button = QPushButton(self.tr("标为已掌握"))
        self.learning_button = QPushButton(self.tr("标为学习中"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.undo_button = QPushButton(self.tr("撤销删除"))
        self.undo_button.hide()
        self.anki_button = QPushButton(self.tr("导出到 Anki…"))
        self.csv_button = QPushButton(self.tr("导出 CSV…"))
        self.known_button.clicked.connect(lambda: self.mark(self.selected_words(), True))
        self.learning_button.clicked.connect(lambda: self.mark(self.selected_words(), False))
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.anki_button.clicked.connect(lambda: self.export("anki"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.delete_button.setToolTip(self.tr("删除选中的词 (Delete)"))
        self.undo_button.setToolTip(self.tr("放回刚删除的词 (Ctrl+Z)"))
        buttons = QHBoxLayout()
        for button in (self.known_button, self.learning_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.anki_button)
        buttons.addWidget(self.csv_button)
        self.status = QLabel()
        self.status.setObjectName("vocabularyStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        # Within this window only: the main window has its own Delete and Ctrl+Z.
        for key, slot in (
            (QKeySequence.StandardKey.Delete, self.delete_selected),
            (QKeySequence.StandardKey.Undo, self.undo_delete),
            (QKeySequence.StandardKey.Find, self.search.setFocus),
            (QKeySequence.StandardKey.Close, self.close),
        ):
            shortcut = QShortcut(QKeySequence(key), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.search.returnPressed.connect(self.refresh)
        self._show_buttons()
        table.selectionModel().selectionChanged.connect(lambda *_: self._show_buttons())

    # -- listing --------------------------------------------------------------------------

    def open_window(self) -> None:
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh(self) -> None:
        """List the words again (those the search finds), keeping the selection: read on
        a worker with a connection of its own (a search folds every word's text)."""
        self._search_timer.stop()
        if self._fetching is not None:
            self._fetch_again = True  # one at a time; the last asked for runs next
            return
        query = self.search.text()
        directory = self.library.directory

        def work(_progress, _cancelled) -> tuple[str, list[str], dict[str, VocabularyWord]]:
            from reader.library import Library

            lib = Library(directory)
            try:
                words = lib.vocabulary.ids(query)
                return query, words, lib.vocabulary.rows(words[:BLOCK])  # the first shown
            finally:
                lib.close()

        op = Operation(work, self)
        op.succeeded.connect(self._show_listing)
        op.failed.connect(lambda message: self.say(self.tr("无法读取生词本：{}").format(message)))
        op.finished.connect(self._fetched)
        op.finished.connect(op.deleteLater)
        self._fetching = op
        op.start()

    def _fetched(self) -> None:
        self._fetching = None
        if self._fetch_again:
            self._fetch_again = False
            self.refresh()

    def _show_listing(self, listing: tuple[str, list[str], dict[str, VocabularyWord]]) -> None:
        query, words, first = listing
        kept = self.selected_words()
        self.model.set_words(words, first)
        # One selection of every row kept: row by row, each would be a selection change.
        selection = QItemSelection()
        for word in kept:
            row = self.model.row_of(word)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, 0))
        if not selection.isEmpty():
            flags = QItemSelectionModel.SelectionFlag
            self.table.selectionModel().select(selection, flags.Select | flags.Rows)
        self.count.setText(
            self.tr("找到 %n 个词", "", len(words))
            if query.strip()
            else self.tr("%n 个词", "", len(words))
        )
        self._show_buttons()
        self.listed.emit()

    def _library_changed(self, change: Change) -> None:
        if change.vocabulary and self.isVisible():
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # Words added by another process (reader words add) show when the window is used.
        activated = event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
        if activated and self._fetching is None:  # (one on its way will show them)
            self.refresh()
        super().changeEvent(event)

    def selected_words(self) -> list[str]:
        # From the selection's ranges (whole rows here): selectedRows() asks every cell's
        # flags.
        selection = self.table.selectionModel().selection()
        ranges = (selection.at(i) for i in range(selection.count()))
        rows = sorted({row for r in ranges for row in range(r.top(), r.bottom() + 1)})
        return [self.model.word(r) for r in rows if r < self.model.rowCount()]

    def _show_buttons(self) -> None:
        chosen = self.table.selectionModel().hasSelection()
        for button in (self.known_button, self.learning_button, self.delete_button):
            button.setEnabled(chosen)
        self.undo_button.setVisible(bool(self._removed))

    def say(self, text: str) -> None:
        self.status.setText(text)

    # -- changing -------------------------------------------------------------------------

    def _write(self, change: Callable[[Library], Any], done: Callable[[Any], None]) -> None:
        def written(result: Any) -> None:
            done(result)
            self.changes.announce(Change(vocabulary=True))

        self.writer.write(change, written)

    def mark(self, words: list[str], known: bool) -> None:
        """Mark these words known (the pane stops marking them) or still being learnt."""
        if not words:
            return
        self.model.set_known(words, known)

        def write(lib: Library) -> int:
            return sum(lib.vocabulary.set_known(w, known) for w in words)

        said = self.tr("已标为已掌握：%n 个词", "", len(words))
        if not known:
            said = self.tr("已标为学习中：%n 个词", "", len(words))
        self._write(write, lambda _count: self.say(said))

    def delete_selected(self) -> None:
        words = self.selected_words()
        if not words:
            return

        def removed(gone: list[VocabularyWord]) -> None:
            self._removed = gone
            self.say(self.tr("已删除 %n 个词（Ctrl+Z 撤销）", "", len(gone)))
            self._show_buttons()

        self._write(lambda lib: lib.vocabulary.remove_words(words), removed)

    def undo_delete(self) -> None:
        back, self._removed = self._removed, []
        if not back:
            return

        def put_back(lib: Library) -> None:
            lib.vocabulary.put_back(back)

        self._write(put_back, lambda _r: self.say(self.tr("已放回 %n 个词", "", len(back))))
        self._show_buttons()

    # -- the article, exporting -----------------------------------------------------------

    def open_article(self, row: int) -> None:
        """Open the word's article in the main window with its sentence selected."""
        entry = self.model.entry(row)
        if entry is None:
            return
        if entry.article_id is None:
            self.say(self.tr("「{}」没有记下出处的文章").format(entry.word))
            return
        pane = self.reading.pane
        shown = pane.record is not None and pane.record.id == entry.article_id
        if not shown and not self.reading.select_article(entry.article_id):
            self.say(self.tr("这篇文章不在主窗口的列表里（也许被筛选、移到了回收站或已删除）"))
            return
        view = pane.view
        if view is not None and entry.sentence:
            from reader.core.textsearch import find_spans, normalise

            spans = find_spans(view.body.text, [normalise(entry.sentence)])
            if spans:
                pane.select_span(*spans[0], original=False)
        window = self.parentWidget()
        if window is not None:
            window.raise_()
            window.activateWindow()

    def export(self, fmt: str) -> None:
        """Every word to an Anki package or a CSV file (the dialog asks before replacing)."""
        from reader import vocabulary
        from reader.gui.files import ask_save_path, documents_folder

        suffix = ".apkg" if fmt == "anki" else ".csv"
        kind = self.tr("Anki 卡组 (*.apkg)") if fmt == "anki" else self.tr("CSV 表格 (*.csv)")
        default = documents_folder() / (self.tr("生词本") + suffix)
        path = ask_save_path(self, self.tr("导出生词本"), default, {kind: suffix})
        if path is None:
            return

        def write(lib: Library) -> int | str:
            try:
                return vocabulary.export(lib, fmt, path, replace=True)
            except OSError as e:  # said in the window; the writer's failures are damage
                return f"{path}: {e.strerror or e}"

        def done(result: int | str) -> None:
            if isinstance(result, str):
                self.say(self.tr("导出失败：{}").format(result))
            else:
                self.say(self.tr("已导出 %n 个词到 {}", "", result).format(path))

        self.writer.write(write, done)

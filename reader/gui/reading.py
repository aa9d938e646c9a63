"""Reading: which article is open, the layers drawn over it (keywords, names, watch words,
the words being learnt, search terms, find, ambiguous characters), stepping through a
keyword, the reading pane's context menu and the script it is read in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QStatusBar, QTableView, QWidget

from reader.core import scripts
from reader.core.errors import LibraryError
from reader.gui.changes import Change, LibraryChanges
from reader.gui.reading_pane import Layer, ReadingPane
from reader.gui.reading_progress import reading_chars, reading_minutes
from reader.gui.turns import next_turn

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from reader.gui.article_model import ArticleTableModel
    from reader.gui.find_bar import FindBar
    from reader.gui.keyword_panel import KeywordPanel
    from reader.gui.list_controller import ListController
    from reader.gui.looks import Looks
    from reader.gui.script_selector import ScriptSelector
    from reader.gui.writer import LibraryWriter
    from reader.library import Library
    from reader.views import ScriptView

log = logging.getLogger(__name__)

PANEL_KEYWORDS = 12


class ReadingController(QObject):
    """Opens what the list chooses and draws everything over it."""

    failed = Signal(object)  # LibraryError met while opening an article
    # The library's titles and words are to be shown in another script view (ScriptView).
    script_view_changed = Signal(object)
    menu_requested = Signal(QMenu, QPoint)  # the pane's context menu, for others to extend
    redrawn = Signal()  # the open article's layers were drawn anew (or none is open)

    def __init__(
        self,
        window: QWidget,
        library: Library,
        changes: LibraryChanges,
        *,
        pane: ReadingPane,
        list_view: QTableView,
        model: ArticleTableModel,
        lists: ListController,
        keyword_panel: KeywordPanel,
        scripts_selector: ScriptSelector,
        looks: Looks,
        status_bar: QStatusBar,
        article_label: QLabel,
        find_bar: Callable[[], FindBar],
        ambiguity_action: QAction,
        writer: LibraryWriter,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.writer = writer
        self.changes = changes
        self.pane = pane
        self.list_view = list_view
        self.model = model
        self.lists = lists
        self.keyword_panel = keyword_panel
        self.scripts = scripts_selector
        # The script view shown: the one chosen, once its converters are in (_script_changed).
        self.config: str | None = scripts_selector.config
        self.looks = looks
        self.status_bar = status_bar
        self.article_label = article_label
        self._find_bar = find_bar
        self.ambiguity_action = ambiguity_action
        self._selecting: int | None = None  # the article the list chose, opening next turn
        self._focus: tuple[str, list[tuple[int, int]], int] | None = None
        self._focus_article: int | None = None  # the article the focus belongs to
        self._keyword_spans: list[tuple[int, int, str]] = []
        self._script_view: ScriptView | None = None

        list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        keyword_panel.keyword_chosen.connect(self.focus_keyword)
        keyword_panel.step_requested.connect(self.step_occurrence)
        keyword_panel.article_chosen.connect(self.select_article)
        keyword_panel.entity_kinds_changed.connect(self._entity_kinds_changed)
        scripts_selector.changed.connect(self._script_changed)
        ambiguity_action.toggled.connect(lambda _on: self.refresh_ambiguities())
        changes.changed.connect(self._library_changed)
        looks.changed.connect(self._look_changed)

    @property
    def find_bar(self) -> FindBar:
        return self._find_bar()

    # -- opening --------------------------------------------------------------------------

    def select_article(self, article_id: int | None) -> bool:
        """Select an article in the list and open it now (a link, the last one read)."""
        row = self.model.row_of(article_id) if article_id is not None else None
        if row is None:
            return False
        self.list_view.selectRow(row)
        self.list_view.scrollTo(self.model.index(row, 0))
        self._selecting = article_id
        self._open_selected(article_id)
        return True

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        article_id = self.model.article_id(indexes[0].row()) if indexes else None
        # The list repaints its new rows in this turn, the article opens in the next: the
        # window answers between the two (tests/perf/bench_gui.py's Page Down).
        self._selecting = article_id
        next_turn(self.window, lambda: self._open_selected(article_id))

    def _open_selected(self, article_id: int | None) -> None:
        if article_id != self._selecting:
            return  # another article was chosen meanwhile: that one opens
        shown = self.pane.record
        if shown is not None and article_id == shown.id:
            return  # the list was refreshed around the open article: leave it as it is
        try:
            record = self.library.get(article_id) if article_id is not None else None
        except LibraryError as e:  # the article's pages are where damage shows most
            self.failed.emit(e)
            return
        if record is None:
            self.close_article()
            return
        self._show(record)
        chars = reading_chars(record.body)
        self.article_label.setText(
            self.tr("{chars} 字　约 {minutes} 分钟").format(
                chars=chars, minutes=reading_minutes(chars)
            )
        )
        if not self.library.read_at(record.id):
            opened = record.id  # read once opened, as in mail
            self.writer.write(
                lambda lib: lib.mark_read(opened),
                lambda _result: self.changes.announce(Change(rows=(opened,), read=1)),
            )

    def close_article(self) -> None:
        """No article open (the list is empty)."""
        self._selecting = None
        self.pane.show_placeholder()
        self.article_label.clear()
        self.find_bar.set_text("")
        self.redrawn.emit()

    def _show(self, record, *, keep_position: bool = False) -> None:
        view = self.library.view(record, self.config)
        self.pane.show_article(view, keep_position=keep_position)
        self.refresh_ambiguities()
        self.apply_layers()
        self.apply_search_layer()
        self.find_bar.set_text(view.body.text)

    def rerender(self) -> None:
        """The open article again, where the reader was (a new script or phrase fix)."""
        record = self.pane.record
        if record is not None:
            self._show(record, keep_position=True)

    def _script_changed(self, config: str | None) -> None:
        from reader import views  # chosen by the reader: after the first paint
        from reader.gui.workers import Operation

        self.looks.set_default_script(config or "")
        if views.is_warm(config) or self.pane.record is None:
            # Nothing shown yet: the window's start loads its view before the first article
            # (startup.prepare_reading).
            self._show_script(config)
            return
        # A view's first choice loads its converters on a worker; the window goes on in the
        # view it shows and changes over when they are in.
        op = Operation(lambda _progress, _cancelled: views.warm_up(config), self)
        op.failed.connect(lambda message: log.warning("script view %s: %s", config, message))
        op.finished.connect(lambda: self._show_script(config))
        op.finished.connect(op.deleteLater)
        op.start()

    def _show_script(self, config: str | None) -> None:
        if config == self.scripts.config:  # else the reader has chosen another meanwhile
            self.config = config
            self._new_script_view()
            self.rerender()

    @property
    def text_in_view(self) -> ScriptView:
        """The library's text (titles, words, snippets) in the chosen script view."""
        if self._script_view is None or self._script_view.config != self.config:
            self._script_view = self.library.script_view(self.config)
        return self._script_view

    def _new_script_view(self) -> None:
        """The list, sidebar and panels show the library in the view now chosen."""
        self._script_view = None
        in_view = self.text_in_view
        self.model.set_script_view(in_view if in_view.config else None)
        self.script_view_changed.emit(in_view)

    # -- moving through the list ----------------------------------------------------------

    def step(self, delta: int) -> None:
        rows = self.list_view.selectionModel().selectedRows()
        current = rows[0].row() if rows else -1
        target = min(max(current + delta, 0), self.model.rowCount() - 1)
        if target >= 0:
            self.list_view.selectRow(target)

    def next_unread(self) -> None:
        """The next unread article below the selection (wrapping round once)."""
        rows = self.list_view.selectionModel().selectedRows()
        current = rows[0].row() if rows else -1
        row = self.model.next_unread(current)
        if row is None:
            self.status_bar.showMessage(self.tr("没有未读文章了"), 3000)
        else:
            self.list_view.selectRow(row)

    def page_down(self) -> None:
        """Space: a page further, and at the end of an article on to the next unread."""
        bar = self.pane.verticalScrollBar()
        if self.pane.record is not None and bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep() - bar.singleStep())
        else:
            self.next_unread()

    # -- layers ---------------------------------------------------------------------------

    def _library_changed(self, change: Change) -> None:
        if change.analysed or change.watch or change.vocabulary:
            self.apply_layers()

    def _look_changed(self) -> None:
        self.apply_layers()
        self.refresh_ambiguities()

    def apply_layers(self) -> None:
        """Draw the stored analysis of the open article and the watch words."""
        record = self.pane.record
        if record is None:
            return
        from reader import views  # once an article is open: after the first paint

        analysis = self.library.analysis
        formats = self.looks.formats
        view = self.pane.view
        keywords = self.library.keywords_in_view(view, PANEL_KEYWORDS) if view else []
        self.keyword_panel.set_keywords(keywords)
        # The keyword being stepped through stays chosen over a new script, name kinds or
        # analysis of the same article; another article starts afresh.
        focus = self._focus if self._focus_article == record.id else None
        self._focus = None
        self._keyword_spans = sorted((s, e, k.word) for k in keywords for s, e in k.spans)
        shown = {k.word for k in keywords}
        layers: dict[str, Layer | None] = {
            "keywords": Layer(tuple((s, e) for s, e, _ in self._keyword_spans), formats["keywords"])
            if self.looks.prefs.show_keywords
            else None,
            "focus": None,
        }
        entities = analysis.entities(record.id) or []
        enabled = self.keyword_panel.entity_kinds()
        for kind in ("person", "place", "org"):
            spans = tuple((e.start, e.end) for e in entities if e.kind == kind)
            layers[f"entity-{kind}"] = (
                Layer(spans, formats[f"entity-{kind}"]) if kind in enabled and spans else None
            )
        watch = analysis.watch_words()
        watch_spans = views.find_words(record.body, watch)
        layers["watch"] = Layer(tuple(watch_spans), formats["watch"]) if watch_spans else None
        learning = self._vocabulary_spans(record.body)
        layers["vocabulary"] = Layer(learning, formats["vocabulary"]) if learning else None
        self.pane.set_layers(layers)
        if focus is not None and focus[0] in shown:
            self._set_focus(focus[0], focus[2])
        self.redrawn.emit()
        folded = [scripts.fold(record.body[s:e]) for s, e in watch_spans]
        in_view = self.text_in_view
        self.keyword_panel.set_watch_counts(
            [(in_view(w), folded.count(scripts.fold(w))) for w in watch]
        )

    def _vocabulary_spans(self, body: str) -> tuple[tuple[int, int], ...]:
        """Where the words the reader is learning (in the vocabulary, not marked known)
        stand in `body`, in either script; none when the reader turned the marks off."""
        if not self.looks.prefs.mark_vocabulary:
            return ()
        from reader import views

        words = sorted(self.library.vocabulary.words(known=False))
        return tuple(views.find_words(body, words)) if words else ()

    def _entity_kinds_changed(self, kinds: set[str]) -> None:
        self.looks.set_entity_kinds(kinds)
        self.apply_layers()

    def apply_search_layer(self) -> None:
        """The list's search terms, marked in the open article (in its own style)."""
        from reader.core.textsearch import find_spans, query_terms

        view = self.pane.view
        terms = query_terms(self.lists.query) if view is not None else []
        spans = find_spans(view.body.text, terms) if view is not None and terms else []
        fmt = self.looks.formats["search"]
        self.pane.set_layer("search", Layer(tuple(spans), fmt, original=False) if spans else None)

    def found(self, spans: list[tuple[int, int]]) -> None:
        """The find bar's matches."""
        fmt = self.looks.formats["find"]
        self.pane.set_layer("find", Layer(tuple(spans), fmt, original=False) if spans else None)

    def refresh_ambiguities(self) -> None:
        """Mark characters the conversion chose among several forms (on demand)."""
        view = self.pane.view
        if not self.ambiguity_action.isChecked() or view is None or view.effective is None:
            self.pane.set_layer("ambiguities", None)
            return
        found = scripts.ambiguities(view.record.body, view.effective, view.user_phrases)
        tip = self.tr("{chosen}：也可作 {alternatives}\n选中词语后右键「修正转换…」可改为你的写法")
        separator = self.tr("、", "between alternative characters")
        tips = tuple(
            tip.format(
                chosen=a.chosen,
                alternatives=separator.join(x for x in a.alternatives if x != a.chosen),
            )
            for a in found
        )
        spans = tuple((a.view_start, a.view_end) for a in found)
        fmt = self.looks.formats["ambiguities"]
        self.pane.set_layer("ambiguities", Layer(spans, fmt, original=False, tooltips=tips))
        self.status_bar.showMessage(self.tr("%n 处多义字", "", len(found)), 4000)

    # -- keyword focus --------------------------------------------------------------------

    def focus_keyword(self, word: str) -> None:
        """Highlight every occurrence of one keyword and go to the first."""
        record = self.pane.record
        if record is None or not word:
            return
        self._set_focus(word, -1)
        self.step_occurrence(+1)

    def _set_focus(self, word: str, index: int) -> None:
        """Mark a keyword's occurrences, ``index`` the one the reader is at (-1: none yet),
        and list the other articles that share it."""
        record = self.pane.record
        if record is None:
            return
        spans = [(s, e) for s, e, w in self._keyword_spans if w == word]
        self._focus = (word, spans, index)
        self._focus_article = record.id
        self.pane.set_layer("focus", Layer(tuple(spans), self.looks.formats["focus"]))
        self.keyword_panel.select_keyword(word)
        if 0 <= index < len(spans):
            self.keyword_panel.set_occurrence(index + 1, len(spans))
        related = self.library.analysis.articles_with_keyword(word, exclude=record.id, limit=30)
        rows = self.library.rows(related)
        in_view = self.text_in_view
        self.keyword_panel.set_related(
            [(i, in_view(rows[i].display_title, rows[i].script)) for i in related if i in rows]
        )

    def step_occurrence(self, delta: int) -> None:
        if self._focus is None or not self._focus[1]:
            return
        word, spans, index = self._focus
        index = (index + delta) % len(spans)
        self._focus = (word, spans, index)
        self.pane.select_span(*spans[index])
        self.keyword_panel.set_occurrence(index + 1, len(spans))

    # -- the pane's context menu ----------------------------------------------------------

    def context_menu(self, pos: QPoint) -> None:
        pane = self.pane
        menu = pane.createStandardContextMenu(pos)
        span = pane.selected_span()
        view = pane.view
        if span is not None and view is not None:
            menu.addSeparator()
            menu.addAction(self.tr("复制为简体"), lambda: self.copy_span_as(span, "t2s"))
            menu.addAction(self.tr("复制为繁体"), lambda: self.copy_span_as(span, "s2t"))
            if view.effective is not None:
                menu.addAction(self.tr("修正转换…"), lambda: self.fix_conversion(span))
                original = view.record.body[span[0] : span[1]]
                if original in (view.user_phrases or {}):
                    menu.addAction(self.tr("恢复默认转换"), lambda: self.set_phrase(original, None))
        self.menu_requested.emit(menu, pos)
        menu.exec(pane.viewport().mapToGlobal(pos))

    def copy_span_as(self, span: tuple[int, int], config: str) -> None:
        record = self.pane.record
        if record is None:
            return
        original = record.body[span[0] : span[1]]
        effective = scripts.effective_config(config, scripts.detect_script(original))
        QApplication.clipboard().setText(scripts.convert(original, effective))

    def fix_conversion(self, span: tuple[int, int]) -> None:
        view = self.pane.view
        if view is None:
            return
        original = view.record.body[span[0] : span[1]]
        start, end = view.body.to_view(*span)
        from reader.gui.dialogs import ask_phrase_fix

        wanted = ask_phrase_fix(self.window, original, view.body.text[start:end])
        if wanted:
            self.set_phrase(original, wanted)

    def set_phrase(self, original: str, wanted: str | None) -> None:
        view = self.pane.view
        if view is None or view.effective is None:
            return
        config = view.effective

        def written(_result: object) -> None:
            self._new_script_view()
            self.rerender()

        self.writer.write(lambda lib: lib.set_user_phrase(config, original, wanted), written)

"""The library as the CLI and the GUI use it: open (and seed), import, read.

No Qt here. Long operations take a progress callback and a cancel check so the GUI
can run them on a worker thread and the CLI can draw a progress bar.

Opening a library imports only the database layer: the article and annotation stores
(and their search and script modules) are imported when first used, so the window can
paint before it pays for them.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import paths
from reader.core.errors import DamagedLibraryError, LibraryError, LibraryUnavailableError
from reader.core.paths import path_text
from reader.core.paths import write_atomically as write_atomically  # its old home
from reader.store.db import Database

if TYPE_CHECKING:
    from reader.backups import Backup, Restored
    from reader.companion import Companion
    from reader.core.anchors import Anchor
    from reader.core.documents import ParsedDocument
    from reader.core.records import (
        Annotation,
        ArticleFilter,
        ArticleRecord,
        ArticleRow,
        Colour,
        Feed,
        Overview,
    )
    from reader.core.textsearch import SearchHit
    from reader.feeds import FeedResult, Limits, OpmlReport
    from reader.resplit import ResplitReport
    from reader.store.analysis import AnalysisStore
    from reader.store.annotations import AnnotationStore
    from reader.store.articles import ArticleStore
    from reader.store.feeds import FeedStore
    from reader.store.vocabulary import VocabularyStore
    from reader.views import ArticleView, ScriptView, ShownKeyword

log = logging.getLogger(__name__)

IMPORTABLE_SUFFIXES = (
    ".txt", ".text", ".md", ".markdown",
    ".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht", ".webarchive",
)  # fmt: skip
# A file given as annotations that is not W3C annotation JSON (the GUI words it itself).
NOT_ANNOTATIONS = "not a W3C annotation file"
# The error of a folder holding no file with one of those suffixes (the GUI words it itself).
NOTHING_TO_IMPORT = (
    f"no files to import in this folder (looked for {', '.join(IMPORTABLE_SUFFIXES)})"
)
# A newspaper page is a few hundred KB; far larger files are refused rather than exhaust
# memory (the 20 MB one-line page's import: README, Robustness; tests/robustness/test_bad_input).
MAX_IMPORT_BYTES = 64 * 1024 * 1024

ProgressFn = Callable[[int, int, str], None]  # (files done, files in all, current file)
CancelFn = Callable[[], bool]


@dataclass
class ImportReport:
    articles: list[ArticleRecord] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (source, existing id)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    # From W3C annotation files (.json): restored, and ids already in the library.
    annotations: list[Annotation] = field(default_factory=list)
    annotation_duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, id)
    # A changed file imported again: annotations moved to its new articles (id, article).
    annotations_moved: list[tuple[str, int]] = field(default_factory=list)
    # Web pages not imported because they are not one article (their errors say why):
    # import them again with as_text=True to keep their text.
    not_articles: list[str] = field(default_factory=list)

    def merge(self, other: ImportReport) -> None:
        self.articles += other.articles
        self.errors += other.errors
        self.duplicates += other.duplicates
        self.warnings += other.warnings
        self.annotations += other.annotations
        self.annotation_duplicates += other.annotation_duplicates
        self.annotations_moved += other.annotations_moved
        self.not_articles += other.not_articles
        self.cancelled = self.cancelled or other.cancelled


class Library:
    """One open library folder: the SQLite file plus the settings beside it."""

    def __init__(
        self,
        directory: Path,
        *,
        lock_wait: float | None = None,
        on_wait: Callable[[Path], None] | None = None,
        defer_check: bool = False,
    ) -> None:
        """``lock_wait``: seconds a write waits for another process's (default the
        store's); ``on_wait(library file)`` is called when a write starts to wait;
        ``defer_check``: a large library's check at open is left to check_deferred()."""
        self.directory = directory
        self._lock_wait, self._on_wait = lock_wait, on_wait
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise LibraryUnavailableError(
                f"cannot create library folder {directory}: {e.strerror or e}"
            ) from e
        waits = {} if lock_wait is None else {"lock_wait": lock_wait}
        self.db = Database(
            paths.library_path(directory), on_wait=on_wait, defer_check=defer_check, **waits
        )

    @cached_property
    def articles(self) -> ArticleStore:
        from reader.store.articles import ArticleStore

        return ArticleStore(self.db)

    @cached_property
    def annotations(self) -> AnnotationStore:
        from reader.store.annotations import AnnotationStore

        return AnnotationStore(self.db)

    @cached_property
    def analysis(self) -> AnalysisStore:
        """Keywords, entities and the reader's word lists (watch words, user words)."""
        from reader.store.analysis import AnalysisStore  # and json: not before first paint

        return AnalysisStore(self.db)

    @cached_property
    def feeds(self) -> FeedStore:
        """Subscriptions and their state (the service is :mod:`reader.feeds`)."""
        from reader.store.feeds import FeedStore

        return FeedStore(self.db)

    @cached_property
    def vocabulary(self) -> VocabularyStore:
        """The reader's vocabulary (the service is :mod:`reader.vocabulary`)."""
        from reader.store.vocabulary import VocabularyStore

        return VocabularyStore(self.db)

    @cached_property
    def companion(self) -> Companion:
        """Word lookups; the dictionary is opened (built once) at the first lookup."""
        from reader.companion import Companion

        return Companion(paths.cache_dir())

    @property
    def path(self) -> Path:
        """The library file."""
        return self.db.path

    def reopen(self) -> Library:
        """The same library on a connection of its own (for a worker thread); close it."""
        return Library(self.directory, lock_wait=self._lock_wait, on_wait=self._on_wait)

    @classmethod
    def open(
        cls,
        directory: str | os.PathLike[str] | None = None,
        *,
        seed: bool = True,
        lock_wait: float | None = None,
        on_wait: Callable[[Path], None] | None = None,
        defer_check: bool = False,
    ) -> Library:
        """Open (creating if needed) the library; a new one starts with the seed pages.

        The GUI passes ``seed=False`` and seeds on a worker after the window paints.
        """
        lib = cls(
            paths.data_dir(directory),
            lock_wait=lock_wait,
            on_wait=on_wait,
            defer_check=defer_check,
        )
        if lib.db.created and os.environ.get("READER_NO_SEED"):
            lib.articles.set_meta("seeded", "skipped")
        if seed and lib.needs_seed():
            lib.seed()
        return lib

    def check_deferred(self) -> None:
        """The check of a large library left at open (``defer_check``); DamagedLibraryError
        if it is damaged, and then nothing more is written. Safe on a worker thread."""
        self.db.check_deferred()

    def needs_seed(self) -> bool:
        """True until a new library has been given the sample pages (once, ever)."""
        return self.articles.meta("seeded") is None

    def close(self) -> None:
        if "companion" in self.__dict__:  # opened by a lookup
            self.companion.close()
        self.db.close()

    def seed(
        self, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
    ) -> ImportReport:
        report = self.import_paths(
            [str(f) for f in paths.seed_files()], progress=progress, cancelled=cancelled
        )
        if not report.cancelled:
            self.articles.set_meta("seeded", "yes")
        log.info("seeded new library with %d articles", len(report.articles))
        return report

    # -- import -------------------------------------------------------------------------

    def import_paths(
        self,
        sources: Iterable[str | os.PathLike[str]],
        progress: ProgressFn | None = None,
        cancelled: CancelFn | None = None,
        *,
        as_text: bool = False,
    ) -> ImportReport:
        """Import files, folders (recursively) and web addresses (fetched); one transaction
        per file. ``as_text``: web pages that are not an article are read as plain text."""
        report = ImportReport()
        files: list[Path | str] = []
        for src in sources:
            if is_web_address(src):
                files.append(str(src).strip())
                continue
            found, errors = expand(Path(src))
            files += found
            report.errors += [(path_text(source), message) for source, message in errors]
        for done, path in enumerate(files):
            if cancelled and cancelled():
                report.cancelled = True
                break
            source = path_text(path)  # a name that is not UTF-8 is stored with \xff escapes
            if progress:
                progress(done, len(files), source)
            if isinstance(path, str):
                report.merge(self.import_url(path, cancelled, as_text=as_text))
                continue
            data, problem = read_source(path)
            if data is None:
                report.errors.append((source, problem))
                continue
            try:
                parsed = self._read_document(data, path_text(path.name), source, as_text=as_text)
                del data  # the file's bytes go before its text is stored (bench_bounds.py)
                report.merge(self._stored(parsed, source))
                self.articles.index.tidy(steps=1)  # a file's segment merged as they come
            except DamagedLibraryError:
                raise  # one line for the whole command: the library itself is the problem
            except LibraryError as e:
                # The library cannot be written (read-only, disk full, busy): the files
                # stored so far are kept, and the rest are listed as not imported.
                report.errors.append((source, str(e)))
                report.errors += [
                    (path_text(rest), "not imported: stopped by the error above")
                    for rest in files[done + 1 :]
                ]
                return report
        if progress and not report.cancelled:
            progress(len(files), len(files), "")
        return report

    def import_url(
        self, url: str, cancelled: CancelFn | None = None, *, as_text: bool = False
    ) -> ImportReport:
        """Fetch a web page and import it as a saved one; a failure is one error line."""
        from reader.core.fetch import FetchError, fetch

        try:
            page = fetch(url, cancelled=cancelled)
        except FetchError as e:
            report = ImportReport(cancelled=e.cancelled)
            if not e.cancelled:  # stopped by the reader: no failure to report
                report.errors.append((url, str(e)))
            return report
        return self.import_bytes(
            page.data, url, url, url=page.url, charset=page.charset, as_text=as_text
        )

    def import_bytes(
        self,
        data: bytes,
        name: str,
        source: str,
        *,
        url: str | None = None,
        charset: str | None = None,
        as_text: bool = False,
    ) -> ImportReport:
        """Parse and store one document; bad input becomes an error entry, never a raise.
        ``url`` and ``charset``: a fetched page's final address and declared charset."""
        found = self._read_document(data, name, source, url=url, charset=charset, as_text=as_text)
        return self._stored(found, source)

    def _read_document(
        self,
        data: bytes,
        name: str,
        source: str,
        *,
        url: str | None = None,
        charset: str | None = None,
        as_text: bool = False,
    ) -> ParsedDocument | ImportReport:
        """The document in ``data``, or the report when there is none to store (an error,
        or an annotation file, imported here)."""
        # Imported here, not at the top: the window must not pay for the splitter's
        # regular expressions and the script tables before it paints.
        from reader.annotation_io import parse_annotation_file
        from reader.core.documents import NotAnArticle, UnreadableInput, parse_document

        report = ImportReport()
        if url is None:  # a fetched page is never an annotation file
            try:
                annotations = parse_annotation_file(data, name)
            except ValueError as e:  # JSON that no JSON reader takes (nested too deep, …)
                report.errors.append((source, str(e)))
                return report
            if annotations is not None:
                return self.import_annotations(annotations, source)
        try:
            return parse_document(data, name, url=url, charset=charset, as_text=as_text)
        except NotAnArticle as e:
            report.errors.append((source, str(e)))
            report.not_articles.append(source)
        except UnreadableInput as e:
            report.errors.append((source, str(e)))
        except Exception as e:
            # A splitter bug on one odd file must not abort the other files of an import:
            # the file is reported (one line) and nothing of it is stored.
            log.debug("cannot split %s", source, exc_info=True)
            report.errors.append((source, f"cannot read this file ({type(e).__name__}: {e})"))
        return report

    def _stored(self, found: ParsedDocument | ImportReport, source: str) -> ImportReport:
        """Store what _read_document found (a report is passed on as it is)."""
        if isinstance(found, ImportReport):
            return found
        from reader.core.documents import to_new_article
        from reader.core.pages import SPLITTER_VERSION

        report = ImportReport(warnings=[(source, w) for w in found.warnings])
        result = self.articles.add_source(
            source,
            found.encoding,
            found.text,
            SPLITTER_VERSION,
            [to_new_article(a) for a in found.articles],
        )
        report.articles += [self.articles.get(i) for i in result.ids]  # type: ignore[misc]
        report.duplicates += [(source, i) for i in result.duplicates]
        if result.ids and self.articles.imported_before(source, result.ids[0]):
            from reader.resplit import carry_over

            report.annotations_moved += carry_over(self.articles, self.annotations, result.ids)
        return report

    def import_annotation_file(self, path: Path) -> ImportReport:
        """A W3C annotation file and nothing else (文件 → 导入批注): anything else is an
        error entry (:data:`NOT_ANNOTATIONS`), never imported as an article."""
        from reader.annotation_io import parse_annotation_file

        data, problem = read_source(path)
        if data is None:
            return ImportReport(errors=[(str(path), problem)])
        parsed = parse_annotation_file(data, path.name)
        if parsed is None:
            return ImportReport(errors=[(str(path), NOT_ANNOTATIONS)])
        return self.import_annotations(parsed, str(path))

    def import_annotations(self, data: object, source: str) -> ImportReport:
        """Restore W3C Web Annotation JSON (as ``reader export --annotations --format json``
        writes it); see :func:`reader.annotation_io.import_w3c`."""
        from reader.annotation_io import import_w3c

        report = ImportReport()
        try:
            result = import_w3c(self, data)
        except ValueError as e:
            report.errors.append((source, f"not W3C annotations: {e}"))
            return report
        report.annotations += result.added
        report.annotation_duplicates += [(source, i) for i, _ in result.duplicates]
        report.errors += [(source, e) for e in result.errors]
        report.warnings += [
            (source, f"annotation {i}: its quote is not in the article; kept as orphaned")
            for i in result.orphaned
        ]
        return report

    def resplit(self, source_id: int) -> ResplitReport:
        """Split a stored source again with the current splitter; annotations and reading
        state follow the articles (see :mod:`reader.resplit`)."""
        from reader.resplit import resplit

        return resplit(self.articles, self.annotations, source_id)

    def export_annotations(self, article_ids: Sequence[int]) -> dict:
        """These articles' annotations as a W3C AnnotationCollection (JSON-ready)."""
        from reader.annotation_io import export_w3c

        return export_w3c(self, article_ids)

    def import_text(self, text: str, name: str = "clipboard.txt") -> ImportReport:
        return self.import_bytes(text.encode("utf-8"), name, name)

    # -- subscriptions (reader.feeds) ---------------------------------------------------

    def subscribe(
        self,
        url: str,
        folder: str = "",
        limits: Limits | None = None,
        *,
        summary_only: bool = False,
        bring_entries: bool = True,
    ) -> tuple[Feed, FeedResult]:
        """Subscribe to a feed (or the one a site's page names); with ``bring_entries``
        its entries come in at once (see :func:`reader.feeds.subscribe`)."""
        from reader.feeds import subscribe

        return subscribe(
            self, url, folder, limits, summary_only=summary_only, bring_entries=bring_entries
        )

    def subscriptions(self) -> list[Feed]:
        return self.feeds.all()

    def subscription(self, feed_id: int) -> Feed | None:
        return self.feeds.get(feed_id)

    def feed_folders(self) -> list[str]:
        return self.feeds.folders()

    def due_feeds(self, default_minutes: int) -> list[int]:
        """The feeds an automatic refresh should fetch now."""
        return self.feeds.due(default_minutes)

    def refresh_feeds(
        self,
        feed_ids: Sequence[int] | None = None,
        progress: ProgressFn | None = None,
        cancelled: CancelFn | None = None,
        limits: Limits | None = None,
    ) -> list[FeedResult]:
        from reader.feeds import refresh

        return refresh(self, feed_ids, progress, cancelled, limits=limits)

    def unsubscribe(self, feed_id: int, *, delete_articles: bool = False) -> list[int]:
        from reader.feeds import unsubscribe

        return unsubscribe(self, feed_id, delete_articles=delete_articles)

    def rename_feed(self, feed_id: int, name: str) -> None:
        self.feeds.rename(feed_id, name)

    def move_feed(self, feed_id: int, folder: str) -> None:
        self.feeds.move(feed_id, folder)

    def set_feed_options(
        self, feed_id: int, *, summary_only: bool, interval_minutes: int | None
    ) -> None:
        self.feeds.set_summary_only(feed_id, summary_only)
        self.feeds.set_interval(feed_id, interval_minutes)

    def import_opml(self, data: bytes) -> OpmlReport:
        from reader.feeds import import_opml

        return import_opml(self, data)

    def export_opml(self) -> str:
        from reader.feeds import export_opml

        return export_opml(self)

    # -- reading ------------------------------------------------------------------------

    def get(self, article_id: int) -> ArticleRecord | None:
        return self.articles.get(article_id)

    def view(self, record: ArticleRecord, config: str | None) -> ArticleView:
        """``record`` in a script view, with the reader's own phrase fixes for it."""
        from reader.core import scripts
        from reader.views import article_view

        effective = scripts.effective_config(config, record.script)
        return article_view(record, config, self.user_phrases(effective))

    def script_view(self, config: str | None) -> ScriptView:
        """Titles, words and snippets of the library in the ``config`` view."""
        from reader.views import ScriptView

        return ScriptView(config, self.user_phrases)

    def keywords_in_view(self, view: ArticleView, top: int | None = None) -> list[ShownKeyword]:
        """The article's stored keywords (best first, at most ``top``) as ``view`` writes
        them, with where each is a word of the body."""
        from reader.views import shown_keywords

        article_id = view.record.id
        words = self.analysis.keywords(article_id)[:top]
        return shown_keywords(view, words, self.analysis.keyword_spans(article_id))

    def user_phrases(self, config: str | None) -> dict[str, str]:
        from reader.store import phrases

        return phrases.user_phrases(self.articles, config)

    def set_user_phrase(self, config: str, source: str, target: str | None) -> None:
        from reader.store import phrases

        phrases.set_user_phrase(self.articles, config, source, target)

    # -- the window's list, marks and tags ---------------------------------------------

    def data_version(self) -> int:
        """Changes when another connection (a ``reader import``) has written the file."""
        return self.db.data_version()

    def list_signature(self) -> tuple[int, int, int]:
        return self.articles.list_signature()

    def ids(
        self, filter: ArticleFilter | None = None, sort: str = "added", descending: bool = True
    ) -> list[int]:
        return self.articles.ids(filter, sort, descending)

    def rows(self, ids: Iterable[int]) -> dict[int, ArticleRow]:
        return self.articles.rows(ids)

    def unread_among(self, ids: Sequence[int]) -> set[int]:
        return self.articles.unread_among(ids)

    def hit(self, article_id: int, query: str) -> SearchHit | None:
        return self.articles.hit(article_id, query)

    def overview(self, watch_words: list[str]) -> Overview:
        """The sidebar's counts (a few queries: run it off the window's thread)."""
        from reader.store.overview import overview

        return overview(self.articles, watch_words)

    def read_at(self, article_id: int) -> str | None:
        return self.articles.read_at(article_id)

    def mark_read(self, ids: int | Iterable[int], read: bool = True) -> None:
        self.articles.mark_read(ids, read)

    def is_starred(self, article_id: int) -> bool:
        return self.articles.is_starred(article_id)

    def set_starred(self, ids: int | Iterable[int], starred: bool = True) -> None:
        self.articles.set_starred(ids, starred)

    def reading_position(self, article_id: int) -> float | None:
        return self.articles.reading_position(article_id)

    def set_reading_position(self, article_id: int, fraction: float) -> None:
        self.articles.set_reading_position(article_id, fraction)

    def tags(self, article_id: int) -> list[str]:
        return self.articles.tags(article_id)

    def tags_with_counts(self) -> list[tuple[str, int]]:
        return self.articles.tags_with_counts()

    def add_tag(self, ids: int | Iterable[int], tag: str) -> None:
        self.articles.add_tag(ids, tag)

    def remove_tag(self, ids: int | Iterable[int], tag: str) -> None:
        self.articles.remove_tag(ids, tag)

    def rename_tag(self, old: str, new: str) -> None:
        self.articles.rename_tag(old, new)

    def delete_tag(self, tag: str) -> None:
        self.articles.delete_tag(tag)

    def trash(self, ids: int | Iterable[int]) -> None:
        self.articles.trash(ids)

    def restore(self, ids: int | Iterable[int]) -> None:
        self.articles.restore(ids)

    def trashed_count(self) -> int:
        return self.articles.trashed_count()

    def empty_trash(self) -> int:
        """Delete the trash for good, after a backup of the library (rolling backups)."""
        if self.trashed_count():
            from reader import backups

            backups.back_up(self.db, self.directory, why=backups.BEFORE_DELETE)
        return self.articles.empty_trash()

    # -- backups (reader.backups) ----------------------------------------------------------

    def back_up(self, target: Path | None = None) -> Path:
        """A copy of the library: to ``target``, or the newest of the rolling backups."""
        from reader import backups

        return backups.back_up(self.db, self.directory, target)

    def backups(self) -> list[Backup]:
        """The rolling backups, newest first."""
        from reader import backups

        return backups.backups(self.directory)

    def backup_due(self) -> bool:
        from reader import backups

        return backups.due(self.directory)

    def restore_backup(self, source: Path) -> Restored:
        """Make this library the one in ``source`` (its current state backed up first)."""
        from reader import backups

        return backups.restore(self.directory, source)

    # -- annotations (reader.store.annotations; offsets here are view offsets) -----------

    def annotate(
        self,
        article_id: int,
        config: str | None,
        view_start: int,
        view_end: int,
        color: str | None = None,
        note: str = "",
    ) -> Annotation:
        """Highlight ``view_start..view_end`` (code points of the body in the ``config``
        view); stored against the original body, in ``color`` (None: the store's default).
        ValueError for an empty or bad span."""
        from reader.core.anchors import to_original_anchor
        from reader.core.records import DEFAULT_COLOUR

        record = self._annotatable(article_id)
        view = self.view(record, config)
        anchor = to_original_anchor(record.body, view.body, view_start, view_end)
        return self.annotations.add(
            article_id, anchor, DEFAULT_COLOUR if color is None else color, note
        )

    def annotate_quote(
        self,
        article_id: int,
        config: str | None,
        quote: str,
        occurrence: int = 1,
        color: str | None = None,
        note: str = "",
    ) -> Annotation:
        """Highlight the ``occurrence``-th (1-based) ``quote`` as written in the ``config``
        view. ValueError when the quote is not there that often."""
        from reader.core.anchors import anchor_by_quote

        record = self._annotatable(article_id)
        view = self.view(record, config)
        found = anchor_by_quote(view.body.text, quote, occurrence)
        return self.annotate(article_id, config, found.start, found.end, color, note)

    def annotations_in_view(
        self, article_id: int, config: str | None
    ) -> list[tuple[Annotation, int, int]]:
        """(annotation, view_start, view_end) of the article's placed annotations, by
        position, for drawing in the ``config`` view; orphans are left out (see
        ``annotations.orphans()``)."""
        from reader.annotation_io import placed_in_view

        record = self._annotatable(article_id)
        return placed_in_view(self.annotations.for_article(article_id), self.view(record, config))

    # The annotation store's own operations (offsets of the original body), for the window.

    def add_annotation(
        self, article_id: int, anchor: Anchor, color: str | None = None, note: str = ""
    ) -> Annotation:
        from reader.core.records import DEFAULT_COLOUR

        return self.annotations.add(
            article_id, anchor, DEFAULT_COLOUR if color is None else color, note
        )

    def annotation(self, annotation_id: str) -> Annotation:
        """AnnotationNotFound when there is none of that id."""
        return self.annotations.get(annotation_id)

    def find_annotation(self, annotation_id: str) -> Annotation | None:
        return self.annotations.find(annotation_id)

    def update_annotation(
        self, annotation_id: str, *, color: str | None = None, note: str | None = None
    ) -> Annotation:
        return self.annotations.update(annotation_id, color=color, note=note)

    def delete_annotation(self, annotation_id: str) -> Annotation:
        return self.annotations.delete(annotation_id)

    def restore_annotation(self, annotation: Annotation) -> None:
        """Put a deleted annotation back as it was (undo)."""
        self.annotations.restore(annotation)

    def annotations_of(self, article_id: int) -> list[Annotation]:
        """The article's annotations (orphans too), by position."""
        return self.annotations.for_article(article_id)

    def browse_annotations(
        self,
        query: str = "",
        color: str | None = None,
        article_id: int | None = None,
        *,
        orphaned: bool | None = None,
        include_trashed: bool = False,
    ) -> list[Annotation]:
        return self.annotations.browse(
            query, color, article_id, orphaned=orphaned, include_trashed=include_trashed
        )

    def colours(self) -> list[Colour]:
        return self.annotations.colours()

    def colour(self, key: str) -> Colour:
        return self.annotations.colour(key)

    def rename_colour(self, key: str, label: str) -> None:
        self.annotations.rename_colour(key, label)

    def _annotatable(self, article_id: int) -> ArticleRecord:
        from reader.core.errors import AnnotationError

        record = self.get(article_id)
        if record is None:
            raise AnnotationError(f"no article with id {article_id}")
        return record


def expand(path: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to import for a command-line or dropped path, and the paths that failed."""
    try:
        st = path.stat()
    except FileNotFoundError:  # also a broken symbolic link
        return [], [(str(path), "no such file or folder")]
    except (OSError, ValueError) as e:  # no permission, a link loop, a NUL in the name
        return [], [(str(path), f"cannot read: {getattr(e, 'strerror', None) or e}")]
    if stat.S_ISDIR(st.st_mode):
        files: list[Path] = []
        errors: list[tuple[str, str]] = []

        def unreadable(e: OSError) -> None:
            errors.append((e.filename or str(path), f"cannot read folder: {e.strerror or e}"))

        for root, dirs, names in os.walk(path, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not _saved_page_files(d, names))
            files += [
                Path(root, n)
                for n in sorted(names)
                if n.lower().endswith(IMPORTABLE_SUFFIXES) and not n.startswith(".")
            ]
        if not files and not errors:
            errors.append((str(path), NOTHING_TO_IMPORT))  # say so rather than import nothing
        return files, errors
    return [path], []  # read_source refuses pipes and devices with a clear line


def is_web_address(source: str | os.PathLike[str]) -> bool:
    return isinstance(source, str) and source.strip().lower().startswith(("http://", "https://"))


def _saved_page_files(folder: str, names: list[str]) -> bool:
    """A browser's "Web page, complete" folder (``page_files`` beside ``page.html``): its
    pictures and scripts belong to the page, not articles of their own."""
    for suffix in ("_files", "-files", "_archivos", "-Dateien", ".files"):
        if folder.endswith(suffix):
            stem = folder[: -len(suffix)]
            return any(n.startswith(stem) and n[len(stem) :].lower() in (".html", ".htm",
                       ".xhtml", ".shtml") for n in names)  # fmt: skip
    return False


def read_source(path: Path) -> tuple[bytes, str] | tuple[None, str]:
    """(bytes, "") of a file to import, or (None, one-line problem).

    Opened non-blocking and checked after opening, so a pipe or device (even one put in
    place of a listed file) is refused instead of hanging the import, and a huge file is
    refused before it is read into memory.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        with open(os.open(path, flags), "rb") as f:
            st = os.fstat(f.fileno())
            if stat.S_ISDIR(st.st_mode):
                return None, "cannot read: is a folder"
            if not stat.S_ISREG(st.st_mode):
                return None, "cannot read: not a regular file (a pipe, device or socket)"
            if st.st_size > MAX_IMPORT_BYTES:
                return None, _too_large(st.st_size)
            data = f.read(MAX_IMPORT_BYTES + 1)
    except OSError as e:  # gone since it was listed, no permission, I/O error
        return None, f"cannot read: {(e.strerror or str(e)).lower()}"
    if len(data) > MAX_IMPORT_BYTES:  # grew while we read it
        return None, _too_large(len(data))
    return data, ""


def _too_large(size: int) -> str:
    return (
        f"too large to import ({size / 2**20:.0f} MB; "
        f"files up to {MAX_IMPORT_BYTES // 2**20} MB are imported)"
    )

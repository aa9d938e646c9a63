"""The library as the CLI and the GUI use it: open (and seed), import, read.

No Qt here. Long operations take a progress callback and a cancel check so the GUI
can run them on a worker thread and the CLI can draw a progress bar.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader import paths
from reader.store import phrases
from reader.store.articles import ArticleRecord, ArticleStore, NewArticle
from reader.store.db import Database, LibraryUnavailableError

if TYPE_CHECKING:
    from reader.core.pages import Article
    from reader.views import ArticleView

log = logging.getLogger(__name__)

IMPORTABLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")

ProgressFn = Callable[[int, int, str], None]  # (files done, files in all, current file)
CancelFn = Callable[[], bool]


@dataclass
class ImportReport:
    articles: list[ArticleRecord] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (source, existing id)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    def merge(self, other: ImportReport) -> None:
        self.articles += other.articles
        self.errors += other.errors
        self.duplicates += other.duplicates
        self.warnings += other.warnings


class Library:
    """One open library folder: the SQLite file plus the settings beside it."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise LibraryUnavailableError(
                f"cannot create library folder {directory}: {e.strerror or e}"
            ) from e
        self.db = Database(paths.library_path(directory))
        self.articles = ArticleStore(self.db)

    @classmethod
    def open(cls, directory: str | os.PathLike[str] | None = None, *, seed: bool = True) -> Library:
        """Open (creating if needed) the library; a new one starts with the seed pages.

        The GUI passes ``seed=False`` and seeds on a worker after the window paints.
        """
        lib = cls(paths.data_dir(directory))
        if lib.db.created and os.environ.get("READER_NO_SEED"):
            lib.articles.set_meta("seeded", "skipped")
        if seed and lib.needs_seed():
            lib.seed()
        return lib

    def needs_seed(self) -> bool:
        """True until a new library has been given the sample pages (once, ever)."""
        return self.articles.meta("seeded") is None

    def close(self) -> None:
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
    ) -> ImportReport:
        """Import files and folders (recursively); one transaction per file."""
        report = ImportReport()
        files: list[Path] = []
        for src in sources:
            found, errors = expand(Path(src))
            files += found
            report.errors += errors
        for done, path in enumerate(files):
            if cancelled and cancelled():
                report.cancelled = True
                break
            if progress:
                progress(done, len(files), str(path))
            try:
                data = path.read_bytes()
            except OSError as e:
                report.errors.append((str(path), f"cannot read: {e.strerror or e}"))
                continue
            report.merge(self.import_bytes(data, path.name, str(path)))
        if progress and not report.cancelled:
            progress(len(files), len(files), "")
        return report

    def import_bytes(self, data: bytes, name: str, source: str) -> ImportReport:
        """Parse and store one document; bad input becomes an error entry, never a raise."""
        # Imported here, not at the top: the window must not pay for the splitter's
        # regular expressions and the script tables before it paints.
        from reader.core.documents import UnreadableInput, parse_document
        from reader.core.pages import SPLITTER_VERSION

        report = ImportReport()
        try:
            doc = parse_document(data, name)
        except UnreadableInput as e:
            report.errors.append((source, str(e)))
            return report
        report.warnings += [(source, w) for w in doc.warnings]
        result = self.articles.add_source(
            source,
            doc.encoding,
            doc.text,
            SPLITTER_VERSION,
            [to_new_article(a) for a in doc.articles],
        )
        report.articles += [self.articles.get(i) for i in result.ids]  # type: ignore[misc]
        report.duplicates += [(source, i) for i in result.duplicates]
        return report

    def import_text(self, text: str, name: str = "clipboard.txt") -> ImportReport:
        return self.import_bytes(text.encode("utf-8"), name, name)

    # -- reading ------------------------------------------------------------------------

    def get(self, article_id: int) -> ArticleRecord | None:
        return self.articles.get(article_id)

    def view(self, record: ArticleRecord, config: str | None) -> ArticleView:
        """``record`` in a script view, with the reader's own phrase fixes for it."""
        from reader.core import scripts
        from reader.views import article_view

        effective = scripts.effective_config(config, record.script)
        return article_view(record, config, self.user_phrases(effective))

    def user_phrases(self, config: str | None) -> dict[str, str]:
        return phrases.user_phrases(self.articles, config)

    def set_user_phrase(self, config: str, source: str, target: str | None) -> None:
        phrases.set_user_phrase(self.articles, config, source, target)


def to_new_article(a: Article) -> NewArticle:
    from reader.core import scripts

    return NewArticle(
        title=a.title,
        subtitle=a.subtitle,
        byline=a.byline,
        section=a.section,
        body=a.body,
        captions=list(a.captions),
        continued_from=a.continued_from,
        continues_to=a.continues_to,
        kind=a.kind,
        script=scripts.detect_script("\n".join((a.title, a.subtitle, a.body))),
    )


def expand(path: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to import for a command-line or dropped path, and the paths that failed."""
    if path.is_dir():
        files: list[Path] = []
        errors: list[tuple[str, str]] = []

        def unreadable(e: OSError) -> None:
            errors.append((e.filename or str(path), f"cannot read folder: {e.strerror or e}"))

        for root, dirs, names in os.walk(path, onerror=unreadable):
            dirs.sort()
            files += [
                Path(root, n)
                for n in sorted(names)
                if n.lower().endswith(IMPORTABLE_SUFFIXES) and not n.startswith(".")
            ]
        return files, errors
    if path.exists():
        return [path], []
    return [], [(str(path), "no such file or folder")]


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename, so a failure never leaves half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise

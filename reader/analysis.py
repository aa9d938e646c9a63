"""Background analysis: keywords, entities and terms for every article, then stored.

The window runs it as a process of its own (``python -m reader.analysis DIRECTORY``,
after the window paints and after every import): loading the segmenter and tagging
are seconds of Python that would otherwise take Python's lock from the window's thread.
So is rebuilding the search index after an upgrade, which the process does first.
The CLI runs it on demand. Each article is its own transaction, so a kill loses at
most the article being analysed, and the next run simply picks up what is pending.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import priority
from reader.core.records import ArticleRecord
from reader.library import Library
from reader.store.analysis import AnalysisStore

if TYPE_CHECKING:
    from reader.core.keywords import IdfTable

log = logging.getLogger(__name__)

TOP_KEYWORDS = 30  # stored; the panel shows the first dozen
# Marks stored per article (keyword occurrences, names): a huge article (a 20 MB line) is
# marked in its first part only, rather than keeping millions of spans in memory.
MAX_MARKS = 20_000

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


def keyword_text(record: ArticleRecord) -> str:
    """What keywords are drawn from: title, subtitle and body (bylines would add names)."""
    return "\n".join(p for p in (record.title, record.subtitle, record.body) if p)


@dataclass(frozen=True)
class Analysed:
    """One article read once (through its simplified view): what the store keeps."""

    terms: set[str]
    keywords: list[tuple[str, float]]
    entities: list[tuple[int, int, str, str]]  # body offsets
    keyword_spans: list[tuple[int, int, str]]  # body offsets, identities


def analyse(record: ArticleRecord, idf: IdfTable, *, entities: bool = True) -> Analysed:
    """Terms, keywords, their body spans and (``entities``) names of one article, all from
    one segmentation, so the keyword panel and its highlights agree."""
    from reader.core import keywords as kw

    text = keyword_text(record)
    body_at = len(text) - len(record.body) if record.body else len(text)
    # An article is read once for all three; a huge one piece by piece, again for each,
    # rather than held whole.
    source: str | kw.Reading = kw.Reading(text) if len(text) <= kw.PIECE_CHARS else text
    counts = kw.term_counts(source)
    words = kw.keywords(counts, TOP_KEYWORDS, idf)
    wanted = [w for w, _ in words]
    spans = (
        (start + at - body_at, end + at - body_at, word)
        for at, reading in kw.readings(source)
        for start, end, word in reading.spans(wanted)
        if start + at >= body_at
    )
    found = (
        (e.start - body_at, e.end - body_at, e.word, e.kind)
        for e in kw.iter_entities(source)
        if e.start >= body_at
    )
    return Analysed(
        set(counts.counts),
        words,
        list(islice(found, MAX_MARKS)) if entities else [],
        list(islice(spans, MAX_MARKS)),
    )


def prepare_segmenter(store: AnalysisStore, records: list[ArticleRecord]) -> None:
    """Reporters' names from bylines join the user dictionary, then the segmenter loads it."""
    from reader.core import keywords as kw

    names = [n for r in records for n in kw.names_from_byline(r.byline)]
    store.add_user_words(names, origin="byline")
    kw.set_user_words(store.user_words())
    kw.warm_up()


def idf_table(store: AnalysisStore) -> tuple[IdfTable, int]:
    from reader.core import keywords as kw

    n = store.analysed_count()
    if n < kw.MIN_LIBRARY_DOCS:
        return kw.IdfTable.default(), n
    return kw.IdfTable.from_document_frequencies(store.document_frequencies(), n), n


def analyse_pending(
    lib: Library, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
) -> int:
    """Analyse what is new or outdated, then refresh keywords whose IDF drifted."""
    from reader.core import keywords as kw

    store = AnalysisStore(lib.db)
    pending = store.pending(limit=1_000_000)
    done = 0
    if pending:
        records = [r for r in (lib.get(i) for i in pending) if r is not None]
        prepare_segmenter(store, records)
        idf, n_docs = idf_table(store)
        for i, record in enumerate(records):
            if cancelled and cancelled():
                return done
            if progress:
                progress(i, len(records), record.display_title)
            result = analyse(record, idf)
            store.save(
                record.id,
                result.terms,
                result.keywords,
                result.entities,
                max(n_docs, 1),
                result.keyword_spans,
            )
            done += 1
    stale = store.stale_keywords(limit=1_000_000)
    if stale:
        if not pending:
            kw.set_user_words(store.user_words())
        kw.warm_up(entities=False)
        idf, n_docs = idf_table(store)
        for article_id in stale:
            if cancelled and cancelled():
                break
            found = lib.get(article_id)
            if found is not None:
                result = analyse(found, idf, entities=False)
                store.save_keywords(article_id, result.keywords, n_docs, result.keyword_spans)
    if progress:
        progress(len(pending), len(pending), "")
    log.info("analysed %d articles, refreshed keywords of %d", done, len(stale))
    return done


def main(argv: Sequence[str] | None = None) -> int:
    """Bring the library in DIRECTORY up to date, reporting as JSON lines: after an upgrade
    changed how text is indexed, ``{"stage": "indexing"}`` and the search index rebuilt
    (``{"progress": [done, total, ""]}`` per batch); then ``{"stage": "analysing"}``,
    ``{"progress": [done, total, title]}`` per article, and ``{"analysed": count}``."""
    parser = argparse.ArgumentParser(prog="python -m reader.analysis")
    parser.add_argument("directory", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    priority.give_way()  # the window comes first

    def report(done: int, total: int, title: str) -> None:
        print(json.dumps({"progress": [done, total, title]}), flush=True)

    lib = Library(args.directory)
    try:
        if lib.articles.index.needs_rebuild():
            print(json.dumps({"stage": "indexing"}), flush=True)
            lib.articles.index.rebuild(report)
        print(json.dumps({"stage": "analysing"}), flush=True)
        count = analyse_pending(lib, report)
        lib.articles.index.tidy()  # what imports left of the index's merging
    finally:
        lib.close()
    print(json.dumps({"analysed": count}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

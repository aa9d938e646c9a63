"""Re-splitting a stored source, and carrying annotations over to changed articles. No Qt.

Re-split (:func:`resplit`): the source's kept text goes through today's splitter again and
its articles are replaced, in one transaction:

* a new article equal to an old one (same content digest) *is* the old one: it keeps its
  id, reading state, tags and annotations, and only its place and metadata are updated;
* a new article equal to an article of another source is a duplicate and not stored (as on
  import), but old articles' state and annotations may move to it;
* every other old article is deleted after its reading state (read, star, tags, trash,
  reading position) is copied to the new article of the same title, and each of its
  annotations is re-anchored (:mod:`reader.core.anchors`) on, in turn, the new article of
  the same title (with :func:`~reader.core.anchors.rebase`, which follows the text's
  edits), the new articles whose body holds the quote, and then any new article by quote
  and context. An annotation that cannot be placed is kept, flagged orphaned with its old
  offsets and quote, attached to the most similar new article: never dropped.

Annotations already orphaned are tried again, so text that comes back brings them back.

A changed file imported again from the same path (:func:`carry_over`) adds its new
articles beside the old ones (an import never deletes anything); each annotation of an old
article of that path moves to the new article of the same title when its quote is found
there, and stays where it was otherwise; tags, star and read mark are copied. Only one whose
text is mostly the same (bigram similarity 0.5 or more) counts as a new version: another
article that merely shares a headline is left alone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reader.core.anchors import Resolved, make_anchor, rebase, resolve
from reader.core.errors import LibraryError
from reader.core.records import Annotation, NewArticle

if TYPE_CHECKING:
    import sqlite3

    from reader.store.annotations import AnnotationStore
    from reader.store.articles import ArticleStore

log = logging.getLogger(__name__)

# Untitled articles (briefs) pass their state on only to one this similar (bigram Jaccard).
_UNTITLED_SIMILARITY = 0.5
# A changed file's article is a new version of an old one of the same title this similar.
_SAME_ARTICLE = 0.5


@dataclass
class ResplitReport:
    source_id: int
    kept: list[int] = field(default_factory=list)  # old articles unchanged (same ids)
    added: list[int] = field(default_factory=list)  # new article ids
    duplicates: list[int] = field(default_factory=list)  # equal articles of other sources
    removed: list[int] = field(default_factory=list)  # old article ids deleted
    moved: list[tuple[str, int]] = field(default_factory=list)  # (annotation, article id)
    orphaned: list[str] = field(default_factory=list)  # annotation ids not placed


@dataclass(frozen=True)
class _Article:
    id: int
    title: str
    body: str


def resplit(articles: ArticleStore, annotations: AnnotationStore, source_id: int) -> ResplitReport:
    """Re-split one source with the current splitter (see the module docstring)."""
    from reader.core.documents import split_text, to_new_article
    from reader.core.pages import SPLITTER_VERSION
    from reader.store import search

    source = articles.source_text(source_id)
    if source is None:
        raise LibraryError(f"no source with id {source_id}")
    path, text = source
    new_articles = [to_new_article(a) for a in split_text(text, path)]
    if not new_articles:
        raise LibraryError(f"re-splitting {path} found no articles; nothing was changed")
    search.signature()  # token tables built before the write lock is taken
    report = ResplitReport(source_id)
    with articles.db.transaction() as conn:
        old = {r[0]: r for r in articles.source_articles_in(conn, source_id)}
        old_by_digest = {r[1]: r[0] for r in old.values()}
        current: list[int] = []  # the source's articles after the split, in page order
        for position, art in enumerate(new_articles):
            same = old_by_digest.pop(art.digest, None)
            if same is not None:
                articles.update_metadata_in(conn, same, position, art)
                report.kept.append(same)
                current.append(same)
                continue
            existing = articles.id_by_digest_in(conn, art.digest)
            if existing is not None:
                report.duplicates.append(existing)
                current.append(existing)
                continue
            new_id = articles.insert_in(conn, source_id, position, art)
            report.added.append(new_id)
            current.append(new_id)
        targets = [_article(articles, conn, i) for i in current]
        gone_ids = set(old_by_digest.values())  # old articles the new split has not kept
        removed = [_Article(r[0], r[2], r[3]) for r in old.values() if r[0] in gone_ids]
        touched: set[int] = set()
        for gone in removed:
            successor = _successor(gone, targets)
            if successor is not None:
                articles.copy_state_in(conn, gone.id, successor.id)
            for n, article_id, orphaned in _replace_all(
                annotations, conn, gone, targets, successor
            ):
                touched.add(article_id)
                if orphaned:
                    report.orphaned.append(n.id)
                else:
                    report.moved.append((n.id, article_id))
        report.removed = [a.id for a in removed]
        articles.delete_in(conn, report.removed)
        for article_id in touched:
            annotations.refresh_extra_in(conn, article_id)
        articles.set_splitter_version_in(conn, source_id, SPLITTER_VERSION)
    log.info(
        "re-split source %d: %d kept, %d added, %d removed, %d annotations moved, %d orphaned",
        source_id,
        len(report.kept),
        len(report.added),
        len(report.removed),
        len(report.moved),
        len(report.orphaned),
    )
    return report


def carry_over(
    articles: ArticleStore, annotations: AnnotationStore, new_ids: Sequence[int]
) -> list[tuple[str, int]]:
    """After importing a changed file: move annotations of older articles imported from the
    same path to the new article of the same title where their quote is found; copy tags,
    star and read mark. Returns the (annotation id, new article id) moved."""
    if not new_ids:
        return []
    with articles.db.transaction() as conn:
        new = [_article(articles, conn, i) for i in new_ids]
        by_title = {a.title: a for a in reversed(new) if a.title}
        moved: list[tuple[str, int]] = []
        touched: set[int] = set()
        for old_id in articles.earlier_versions_in(conn, new_ids):
            gone = _article(articles, conn, old_id)
            successor = by_title.get(gone.title)
            # Same title and mostly the same text: a new version, not another article that
            # happens to share a headline (pastes all come from "clipboard.txt").
            if successor is None or _similarity(gone.body, successor.body) < _SAME_ARTICLE:
                continue
            articles.copy_state_in(conn, gone.id, successor.id, positions=False)
            held = annotations.for_article_in(conn, gone.id)
            found = rebase([n.anchor for n in held], gone.body, successor.body)
            for n, place in zip(held, found, strict=True):
                if place is None:
                    continue  # stays on the old article, where it is still right
                annotations.put_in(conn, _placed(n, successor, place))
                moved.append((n.id, successor.id))
                touched.update((gone.id, successor.id))
        for article_id in touched:
            annotations.refresh_extra_in(conn, article_id)
    if moved:
        log.info("moved %d annotations to the changed file's new articles", len(moved))
    return moved


def rewrite_in(
    articles: ArticleStore,
    annotations: AnnotationStore,
    conn: sqlite3.Connection,
    article_id: int,
    new: NewArticle,
) -> bool:
    """Give an article new text in place (a feed entry changed upstream), inside the
    caller's transaction: its id, reading state and tags stay; each annotation follows its
    text (rebase, as on re-import) or is kept orphaned on it. False when the new text is
    another article's already (nothing changed)."""
    old = articles.text_in(conn, article_id)
    if old is None or not articles.replace_in(conn, article_id, new):
        return False
    held = annotations.for_article_in(conn, article_id)
    if held:
        target = _Article(article_id, new.title, new.body)
        found = rebase([n.anchor for n in held], old[2], new.body)
        for n, place in zip(held, found, strict=True):
            if place is not None:
                annotations.put_in(conn, _placed(n, target, place))
            else:
                annotations.put_in(conn, replace(n, orphaned=True))
                log.info("annotation %s orphaned: its quote left the updated entry", n.id)
        annotations.refresh_extra_in(conn, article_id)
    return True


# -- helpers --------------------------------------------------------------------------------


def _article(articles: ArticleStore, conn: sqlite3.Connection, article_id: int) -> _Article:
    found = articles.text_in(conn, article_id)
    assert found is not None, article_id  # ids from this transaction's own reads
    return _Article(*found)


def _successor(gone: _Article, targets: list[_Article]) -> _Article | None:
    """The new article that replaces ``gone``: the same title, or for an untitled one the
    most similar untitled article if it is similar enough."""
    if gone.title:
        return next((t for t in targets if t.title == gone.title), None)
    best = max(
        (t for t in targets if not t.title),
        key=lambda t: _similarity(gone.body, t.body),
        default=None,
    )
    if best is not None and _similarity(gone.body, best.body) >= _UNTITLED_SIMILARITY:
        return best
    return None


def _replace_all(
    annotations: AnnotationStore,
    conn: sqlite3.Connection,
    gone: _Article,
    targets: list[_Article],
    successor: _Article | None,
) -> list[tuple[Annotation, int, bool]]:
    """Re-anchor every annotation of ``gone`` on ``targets``; write each one's new row.

    Returns (annotation, article id now holding it, orphaned)."""
    held = annotations.for_article_in(conn, gone.id)
    if not held:
        return []
    first: list[Resolved | None] = [None] * len(held)
    if successor is not None:
        first = rebase([n.anchor for n in held], gone.body, successor.body)
    done = []
    for n, place in zip(held, first, strict=True):
        target = successor if place is not None else None
        if place is None:
            target, place = _search(n, targets, successor)
        if target is not None and place is not None:
            annotations.put_in(conn, _placed(n, target, place))
            done.append((n, target.id, False))
            continue
        home = successor or max(targets, key=lambda t: _similarity(gone.body, t.body))
        annotations.put_in(conn, replace(n, article_id=home.id, orphaned=True))
        done.append((n, home.id, True))
        log.info("annotation %s orphaned: its quote is not in the re-split text", n.id)
    return done


def _search(
    n: Annotation, targets: list[_Article], skip: _Article | None
) -> tuple[_Article | None, Resolved | None]:
    """The first article holding the quote, else the first where quote and context are
    found approximately."""
    others = [t for t in targets if t is not skip]
    holding = [t for t in others if n.exact in t.body]
    for target in holding + [t for t in others if t not in holding]:
        place = resolve(n.anchor, target.body)
        if place is not None:
            return target, place
    return None, None


def _placed(n: Annotation, target: _Article, place: Resolved) -> Annotation:
    """``n`` re-anchored at ``place`` in ``target``, with fresh context."""
    return n.anchored_at(target.id, make_anchor(target.body, place.start, place.end))


def _bigrams(text: str) -> set[str]:
    squashed = "".join(text.split())
    return {squashed[i : i + 2] for i in range(len(squashed) - 1)}


def _similarity(a: str, b: str) -> float:
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / len(x | y) if x or y else 1.0

"""What the library holds at a glance: the counts beside each filter of the sidebar."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from reader.store.articles import ArticleFilter, ArticleStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Overview:
    total: int  # articles outside the trash
    unread: int
    starred: int
    trashed: int
    watch: tuple[tuple[str, int], ...]  # (watch word, articles mentioning it)
    watched: int  # articles mentioning at least one watch word
    tags: tuple[tuple[str, int], ...]
    sources: tuple[tuple[int, str, int], ...]  # (source id, path, articles)
    sections: tuple[tuple[str, int], ...]
    dates: tuple[tuple[str, int], ...]  # ("YYYY-MM-DD" added, articles), newest first


def overview(store: ArticleStore, watch_words: list[str]) -> Overview:
    """Every count at once; a few indexed queries (run it off the GUI thread)."""
    db = store.db
    live = "a.id NOT IN (SELECT article_id FROM article_trash)"
    total = db.execute(f"SELECT count(*) FROM articles a WHERE {live}").fetchone()[0]
    unread = db.execute(
        f"SELECT count(*) FROM articles a WHERE {live}"
        " AND a.id NOT IN (SELECT article_id FROM article_reads)"
    ).fetchone()[0]
    starred = db.execute(
        f"SELECT count(*) FROM article_stars s JOIN articles a ON a.id = s.article_id WHERE {live}"
    ).fetchone()[0]
    trashed = db.execute("SELECT count(*) FROM article_trash").fetchone()[0]
    dates = db.execute(
        f"SELECT substr(a.added_at, 1, 10) AS day, count(*) FROM articles a WHERE {live}"
        " GROUP BY day ORDER BY day DESC"
    ).fetchall()
    words = [w for w in dict.fromkeys(watch_words) if w.strip()]
    return Overview(
        total=total,
        unread=unread,
        starred=starred,
        trashed=trashed,
        watch=tuple((w, store.count(ArticleFilter(query=w))) for w in words),
        watched=store.count(ArticleFilter(mentions=tuple(words))) if words else 0,
        tags=tuple(store.tags_with_counts()),
        sources=tuple(store.sources_with_counts()),
        sections=tuple(store.sections_with_counts()),
        dates=tuple((d, n) for d, n in dates),
    )

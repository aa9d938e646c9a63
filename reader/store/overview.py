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
    words = tuple(w for w in dict.fromkeys(watch_words) if w.strip())
    return Overview(
        total=store.count(ArticleFilter()),
        unread=store.count(ArticleFilter(unread_only=True)),
        starred=store.count(ArticleFilter(starred_only=True)),
        trashed=store.count(ArticleFilter(trashed=True)),
        watch=tuple((w, store.count(ArticleFilter(query=w))) for w in words),
        watched=store.count(ArticleFilter(mentions=words)),
        tags=tuple(store.tags_with_counts()),
        sources=tuple(store.sources_with_counts()),
        sections=tuple(store.sections_with_counts()),
        dates=tuple(store.days_with_counts()),
    )

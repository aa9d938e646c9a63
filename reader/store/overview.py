"""What the library holds at a glance: the counts beside each filter of the sidebar."""

from __future__ import annotations

import logging

from reader.core.records import ArticleFilter, Overview
from reader.store.articles import ArticleStore
from reader.store.feeds import FeedStore

log = logging.getLogger(__name__)


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
        feeds=tuple(FeedStore(store.db).all()),
    )

"""The reader's personal phrase table: fixes to a conversion, kept in the library.

A fix such as 分区 → 分區 (where s2twp says 分割槽) belongs to one view config and wins
over every dictionary there, in every article. Stored as JSON in the ``meta`` table,
one entry per config, so it travels with the library file.
"""

from __future__ import annotations

import json
import logging

from reader.store.articles import ArticleStore

log = logging.getLogger(__name__)


def _key(config: str) -> str:
    return f"phrases:{config}"


def user_phrases(store: ArticleStore, config: str | None) -> dict[str, str]:
    if not config:
        return {}
    raw = store.meta(_key(config))
    return json.loads(raw) if raw else {}


def set_user_phrase(store: ArticleStore, config: str, source: str, target: str | None) -> None:
    """Add or change a fix; ``target=None`` removes it."""
    phrases = user_phrases(store, config)
    if target is None:
        phrases.pop(source, None)
    else:
        phrases[source] = target
    store.set_meta(_key(config), json.dumps(phrases, ensure_ascii=False, sort_keys=True))

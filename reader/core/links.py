"""Links back to a passage: ``reader://article/ID#START-END``. Pure Python, no Qt.

Exports write them next to each highlight, and the window opens them (the article, scrolled
to the passage and selected). ``START``/``END`` count code points of the body in the view
the link was made in; that view's config follows as ``?script=CONFIG`` when it is not the
original text, so the offsets can be mapped back::

    reader://article/12#30-34
    reader://article/12?script=s2twp#31-36
    reader://article/12                      (the article, no passage)
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

SCHEME = "reader"
MAX_NUMBER = 2**63 - 1  # ids and offsets the library can hold
_LINK = re.compile(
    r"reader://article/(?P<id>[0-9]+)/?"
    r"(?:\?script=(?P<script>[A-Za-z0-9]+))?"
    r"(?:#(?P<start>[0-9]+)-(?P<end>[0-9]+))?"
)


@dataclass(frozen=True)
class ArticleLink:
    article_id: int
    start: int | None = None  # view offsets; None for the whole article
    end: int | None = None
    config: str | None = None  # the view the offsets count in (None: the original)


def article_link(
    article_id: int, start: int | None = None, end: int | None = None, config: str | None = None
) -> str:
    """The link to an article, or to ``start..end`` of its body in the ``config`` view."""
    if (start is None) != (end is None):
        raise ValueError("a passage needs both start and end")
    if start is not None and end is not None and not 0 <= start <= end:
        raise ValueError(f"bad passage {start}-{end}")
    link = f"{SCHEME}://article/{article_id}"
    if config:
        link += f"?script={config}"
    if start is not None:
        link += f"#{start}-{end}"
    return link


def parse_link(url: str) -> ArticleLink:
    """The article, passage and view of a ``reader://`` link. ValueError for anything else."""
    match = _LINK.fullmatch(url.strip())
    if match is None:
        raise ValueError(f"not a link to an article: {url!r}")
    start, end = match["start"], match["end"]
    numbers = [match["id"]] + ([start, end] if start is not None else [])
    if any(len(n) > 18 and int(n) > MAX_NUMBER for n in numbers):
        raise ValueError(f"number too large in link: {url[:80]!r}")
    if start is not None and int(start) > int(end):
        raise ValueError(f"passage ends before it starts: {url!r}")
    return ArticleLink(
        article_id=int(match["id"]),
        start=None if start is None else int(start),
        end=None if end is None else int(end),
        config=match["script"],
    )


def is_article_link(url: str) -> bool:
    return url.strip().lower().startswith(f"{SCHEME}://article/")

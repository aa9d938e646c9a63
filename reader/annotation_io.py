"""Annotations through script views, and in and out of the library (W3C JSON, Markdown).

No Qt. The library facade (:class:`reader.library.Library`) and the CLI call these.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.anchors import resolve

if TYPE_CHECKING:
    from reader.store.annotations import Annotation
    from reader.views import ArticleView

log = logging.getLogger(__name__)


def placed_in_view(
    annotations: Sequence[Annotation], view: ArticleView
) -> list[tuple[Annotation, int, int]]:
    """(annotation, view_start, view_end) for each annotation that sits in the view's body.

    The stored offsets hold while the body is unchanged (a re-split moves them); should
    one not hold, the quote is looked up instead of drawing the wrong words, and one not
    found is left out (nothing is written here: reading never changes the library).
    """
    body = view.record.body
    placed = []
    for n in annotations:
        if n.orphaned:
            continue
        start, end = n.start, n.end
        if body[start:end] != n.exact:
            found = resolve(n.anchor, body)
            if found is None:
                log.warning("annotation %s does not match article %d", n.id, n.article_id)
                continue
            start, end = found.start, found.end
        view_start, view_end = view.body.to_view(start, end)
        placed.append((n, view_start, view_end))
    return placed

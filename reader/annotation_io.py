"""Annotations through script views, and in and out of the library (W3C JSON, Markdown).

No Qt. The library facade (:class:`reader.library.Library`) and the CLI call these.
"""

from __future__ import annotations

import html
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from reader.core.anchors import Resolved, make_anchor, resolve
from reader.core.links import article_link
from reader.core.records import DEFAULT_COLOUR, Annotation, now
from reader.core.web_annotation import Note, from_w3c, to_w3c

if TYPE_CHECKING:
    import sqlite3

    from reader.store.annotations import AnnotationStore
    from reader.store.articles import ArticleStore
    from reader.views import ArticleView

log = logging.getLogger(__name__)


class Library(Protocol):
    """What these functions use of :class:`reader.library.Library`: its stores. (A protocol,
    not an import: the library imports this module.)"""

    @property
    def articles(self) -> ArticleStore: ...

    @property
    def annotations(self) -> AnnotationStore: ...


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


# ---------------------------------------------------------------------------------------
# W3C Web Annotation JSON (reader.core.web_annotation)

ARTICLE_KEY_PREFIX = "urn:reader:article:"
JSON_SUFFIXES = (".json", ".jsonld")


def article_key(digest: str) -> str:
    """An article's id across libraries: its content digest (same text, same key)."""
    return f"{ARTICLE_KEY_PREFIX}{digest}"


@dataclass
class AnnotationImport:
    """What importing a W3C file did."""

    added: list[Annotation] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (id, article id)
    orphaned: list[str] = field(default_factory=list)  # added, but the quote was not found
    errors: list[str] = field(default_factory=list)  # one line each


def export_w3c(lib: Library, article_ids: Sequence[int]) -> dict[str, Any]:
    """An AnnotationCollection of these articles' annotations (orphans too), in order."""
    notes = []
    for article_id in article_ids:
        annotations = lib.annotations.for_article(article_id)
        if not annotations:
            continue
        digest = lib.articles.digest(article_id)
        record = lib.articles.get(article_id)
        if digest is None or record is None:
            continue
        notes += [
            Note(
                id=n.id,
                article_key=article_key(digest),
                article_title=record.display_title,
                anchor=n.anchor,
                color=n.color,
                meaning=lib.annotations.meaning(n.color),
                note=n.note,
                created=n.created,
                modified=n.modified,
            )
            for n in annotations
        ]
    return to_w3c(notes)


def parse_annotation_file(data: bytes, name: str) -> object | None:
    """The parsed JSON when a file to import holds W3C annotations, else None (then it is
    imported as an article like any other file).

    Raises ValueError (one line) for JSON too deeply nested or with a number too long to
    read, which would be neither annotations nor an article."""
    if not name.lower().endswith(JSON_SUFFIXES):
        return None
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    except RecursionError:
        raise ValueError("cannot read this JSON file: it is nested too deeply") from None
    except ValueError:  # an integer of more digits than Python converts
        limit = sys.get_int_max_str_digits()
        raise ValueError(
            f"cannot read this JSON file: it holds a number of more than {limit} digits"
        ) from None
    first = parsed[0] if isinstance(parsed, list) and parsed else parsed
    if not isinstance(first, dict):
        return None
    kind = first.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    return parsed if any(isinstance(k, str) and k in _W3C_TYPES for k in kinds) else None


_W3C_TYPES = {"Annotation", "AnnotationPage", "AnnotationCollection"}


# Annotations stored per transaction: a large file never holds the write lock for long.
ANNOTATIONS_PER_TRANSACTION = 200


def import_w3c(lib: Library, data: object) -> AnnotationImport:
    """Restore annotations from W3C JSON, ANNOTATIONS_PER_TRANSACTION at a time (an
    interrupted import keeps whole batches; importing again adds the rest). Each is matched
    to its article by key (content digest), else by title where its quote is found, and
    re-anchored by quote and context; one whose quote is gone is kept as orphaned. An id
    already in the library is left as it is (a duplicate): importing the same file twice
    adds nothing. Raises ValueError (one line) when the data is not W3C annotations."""
    notes = from_w3c(data)
    result = AnnotationImport()
    for first in range(0, len(notes), ANNOTATIONS_PER_TRANSACTION):
        _import_batch(lib, notes[first : first + ANNOTATIONS_PER_TRANSACTION], result)
    return result


def _import_batch(lib: Library, notes: Sequence[Note], result: AnnotationImport) -> None:
    store = lib.annotations
    with store.db.transaction() as conn:
        touched: set[int] = set()
        for note in notes:
            existing = store.find_in(conn, note.id)
            if existing is not None:
                result.duplicates.append((existing.id, existing.article_id))
                continue
            found = _article_for(lib.articles, conn, note)
            if found is None:
                what = note.article_title or note.article_key
                result.errors.append(f"annotation {note.id}: article {what} is not in the library")
                continue
            article_id, body, place = found
            anchor = note.anchor if place is None else make_anchor(body, place.start, place.end)
            stamp = now()
            annotation = Annotation.of(
                note.id,
                article_id,
                anchor,
                color=_colour_for(store, note),
                note=note.note,
                orphaned=place is None,
                created=note.created or stamp,
                modified=note.modified or stamp,
            )
            store.put_in(conn, annotation)
            touched.add(article_id)
            result.added.append(annotation)
            if annotation.orphaned:
                result.orphaned.append(annotation.id)
        for article_id in touched:
            store.refresh_extra_in(conn, article_id)


def _article_for(
    articles: ArticleStore, conn: sqlite3.Connection, note: Note
) -> tuple[int, str, Resolved | None] | None:
    """(article id, body, where the quote is) for a note: the article of its key (the quote
    may be lost there: None), else an article of its title that holds the quote."""
    if note.article_key.startswith(ARTICLE_KEY_PREFIX):
        digest = note.article_key[len(ARTICLE_KEY_PREFIX) :]
        found = articles.body_by_digest_in(conn, digest)
        if found is not None:
            return found[0], found[1], resolve(note.anchor, found[1])
    if note.article_title:
        for article_id, body in articles.bodies_titled_in(conn, note.article_title):
            place = resolve(note.anchor, body)
            if place is not None:
                return article_id, body, place
    return None


def _colour_for(store: AnnotationStore, note: Note) -> str:
    """The note's colour key; else the colour whose meaning it names; else the default."""
    for name in (note.color, note.meaning):
        if name:
            try:
                return store.colour_key(name)
            except ValueError:
                pass
    return DEFAULT_COLOUR


# ---------------------------------------------------------------------------------------
# Markdown, HTML and plain text: annotations grouped by article, in a script view


@dataclass(frozen=True)
class _Item:
    quote: str  # in the view's script
    note: str
    meaning: str
    color: str
    link: str  # "" for an orphan


def _items(lib: Library, view: ArticleView) -> list[_Item]:
    from reader.core import scripts

    annotations = lib.annotations.for_article(view.record.id)
    items = []
    placed = placed_in_view(annotations, view)
    for n, start, end in placed:
        link = article_link(view.record.id, start, end, view.config)
        quote = view.body.text[start:end]
        items.append(_Item(quote, n.note, lib.annotations.meaning(n.color), n.color, link))
    drawn = {n.id for n, _, _ in placed}
    for n in annotations:
        if n.id not in drawn:
            quote = n.exact
            if view.effective:
                quote = scripts.convert(n.exact, view.effective, view.user_phrases)
            items.append(_Item(quote, n.note, lib.annotations.meaning(n.color), n.color, ""))
    return items


def _grouped(lib: Library, views: Sequence[ArticleView]) -> list[tuple[ArticleView, list[_Item]]]:
    return [(v, items) for v in views if (items := _items(lib, v))]


def annotations_markdown(lib: Library, views: Sequence[ArticleView]) -> str:
    parts = []
    for view, items in _grouped(lib, views):
        lines = [f"## {view.display_title}", ""]
        for item in items:
            lines += ["> " + line if line else ">" for line in item.quote.split("\n")]
            lines.append("")
            if item.note:
                lines += [item.note, ""]
            where = f"[回到原文]({item.link})" if item.link else "（原文中已找不到这段文字）"
            lines += [f"*{item.meaning or item.color}* · {where}", ""]
        parts.append("\n".join(lines).rstrip() + "\n")
    return "# 批注\n\n" + ("\n".join(parts) if parts else "（没有批注）\n")


def annotations_text(lib: Library, views: Sequence[ArticleView]) -> str:
    parts = []
    for view, items in _grouped(lib, views):
        lines = [view.display_title, ""]
        for item in items:
            lines.append(f"　　「{item.quote}」")
            if item.note:
                lines.append(f"　　笔记：{item.note}")
            where = item.link or "原文中已找不到这段文字"
            lines += [f"　　{item.meaning or item.color}　{where}", ""]
        parts.append("\n".join(lines))
    return ("\n" + "=" * 20 + "\n\n").join(parts) if parts else "（没有批注）\n"


def annotations_html(lib: Library, views: Sequence[ArticleView]) -> str:
    esc = html.escape
    hexes = {c.key: c.hex for c in lib.annotations.colours()}
    sections = []
    for view, items in _grouped(lib, views):
        parts = [f"<h2>{esc(view.display_title)}</h2>"]
        for item in items:
            colour = hexes.get(item.color, "#f2c94c")
            quote = esc(item.quote).replace("\n", "<br>")
            parts.append(
                f'<blockquote><mark style="background:{colour}">{quote}</mark></blockquote>'
            )
            if item.note:
                parts.append(f'<p class="note">{esc(item.note)}</p>')
            where = (
                f'<a href="{esc(item.link)}">回到原文</a>'
                if item.link
                else "原文中已找不到这段文字"
            )
            parts.append(f'<p class="meta">{esc(item.meaning or item.color)} · {where}</p>')
        sections.append("<section>\n" + "\n".join(parts) + "\n</section>")
    body = "\n".join(sections) if sections else "<p>（没有批注）</p>"
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f"<title>批注</title>\n<style>{_HTML_STYLE}</style>\n</head>\n<body>\n<h1>批注</h1>\n"
        + body
        + "\n</body>\n</html>\n"
    )


_HTML_STYLE = """
body { max-width: 40em; margin: 2em auto; padding: 0 1em; font-size: 17px; color: #222;
       font-family: "Noto Serif CJK SC", "Source Han Serif", serif; line-height: 1.7; }
blockquote { margin: 1em 0 .3em; padding-left: 1em; border-left: 3px solid #ccc; }
mark { color: #111; padding: 0 .1em; }
.note { margin: .2em 0 .2em 1em; }
.meta { color: #777; font-size: .85em; margin: 0 0 1em 1em; }
section + section { border-top: 1px solid #ddd; margin-top: 2em; }
"""

ANNOTATION_WRITERS = {
    "md": annotations_markdown,
    "html": annotations_html,
    "txt": annotations_text,
}


# ---------------------------------------------------------------------------------------
# The command line's ANNOTATION objects


def annotation_dicts(lib: Library, view: ArticleView) -> list[dict[str, Any]]:
    """``{"id", "article", "start", "end", "quote", "color", "meaning", "note", "orphaned",
    "created", "modified"}`` for each annotation of the view's article, offsets and quote
    in that view; placed ones by position, then orphans (start and end null)."""
    from reader.core import scripts

    annotations = lib.annotations.for_article(view.record.id)
    placed = placed_in_view(annotations, view)
    spans = {n.id: (start, end) for n, start, end in placed}
    ordered = [n for n, _, _ in placed] + [n for n in annotations if n.id not in spans]
    out = []
    for n in ordered:
        span = spans.get(n.id)
        if span is not None:
            quote = view.body.text[span[0] : span[1]]
        elif view.effective:
            quote = scripts.convert(n.exact, view.effective, view.user_phrases)
        else:
            quote = n.exact
        out.append(annotation_dict(lib, n, span, quote))
    return out


def annotation_dict(
    lib: Library, n: Annotation, span: tuple[int, int] | None, quote: str
) -> dict[str, Any]:
    return {
        "id": n.id,
        "article": n.article_id,
        "start": span[0] if span else None,
        "end": span[1] if span else None,
        "quote": quote,
        "color": n.color,
        "meaning": lib.annotations.meaning(n.color),
        "note": n.note,
        "orphaned": span is None,
        "created": n.created,
        "modified": n.modified,
    }

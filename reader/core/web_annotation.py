"""Notes and highlights as W3C Web Annotation Data Model JSON.

https://www.w3.org/TR/annotation-model/ — pure Python, no Qt, no SQLite.

:func:`to_w3c` writes an ``AnnotationCollection``. The spec puts a collection's annotations in
pages, so they are in its embedded first page, ``data["first"]["items"]`` (one page holds
them all); :func:`from_w3c` also accepts ``items`` at the top, a single ``AnnotationPage``, a
single ``Annotation`` and a plain list of annotations.

One annotation::

    {"id": "urn:uuid:…", "type": "Annotation",
     "motivation": "commenting",                    # "highlighting" when there is no note
     "created": "…", "modified": "…",
     "body": [{"type": "TextualBody", "value": NOTE, "purpose": "commenting",
               "format": "text/plain"},
              {"type": "TextualBody", "value": MEANING, "purpose": "tagging"}],
     "target": {"type": "SpecificResource", "source": ARTICLE_KEY,
                "sourceTitle": ARTICLE_TITLE,      # app extension (the model has no title)
                "styleClass": COLOR,               # the model's hook for how to draw it
                "selector": [{"type": "TextQuoteSelector", "exact", "prefix", "suffix"},
                             {"type": "TextPositionSelector", "start", "end"}]}}

Empty values (no note, no meaning, no colour, no dates) are left out and read back empty.
TextPositionSelector offsets count code points of the original article body, as the model
asks. Annotations from elsewhere without a TextPositionSelector get ``start=0,
end=len(exact)``: :func:`reader.core.anchors.resolve` then finds them by their quote.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from reader.core.anchors import Anchor

log = logging.getLogger(__name__)

CONTEXT_IRI = "http://www.w3.org/ns/anno.jsonld"
TITLE_KEY = "sourceTitle"  # not in the model: where the article's human title goes


@dataclass
class Note:
    """One annotation as the app holds it.

    ``id`` is a UUID, given bare or as ``urn:uuid:…`` (held as ``urn:uuid:…``, lower case), or
    any other IRI (kept as is).
    """

    id: str
    article_key: str  # stable article id, e.g. "urn:reader:article:<content digest>"
    article_title: str
    anchor: Anchor
    color: str  # a colour name such as "yellow"
    meaning: str  # the colour's user label, e.g. 重点
    note: str
    created: str  # ISO 8601
    modified: str  # ISO 8601

    def __post_init__(self) -> None:
        self.id = normalise_id(self.id)


def new_note_id() -> str:
    """A fresh ``urn:uuid:`` id."""
    return uuid.uuid4().urn


def normalise_id(value: str) -> str:
    """``urn:uuid:<uuid>`` for a UUID in any spelling; other IRIs unchanged."""
    text = value.strip()
    bare = text[len("urn:uuid:") :] if text.lower().startswith("urn:uuid:") else text
    try:
        return uuid.UUID(bare).urn
    except ValueError:
        pass
    if ":" in text and not any(char.isspace() for char in text):
        return text
    raise ValueError(f"note id {value!r} is neither a UUID nor an IRI")


# ---------------------------------------------------------------------------------------
# Writing


def to_w3c(notes: list[Note]) -> dict[str, Any]:
    """An ``AnnotationCollection`` holding ``notes`` (in order) in its first page."""
    digest = uuid.uuid5(uuid.NAMESPACE_URL, "\n".join(note.id for note in notes))
    return {
        "@context": CONTEXT_IRI,
        "id": digest.urn,
        "type": "AnnotationCollection",
        "total": len(notes),
        "first": {
            "id": uuid.uuid5(digest, "page1").urn,
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [annotation(note) for note in notes],
        },
    }


def annotation(note: Note) -> dict[str, Any]:
    """One ``Annotation`` object (without ``@context``; add it to stand alone)."""
    bodies: list[dict[str, str]] = []
    if note.note:
        comment = {"type": "TextualBody", "value": note.note, "purpose": "commenting"}
        bodies.append(comment | {"format": "text/plain"})
    if note.meaning:
        bodies.append({"type": "TextualBody", "value": note.meaning, "purpose": "tagging"})
    anchor = note.anchor
    target: dict[str, Any] = {"type": "SpecificResource", "source": note.article_key}
    if note.article_title:
        target[TITLE_KEY] = note.article_title
    if note.color:
        target["styleClass"] = note.color
    target["selector"] = [
        {
            "type": "TextQuoteSelector",
            "exact": anchor.exact,
            "prefix": anchor.prefix,
            "suffix": anchor.suffix,
        },
        {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end},
    ]
    result: dict[str, Any] = {
        "id": note.id,
        "type": "Annotation",
        "motivation": "commenting" if note.note else "highlighting",
    }
    for key in ("created", "modified"):
        if getattr(note, key):
            result[key] = getattr(note, key)
    if bodies:
        result["body"] = bodies
    result["target"] = target
    return result


# ---------------------------------------------------------------------------------------
# Reading


def from_w3c(data: object) -> list[Note]:
    """Notes from an AnnotationCollection (``first.items`` or ``items``), an AnnotationPage,
    one Annotation, or a list of Annotations. Raises ValueError naming what is wrong."""
    items = _items(data)
    notes = []
    for number, item in enumerate(items, 1):
        try:
            notes.append(_note(item))
        except ValueError as error:
            raise ValueError(f"annotation {number}: {error}") from None
    return notes


def _items(data: object) -> list[object]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object or list, not {type(data).__name__}")
    kind = data.get("type")
    if _has_type(kind, "Annotation"):
        return [data]
    if "items" in data:
        page = data
    elif isinstance(data.get("first"), dict):
        page = data["first"]
    elif _has_type(kind, "AnnotationCollection") and not data.get("total"):
        return []
    else:
        raise ValueError(
            f"not an Annotation, AnnotationPage or AnnotationCollection (type {kind!r})"
        )
    items = page.get("items")
    if not isinstance(items, list):
        raise ValueError("'items' must be a list of annotations")
    return items


def _has_type(kind: object, name: str) -> bool:
    return kind == name or (isinstance(kind, list) and name in kind)


def _note(item: object) -> Note:
    if not isinstance(item, dict):
        raise ValueError(f"expected an object, not {type(item).__name__}")
    if not _has_type(item.get("type"), "Annotation"):
        raise ValueError(f"type is {item.get('type')!r}, not 'Annotation'")
    note_id = _string(item, "id", required=True)
    target = _target(item.get("target"))
    source = target.get("source")
    if isinstance(source, dict):  # an embedded External Web Resource
        source = source.get("id")
    if not isinstance(source, str) or not source:
        raise ValueError("target has no 'source' (the article key)")
    comment, meaning = _bodies(item.get("body"))
    return Note(
        id=note_id,
        article_key=source,
        article_title=_string(target, TITLE_KEY),
        anchor=_anchor(target.get("selector")),
        color=_string(target, "styleClass"),
        meaning=meaning,
        note=comment,
        created=_string(item, "created"),
        modified=_string(item, "modified"),
    )


def _string(obj: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = obj.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise ValueError(f"'{key}' must be a {'non-empty ' if required else ''}string")
    return value


def _target(target: object) -> dict[str, Any]:
    """The first target with selectors (a list of targets is allowed)."""
    candidates = target if isinstance(target, list) else [target]
    for candidate in candidates:
        if isinstance(candidate, dict) and "selector" in candidate:
            return candidate
    raise ValueError("no target with a 'selector' (a bare IRI target cannot be anchored)")


def _bodies(body: object) -> tuple[str, str]:
    """(note text, colour meaning) from TextualBody bodies; other bodies are ignored."""
    bodies = body if isinstance(body, list) else [] if body is None else [body]
    comments: list[str] = []
    tags: list[str] = []
    for entry in bodies:
        if not isinstance(entry, dict) or entry.get("type") != "TextualBody":
            continue  # an IRI or another body type: nothing we can show
        value = entry.get("value")
        if not isinstance(value, str):
            raise ValueError("a TextualBody's 'value' must be a string")
        (tags if entry.get("purpose") == "tagging" else comments).append(value)
    return "\n\n".join(comments), " ".join(tags)


def _anchor(selector: object) -> Anchor:
    selectors = selector if isinstance(selector, list) else [selector]
    quote = _of_type(selectors, "TextQuoteSelector")
    if quote is None:
        raise ValueError("target has no TextQuoteSelector")
    exact = quote.get("exact")
    if not isinstance(exact, str) or not exact:
        raise ValueError("TextQuoteSelector 'exact' must be a non-empty string")
    prefix, suffix = _string(quote, "prefix"), _string(quote, "suffix")
    position = _of_type(selectors, "TextPositionSelector")
    if position is None:
        return Anchor(0, len(exact), exact, prefix, suffix)
    start, end = _offset(position.get("start")), _offset(position.get("end"))
    if start is None or end is None or start > end:
        raise ValueError(
            f"TextPositionSelector needs integers 0 <= start <= end <= {MAX_OFFSET}: {position}"
        )
    return Anchor(start, end, exact, prefix, suffix)


def _of_type(selectors: list[object], kind: str) -> dict[str, Any] | None:
    for entry in selectors:
        if isinstance(entry, dict) and entry.get("type") == kind:
            return entry
    return None


# The largest offset read: JSON's safe integers (far beyond any article; the library's
# integers stop at 2**63 - 1).
MAX_OFFSET = 2**53 - 1


def _offset(value: object) -> int | None:
    """A non-negative integer offset up to MAX_OFFSET, or None (JSON true/false are not
    offsets)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_OFFSET:
        return value
    return None

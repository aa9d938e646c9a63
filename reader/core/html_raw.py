"""Script, style and comment text cut out of HTML with the browser's tokenizer rules.

Both HTML readers (the article extractor in webpage and the page text of html_text) run
this before the stdlib parser, so no quirk of that parser lets hidden text through:

- a comment ends at the first ``-->`` or ``--!>``; ``<!-->`` and ``<!--->`` are empty; an
  unclosed one runs to the end of the page;
- a raw text element (``<style>``, ``<textarea>``, …) ends at its first ``</name`` followed
  by space, ``/`` or ``>``; ``<style/>`` starts one all the same (the slash means nothing);
- a script follows the escape states of the HTML standard: inside ``<!--`` a ``<script``
  opens a nested level whose ``</script>`` does not end the script;
- the title is RCDATA: its text up to ``</title``, with any tags in it dropped.

The scan is linear: every search starts where the last one ended.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

_RAW = "script|style|noscript|textarea|xmp|iframe|noembed|noframes|plaintext|title"
_NEXT = re.compile(rf"<!--|<({_RAW})(?=[\s/>])[^>]*>?", re.IGNORECASE)
_COMMENT_END = re.compile(r"-?>|.*?--!?>", re.DOTALL)  # from just after "<!--"
_SCRIPT_DATA = re.compile(r"<!--|</script(?=[\s/>])", re.IGNORECASE)
_SCRIPT_ESCAPED = re.compile(r"-->|</script(?=[\s/>])|<script(?=[\s/>])", re.IGNORECASE)
_SCRIPT_DOUBLE = re.compile(r"-->|</script(?=[\s/>])", re.IGNORECASE)
_END_TAG_REST = re.compile(r"[^>]*>?")
_LD_TYPE = re.compile(r"""type\s*=\s*["']?application/ld\+json""", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")


@dataclass
class RawParts:
    title: str = ""  # the first <title>'s text, as written (spaces and line breaks kept)
    json_ld: list[object] = field(default_factory=list)


def cut(text: str) -> tuple[str, RawParts]:
    """``text`` without comments and raw text elements (each becomes one space), and the
    parts of them worth keeping: the page title and the JSON-LD scripts."""
    parts = RawParts()
    return _cut(text, parts), parts


def _cut(text: str, parts: RawParts | None) -> str:
    """The cut; the title and JSON-LD go to ``parts`` unless it is None (inside a title)."""
    out: list[str] = []
    pos = 0
    while m := _NEXT.search(text, pos):
        out.append(text[pos : m.start()])
        out.append(" ")
        name = (m.group(1) or "").lower()
        if not name:
            pos = _comment_end(text, m.end())
            continue
        if name == "script":
            inner_end, pos = _script_end(text, m.end())
        elif name == "plaintext":  # nothing ever ends it
            inner_end = pos = len(text)
        else:
            inner_end, pos = _raw_end(text, m.end(), name)
        if parts is not None:
            _keep(parts, name, m.group(0), text[m.end() : inner_end])
    out.append(text[pos:])
    return "".join(out)


def _keep(parts: RawParts, name: str, start_tag: str, inner: str) -> None:
    if name == "title" and not parts.title:
        # Tags in a title are its text to a browser; a script there is no title text.
        parts.title = html.unescape(_TAGS.sub("", _cut(inner, None)))
    elif name == "script" and _LD_TYPE.search(start_tag):
        try:
            parts.json_ld.append(json.loads(inner, strict=False))
        except (ValueError, RecursionError):
            log.debug("unreadable JSON-LD")


def _comment_end(text: str, start: int) -> int:
    m = _COMMENT_END.match(text, start)
    return m.end() if m else len(text)


def _raw_end(text: str, start: int, name: str) -> tuple[int, int]:
    """Where the element's text ends and where the text after its end tag starts."""
    end = re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE).search(text, start)
    if not end:
        return len(text), len(text)
    return end.start(), _END_TAG_REST.match(text, end.end()).end()  # type: ignore[union-attr]


def _script_end(text: str, start: int) -> tuple[int, int]:
    """The HTML standard's script data states: plain, escaped (after ``<!--``) and double
    escaped (after ``<script`` inside an escaped part)."""
    state = _SCRIPT_DATA
    pos = start
    while m := state.search(text, pos):
        token = m.group().lower()
        if state is _SCRIPT_DATA:
            if token == "<!--":
                state, pos = _SCRIPT_ESCAPED, m.start() + 2  # its dashes may close it: <!-->
                continue
        elif token == "-->":
            state, pos = _SCRIPT_DATA, m.end()
            continue
        elif state is _SCRIPT_ESCAPED and token == "<script":
            state, pos = _SCRIPT_DOUBLE, m.end()
            continue
        elif state is _SCRIPT_DOUBLE:  # </script> only leaves the nested level
            state, pos = _SCRIPT_ESCAPED, m.end()
            continue
        return m.start(), _END_TAG_REST.match(text, m.end()).end()  # type: ignore[union-attr]
    return len(text), len(text)

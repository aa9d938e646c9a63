"""An article as the reader sees it in one script view.

The stored article is never changed: a view converts its fields on the fly (cached by
:mod:`reader.core.scripts`) and keeps the body's offset map, so highlights stored
against the original body can be drawn on the right words in any view, and a span
selected in a view can be stored against the original.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core import scripts
from reader.core.records import ArticleRecord

if TYPE_CHECKING:
    from reader.core.textsearch import Snippet


@dataclass(frozen=True)
class ArticleView:
    record: ArticleRecord
    config: str | None  # what the reader asked for
    effective: str | None  # what was run for this article's script (None: the original)
    title: str
    subtitle: str
    byline: str
    section: str
    captions: tuple[str, ...]
    body: scripts.Conversion  # body.text is the body in this view; maps to the original
    user_phrases: Mapping[str, str] | None = None

    @property
    def display_title(self) -> str:
        if self.effective is None:
            return self.record.display_title
        return scripts.convert(self.record.display_title, self.effective, self.user_phrases)

    @property
    def paragraphs(self) -> list[str]:
        return self.body.text.split("\n")

    def converted(self, text: str) -> str:
        """Words written around the article (上接, 下转, 图), written here in simplified, in
        this view's script: first in the article's own (下轉 in a Hong Kong paper's 原文),
        then as the view converts the article."""
        if not text:
            return text
        if self.record.script == scripts.TRADITIONAL:
            text = scripts.convert(text, "s2t")
        if self.effective is None:
            return text
        return scripts.convert(text, self.effective, self.user_phrases)


def prepare() -> None:
    """Load what showing the first article needs: the splitter's patterns (subheads), the
    keyword matcher, the fold table, the placing of highlights and the reader's phrase
    fixes, once per process. Run it on a worker before the first article opens,
    so the window does not stop for it."""
    from reader.core import anchors, keywords, links, pages, web_annotation  # noqa: F401
    from reader.store import phrases  # noqa: F401

    scripts.fold("")


_warm: set[str | None] = {None}  # views warm_up has loaded in this process


def warm_up(config: str | None) -> None:
    """Load what showing text in the view `config` needs: script detection and the
    converter of each script's effective config. The first ones take long and much memory
    (bench_scripts.py load_ms), so they load when a reader first chooses the view, on a
    worker, and never for a view nobody chose (bench_gui.py "switch the script")."""
    if config is not None:  # the original needs neither
        scripts.detect_script("")
        for script in scripts.SCRIPTS:
            effective = scripts.effective_config(config, script)
            if effective is not None:
                scripts.get_converter(effective)
    _warm.add(config)


def is_warm(config: str | None) -> bool:
    """Whether warm_up(config) has run in this process."""
    return config in _warm


def find_words(body: str, words: list[str]) -> list[tuple[int, int]]:
    """Spans of ``words`` in ``body`` in either script (fold keeps offsets), longest first."""
    from reader.core.keywords import find_occurrences

    folded = [scripts.fold(w) for w in words if w]
    return [(s, e) for s, e, _ in find_occurrences(scripts.fold(body), folded)]


def article_view(
    record: ArticleRecord, config: str | None, user_phrases: Mapping[str, str] | None = None
) -> ArticleView:
    """``record`` in the ``config`` view (None: as imported). Raises UnknownConfig."""
    effective = scripts.effective_config(config, record.script)
    phrases = user_phrases or None

    def conv(text: str) -> str:
        return scripts.convert(text, effective, phrases) if effective and text else text

    return ArticleView(
        record=record,
        config=config,
        effective=effective,
        title=conv(record.title),
        subtitle=conv(record.subtitle),
        byline=conv(record.byline),
        section=conv(record.section),
        captions=tuple(conv(c) for c in record.captions),
        body=(
            scripts.convert_mapped(record.body, effective, phrases)
            if effective
            else scripts.identity(record.body)
        ),
        user_phrases=phrases,
    )


def article_dict(view: ArticleView, *, body: bool = True) -> dict:
    """The ARTICLE object of the command-line contract, in the view's script."""
    record = view.record
    d: dict = {
        "id": record.id,
        "title": view.title,
        "display_title": view.display_title,
        "subtitle": view.subtitle,
        "byline": view.byline,
        "section": view.section,
        "captions": list(view.captions),
        "kind": record.kind,
        "continued_from": record.continued_from,
        "continues_to": record.continues_to,
        "script": record.script,
        "view": view.effective,
        "encoding": record.encoding,
        "source": record.source,
        "added": record.added_at,
        "published": record.published,
        "url": record.url,
        "site": record.site,
    }
    if body:
        d["body"] = view.body.text
    return d


class ScriptView:
    """The library's text (titles, words, snippets) in one script view, as the reading
    pane shows articles: each piece converted from its own script, with the reader's
    phrase fixes for the config that runs. ``None``: every piece as stored."""

    def __init__(
        self, config: str | None, phrases: Callable[[str | None], Mapping[str, str]]
    ) -> None:
        if config is not None:
            scripts.check_config(config)
        self.config = config
        self._phrases = phrases
        self._known: dict[str, Mapping[str, str] | None] = {}

    def effective(self, script: str) -> str | None:
        return scripts.effective_config(self.config, script) if self.config else None

    def __call__(self, text: str, script: str | None = None) -> str:
        """``text`` (written in ``script``; None: detected from it) in this view."""
        if self.config is None or not text:
            return text
        effective = self.effective(script or scripts.detect_script(text))
        if effective is None:
            return text
        return scripts.convert(text, effective, self._phrases_for(effective))

    def snippet(self, snippet: Snippet, script: str | None = None) -> Snippet:
        """A search snippet in this view, its hits moved onto the converted text."""
        if self.config is None or not snippet.text:
            return snippet
        effective = self.effective(script or scripts.detect_script(snippet.text))
        if effective is None:
            return snippet
        mapped = scripts.convert_mapped(snippet.text, effective, self._phrases_for(effective))
        spans = tuple(mapped.to_view(s, e) for s, e in snippet.spans)
        return type(snippet)(mapped.text, spans)

    def _phrases_for(self, effective: str) -> Mapping[str, str] | None:
        if effective not in self._known:
            self._known[effective] = self._phrases(effective) or None
        return self._known[effective]


@dataclass(frozen=True)
class ShownKeyword:
    """A keyword of the open article as the view shows it."""

    word: str  # its identity (simplified): what the library knows it by
    text: str  # as the view writes it, exactly as highlighted
    weight: float
    spans: tuple[tuple[int, int], ...]  # where it is a word of the body (original offsets)


def shown_keywords(
    view: ArticleView,
    keywords: list[tuple[str, float]],
    spans: list[tuple[int, int, str]],
) -> list[ShownKeyword]:
    """Stored keywords and their body spans, each written as the view shows its first
    occurrence (in the title when the body lacks it)."""
    places: dict[str, list[tuple[int, int]]] = {}
    for start, end, word in spans:
        places.setdefault(word, []).append((start, end))
    shown = []
    for word, weight in keywords:
        found = places.get(word, [])
        if found:
            start, end = view.body.to_view(*found[0])
            text = view.body.text[start:end]
        else:
            text = view.converted(_in_heading(view.record, word))
        shown.append(ShownKeyword(word, text, weight, tuple(found)))
    return shown


def _in_heading(record: ArticleRecord, word: str) -> str:
    """``word`` (an identity) as the title or subtitle writes it; itself if neither does."""
    folded = scripts.fold(word)
    for part in (record.title, record.subtitle):
        at = scripts.fold(part).find(folded)
        if at != -1:
            return part[at : at + len(word)]
    return word

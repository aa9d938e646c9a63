"""Articles out of the library: Markdown, JSON, HTML or plain text, in any script view.

Every format is built from :class:`~reader.views.ArticleView`, so an export shows the
same text as the reading pane in the chosen view. HTML escapes all article text.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Callable, Sequence

from reader.core.scripts import TRADITIONAL, detect_script
from reader.views import ArticleView, article_dict

log = logging.getLogger(__name__)

FORMATS = ("md", "json", "html", "txt")


def _paragraphs(view: ArticleView) -> list[str]:
    return [p for p in view.paragraphs if p.strip()]


def _meta(view: ArticleView) -> list[str]:
    meta = [m for m in (view.section, view.byline) if m]
    if view.record.continued_from:
        meta.append(view.converted(f"上接{view.record.continued_from}"))
    return meta


def to_markdown(views: Sequence[ArticleView]) -> str:
    parts = []
    for v in views:
        lines = [f"# {v.display_title}", ""]
        if v.subtitle:
            lines += [f"## {v.subtitle}", ""]
        if meta := _meta(v):
            lines += [f"*{'　'.join(meta)}*", ""]
        for p in _paragraphs(v):
            lines += [p, ""]
        lines += [f"> {v.converted('图')}：{c}\n" for c in v.captions]
        parts.append("\n".join(lines).rstrip() + "\n")
    return "\n---\n\n".join(parts)


def to_text(views: Sequence[ArticleView]) -> str:
    parts = []
    for v in views:
        head = [v.display_title, v.subtitle, "　".join(_meta(v))]
        lines = [h for h in head if h] + [""]
        lines += ["　　" + p for p in _paragraphs(v)]
        lines += [f"[{v.converted('图')}] {c}" for c in v.captions]
        parts.append("\n".join(lines) + "\n")
    return ("\n" + "=" * 20 + "\n\n").join(parts)


def to_json(views: Sequence[ArticleView]) -> str:
    return json.dumps([article_dict(v) for v in views], ensure_ascii=False, indent=2) + "\n"


HTML_STYLE = """
body { max-width: 40em; margin: 2em auto; padding: 0 1em; font-size: 18px;
       font-family: "Noto Serif CJK SC", "Source Han Serif", serif; color: #222; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
.subtitle { color: #555; font-size: 1.05em; margin-top: 0; }
.meta { color: #777; font-size: .85em; }
article p.body { line-height: 1.75; text-indent: 2em; margin: 0 0 .6em; }
.caption { color: #666; font-size: .85em; }
article + article { border-top: 1px solid #ddd; margin-top: 3em; padding-top: 1em; }
"""


def to_html(views: Sequence[ArticleView], title: str = "阅报导出") -> str:
    esc = html.escape
    articles = []
    for v in views:
        parts = [f"<h1>{esc(v.display_title)}</h1>"]
        if v.subtitle:
            parts.append(f'<p class="subtitle">{esc(v.subtitle)}</p>')
        if meta := _meta(v):
            parts.append(f'<p class="meta">{esc("　".join(meta))}</p>')
        parts += [f'<p class="body">{esc(p)}</p>' for p in _paragraphs(v)]
        parts += [f'<p class="caption">图：{esc(c)}</p>' for c in v.captions]
        articles.append("<article>\n" + "\n".join(parts) + "\n</article>")
    sample = "".join(v.body.text[:2000] for v in views[:3])
    lang = "zh-Hant" if detect_script(sample) == TRADITIONAL else "zh-Hans"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(articles)
        + "\n</body>\n</html>\n"
    )


WRITERS: dict[str, Callable[[Sequence[ArticleView]], str]] = {
    "md": to_markdown,
    "json": to_json,
    "html": to_html,
    "txt": to_text,
}


def export(views: Sequence[ArticleView], fmt: str) -> str:
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return WRITERS[fmt](views)

"""An article as rich text for the reading pane.

Every piece of article text goes through :func:`html.escape`: imported text is data,
never markup, so ``<img src=http://…>`` in a page shows as text and fetches nothing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from reader.store.articles import ArticleRecord


@dataclass(frozen=True)
class Typography:
    font_px: int = 18
    line_height_pct: int = 180
    indent_chars: int = 2


def stylesheet(t: Typography) -> str:
    return f"""
    h1 {{ font-size: {round(t.font_px * 1.55)}px; font-weight: 600; margin-bottom: 6px; }}
    p.subtitle {{ font-size: {round(t.font_px * 1.05)}px; color: #555; margin-top: 0; }}
    p.meta {{ font-size: {round(t.font_px * 0.8)}px; color: #777; margin-bottom: 18px; }}
    p.body {{ font-size: {t.font_px}px; line-height: {t.line_height_pct}%;
              text-indent: {t.font_px * t.indent_chars}px; margin-top: 0; margin-bottom: 10px; }}
    p.caption {{ font-size: {round(t.font_px * 0.8)}px; color: #666; margin-top: 14px; }}
    """


def article_html(record: ArticleRecord) -> str:
    esc = html.escape
    parts = [f"<h1>{esc(record.display_title)}</h1>"]
    if record.subtitle:
        parts.append(f'<p class="subtitle">{esc(record.subtitle)}</p>')
    meta = [m for m in (record.section, record.byline) if m]
    if record.continued_from:
        meta.append(f"上接{record.continued_from}")
    if meta:
        parts.append(f'<p class="meta">{esc("　".join(meta))}</p>')
    parts += [f'<p class="body">{esc(p)}</p>' for p in record.paragraphs]
    if record.continues_to:
        parts.append(f'<p class="meta">下转{esc(record.continues_to)}</p>')
    parts += [f'<p class="caption">【图】{esc(c)}</p>' for c in record.captions]
    return "\n".join(parts)

"""reader:// links back to a passage: written by exports, opened by the window."""

from __future__ import annotations

import pytest

from reader.core.links import ArticleLink, article_link, is_article_link, parse_link


def test_links_round_trip() -> None:
    cases = [
        (ArticleLink(12), "reader://article/12"),
        (ArticleLink(12, 30, 34), "reader://article/12#30-34"),
        (ArticleLink(7, 0, 5, "s2twp"), "reader://article/7?script=s2twp#0-5"),
        (ArticleLink(7, config="s2t"), "reader://article/7?script=s2t"),
    ]
    for link, text in cases:
        assert article_link(link.article_id, link.start, link.end, link.config) == text
        assert parse_link(text) == link
        assert is_article_link(text)


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/article/1",
        "reader://article/",
        "reader://article/x#1-2",
        "reader://article/1#5-2",
        "reader://article/1#5",
        "reader://article/1?script=s2t&x=1",
    ],
)
def test_other_links_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_link(text)


def test_a_passage_needs_both_ends() -> None:
    with pytest.raises(ValueError):
        article_link(1, 5, None)
    with pytest.raises(ValueError):
        article_link(1, 5, 2)

"""A surname after a title is a name, not the end of a phrase (副市长胡加彬, not 副市長鬍加彬)."""

from __future__ import annotations

import pytest

from reader.core import scripts
from reader.core.titles import name_starts


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2twp", "s2hk"])
def test_a_name_after_a_title_keeps_its_characters(config: str) -> None:
    text = "副市长胡加彬出席会议,局长张发表讲话。"
    converted = scripts.convert(text, config)
    assert "長胡加彬" in converted and "鬍" not in converted
    assert scripts.convert_mapped(text, config).text == converted  # the offset map agrees


def test_the_name_is_flagged_for_the_reader_to_check() -> None:
    text = "副市长胡加彬出席会议"
    found = scripts.ambiguities(text, "s2t")
    at = text.index("胡")
    assert [(a.view_start, a.chosen) for a in found if a.view_start == at] == [(at, "胡")]
    assert "鬍" in next(a for a in found if a.view_start == at).alternatives


def test_phrases_away_from_titles_convert_as_before() -> None:
    assert scripts.convert("他留着长胡子", "s2t").endswith("長鬍子")
    assert scripts.convert("市长胡子很长", "s2t") == "市長鬍子很長"  # 胡子 is a word
    assert name_starts("副市长胡加彬与记者李明") == [3, 9]
    assert name_starts("市长们") == []

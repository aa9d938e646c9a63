"""Highlights stay on the words a reader marked: anchoring, re-anchoring, script views."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import anchors
from reader.core.anchors import (
    CONTEXT,
    Anchor,
    Resolved,
    anchor_by_quote,
    make_anchor,
    rebase,
    resolve,
    to_original_anchor,
    view_span,
)
from reader.core.scripts import convert_mapped

QUOTE = "要严防输入,认真细致做好集中隔离和跟踪观察"  # once in the seed
TWICE = "严格执行集中隔离等管控措施"  # twice in the seed, in different paragraphs


def squash(text: str) -> str:
    return "".join(text.split())


def found_text(body: str, found: Resolved | None) -> str:
    assert found is not None, "the highlight was lost"
    return body[found.start : found.end]


# ---------------------------------------------------------------------------------------
# Making anchors


def test_make_anchor_keeps_quote_and_context(seed_text: str) -> None:
    start = seed_text.index(QUOTE)
    anchor = make_anchor(seed_text, start, start + len(QUOTE))
    assert anchor.exact == QUOTE
    assert anchor.prefix == seed_text[start - CONTEXT : start]
    assert anchor.suffix == seed_text[start + len(QUOTE) : start + len(QUOTE) + CONTEXT]


def test_context_is_cut_at_the_ends_of_the_body() -> None:
    anchor = make_anchor("一二三四五", 0, 5)
    assert (anchor.prefix, anchor.exact, anchor.suffix) == ("", "一二三四五", "")


@pytest.mark.parametrize(("start", "end"), [(3, 3), (4, 2), (-1, 2), (0, 6)])
def test_make_anchor_rejects_empty_or_outside_spans(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="empty or outside"):
        make_anchor("一二三四五", start, end)


def test_anchor_by_quote_picks_the_nth_occurrence(seed_text: str) -> None:
    first = anchor_by_quote(seed_text, TWICE)
    second = anchor_by_quote(seed_text, TWICE, occurrence=2)
    assert first.start == seed_text.index(TWICE)
    assert second.start == seed_text.index(TWICE, first.start + 1)
    assert first.exact == second.exact == TWICE


def test_anchor_by_quote_says_what_is_wrong(seed_text: str) -> None:
    with pytest.raises(ValueError, match="not in the text"):
        anchor_by_quote(seed_text, "不存在的话")
    with pytest.raises(ValueError, match="occurs 2 time"):
        anchor_by_quote(seed_text, TWICE, occurrence=3)
    with pytest.raises(ValueError, match="empty"):
        anchor_by_quote(seed_text, "")
    with pytest.raises(ValueError, match="1 or more"):
        anchor_by_quote(seed_text, TWICE, occurrence=0)


# ---------------------------------------------------------------------------------------
# Re-anchoring after the text changed


def test_unchanged_text_resolves_to_the_same_place(seed_text: str) -> None:
    anchor = anchor_by_quote(seed_text, QUOTE)
    assert resolve(anchor, seed_text) == Resolved(anchor.start, anchor.end, True, 1.0)


def test_survives_new_line_breaks_inside_the_quote(seed_text: str) -> None:
    anchor = anchor_by_quote(seed_text, QUOTE)
    # The column layout broke the same sentence in different places.
    resplit = seed_text.replace("认真细致做好", "认真细\n致做好").replace("确保人员", "确保\n人员")
    found = resolve(anchor, resplit)
    assert squash(found_text(resplit, found)) == squash(QUOTE)
    assert found is not None and not found.exact_match
    assert found.start == anchor.start


def test_survives_two_paragraphs_joined(seed_text: str) -> None:
    # A highlight across a paragraph break, then paragraph repair joins the two.
    quote = "确保全市疫情不反弹。\n\n市委常委、统战部副部长陈淑欣"
    anchor = anchor_by_quote(seed_text, quote)
    joined = seed_text.replace("不反弹。\n\n市委常委", "不反弹。市委常委")
    assert squash(found_text(joined, resolve(anchor, joined))) == squash(quote)


def test_survives_every_paragraph_re_split(seed_text: str) -> None:
    marks = [
        anchor_by_quote(seed_text, q) for q in (QUOTE, "捐赠一次性医用口罩2万余只", "核心提示")
    ]
    # Every paragraph break dropped and a line break after each comma instead.
    resplit = seed_text.replace("\n\n", "\n").replace(",", ",\n")
    for anchor in marks:
        assert squash(found_text(resplit, resolve(anchor, resplit))) == squash(anchor.exact)


def test_survives_100_characters_inserted_before(seed_text: str) -> None:
    anchor = anchor_by_quote(seed_text, QUOTE)
    inserted = "编者按：" * 25 + seed_text
    found = resolve(anchor, inserted)
    assert found == Resolved(anchor.start + 100, anchor.end + 100, True, found.score)
    assert found.score > 0.9


def test_survives_a_typo_fixed_inside_the_quote(seed_text: str) -> None:
    typo = QUOTE.replace("认真细致", "认真细至")
    body = seed_text.replace(QUOTE, typo)
    anchor = anchor_by_quote(body, typo)
    fixed = "前言" * 10 + seed_text  # fixed, and moved as well
    found = resolve(anchor, fixed)
    assert found_text(fixed, found) == QUOTE
    assert found is not None and not found.exact_match and 0.5 < found.score < 1


def test_typo_fixed_at_the_end_of_the_quote_keeps_the_whole_quote(seed_text: str) -> None:
    anchor = anchor_by_quote(seed_text, QUOTE)
    fixed = seed_text.replace("跟踪观察", "跟踪观測")
    assert found_text(fixed, resolve(anchor, fixed)) == QUOTE.replace("观察", "观測")


def test_context_picks_the_right_one_of_a_duplicated_quote(seed_text: str) -> None:
    first = seed_text.index(TWICE)
    second = seed_text.index(TWICE, first + 1)
    anchor = anchor_by_quote(seed_text, TWICE, occurrence=2)
    # Text inserted before moves the FIRST occurrence exactly onto the second's old place:
    # the position alone would now point at the wrong paragraph.
    moved = "甲" * (second - first) + seed_text
    assert moved[anchor.start : anchor.end] == TWICE
    found = resolve(anchor, moved)
    assert found is not None and found.start == second + (second - first)
    assert moved[found.start - 20 : found.start] == seed_text[second - 20 : second]


def test_deleted_quote_is_orphaned(seed_text: str) -> None:
    anchor = anchor_by_quote(seed_text, QUOTE)
    assert resolve(anchor, seed_text.replace(QUOTE, "")) is None


def test_deleted_short_quote_does_not_jump_to_the_same_word_elsewhere(seed_text: str) -> None:
    start = seed_text.index("疫情防控一抓到底")
    anchor = make_anchor(seed_text, start, start + 2)  # 疫情, one of 44
    paragraph_start = seed_text.rindex("\n", 0, start)
    paragraph_end = seed_text.index("\n", start)
    cut = seed_text[:paragraph_start] + seed_text[paragraph_end:]
    assert "疫情" in cut
    assert resolve(anchor, cut) is None


def test_rewritten_text_is_orphaned_not_misplaced(seed_text: str) -> None:
    anchor = anchor_by_quote(seed_text, QUOTE)
    rewritten = seed_text.replace(QUOTE, "会议要求各单位加强值班值守工作并及时报告")
    assert resolve(anchor, rewritten) is None


def test_rebase_moves_every_anchor_through_one_edit(seed_text: str) -> None:
    quotes = ["核心提示", QUOTE, "捐赠一次性医用口罩2万余只", TWICE]
    marks = [anchor_by_quote(seed_text, q) for q in quotes]
    edit_at = seed_text.index(QUOTE) + len(QUOTE) + 5
    new_body = seed_text[:edit_at] + "（新增一句话。）" + seed_text[edit_at:]
    results = rebase(marks, seed_text, new_body)
    for anchor, found in zip(marks, results, strict=True):
        assert found is not None and found.exact_match
        assert found_text(new_body, found) == anchor.exact
        assert found.start == anchor.start + (8 if anchor.start > edit_at else 0)


def test_rebase_keeps_lost_anchors_as_none(seed_text: str) -> None:
    marks = [anchor_by_quote(seed_text, QUOTE), anchor_by_quote(seed_text, "核心提示")]
    found = rebase(marks, seed_text, seed_text.replace(QUOTE, ""))
    assert found[0] is None and found[1] is not None


def test_long_quote_with_a_fix_is_found_by_head_and_tail(seed_text: str) -> None:
    start = seed_text.index("核心提示")
    anchor = make_anchor(seed_text, start, start + anchors.FUZZY_MAX_QUOTE + 200)
    middle = start + 600
    fixed = "序" * 50 + seed_text[:middle] + "补" + seed_text[middle + 1 :]
    found = resolve(anchor, fixed)
    assert found is not None and (found.start, found.end) == (anchor.start + 50, anchor.end + 50)
    assert not found.exact_match and found.score < 1
    # A long quote whose middle was rewritten is not found from its intact head and tail.
    rewritten = seed_text[:middle] + "另" * 300 + seed_text[middle + 300 :]
    assert resolve(anchor, rewritten) is None


def test_fuzzy_search_in_a_very_long_body_looks_near_the_old_place(seed_text: str) -> None:
    copies = anchors.FUZZY_MAX_BODY // len(seed_text) + 2
    other = seed_text.replace(QUOTE, "")
    body = other * (copies // 2) + seed_text + other * (copies // 2)
    where = body.index(QUOTE)
    anchor = make_anchor(body, where, where + len(QUOTE))
    changed = body[:where] + QUOTE.replace("细致", "仔细") + body[where + len(QUOTE) :]
    found = resolve(anchor, changed)
    assert found is not None and found.start == where


# ---------------------------------------------------------------------------------------
# Astral characters (offsets are code points, not UTF-16 units)


ASTRAL = "𠮷野家的老板说,𡘙字很少见。\n他在𠮷野家门口等𡘙先生。" * 3


def test_astral_characters_count_as_one() -> None:
    anchor = anchor_by_quote(ASTRAL, "门口等𡘙先生", occurrence=2)
    assert anchor.end - anchor.start == len("门口等𡘙先生") == 6
    moved = "𠮷" * 7 + ASTRAL.replace("门口", "門口", 1)
    found = resolve(anchor, moved)
    assert found is not None and (found.start, found.end) == (anchor.start + 7, anchor.end + 7)


def test_astral_quote_survives_a_re_split() -> None:
    anchor = anchor_by_quote(ASTRAL, "𡘙字很少见。\n他在𠮷野家")
    joined = ASTRAL.replace("\n", "")
    assert found_text(joined, resolve(anchor, joined)) == "𡘙字很少见。他在𠮷野家"


# ---------------------------------------------------------------------------------------
# Script views: a span selected in a view is stored against the original


VIEW_BODY = "新买的内存条和U盘都坏了,𠮷野家𡘙老板只好用软件修复。软件和内存条都很贵。"


@pytest.mark.parametrize("config", ["s2t", "s2twp", "s2hk"])
@pytest.mark.parametrize("words", ["内存条", "存", "U盘都坏", "𠮷野家𡘙老板", "软件修复", "和U"])
def test_view_selection_maps_to_the_original_and_back(config: str, words: str) -> None:
    conversion = convert_mapped(VIEW_BODY, config)
    original_start = VIEW_BODY.index(words)
    # What the reader sees of those words and selects in the view.
    view_start, view_end = conversion.to_view(original_start, original_start + len(words))
    anchor = to_original_anchor(VIEW_BODY, conversion, view_start, view_end)
    assert anchor.start <= original_start and original_start + len(words) <= anchor.end
    assert anchor.exact == VIEW_BODY[anchor.start : anchor.end]
    shown_start, shown_end = view_span(anchor, conversion)
    assert shown_start <= view_start and view_end <= shown_end
    assert conversion.text[view_start:view_end] in conversion.text[shown_start:shown_end]


def test_part_of_a_changed_phrase_widens_to_the_whole_phrase() -> None:
    conversion = convert_mapped(VIEW_BODY, "s2twp")
    view = conversion.text
    assert "記憶體模組" in view and "隨身碟" in view
    at = view.index("憶體")  # inside 記憶體模組 (内存条)
    anchor = to_original_anchor(VIEW_BODY, conversion, at, at + 2)
    assert anchor.exact == "内存条"
    start, end = view_span(anchor, conversion)
    assert view[start:end] == "記憶體模組"
    # The same through a Resolved after the original moved.
    found = resolve(anchor, "前" * 3 + VIEW_BODY)
    assert found is not None
    shifted = convert_mapped("前" * 3 + VIEW_BODY, "s2twp")
    start, end = view_span(found, shifted)
    assert shifted.text[start:end] == "記憶體模組"


def test_selection_across_two_changed_phrases() -> None:
    conversion = convert_mapped(VIEW_BODY, "s2twp")
    view = conversion.text
    start, end = view.index("模組"), view.index("隨身碟") + 1  # 模組和隨
    anchor = to_original_anchor(VIEW_BODY, conversion, start, end)
    assert anchor.exact == "内存条和U盘"
    shown = view_span(anchor, conversion)
    assert view[shown[0] : shown[1]] == "記憶體模組和隨身碟"


def test_empty_view_selection_is_refused() -> None:
    conversion = convert_mapped(VIEW_BODY, "s2t")
    with pytest.raises(ValueError):
        to_original_anchor(VIEW_BODY, conversion, 4, 4)


# ---------------------------------------------------------------------------------------
# Properties


bodies = st.text(alphabet=st.sampled_from("的了是在疫情防控 \n,。𠮷𡘙ab"), min_size=1, max_size=300)


@settings(max_examples=200, deadline=None)
@given(body=bodies, data=st.data())
def test_an_anchor_resolves_exactly_in_its_own_body(body: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(body) - 1))
    end = data.draw(st.integers(start + 1, len(body)))
    found = resolve(make_anchor(body, start, end), body)
    assert found is not None and (found.start, found.end) == (start, end)
    assert found.exact_match and found.score == 1.0


def edit_distance(a: str, b: str, *, anchored: bool) -> list[int]:
    """Plain dynamic programming for what anchors._distances computes bit-parallel."""
    previous = list(range(len(a) + 1))
    out = []
    for j, char in enumerate(b):
        current = [j + 1 if anchored else 0]
        for i in range(1, len(a) + 1):
            current.append(
                min(previous[i] + 1, current[i - 1] + 1, previous[i - 1] + (a[i - 1] != char))
            )
        out.append(current[-1])
        previous = current
    return out


@settings(max_examples=200, deadline=None)
@given(
    pattern=st.text(alphabet="ab𠮷c", min_size=1, max_size=12),
    text=st.text(alphabet="ab𠮷c", max_size=30),
    anchored=st.booleans(),
)
def test_bit_parallel_edit_distance_matches_the_textbook(
    pattern: str, text: str, anchored: bool
) -> None:
    got = anchors._distances(pattern, text, anchored=anchored)
    assert got == edit_distance(pattern, text, anchored=anchored)


# ---------------------------------------------------------------------------------------
# Speed


def ten_thousand(seed_text: str) -> str:
    return (seed_text * (10_000 // len(seed_text) + 1))[:10_000]


def two_hundred_anchors(body: str) -> list[Anchor]:
    step = (len(body) - 100) // 200
    return [make_anchor(body, i * step, i * step + 2 + i % 40) for i in range(200)]


def best_of_three(run: object) -> float:
    assert callable(run)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def test_resolving_200_anchors_on_10000_chars_is_quick(seed_text: str) -> None:
    body = ten_thousand(seed_text)
    marks = two_hundred_anchors(body)
    moved = "插" * 100 + body
    for anchor in marks:
        found = resolve(anchor, moved)
        assert found is not None and found.start == anchor.start + 100
    # Measured ~2 ms (positional) and ~5 ms (moved); the bound leaves room for a busy box.
    assert best_of_three(lambda: [resolve(a, body) for a in marks]) < 0.1
    assert best_of_three(lambda: [resolve(a, moved) for a in marks]) < 0.1
    assert best_of_three(lambda: rebase(marks, body, moved)) < 0.1


def test_fuzzy_resolution_is_bounded(seed_text: str) -> None:
    body = ten_thousand(seed_text)
    anchor = make_anchor(body, 5000, 5300)  # a 300-character quote
    changed = body[:5100] + "改" + body[5101:]
    # Measured ~15 ms for a 300-character quote on 10,000 characters.
    assert best_of_three(lambda: resolve(anchor, changed)) < 0.5
    found = resolve(anchor, changed)
    assert found is not None and (found.start, found.end) == (5000, 5300)

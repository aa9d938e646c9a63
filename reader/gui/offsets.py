"""Code points (Python, jieba, OpenCC, the store) ↔ UTF-16 units (Qt): the one place.

Characters outside the BMP (𠮷, 𡘙) are one code point but two UTF-16 units, so every
offset crossing into or out of Qt goes through :class:`Utf16Index`.
"""

from __future__ import annotations

import bisect
from itertools import accumulate


class Utf16Index:
    """Offsets in ``text`` converted between code points and UTF-16 units."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Code-point offsets of the astral characters, in order; usually empty.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # Their positions in UTF-16 units (each astral character adds one extra unit).
        self._astral_units = [i + k for k, i in enumerate(self._astral)]
        self.units = len(text) + len(self._astral)

    def to_units(self, offset: int) -> int:
        """UTF-16 offset of code-point ``offset``."""
        return offset + bisect.bisect_left(self._astral, offset)

    def to_code_points(self, units: int) -> int:
        """Code-point offset of UTF-16 ``units``; inside a surrogate pair rounds down."""
        before = bisect.bisect_left(self._astral_units, units)
        if before and self._astral_units[before - 1] == units - 1:
            return units - before  # points between the two halves of a pair
        return units - before


def block_starts(paragraphs: list[str]) -> list[int]:
    """Code-point offset of each paragraph in the ``"\\n"``-joined text."""
    return [0, *accumulate(len(p) + 1 for p in paragraphs)][: len(paragraphs)]

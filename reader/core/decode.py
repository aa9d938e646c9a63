"""Bytes → text: BOM, strict UTF-8, then Chinese legacy codecs and UTF-16 by plausibility.

Order matters: a BOM is authoritative, valid UTF-8 almost never happens by accident, and only
then do we guess. Guessing scores each candidate decode of a prefix by how much of the result
is *common* text (ASCII, CJK punctuation, the 3755 level-1 GB2312 hanzi for GB, the 5401
frequent Big5 hanzi for Big5). A wrong CJK codec still "decodes", but into rare characters, so
this separates GB18030 from Big5 even on a line or two, where statistical detectors guess.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

log = logging.getLogger(__name__)

SAMPLE_BYTES = 64 * 1024  # detection looks at a prefix only: linear time on huge files

# Magic numbers of common non-text files → the one line the user sees.
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive or Office/EPUB document"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "a program (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"OggS", "an Ogg audio/video file"),
    (b"fLaC", "a FLAC audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\x00asm", "a WebAssembly module"),
]

_BOMS: list[tuple[bytes, str]] = [
    # UTF-32 first: its LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_CANDIDATES = ("gb18030", "big5", "big5hkscs", "utf-16-le", "utf-16-be")
_MIN_SCORE = 0.6  # below this no candidate looks like text


class UnreadableInput(ValueError):  # noqa: N818 - name is the public interface
    """The input is not text we can read; str(exc) is one clear line for the user."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


# --- normalisation -------------------------------------------------------------------------

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\x00]")
_INDENT = re.compile(r"^[ \t\u3000]+", re.MULTILINE)
_TRAILING = re.compile(r"[ \t\u3000]+$", re.MULTILINE)


def normalise(text: str) -> str:
    """Line ends to \\n, no NBSP/zero-width/NUL, no indentation or trailing spaces.

    Indentation (the full-width `　　` of Chinese paragraphs) carries no meaning once
    paragraphs are lines, and leaving it in would make headlines look like body text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    text = _INDENT.sub("", text)
    return _TRAILING.sub("", text)


# --- plausibility scoring ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _common_hanzi() -> dict[str, frozenset[str]]:
    """Frequent hanzi per script, derived from the codecs' own frequency-ordered rows."""
    gb: set[str] = set()
    for lead in range(0xB0, 0xD8):  # GB2312 level 1: the 3755 most used simplified hanzi
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                gb.add(bytes((lead, trail)).decode("gb2312"))
    big5: set[str] = set()
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for lead in range(0xA4, 0xC7):  # Big5 常用字 block A440–C67E
        for trail in trails:
            with contextlib.suppress(UnicodeDecodeError):
                big5.add(bytes((lead, trail)).decode("big5"))
    return {"gb": frozenset(gb), "big5": frozenset(big5)}


def _is_neutral(ch: str) -> bool:
    """Characters plausible in any Chinese text: ASCII text, CJK/full-width punctuation."""
    o = ord(ch)
    if 0x20 <= o < 0x7F or ch in "\n\r\t":
        return True
    return 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or 0x2010 <= o <= 0x2027


def plausibility(text: str, codec: str) -> float:
    """Fraction of characters that are common for text in this codec's script (0..1)."""
    if not text:
        return 0.0
    sets = _common_hanzi()
    if codec.startswith("big5"):
        common = sets["big5"]
    elif codec.startswith("gb"):
        common = sets["gb"]
    else:  # UTF-16: any script
        common = sets["gb"] | sets["big5"]
    good = 0.0
    for ch in text:
        if ch.isascii() and ch.isalpha():
            good += 0.8  # plausible, but a wrong codec also yields stray Latin letters
        elif ch in common or _is_neutral(ch):
            good += 1
        elif "\u4e00" <= ch <= "\u9fff":
            good += 0.3  # a real but less common hanzi: some credit
    return good / len(text)


def _decode_prefix(sample: bytes, codec: str) -> str | None:
    """Strict decode of a prefix, tolerating only a sequence cut at the end of the sample."""
    try:
        return sample.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:
            try:
                return sample[: exc.start].decode(codec)
            except UnicodeDecodeError:
                return None
        return None


def _guess(sample: bytes) -> tuple[str, float] | None:
    """Best candidate codec for a prefix by plausibility, or None."""
    best: tuple[str, float] | None = None
    for codec in _CANDIDATES:
        if codec.startswith("utf-16") and len(sample) < 2:
            continue
        text = _decode_prefix(sample, codec)
        penalty = 0.0
        if text is None:
            # A stray bad byte must not rule a codec out; it only costs a little.
            text = sample.decode(codec, errors="replace")
            penalty = 0.05
        if not text:
            continue
        score = plausibility(text, codec) - penalty
        # Strictly better wins; ties keep the earlier (more general) codec.
        if best is None or score > best[1] + 1e-9:
            best = (codec, score)
    if best and best[0] == "big5hkscs":
        log.debug("HKSCS characters present")
    return best


def _utf16_by_nuls(sample: bytes) -> str | None:
    """ASCII-heavy UTF-16 without a BOM: NUL bytes mostly at odd (LE) or even (BE) offsets."""
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _charset_normalizer_guess(sample: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return None
    best = from_bytes(sample).best()
    return best.encoding if best is not None else None


# --- decoding ------------------------------------------------------------------------------


def sniff_binary(data: bytes) -> str | None:
    """What kind of non-text file this is, or None if it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if magic == b"BZh" and not re.match(rb"BZh[1-9]1AY&SY", data):
                continue
            if magic == b"ID3" and len(data) < 10:
                continue
            return what
    if data[4:8] == b"ftyp":
        return "an MP4/QuickTime video"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}[
            data[8:12]
        ]
    if data.startswith(b"BM") and len(data) > 26 and data[6:10] == b"\x00\x00\x00\x00":
        return "a BMP image"
    return None


def mostly_utf8(data: bytes) -> bool:
    """UTF-8 but for a few stray bytes (a byte lost or flipped in a copy): many valid
    multi-byte characters for each bad sequence. Text in a legacy codec read as UTF-8 gives
    more bad sequences than good characters."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    wide = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return bad > 0 and wide >= _UTF8_GOOD_PER_BAD * bad


_UTF8_GOOD_PER_BAD = 20


def replaced(data: bytes, text: str, codec: str) -> str | None:
    """The warning for ``text`` decoded from ``data`` with errors replaced, if any were."""
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    if bad <= 0:
        return None
    return f"{bad} undecodable byte sequence(s) replaced with \ufffd ({codec})"


def _full_decode(data: bytes, codec: str, warnings: list[str]) -> str:
    """Decode everything; salvage a truncated tail, replace (and report) rare bad bytes."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 4:
            try:
                text = data[: exc.start].decode(codec)
            except UnicodeDecodeError:
                pass
            else:
                cut = len(data) - exc.start
                warnings.append(
                    f"the file ends in the middle of a character: dropped {cut} trailing byte(s)"
                )
                return text
    text = data.decode(codec, errors="replace")
    if warning := replaced(data, text, codec):
        warnings.append(warning)
    return text


def _looks_binary(text: str) -> bool:
    """Too many control characters for a text file."""
    sample = text[:SAMPLE_BYTES]
    if not sample:
        return False
    ctrl = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v\x00") or ch == "\ufffd"
    )
    return ctrl > max(2, 0.1 * len(sample))


def _decodes(payload: bytes, codec: str) -> bool:
    try:
        payload.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _pick_codec(data: bytes) -> tuple[str, bytes]:
    """(codec, payload) for data: BOM, strict UTF-8, NUL pattern, plausibility, detector."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            payload = data[len(bom) :]
            if codec.startswith("utf-32") and not _decodes(payload, codec):
                continue  # FF FE 00 00 is also UTF-16 LE's BOM followed by a NUL character
            return codec, payload
    try:
        data.decode("utf-8")
        return "utf-8", data
    except UnicodeDecodeError as exc:
        # Valid UTF-8 cut inside its last character: still UTF-8 (salvaged later).
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            head = data[: exc.start]
            if head.decode("utf-8") and max(head[-SAMPLE_BYTES:], default=0) >= 0x80:
                return "utf-8", data
        if mostly_utf8(data):  # a stray byte: still UTF-8, the byte replaced (and said)
            return "utf-8", data
    sample = data[:SAMPLE_BYTES]
    by_nuls = _utf16_by_nuls(sample)
    if by_nuls:
        return by_nuls, data
    guess = _guess(sample)
    if guess and guess[1] >= _MIN_SCORE:
        return guess[0], data
    detected = _charset_normalizer_guess(sample)
    if detected:
        log.debug("charset-normalizer guessed %s", detected)
        return codecs.lookup(detected).name, data
    raise _unknown_encoding(data)


def _unknown_encoding(data: bytes) -> UnreadableInput:
    """Why no codec reads `data`: binary (control bytes), or text in no encoding we can
    tell, such as a few words of UTF-8 with a byte gone wrong (too short to be sure)."""
    sample = data[:SAMPLE_BYTES]
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\n\r\t\f\v")
    if controls > max(2, 0.02 * len(sample)):  # text in any codec has next to none
        return UnreadableInput("not a text file (binary data)")
    try:
        data.decode("utf-8")
        where = ""
    except UnicodeDecodeError as exc:
        where = f": byte {exc.start} is not part of a character"
    return UnreadableInput(
        f"cannot tell the text's encoding (not UTF-8{where}; too short or too mixed to be "
        "sure of GBK, Big5 or another)"
    )


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes; raise UnreadableInput for empty or non-text files."""
    if not data:
        raise UnreadableInput("empty file")
    what = sniff_binary(data)
    if what:
        raise UnreadableInput(f"not a text file (looks like {what})")
    codec, payload = _pick_codec(data)
    if codec == "big5" and _decode_prefix(payload, "big5") is None:
        codec = "big5hkscs"  # plain Big5 failed somewhere later: HKSCS is a superset
    warnings: list[str] = []
    text = _full_decode(payload, codec, warnings)
    if _looks_binary(text):
        raise UnreadableInput("not a text file (binary data)")
    text = normalise(text)
    if not text.strip():
        raise UnreadableInput("empty file (only whitespace)")
    log.debug("decoded %d bytes as %s", len(data), codec)
    return Decoded(text=text, encoding=codec, warnings=warnings)

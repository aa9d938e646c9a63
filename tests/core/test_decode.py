"""Bytes → text: BOMs, UTF-8, GB18030 vs Big5 on short texts, UTF-16, salvage, refusals."""

from __future__ import annotations

import codecs
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.core.decode import Decoded, UnreadableInput, decode_bytes, normalise

SHORT_SIMPLIFIED = [
    "本报讯 市政府召开会议。",
    "政务要闻",
    "狠抓落实严防输入 确保全市疫情不反弹",
    "副市长王军参加会议。",
    "近日，洛宁县招聘活动走进河底镇。",
]
SHORT_TRADITIONAL = [
    "記者王小明／台北報導",
    "藝文短波",
    "他說：「好。」",
    "行政院昨天召開會議，討論防疫預算。",
    "北市老屋變身藝術基地",
    "國家交響樂團演出貝多芬",
]


# --- BOMs and UTF-8 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
def test_bom_decides_the_codec_and_is_dropped(bom: bytes, codec: str, name: str) -> None:
    d = decode_bytes(bom + "本报讯 洛阳新闻".encode(codec))
    assert (d.text, d.encoding, d.warnings) == ("本报讯 洛阳新闻", name, [])


def test_plain_utf8() -> None:
    d = decode_bytes("決戰決勝看今朝 决战决胜看今朝 𠮷".encode())
    assert isinstance(d, Decoded)
    assert (d.text, d.encoding) == ("決戰決勝看今朝 决战决胜看今朝 𠮷", "utf-8")


def test_ascii_is_utf8() -> None:
    assert decode_bytes(b"Hello, world").encoding == "utf-8"


# --- GB18030 vs Big5 on short texts --------------------------------------------------------


@pytest.mark.parametrize("text", SHORT_SIMPLIFIED)
def test_short_simplified_gb_text(text: str) -> None:
    for codec in ("gb18030", "gbk", "gb2312"):
        d = decode_bytes(text.encode(codec))
        assert (d.text, d.encoding) == (text, "gb18030")


@pytest.mark.parametrize("text", SHORT_TRADITIONAL)
def test_short_traditional_big5_text(text: str) -> None:
    d = decode_bytes(text.encode("big5"))
    assert (d.text, d.encoding) == (text, "big5")


@pytest.mark.parametrize("text", SHORT_TRADITIONAL)
def test_traditional_text_in_gb18030_stays_gb18030(text: str) -> None:
    # Mainland files of traditional text exist (GBK holds the traditional hanzi).
    d = decode_bytes((text + "。" + SHORT_SIMPLIFIED[0]).encode("gb18030"))
    assert d.encoding == "gb18030"


def test_hkscs_only_character_uses_big5hkscs() -> None:
    text = "香港新聞：市民排隊買餸，" + "\u9ebf" * 0 + "啲人好多。"
    data = text.encode("big5hkscs")
    with pytest.raises(UnicodeEncodeError):
        text.encode("big5")
    d = decode_bytes(data)
    assert (d.text, d.encoding) == (text, "big5hkscs")


# --- UTF-16 without a BOM ------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_mostly_ascii(codec: str) -> None:
    text = "Page 3 of 2020-03-11: 本报讯 news\n"
    d = decode_bytes(text.encode(codec))
    assert (d.text, d.encoding) == (text.rstrip("\n") + "\n", codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text", ["中国新闻", "政务要闻\n昨日，我市召开会议。", "記者王小明／台北報導"]
)
def test_bomless_utf16_all_chinese(codec: str, text: str) -> None:
    d = decode_bytes(text.encode(codec))
    assert (d.text, d.encoding) == (text, codec)


# --- normalisation -------------------------------------------------------------------------


def test_normalise_line_ends_indent_spaces_invisibles() -> None:
    raw = (
        "\ufeff标题\r\n\u3000\u3000第一段\u200b文字\u00a0中\u200c间\u200d。 \r"
        "\u3000\u3000第二段\x00。\u3000\t"
    )
    assert normalise(raw) == "标题\n第一段文字 中间。\n第二段。"


def test_decode_normalises() -> None:
    d = decode_bytes("\u3000\u3000本报讯\r\n\r\n\u3000\u3000正文\ufeff内容 \r\n".encode("gb18030"))
    assert d.text == "本报讯\n\n正文内容\n"


def test_nul_bytes_in_utf8_are_dropped() -> None:
    assert decode_bytes("正文\x00内容".encode()).text == "正文内容"


# --- truncated last character --------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "cut"),
    [("utf-8", 1), ("utf-8", 2), ("gb18030", 1), ("big5", 1), ("utf-16-le", 1)],
)
def test_truncated_multibyte_at_end_is_salvaged_with_warning(codec: str, cut: int) -> None:
    text = "記者王小明台北報導" if codec == "big5" else "本报讯 记者王小明报道"
    data = text.encode(codec)[:-cut]
    d = decode_bytes(data)
    assert d.encoding == codec
    assert d.text == text[:-1]
    assert len(d.warnings) == 1 and "ends in the middle of a character" in d.warnings[0]


def test_bad_byte_in_the_middle_is_replaced_not_fatal() -> None:
    good = "本报讯 市政府召开会议，部署春季农业生产工作。" * 20
    data = good.encode("gb18030")
    data = data[:100] + b"\xff" + data[100:]
    d = decode_bytes(data)
    assert d.encoding == "gb18030"
    assert "\ufffd" in d.text and d.warnings


# --- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(50), "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(50), "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00" + bytes(20), "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00" + bytes(30), "zip"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "gzip"),
        (b"\x7fELF\x02\x01\x01" + bytes(50), "ELF"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(UnreadableInput) as err:
        decode_bytes(data)
    msg = str(err.value)
    assert msg.startswith("not a text file") and what in msg
    assert "\n" not in msg


def test_random_binary_is_refused() -> None:
    data = bytes(range(256)) * 8
    with pytest.raises(UnreadableInput, match="not a text file"):
        decode_bytes(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\u3000\u3000\n".encode(), b"\x00\x00"])
def test_empty_or_blank_is_refused(data: bytes) -> None:
    with pytest.raises(UnreadableInput, match="empty"):
        decode_bytes(data)


def test_unreadable_input_is_a_value_error() -> None:
    assert issubclass(UnreadableInput, ValueError)


# --- speed ---------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_twenty_megabyte_single_line_is_linear(codec: str) -> None:
    line = "我市召开森林防火工作电视电话会议，总结工作，分析形势" * 260_000
    data = line.encode(codec)
    assert len(data) >= 13_000_000
    start = time.perf_counter()
    d = decode_bytes(data)
    assert time.perf_counter() - start < 10  # ~0.5 s here; quadratic would take minutes
    assert d.encoding == codec and len(d.text) == len(line)


# --- property: never another exception -----------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        d = decode_bytes(data)
    except UnreadableInput as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert d.text.strip()
        assert "\r" not in d.text and "\x00" not in d.text


def test_utf16_text_starting_with_nul_is_not_taken_for_utf32() -> None:
    # FF FE 00 00: UTF-16 LE's BOM and a NUL, or UTF-32 LE's BOM.
    d = decode_bytes(b"\xff\xfe" + "\x000𐀀 新闻".encode("utf-16-le"))
    assert d.text == "0𐀀 新闻"
    assert decode_bytes("新闻".encode("utf-32")).text == "新闻"


@settings(max_examples=150, deadline=None)
@example(text="\x000𐀀", codec="utf-16")
@given(st.text(min_size=1, max_size=200), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_any_text_round_trips_through_unicode_codecs(text: str, codec: str) -> None:
    try:
        d = decode_bytes(text.encode(codec, errors="surrogatepass"))
    except UnreadableInput:
        return  # blank or control-character soup
    assert d.text == normalise(text)

"""Readings in context: the article's words read by pypinyin and xjyutping."""

from __future__ import annotations

import pytest

from reader.core import readings
from reader.core.readings import JYUTPING, MARKS, NUMBERS, ZHUYIN, Piece

# (sentence, a word as our segmenter cuts it there, its reading in that sentence): the
# polyphonic characters 行 长 重 了 都 还 会 的 朝 调 教 干 要 传 数 种 差 应 为 处 着 得 发
# 便 和 少 省 乐 背 只 降 担 召 …, each read as the word it stands in.
CASES = [
    ("他在银行工作。", "银行", "yín háng"),
    ("行长今天来了。", "行长", "háng zhǎng"),
    ("这件事很重要。", "重要", "zhòng yào"),
    ("孩子们都长大了。", "长大", "zhǎng dà"),
    ("我们要了解情况。", "了解", "liǎo jiě"),
    ("这是一座现代都市。", "都市", "dū shì"),
    ("请重新开始。", "重新", "chóng xīn"),
    ("我觉得很好。", "觉得", "jué de"),
    ("他在睡觉。", "睡觉", "shuì jiào"),
    ("她喜欢音乐。", "音乐", "yīn yuè"),
    ("祝你快乐。", "祝你快乐", "zhù nǐ kuài lè"),
    ("你去还是我去？", "还是", "hái shì"),
    ("他是一名会计。", "会计", "kuài jì"),
    ("这个地方很美。", "地方", "dì fāng"),
    ("他的目的是什么？", "目的", "mù dì"),
    ("这的确是真的。", "的确", "dí què"),
    ("朝阳升起来了。", "朝阳", "zhāo yáng"),
    ("那个朝代很长。", "朝代", "cháo dài"),
    ("警方正在调查。", "调查", "diào chá"),
    ("价格需要调整。", "调整", "tiáo zhěng"),
    ("她从事教学工作。", "教学", "jiào xué"),
    ("他是一位干部。", "干部", "gàn bù"),
    ("房间很干净。", "干净", "gān jìng"),
    ("这是我们的要求。", "要求", "yāo qiú"),
    ("我读了他的传记。", "传记", "zhuàn jì"),
    ("这是一个古老的传说。", "传说", "chuán shuō"),
    ("他喜欢数学。", "数学", "shù xué"),
    ("农民在播种。", "播种", "bō zhǒng"),
    ("两者没有差别。", "差别", "chā bié"),
    ("他下周出差。", "出差", "chū chāi"),
    ("我们应该努力。", "应该", "yīng gāi"),
    ("这种技术应用很广。", "应用", "yìng yòng"),
    ("他成为了老师。", "成为", "chéng wéi"),
    ("这样做有好处。", "好处", "hǎo chù"),
    ("他正在处理问题。", "处理", "chǔ lǐ"),
    ("别着急，慢慢来。", "别着急", "bié zháo jí"),
    ("他得到了奖励。", "得到", "dé dào"),
    ("我们去爬长城。", "长城", "cháng chéng"),
    ("她的头发很长。", "头发", "tóu fà"),
    ("这件衣服很便宜。", "便宜", "pián yi"),
    ("交通很方便。", "方便", "fāng biàn"),
    ("今天很暖和。", "暖和", "nuǎn huo"),
    ("他是一个少年。", "少年", "shào nián"),
    ("你有多少钱？", "多少", "duō shǎo"),
    ("他住在重庆。", "重庆", "chóng qìng"),
    ("这里省略了细节。", "省略", "shěng lüè"),
    ("他对未来很乐观。", "乐观", "lè guān"),
    ("大家都来了。", "大家", "dà jiā"),
    ("这个问题很难。", "问题", "wèn tí"),
    ("银行行长发表了讲话。", "银行行长", "yín háng háng zhǎng"),
    ("这次旅行很愉快。", "旅行", "lǚ xíng"),
    ("他的背包很重。", "背包", "bēi bāo"),
    ("学生在背诵课文。", "背诵课文", "bèi sòng kè wén"),
    ("这是一只猫。", "一只", "yī zhī"),
    ("我只有一本书。", "只有", "zhǐ yǒu"),
    ("我们一起合作。", "合作", "hé zuò"),
    ("他们和平相处。", "和平相处", "hé píng xiāng chǔ"),
    ("这个句子的结构很复杂。", "结构", "jié gòu"),
    ("会议记录很重要。", "会议记录", "huì yì jì lù"),
    ("降落伞打开了。", "降落伞", "jiàng luò sǎn"),
    ("敌人投降了。", "投降", "tóu xiáng"),
    ("他的发言很精彩。", "发言", "fā yán"),
    ("国家正在发展。", "发展", "fā zhǎn"),
    ("公司召开股东大会。", "召开", "zhào kāi"),
    ("他担任总经理。", "担任", "dān rèn"),
    ("这副担子很重。", "担子", "dàn zi"),
]


def test_there_are_at_least_fifty_polyphonic_words() -> None:
    assert len(CASES) >= 50
    assert len({word for _, word, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("sentence", "word", "expected"), CASES, ids=[c[1] for c in CASES])
def test_a_polyphonic_word_is_read_as_in_its_sentence(
    sentence: str, word: str, expected: str
) -> None:
    pieces = readings.read_text(sentence)
    assert "".join(p.text for p in pieces) == sentence
    assert [p.reading for p in pieces if p.text == word] == [expected]


def test_the_same_character_reads_differently_in_two_words() -> None:
    pieces = readings.read_text("我去银行取钱，再去那里旅行。")
    found = {p.text: p.reading for p in pieces}
    assert found["银行"] == "yín háng" and found["旅行"] == "lǚ xíng"


def test_traditional_text_reads_as_its_simplified_form() -> None:
    # jieba's dictionary is simplified: 長大 alone would be two words (長 cháng, 大).
    pieces = readings.read_text("孩子們都長大了，銀行行長很重視。")
    found = {p.text: p.reading for p in pieces}
    assert found["長大"] == "zhǎng dà"
    assert found["銀行行長"] == "yín háng háng zhǎng"
    assert "".join(p.text for p in pieces) == "孩子們都長大了，銀行行長很重視。"


def test_numbers_zhuyin_and_jyutping() -> None:
    assert readings.reading("银行", NUMBERS) == "yin2 hang2"
    assert readings.reading("了解", NUMBERS) == "liao3 jie3"
    assert readings.reading("我们", NUMBERS) == "wo3 men5"  # 5: the neutral tone
    assert readings.reading("绿色", NUMBERS) == "lü4 se4"
    assert readings.reading("银行", ZHUYIN) == "ㄧㄣˊ ㄏㄤˊ"
    assert readings.reading("我们", ZHUYIN) == "ㄨㄛˇ ㄇㄣ˙"
    # Cantonese, from either script: 行 is hong4 in 銀行, 長 zoeng2 in 行長 and 長大.
    assert readings.reading("銀行行長", JYUTPING) == "ngan4 hong4 hong4 zoeng2"
    assert readings.reading("银行行长", JYUTPING) == "ngan4 hong4 hong4 zoeng2"
    assert (
        readings.reading("長大", JYUTPING) == readings.reading("长大", JYUTPING) == "zoeng2 daai6"
    )


def test_pieces_cover_the_text_and_text_without_han_reads_empty() -> None:
    text = "A股3月上涨2.5%，😀 好！"
    pieces = readings.read_text(text, NUMBERS)
    assert "".join(p.text for p in pieces) == text
    assert Piece("A股", "gu3") in pieces
    assert all(p.reading == "" for p in pieces if not readings.has_han(p.text))
    # Runs without Han characters are one piece each, between the words.
    assert [p.text for p in pieces if not p.reading] == ["3", "2.5%，😀 ", "！"]


def test_one_syllable_per_han_character_even_when_unknown() -> None:
    # 𠮷 (outside the BMP) is in neither library: it stands for itself, in every format.
    for fmt in readings.FORMATS:
        pieces = readings.read_text("𠮷野家很好吃", fmt)
        syllables = " ".join(p.reading for p in pieces).split()
        assert len(syllables) == len("𠮷野家很好吃")
        assert syllables[0] == "𠮷"


def test_char_readings_line_up_with_code_points() -> None:
    words = ["𠮷", "银行", "，", "A股"]
    assert readings.char_readings(words, MARKS) == ["𠮷", "yín", "háng", "", "", "gǔ"]


def test_empty_text_and_unknown_format() -> None:
    assert readings.read_text("") == []
    with pytest.raises(readings.UnknownFormat):
        readings.reading("银行", "ipa")


def test_cc_cedict_numbers_become_marks() -> None:
    assert readings.numbers_to_marks("yin2 hang2") == "yín háng"
    assert readings.numbers_to_marks("lu:4 se4") == "lǜ sè"
    assert readings.numbers_to_marks("Bei3 jing1") == "Běi jīng"
    assert readings.numbers_to_marks("yi1 hui4 r5") == "yī huì r"
    assert readings.numbers_to_marks("A A zhi4") == "A A zhì"


def test_the_reading_shown_follows_one_rule() -> None:
    # By default pinyin, and jyutping in the Hong Kong views; a choice wins everywhere.
    assert readings.shown_format("auto", None) == MARKS
    assert readings.shown_format("auto", "s2tw") == MARKS
    for config in ("s2hk", "s2hkp", "t2hk"):
        assert readings.shown_format("auto", config) == readings.JYUTPING
    assert readings.shown_format("zhuyin", "s2hk") == readings.ZHUYIN
    assert readings.shown_format("marks", "s2hk") == MARKS
    assert readings.shown_format("jyutping", None) == readings.JYUTPING
    assert readings.shown_format("something old", "s2hk") == readings.JYUTPING


def test_the_segmenter_process_reads_paragraphs_in_context() -> None:
    # What 拼音 mode asks the window's segmenter process: one reading per code point,
    # the words read as they are cut (traditional text through its simplified cut).
    import json

    from reader.core.segment_server import serve

    asked = [
        {"read": "银行行长长大了。", "format": "marks"},
        {"read": "孩子們長大了", "format": "marks"},
        {"read": "發展𠮷", "format": "jyutping"},
        {"read": "了解", "format": "zhuyin"},
        {"text": "银行行长"},
    ]
    answers: list[dict] = []
    serve([json.dumps(m) for m in asked], lambda line: answers.append(json.loads(line)))
    assert answers[0] == {"ready": True}
    by_text = {a.get("read"): a for a in answers[1:] if "read" in a}
    assert by_text["银行行长长大了。"]["readings"] == [
        "yín", "háng", "háng", "zhǎng", "zhǎng", "dà", "le", "",
    ]  # fmt: skip
    assert by_text["孩子們長大了"]["readings"][3:5] == ["zhǎng", "dà"]
    assert by_text["發展𠮷"]["readings"] == ["faat3", "zin2", "𠮷"]
    assert by_text["了解"]["readings"] == ["ㄌㄧㄠˇ", "ㄐㄧㄝˇ"]
    assert answers[-1] == {"text": "银行行长", "starts": [0]}  # word starts as before

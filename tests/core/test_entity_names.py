"""Names coloured in the text are names: not the tail of a longer one (南路 of 启明南路站),
not a word that is also a reporter's name (黄河), not a guess in traditional text (陶藝)."""

from __future__ import annotations

from reader.core import keywords


def found(text: str) -> list[tuple[str, str]]:
    return [(e.word, e.kind) for e in keywords.entities(text)]


def test_a_road_part_is_not_a_place() -> None:
    assert ("南路", "place") not in found("乘客在启明南路站下车后步行前往。")
    assert ("中山路", "place") in found("张建国在中山路调研。")


def test_a_reporters_name_that_is_a_word_stays_that_word_elsewhere() -> None:
    keywords.set_user_words(["黄河", "白云飞"])  # from bylines: 记者 黄河 摄
    try:
        assert found("黄河岸边的村庄迎来游客。") == [("黄河", "place")]
        assert ("白云飞", "person") in found("白云飞在洛阳采访。")
    finally:
        keywords.set_user_words([])


def test_traditional_words_are_not_guessed_as_people() -> None:
    assert not [w for w, k in found("他學習陶藝多年，作品在陶藝展中獲獎。") if k == "person"]
    people = {
        w for w, k in found("陶藝家李明的作品。記者王國華報導，陳建仁今天出席。") if k == "person"
    }
    assert people == {"李明", "王國華", "陳建仁"}

"""Keywords, tokens, named entities and highlight spans for Chinese news text.

Pure Python, no Qt. Segmentation lives in `reader.core.segment`; this module decides what
counts as a term and how terms are weighted.

Offsets everywhere are code points (Python string indices), never UTF-16 units.

IDF: articles are weighted with TF-IDF. A small library says little about how common a word
is, so below `MIN_LIBRARY_DOCS` articles the IDF bundled with jieba (a large general corpus)
is used alone. From there the library's own document frequencies are blended in, with a
weight that grows with the library and reaches 1 at `FULL_LIBRARY_DOCS` articles, so words
that are everywhere in *this* user's papers (疫情 in 2020) sink while the bundled IDF still
steadies rare-word estimates.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
import statistics
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.core import internals, paths, scripts, segment
from reader.core.segment import Token
from reader.core.titles import SURNAMES

__all__ = [
    "FULL_LIBRARY_DOCS",
    "MIN_LIBRARY_DOCS",
    "Entity",
    "IdfTable",
    "Reading",
    "Token",
    "entities",
    "find_occurrences",
    "identity",
    "is_candidate",
    "iter_entities",
    "keywords",
    "names_from_byline",
    "pieces",
    "set_user_words",
    "stopwords",
    "term_counts",
    "terms",
    "tokenize",
    "warm_up",
]

log = logging.getLogger(__name__)

MIN_LIBRARY_DOCS = 50
FULL_LIBRARY_DOCS = 500


@dataclass(frozen=True)
class Entity:
    """A person, place or organisation name and its code-point span."""

    start: int
    end: int
    word: str
    kind: str  # "person" | "place" | "org"


# -- segmentation -------------------------------------------------------------------------


def warm_up(*, entities: bool = True) -> None:
    """Load the segmenter, the bundled IDF and the stop words; call off the GUI thread.

    With `entities` (the default) jieba and its POS tagger load too (slow, and large);
    without, they load on the first `entities` call.
    """
    if entities:
        segment.warm_up()
    else:
        segment.segmenter().fast()
    IdfTable.default()
    stopwords()


def tokenize(text: str) -> list[Token]:
    """Tokens that cover `text` end to end, spaces and punctuation included."""
    return segment.tokenize(text)


def set_user_words(words: Iterable[str]) -> None:
    """Make `words` (the user's own plus reporters' names) segment as single words.

    Replaces the previous set. Words that look like a person's name (a known surname and
    two to four Han characters) are tagged as people for `entities`.
    """
    wanted: dict[str, str | None] = {}
    for word in words:
        tag = "nr" if _looks_like_name(word) else None
        # Text is segmented through its simplified view; the word as written serves the
        # window's word selection in the original.
        wanted[word] = tag
        wanted.setdefault(identity(word), tag)
    segment.set_user_words(wanted)


# -- names from bylines -------------------------------------------------------------------

_SURNAMES_1 = SURNAMES  # single-character surnames (reader.core.titles)
_SURNAMES_2 = {
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "夏侯",
    "长孙",
    "宇文",
    "司徒",
    "端木",
    "歐陽",
    "司馬",
    "諸葛",
    "長孫",
}
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_RE_NAME = re.compile(f"[{_HAN}]{{2,4}}")

# Roles and tags around names in bylines; longest first so 本报记者 wins over 记者.
_BYLINE_ROLES = sorted(
    {
        "本报讯",
        "本報訊",
        "本报记者",
        "本報記者",
        "特约记者",
        "特約記者",
        "见习记者",
        "見習記者",
        "实习记者",
        "實習記者",
        "首席记者",
        "首席記者",
        "记者",
        "記者",
        "通讯员",
        "通訊員",
        "实习生",
        "實習生",
        "特约通讯员",
        "特約通訊員",
        "摄影记者",
        "攝影記者",
        "摄影",
        "攝影",
        "责任编辑",
        "責任編輯",
        "编辑",
        "編輯",
        "校对",
        "校對",
        "撰文",
        "撰稿",
        "图文",
        "圖文",
        "文图",
        "文圖",
        "报道",
        "報導",
        "報道",
        "报导",
        "摄",
        "攝",
        "本报",
        "本報",
    },
    key=len,
    reverse=True,
)
_RE_ROLE_PREFIX = re.compile("^(?:" + "|".join(map(re.escape, _BYLINE_ROLES)) + ")+")
# Only photo credits trail a name (王小明摄); 文 or 图 could end a name.
_RE_ROLE_SUFFIX = re.compile("(?:摄影|攝影|摄|攝)$")
# A dateline such as 台北報導 / 新华社北京3月9日电 names a place, not a person.
_RE_DATELINE = re.compile("(?:报道|報導|報道|报导|电|電|讯|訊)$")
_RE_BYLINE_SPLIT = re.compile(r"[\s()（）\[\]【】〔〕「」『』<>《》/／|｜,，、;；:：·•.。_\-—~～]+")


def _looks_like_name(word: str) -> bool:
    if not _RE_NAME.fullmatch(word):
        return False
    if word[:2] in _SURNAMES_2:
        return 3 <= len(word) <= 4
    return word[0] in _SURNAMES_1 and len(word) <= 3


def names_from_byline(byline: str) -> list[str]:
    """People named in a byline, in order, without duplicates.

    ``本报记者 白云飞 通讯员 刘慧超 程程亮`` → 白云飞, 刘慧超, 程程亮;
    ``【記者王小明／台北報導】`` → 王小明. Datelines and roles are dropped; a chunk counts
    as a name only if it starts with a known surname and is two to four characters long.
    """
    names: list[str] = []
    for chunk in _RE_BYLINE_SPLIT.split(byline):
        rest = _RE_ROLE_PREFIX.sub("", chunk)
        if not rest or _RE_DATELINE.search(rest):
            continue  # a role alone, or a dateline (台北報導)
        rest = _RE_ROLE_SUFFIX.sub("", rest)
        if _looks_like_name(rest) and rest not in names:
            names.append(rest)
    return names


# -- candidate terms ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stop-word list shipped in resources/stopwords.txt (comments start with #)."""
    text = paths.resource("stopwords.txt").read_text(encoding="utf-8")
    words = (line.strip() for line in text.splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


_RE_HAS_HAN = re.compile(f"[{_HAN}]")
# Upper-case acronyms (GDP, 5G, WHO) are kept; other Latin-only tokens are junk here.
_RE_ACRONYM = re.compile(r"(?=[0-9]*[A-Z])[A-Z0-9]{2,6}")
# Numerals and counts, written as the simplified view reads them (萬 is 万 there).
_NUMERALS = (
    "0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
    ".．%％几数"
)
# A numeral followed by one of these is still a number: 三年, 一个, 四级, 49.9万, 728个.
_MEASURES = (
    "年月日号时分秒个只名人次位元角岁届级期倍条项家户村座所批种类股成吨亩米度型轮场台辆部"
    "张件篇页章节起例处栋间对双天周点斤克升块份首支枝根层楼宗盒瓶箱包袋杯碗枚颗粒架艘幢"
)
_MEASURES_2 = "小时|分钟|公里|公斤|个月|平方米|平方公里|万元|亿元|余年|多年"
# 三到五个, 十余人, 数十万, 第三: a number, a range or an estimate, then at most a measure.
_RE_NUMERIC = re.compile(
    f"第?[{_NUMERALS}]+(?:[到至多余来或][{_NUMERALS}]*)?(?:{_MEASURES_2}|[{_MEASURES}])?"
)


def is_candidate(word: str) -> bool:
    """Whether a token may be a keyword: two or more characters, not filler, not a number.

    ``word`` is as the simplified view reads it (see :class:`Reading`)."""
    if len(word) < 2 or word in stopwords():
        return False
    if not _RE_HAS_HAN.search(word):
        return bool(_RE_ACRONYM.fullmatch(word))
    return not _RE_NUMERIC.fullmatch(word)


# A huge article (a 20 MB page of one line) is cut into pieces of about this many characters
# and analysed piece by piece: memory stays that of one piece
# (tests/robustness/test_resource_bounds.py).
PIECE_CHARS = 1 << 16
# Where a piece may end: the segmenter starts a new block after any of these anyway, so
# the words found are those of the whole text.
_UP_TO_LAST_BREAK = re.compile(r".*[\n。！？；，、\s]", re.DOTALL)


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) tiling ``text``, each ending after a line or sentence break when
    there is one in its last half (else cut at ``size``)."""
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n and (m := _UP_TO_LAST_BREAK.match(text, start + size // 2, end)):
            end = m.end()
        yield start, text[start:end]
        start = end


@dataclass
class TermCounts:
    """How often each candidate term occurs in a text, and where it first does."""

    counts: Counter[str] = field(default_factory=Counter)
    first: dict[str, int] = field(default_factory=dict)  # term → its first ordinal
    total: int = 0  # candidate words in all


def term_counts(text: str | Reading) -> TermCounts:
    """The candidate terms of ``text`` (identities), read piece by piece."""
    found = TermCounts()
    for _, reading in readings(text):
        for word in reading.candidates():
            found.counts[word] += 1
            found.first.setdefault(word, found.total)
            found.total += 1
    return found


# -- reading a text through its simplified view ------------------------------------------


def simplified_view(text: str) -> scripts.Conversion:
    """``text`` as jieba's (simplified) dictionary can read it, with the map back.

    A simplified text is its own view; traditional and mixed text goes through t2s, whose
    offset map takes every token back to the words of the original.
    """
    if scripts.detect_script(text) == scripts.SIMPLIFIED:
        return scripts.identity(text)
    return scripts.convert_mapped(text, "t2s")


def identity(word: str) -> str:
    """The one form of a word in every script (发展 for 發展 and 发展): its simplified
    form, as keywords, the library's IDF and the user dictionary know it."""
    return simplified_view(word).text


class Reading:
    """A text segmented once through its simplified view.

    ``tokens`` are the view's, in view offsets, and cover it end to end; ``original``
    maps a view span back to the text. Every keyword, term and entity of a text comes
    from one reading, so the keyword panel and its highlights cannot disagree.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.view = simplified_view(text)
        self.tokens = segment.tokenize(self.view.text)
        self._words: list[str] | None = None

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the text behind the view's ``start..end``."""
        if self.view.text is self.text:
            return start, end
        return self.view.to_original(start, end)

    def candidates(self) -> list[str]:
        """The tokens that may be keywords, in text order (repeats kept, for counting)."""
        if self._words is None:
            words = [t.word for t in self.tokens if is_candidate(t.word)]
            whole = self._whole_words(set(words))
            self._words = [w for w in words if w in whole]
        return self._words

    def terms(self) -> set[str]:
        return set(self.candidates())

    def spans(self, words: Iterable[str]) -> list[tuple[int, int, str]]:
        """Where ``words`` (identities) are tokens, as spans of the original text."""
        wanted = set(words)
        out = []
        for t in self.tokens:
            if t.word in wanted:
                start, end = self.original(t.start, t.end)
                out.append((start, end, t.word))
        return out

    def surface(self, word: str) -> str:
        """``word`` as the original text writes it (its first occurrence)."""
        for t in self.tokens:
            if t.word == word:
                start, end = self.original(t.start, t.end)
                return self.text[start:end]
        return word

    def _whole_words(self, words: set[str]) -> set[str]:
        """The words that are words of the text where they occur.

        An occurrence is whole tokens (starts and ends on a token boundary) or lies inside
        one longer token (自行车 in 自行车道); one crossing a boundary shows a word cut out
        of others. A dictionary word is kept when at most a quarter of its occurrences
        cross (脱贫 ×50 stays a word though 摆脱贫困 is 摆脱/贫困); a word the dictionaries
        do not know is the segmenter's guess, kept only when it recurs, never crosses, and
        does not start with a suffix or end with a particle (化率 from 数控化率, 季将 from
        台风季将至 are not).
        """
        bounds = [t.start for t in self.tokens]
        starts, ends = set(bounds), {t.end for t in self.tokens}
        text = self.view.text
        known = segment.segmenter().is_word
        counts = Counter(t.word for t in self.tokens)
        whole = set()
        for word in words:
            dictionary = known(word) or not _RE_HAS_HAN.search(word)  # GDP, 5G
            if not dictionary and not _plausible_guess(word, counts[word]):
                continue
            crossing = total = 0
            at = text.find(word)
            while at != -1:
                end = at + len(word)
                inside = bisect.bisect_right(bounds, at) == bisect.bisect_left(bounds, end)
                total += 1
                crossing += not inside and (at not in starts or end not in ends)
                at = text.find(word, at + 1)
            if crossing == 0 or (dictionary and crossing * 4 <= total):
                whole.add(word)
        return whole


# Characters a guessed word should not start with (suffixes: 化率, 署吁) or end with
# (particles and verbs of reporting: 季将, 上云用, 有三到).
_SUFFIX_CHARS = frozenset("化性率者们式型度级员界局署站类量吗呢吧啊")
_PARTICLE_CHARS = frozenset("的了着将在是有和与及把被对向从为等吁称说用到也都就又还")


def _plausible_guess(word: str, count: int) -> bool:
    return count >= 2 and word[0] not in _SUFFIX_CHARS and word[-1] not in _PARTICLE_CHARS


def readings(text: str | Reading) -> Iterator[tuple[int, Reading]]:
    """(offset, reading) of each piece of ``text``: an article is one piece, a huge one
    is read piece by piece so that memory stays that of one piece (which words are whole
    words of the text is then judged within each piece)."""
    if isinstance(text, Reading):
        yield 0, text
        return
    for offset, piece in pieces(text):
        yield offset, Reading(piece)


def terms(text: str) -> set[str]:
    """The distinct candidate terms of a document (the store counts these for IDF)."""
    return set(term_counts(text).counts)


# -- IDF ----------------------------------------------------------------------------------


class IdfTable:
    """Inverse document frequency per word."""

    _default: IdfTable | None = None
    _default_lock = threading.Lock()

    def __init__(self, table: Mapping[str, float], unknown: float) -> None:
        self._table = table
        self._unknown = unknown

    def idf(self, word: str) -> float:
        return self._table.get(word, self._unknown)

    @property
    def unknown(self) -> float:
        """The IDF given to words the table has never seen."""
        return self._unknown

    @classmethod
    def default(cls) -> IdfTable:
        """jieba's bundled IDF; words it lacks get its median, as jieba.analyse does."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    source = internals.jieba_folder() / "analyse" / "idf.txt"
                    table, median = segment.cached_pickle(
                        "jieba-idf", source, lambda: _read_idf(source)
                    )
                    cls._default = IdfTable(table, median)
        return cls._default

    @classmethod
    def from_document_frequencies(cls, df: Mapping[str, int], n_docs: int) -> IdfTable:
        """IDF from the library: `df` maps a term to the number of articles holding it.

        Fewer than `MIN_LIBRARY_DOCS` articles: the bundled IDF alone. Otherwise a blend
        whose library share is n_docs / `FULL_LIBRARY_DOCS` (at most 1).
        """
        base = cls.default()
        if n_docs < MIN_LIBRARY_DOCS:
            return base
        share = min(1.0, n_docs / FULL_LIBRARY_DOCS)
        return _BlendedIdf(base, dict(df), n_docs, share)


class _BlendedIdf(IdfTable):
    def __init__(self, base: IdfTable, df: dict[str, int], n_docs: int, share: float) -> None:
        super().__init__({}, base.unknown)
        self._base = base
        self._df = df
        self._n = n_docs
        self._share = share
        # Library IDF is put on the bundled table's scale before blending:
        # log((n+1)/(df+1)) runs from 0 to log(n+1); the bundled one from 0 to ~14.
        self._scale = _BUNDLED_MAX / math.log(n_docs + 1)

    def idf(self, word: str) -> float:
        df = min(self._df.get(word, 0), self._n)
        library = math.log((self._n + 1) / (df + 1)) * self._scale
        return self._share * library + (1.0 - self._share) * self._base.idf(word)


_BUNDLED_MAX = 14.0  # a touch above jieba's largest IDF (13.9)


def _read_idf(source: Path) -> tuple[dict[str, float], float]:
    table: dict[str, float] = {}
    with source.open(encoding="utf-8") as f:
        for line in f:
            word, _, value = line.strip().partition(" ")
            if word and value:
                table[word] = float(value)
    return table, statistics.median(table.values())


# -- keywords -----------------------------------------------------------------------------


def keywords(
    text: str | Reading | TermCounts, top: int = 10, idf: IdfTable | None = None
) -> list[tuple[str, float]]:
    """The `top` terms of `text` (or of its counts) by TF-IDF, best first, weights summing
    over tf = count/n.

    Words are identities (simplified: 自行车 for 自行車). Ties go to the term that appears
    first, so the result is stable.
    """
    found = text if isinstance(text, TermCounts) else term_counts(text)
    if not found.total or top <= 0:
        return []
    table = idf or IdfTable.default()
    n = found.total
    scored = [(w, c / n * table.idf(w)) for w, c in found.counts.items()]
    scored.sort(key=lambda item: (-item[1], found.first[item[0]]))
    return scored[:top]


# -- entities -----------------------------------------------------------------------------

_KINDS = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "org"}


def entities(text: str | Reading) -> list[Entity]:
    """People, places and organisations, from jieba.posseg's nr/ns/nt tags.

    jieba's dictionary tags many plain words as names (康复 nr, 大力支持 nr), so a person
    must also look like a Chinese name (known surname, two or three characters); two-
    character dictionary "names" are dropped (real ones are mostly found by the HMM or
    added as user words). A "name" ending in 村/区/庄... is a place. Slow (~6× plain
    cutting): run it in the background and store the result.
    """
    return list(iter_entities(text))


def iter_entities(text: str | Reading) -> Iterator[Entity]:
    """:func:`entities` one at a time, the text segmented piece by piece."""
    for offset, reading in readings(text):
        for start, end, word, kind in _entities(reading):
            yield Entity(start + offset, end + offset, word, kind)


def _entities(reading: Reading) -> Iterator[tuple[int, int, str, str]]:
    """Names tagged in the reading's simplified view, as spans and words of its text."""
    stop = stopwords()
    seg = segment.segmenter()
    for word, flag, view_start, view_end in segment.tag(reading.view.text):
        kind = _KINDS.get(flag)
        if kind is None or len(word) < 2 or word in stop or not _RE_HAS_HAN.search(word):
            continue
        if kind == "person" and seg.user_tag(word) is None and flag != "nrfg":
            if word[-1] in _PLACE_SUFFIXES:
                kind = "place"  # 马营村, 高新区
            elif not _looks_like_name(word) or (len(word) == 2 and seg.in_dictionary(word)):
                continue
        if kind == "person" and seg.user_tag(word) is None:
            if not _still_a_name_in_simplified(word):
                continue  # 陶藝家: jieba guessed a name in traditional text
        elif kind == "person" and flag == "nr" and seg.user_tag(word) == "nr":
            # A reporter's name from a byline that is also a word (记者 黄河 摄): the
            # word keeps the dictionary's own kind elsewhere (黄河, the river).
            kind = _KINDS.get(seg.pos().word_tag_tab.get(word, "nr"), "")
            if not kind:
                continue
        if kind == "place" and _ROAD_PART.fullmatch(word):
            continue  # 南路 of 启明南路站: a part of a longer name, not a place
        start, end = reading.original(view_start, view_end)
        yield start, end, reading.text[start:end], kind


# A direction and a road, street or station word alone (南路, 东街) is the tail of a name.
_ROAD_PART = re.compile("[东南西北中内外上下前后][路街道巷桥站门口]")


def _still_a_name_in_simplified(word: str) -> bool:
    """A guessed name with traditional characters is one if its simplified form is tagged
    as one too (jieba's dictionary is simplified: 陶藝 is unknown, 陶艺 a word)."""
    simplified = scripts.convert(word, "t2s")
    if simplified == word:
        return True
    tags = list(segment.tag(simplified))
    return len(tags) == 1 and tags[0][1] in _KINDS and _KINDS[tags[0][1]] == "person"


_PLACE_SUFFIXES = frozenset("省市县区乡镇村街路庄屯寨港湾岛州")


# -- highlights ---------------------------------------------------------------------------


def find_occurrences(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, word) spans of `words` in `text`, in text order.

    Longer words win: 脱贫攻坚 is one span even when 脱贫 and 攻坚 are also wanted. Among
    equally long words, the earlier span wins.
    """
    candidates: list[tuple[int, int, str]] = []
    for word in {w for w in words if w}:
        at = text.find(word)
        while at != -1:
            candidates.append((-len(word), at, word))
            at = text.find(word, at + 1)
    candidates.sort()
    starts: list[int] = []
    spans: list[tuple[int, int, str]] = []  # kept sorted by start
    for negative_size, at, word in candidates:
        end = at - negative_size
        i = bisect.bisect_right(starts, at)
        if (i == 0 or spans[i - 1][1] <= at) and (i == len(spans) or spans[i][0] >= end):
            starts.insert(i, at)
            spans.insert(i, (at, end, word))
    return spans

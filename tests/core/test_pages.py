"""Splitting a newspaper page into articles: the seed page, then one test per rule."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.pages import SPLITTER_VERSION, Article, classify, is_furniture, split_page


def _paras(a: Article) -> list[str]:
    return a.body.split("\n")


def _everything(articles: list[Article]) -> str:
    """All text a reader can see, in any field."""
    parts: list[str] = []
    for a in articles:
        parts += [a.title, a.subtitle, a.byline, a.section, a.body, *a.captions]
    return "\n".join(parts)


def _page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


# --- the seed page -------------------------------------------------------------------------


def test_seed_gives_exactly_five_articles_in_page_order(seed_text: str) -> None:
    arts = split_page(seed_text)
    assert [a.title for a in arts] == [
        "决战决胜看今朝",
        "狠抓落实严防输入 确保全市疫情不反弹",
        "",
        "送岗下乡促就业",
        "",
    ]
    assert [a.kind for a in arts] == ["article", "article", "brief", "photo", "article"]


def test_seed_feature_story(seed_text: str) -> None:
    a = split_page(seed_text)[0]
    # The subtitle is stored without its leading dashes (the view may draw them).
    assert a.subtitle == "我市决战决胜脱贫攻坚综述"
    assert a.byline == "本报记者 白云飞 通讯员 刘慧超 程程亮"
    assert a.captions == [
        "栾川县秋扒乡易地扶贫搬迁社区的扶贫产业园(资料图片)",
        "洛宁县赵村镇马营村服装扶贫车间 记者 高山岳 摄",
        "三合“手绘小镇”的写生大军(资料图片)",
    ]
    paras = _paras(a)
    assert paras[0] == "核心提示"
    assert paras[1].startswith("2020年,注定会在河洛大地")
    for subhead in (
        "1 攻城拔寨,取得决定性胜利",
        "2 聚焦精准,强化举措握指成拳",
        "3 破解难题,坚决克服疫情影响",
        "4 决战决胜,奋力交出合格答卷",
    ):
        assert subhead in paras  # its own paragraph, inside this article
    assert paras.index("1 攻城拔寨,取得决定性胜利") < paras.index("4 决战决胜,奋力交出合格答卷")
    assert "一线指挥调度;各级各部门党委(党组)层层压实政治责任" in a.body
    assert "来料加工、光伏扶贫等快速发展" in a.body
    assert paras[-1].endswith("向党和人民交上一份合格答卷!")
    assert "本报记者" not in a.body and "资料图片" not in a.body and "摄" not in a.body
    assert len(paras) == 34
    assert (a.section, a.continued_from, a.continues_to) == ("", "", "")


def test_seed_interleaved_news_story(seed_text: str) -> None:
    a = split_page(seed_text)[1]
    assert a.byline == "本报讯(记者 孙小蕊)"
    assert a.body.startswith("9日,部分市领导分赴所分包区域督导检查")
    assert _paras(a)[-1] == "副市长胡加彬到高新区集中隔离观察点等进行检查督导。"
    assert len(_paras(a)) == 4
    assert a.subtitle == "" and a.captions == []


def test_seed_brief_under_section_label(seed_text: str) -> None:
    a = split_page(seed_text)[2]
    assert (a.title, a.section, a.byline, a.kind) == ("", "政务要闻", "白云飞", "brief")
    assert a.body.startswith("昨日,我市召开森林防火工作电视电话会议")
    assert a.body.endswith("副市长王军参加会议。")


def test_seed_photo_item(seed_text: str) -> None:
    a = split_page(seed_text)[3]
    assert a.kind == "photo"
    assert a.title == "送岗下乡促就业"
    assert a.byline == "记者 梅占国 通讯员 李峰 摄"
    assert a.body.startswith("近日,洛宁县“招工大篷车")
    assert a.body.endswith("帮助农村劳动力就业。")


def test_seed_continuation_from_front_page(seed_text: str) -> None:
    a = split_page(seed_text)[4]
    assert (a.title, a.continued_from, a.kind) == ("", "01版", "article")
    assert a.body.startswith("在院办办公楼外广场,习近平接见了")
    assert "见到总书记来了,在家隔离居住的居民纷纷" in a.body
    assert "深入开展流行病学调查工作。" in a.body
    assert "但不会影响经济稳中向好、长期向好的基本面" in a.body
    assert "习近平主持召开会议,听取中央指导组" in a.body
    assert len(_paras(a)) == 12
    assert a.body.endswith("在大考中交出合格答卷。")


def test_seed_loses_no_text(seed_text: str) -> None:
    seen = Counter(_han(_everything(split_page(seed_text))))
    want = Counter(_han(seed_text.replace("上接01版", "")))
    assert not want - seen


def test_splitter_version_is_an_int() -> None:
    assert isinstance(SPLITTER_VERSION, int) and SPLITTER_VERSION >= 1


# --- headlines, subtitles, kickers ---------------------------------------------------------

BODY1 = "昨日上午，市政府召开常务会议，研究部署春季农业生产工作。会议强调，要抓好种子化肥供应。"
BODY2 = "会议还研究了其他事项，要求各部门密切配合，确保各项工作落到实处。"
TRAD1 = "行政院昨天召開會議，討論今年的防疫預算與紓困方案，各部會首長均出席。"
TRAD2 = "院長表示，政府將持續關注疫情發展，適時調整各項措施，保障民眾健康。"


def test_headline_and_body() -> None:
    arts = split_page(_page("春季农业生产全面铺开", BODY1, BODY2))
    assert len(arts) == 1
    assert arts[0].title == "春季农业生产全面铺开"
    assert _paras(arts[0]) == [BODY1, BODY2]


def test_two_headlined_articles_in_traditional() -> None:
    arts = split_page(_page("行政院討論防疫預算", TRAD1, "市府推動老屋新生", TRAD2))
    assert [a.title for a in arts] == ["行政院討論防疫預算", "市府推動老屋新生"]
    assert [a.body for a in arts] == [TRAD1, TRAD2]


def test_subtitle_dashes_are_dropped() -> None:
    arts = split_page(_page("春季农业生产全面铺开", "——我市春耕备耕工作扫描", BODY1))
    assert arts[0].subtitle == "我市春耕备耕工作扫描"
    assert arts[0].body == BODY1


def test_kicker_above_headline_goes_first_in_subtitle() -> None:
    text = _page("抢抓农时不误春", "全市春耕面积突破百万亩", "——来自田间地头的报道", BODY1)
    (a,) = split_page(text)
    assert a.title == "全市春耕面积突破百万亩"
    assert a.subtitle == "抢抓农时不误春\n来自田间地头的报道"
    assert a.body == BODY1


# --- bylines and datelines -----------------------------------------------------------------


def test_benbaoxun_dateline_becomes_byline() -> None:
    (a,) = split_page(_page("春耕忙", "本报讯（记者 张明）" + BODY1))
    assert a.byline == "本报讯（记者 张明）"
    assert a.body == BODY1


def test_beijing_dateline_becomes_byline() -> None:
    (a,) = split_page(_page("春耕忙", "本报北京3月10日电 （记者 王浩）" + BODY1))
    assert a.byline == "本报北京3月10日电 （记者 王浩）"
    assert a.body == BODY1


def test_xinhua_dateline_becomes_byline() -> None:
    (a,) = split_page(_page("春耕忙", "新华社北京3月10日电（记者 王浩 李明）" + BODY1))
    assert a.byline == "新华社北京3月10日电（记者 王浩 李明）"


def test_taiwan_bracket_dateline_becomes_byline() -> None:
    (a,) = split_page(_page("防疫預算出爐", "【記者王小明／台北報導】" + TRAD1))
    assert a.byline == "【記者王小明／台北報導】"
    assert a.body == TRAD1


def test_cna_dateline_becomes_byline() -> None:
    (a,) = split_page(_page("防疫預算出爐", "（中央社記者陳怡君台北19日電）" + TRAD1))
    assert a.byline == "（中央社記者陳怡君台北19日電）"
    assert a.body == TRAD1


def test_reporter_line_at_end_of_last_paragraph_is_split_off() -> None:
    (a,) = split_page(_page("春耕忙", BODY1, BODY2 + "本报记者 张明 通讯员 李华 王刚"))
    assert a.byline == "本报记者 张明 通讯员 李华 王刚"
    assert _paras(a) == [BODY1, BODY2]


def test_reporter_name_in_parentheses_at_end_is_byline() -> None:
    (a,) = split_page(_page("春耕忙", BODY1 + "(王芳)"))
    assert (a.byline, a.body) == ("王芳", BODY1)
    (b,) = split_page(_page("防疫預算出爐", TRAD1 + "（記者李志明）"))
    assert (b.byline, b.body) == ("記者李志明", TRAD1)


def test_parentheses_inside_a_sentence_are_not_a_byline() -> None:
    text = "深化“党建引领、服务进村(社区)”工作，要求各地务必落实到位(社区)"
    (a,) = split_page(_page("基层治理", text))
    assert a.byline == ""
    assert a.body == text


def test_standalone_byline_line_under_headline() -> None:
    (a,) = split_page(_page("春耕忙", "本报记者 张明 通讯员 李华", BODY1))
    assert a.byline == "本报记者 张明 通讯员 李华"
    assert a.body == BODY1


# --- captions and photos -------------------------------------------------------------------


def test_captions_inside_an_article_belong_to_it() -> None:
    text = _page(
        "春耕忙",
        BODY1,
        "农民在田间插秧(资料图片)",
        "播种机在麦田作业 记者 高山 摄",
        "图为农技人员在大棚里指导种植",
        BODY2,
    )
    (a,) = split_page(text)
    assert a.captions == [
        "农民在田间插秧(资料图片)",
        "播种机在麦田作业 记者 高山 摄",
        "图为农技人员在大棚里指导种植",
    ]
    assert _paras(a) == [BODY1, BODY2]


def test_traditional_caption_with_credit() -> None:
    text = _page("市府推動老屋新生", TRAD1, "青年藝術家在老屋內創作。（記者王小明攝）", TRAD2)
    (a,) = split_page(text)
    assert a.captions == ["青年藝術家在老屋內創作。（記者王小明攝）"]
    assert _paras(a) == [TRAD1, TRAD2]


def test_credit_line_completes_the_caption_above_it() -> None:
    (a,) = split_page(_page("春耕忙", BODY1, "农民在田间插秧", "记者 高山 摄", BODY2))
    # "农民在田间插秧" alone looks like a headline; the credit after it makes it a caption.
    assert a.captions == ["农民在田间插秧 记者 高山 摄"]
    assert _paras(a) == [BODY1, BODY2]


def test_standalone_photo_item() -> None:
    text = _page(
        "春耕忙", BODY1, "樱花盛开引客来", "近日，市植物园内的樱花竞相开放。", "记者 黄河 摄"
    )
    arts = split_page(text)
    assert [a.kind for a in arts] == ["article", "photo"]
    photo = arts[1]
    assert (photo.title, photo.body, photo.byline) == (
        "樱花盛开引客来",
        "近日，市植物园内的樱花竞相开放。",
        "记者 黄河 摄",
    )


def test_prose_ending_in_she_is_not_a_caption() -> None:
    assert classify("他说这些照片都是在这里拍摄") != "caption"
    assert classify("洛宁县赵村镇马营村服装扶贫车间 记者 高山岳 摄") == "caption"


# --- section labels and briefs -------------------------------------------------------------


def test_section_label_heads_an_untitled_brief() -> None:
    arts = split_page(_page("春耕忙", BODY1, "社会民生", BODY2 + "(王芳)"))
    brief = arts[1]
    assert (brief.title, brief.section, brief.kind, brief.byline) == (
        "",
        "社会民生",
        "brief",
        "王芳",
    )
    assert brief.body == BODY2


def test_traditional_section_label() -> None:
    arts = split_page(_page("藝文短波", TRAD1 + "（記者李志明）"))
    assert [(a.title, a.section, a.kind) for a in arts] == [("", "藝文短波", "brief")]


def test_section_label_over_a_headline_sets_the_section() -> None:
    (a,) = split_page(_page("政务要闻", "春耕忙", BODY1))
    assert (a.title, a.section, a.kind) == ("春耕忙", "政务要闻", "article")


# --- continuation markers ------------------------------------------------------------------


def test_continued_from_marker_line() -> None:
    arts = split_page(_page("春耕忙", BODY1, "(上接01版)", BODY2))
    assert arts[1].continued_from == "01版"
    assert (arts[1].title, arts[1].body, arts[1].kind) == ("", BODY2, "article")


def test_continued_from_full_width_and_di_variants() -> None:
    (a,) = split_page(_page("（上接第1版）", BODY1))
    assert a.continued_from == "1版"
    (b,) = split_page(_page("（接第A2版）" + TRAD1))
    assert (b.continued_from, b.body) == ("A2版", TRAD1)


def test_continues_to_marker_inline_and_alone() -> None:
    (a,) = split_page(_page("春耕忙", BODY1 + "(下转02版)"))
    assert (a.continues_to, a.body) == ("02版", BODY1)
    (b,) = split_page(_page("防疫預算出爐", TRAD1, "（轉A3版）"))
    assert (b.continues_to, b.body) == ("A3版", TRAD1)


def test_headline_repeated_after_continued_marker() -> None:
    (a,) = split_page(_page("(上接01版)", "春耕忙", BODY1))
    assert (a.title, a.continued_from, a.body) == ("春耕忙", "01版", BODY1)


# --- page furniture ------------------------------------------------------------------------


def test_furniture_lines_are_in_no_article() -> None:
    furniture = [
        "2020年3月11日 星期三 第3版",
        "本版责编：刘洋　版式设计：周丽　校对：孙强",
        "责任编辑：赵明",
        "校对：孙立",
        "版式设计：刘洋",
        "中華民國110年5月20日 星期四",
    ]
    arts = split_page(_page(furniture[0], "春耕忙", BODY1, *furniture[1:]))
    assert len(arts) == 1
    seen = _everything(arts)
    for name in ("刘洋", "周丽", "孙强", "赵明", "孙立", "星期"):
        assert name not in seen
    assert all(is_furniture(f) for f in furniture)


def test_editor_note_closing_a_paragraph_is_furniture() -> None:
    (a,) = split_page(_page("防疫預算出爐", TRAD1 + "（編輯：張三）"))
    assert a.body == TRAD1 and "張三" not in _everything([a])


def test_body_sentences_with_dates_are_not_furniture() -> None:
    line = "2020年3月11日星期三上午，市长到第3版块区域检查工作，要求抓好落实。"
    assert not is_furniture(line)


# --- structure inside an article -----------------------------------------------------------


def test_lead_and_numbered_subheads_stay_in_the_body() -> None:
    text = _page(
        "春耕忙",
        "核心提示",
        BODY1,
        "1 抢抓农时，确保播种",
        BODY2,
        "二、强化服务保障",
        "（三）压实工作责任",
        TRAD1,
    )
    (a,) = split_page(text)
    assert _paras(a) == [
        "核心提示",
        BODY1,
        "1 抢抓农时，确保播种",
        BODY2,
        "二、强化服务保障",
        "（三）压实工作责任",
        TRAD1,
    ]


def test_unnumbered_lead_label_in_traditional() -> None:
    (a,) = split_page(_page("防疫預算出爐", "編者按", TRAD1))
    assert _paras(a) == ["編者按", TRAD1]


# --- interleaved layout --------------------------------------------------------------------


def test_interleaved_headline_gets_the_body_that_opens_with_a_lead() -> None:
    text = _page(
        "乡村振兴绘新篇",
        "——我市乡村振兴工作综述",
        "春耕忙",
        "本报讯（记者 张明）" + BODY1,
        "核心提示",
        BODY2,
    )
    arts = split_page(text)
    assert [a.title for a in arts] == ["乡村振兴绘新篇", "春耕忙"]
    assert arts[0].subtitle == "我市乡村振兴工作综述"
    assert _paras(arts[0]) == ["核心提示", BODY2]
    assert (arts[1].byline, arts[1].body) == ("本报讯（记者 张明）", BODY1)


def test_interleaved_headline_gets_body_after_a_closed_article() -> None:
    text = _page(
        "乡村振兴绘新篇",
        "——我市乡村振兴工作综述",
        "春耕忙",
        BODY1 + "（张明）",
        BODY2,
    )
    arts = split_page(text)
    assert [(a.title, a.body) for a in arts] == [("乡村振兴绘新篇", BODY2), ("春耕忙", BODY1)]


def test_pending_headline_without_body_is_not_lost_nor_empty() -> None:
    text = _page("乡村振兴绘新篇", "——我市乡村振兴工作综述", "春耕忙", BODY1)
    arts = split_page(text)
    assert all(a.body for a in arts)
    seen = _everything(arts)
    assert "乡村振兴绘新篇" in seen and "我市乡村振兴工作综述" in seen
    assert [a.title for a in arts] == ["春耕忙"]


def test_lone_headline_is_not_an_empty_article() -> None:
    arts = split_page("春耕忙\n")
    assert [(a.title, a.body) for a in arts] == [("", "春耕忙")]


# --- paragraph repair ----------------------------------------------------------------------


def test_cut_chinese_paragraph_is_joined_without_space() -> None:
    text = _page(
        "春耕忙",
        "击鼓催征、战旗猎猎。全市市、乡、村四级书记挂帅出征，一线指挥调度；各级",
        "各部门党委层层压实责任。",
    )
    (a,) = split_page(text)
    assert a.body == (
        "击鼓催征、战旗猎猎。全市市、乡、村四级书记挂帅"
        "出征，一线指挥调度；各级各部门党委层层压实责任。"
    )


def test_cut_paragraph_after_enumeration_comma_is_joined() -> None:
    text = _page("春耕忙", "沟域经济、富硒农业、电商扶贫、来料加工、", "光伏扶贫等快速发展。")
    (a,) = split_page(text)
    assert a.body == "沟域经济、富硒农业、电商扶贫、来料加工、光伏扶贫等快速发展。"


def test_cut_between_latin_words_keeps_one_space() -> None:
    text = _page(
        "新品发布",
        "我市58家企业参展。其中，滨江智能科技公司展出的新一代 Smart",
        "Home 系列产品吸引了众多采购商。",
    )
    (a,) = split_page(text)
    assert a.body == (
        "我市58家企业参展。其中，滨江智能科技公司展出的新一代 Smart Home 系列产品吸引了众多采购商。"
    )


def test_short_fragment_after_cut_paragraph_is_not_a_headline() -> None:
    text = _page(
        "就业",
        "他去年从外地返乡，通过社区推送的招聘信息，很快找到了这份月薪五千元的",
        "工作。",
        BODY2,
    )
    (a,) = split_page(text)
    assert _paras(a) == [
        "他去年从外地返乡，通过社区推送的招聘信息，很快找到了这份月薪五千元的工作。",
        BODY2,
    ]


def test_cut_traditional_paragraph_is_joined() -> None:
    text = _page(
        "老屋新生", "文化局長昨天表示，希望透過藝術能量，讓大稻埕的老街區重新找回", "往日的繁華。"
    )
    assert (
        split_page(text)[0].body
        == "文化局長昨天表示，希望透過藝術能量，讓大稻埕的老街區重新找回往日的繁華。"
    )


def test_headline_and_numbered_subhead_are_not_joined_into_a_paragraph() -> None:
    text = _page("春耕忙", "全市已经完成春耕面积十八万亩，", "1 抢抓农时", BODY2)
    (a,) = split_page(text)
    assert _paras(a) == ["全市已经完成春耕面积十八万亩，", "1 抢抓农时", BODY2]
    arts = split_page(_page("春耕忙", BODY1, "夏粮丰收在望", BODY2))
    assert [a.title for a in arts] == ["春耕忙", "夏粮丰收在望"]


def test_complete_paragraphs_are_not_joined() -> None:
    (a,) = split_page(_page("春耕忙", BODY1, "“和做梦一样！”", BODY2))
    assert _paras(a) == [BODY1, "“和做梦一样！”", BODY2]


# --- property: nothing a reader wrote is lost ----------------------------------------------

_HAN_OR_WORD = re.compile(r"[\w]", re.UNICODE)
_MARKER = re.compile(r"[（(][^（()）]{0,12}[版頁页面][)）]")


def _han(text: str) -> list[str]:
    return _HAN_OR_WORD.findall(text)


_PIECES = st.sampled_from(
    [
        "春耕忙",
        "行政院討論防疫預算",
        "——我市春耕备耕工作扫描",
        "核心提示",
        "1 抢抓农时",
        "社会民生",
        "藝文短波",
        "本报记者 张明 通讯员 李华",
        "(上接01版)",
        "（下轉A3版）",
        "记者 高山 摄",
        "农民在田间插秧(资料图片)",
        "本版责编：刘洋",
        "2020年3月11日 星期三 第3版",
        "本报讯（记者 张明）" + BODY1,
        "【記者王小明／台北報導】" + TRAD1,
        BODY1,
        BODY2 + "(王芳)",
        TRAD2 + "本報記者 陳大同",
        "全市各级",
        "a b c",
        "Smart",
    ]
)
_LINES = st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=30)), min_size=1, max_size=25)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES, st.lists(st.integers(0, 3), min_size=25, max_size=25))
def test_splitting_never_loses_text(lines: list[str], gaps: list[int]) -> None:
    text = "".join("\n" * (g + 1) + ln for ln, g in zip(lines, gaps, strict=False))
    arts = split_page(text)
    seen = Counter(_han(_everything(arts)))
    want: Counter[str] = Counter()
    for ln in text.split("\n"):
        ln = ln.strip()
        if not ln or is_furniture(ln):
            continue
        want.update(_han(_MARKER.sub("", ln)))
    assert not want - seen
    for a in arts:
        assert a.body or a.captions, a  # never an empty article

"""Where a title ends and a name begins (副市长|胡加彬): conversion must not read the two as
one word. OpenCC's phrase 长胡 → 長鬍 (long beard) turns 副市长胡加彬 into 副市長鬍加彬;
a surname after a title is a name, and a name is converted character by character (so its
characters with several traditional forms are flagged for the reader to check)."""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

# Titles whose last character begins a phrase with a following surname in OpenCC's
# dictionaries, or might: the office and rank words of news text.
TITLES = [
    "市长",
    "省长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "村长",
    "州长",
    "部长",
    "局长",
    "厅长",
    "处长",
    "科长",
    "股长",
    "所长",
    "站长",
    "院长",
    "校长",
    "行长",
    "社长",
    "团长",
    "会长",
    "馆长",
    "台长",
    "署长",
    "司长",
    "队长",
    "组长",
    "班长",
    "师长",
    "旅长",
    "营长",
    "连长",
    "排长",
    "董事长",
    "理事长",
    "委员长",
    "秘书长",
    "议长",
    "总长",
    "首长",
    "家长",
    "庭长",
    "检察长",
    "军长",
    "舰长",
    "机长",
    "船长",
    "总裁",
    "主任",
    "主席",
    "书记",
    "总理",
    "总统",
    "经理",
    "委员",
    "代表",
    "教授",
    "博士",
    "老师",
    "医生",
    "记者",
    "律师",
    "法官",
    "警官",
    "同志",
    "先生",
    "女士",
]
# Single-character surnames, most common first (simplified, then traditional forms).
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙"
    "鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫"
    "米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "封蔺习諸劉陳楊黃趙吳孫馬郭許韓馮鄧蕭董袁潘蔣蔡葉蘇魏呂盧薑鍾譚陸範賈韋鄒熊邱閆雷龍陶賀"
    "顧郝龔錢嚴溫樊葛龐顏聶魯嚴鄭謝羅塗駱藍饒農繆簡車項連蘆麥婁竇戚岑寧紀鮑華喻祁湯萬歐"
)
_AFTER_TITLE = re.compile(
    "(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + ")(?=[" + "".join(SURNAMES) + "])"
)


def name_starts(text: str) -> list[int]:
    """Offsets in simplified ``text`` where a surname follows a title: no phrase of the
    conversion may cross them."""
    return [m.end() for m in _AFTER_TITLE.finditer(text)]

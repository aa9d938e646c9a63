"""Where a title ends and a name begins (副市长|胡加彬): conversion must not read the two as
one word. OpenCC's phrase 长胡 → 長鬍 (long beard) turns 副市长胡加彬 into 副市長鬍加彬;
a surname after a title is a name, and a name is converted character by character (so its
characters with several traditional forms are flagged for the reader to check)."""

from __future__ import annotations

import logging
import re

from reader.core.keywords import SURNAMES

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
_AFTER_TITLE = re.compile(
    "(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + ")(?=[" + "".join(SURNAMES) + "])"
)


def name_starts(text: str) -> list[int]:
    """Offsets in simplified ``text`` where a surname follows a title: no phrase of the
    conversion may cross them."""
    return [m.end() for m in _AFTER_TITLE.finditer(text)]

"""Names written as Chinese names are, told from Japanese, Korean and
transcribed foreign names in the same characters.

Chinese characters write Chinese, Japanese and Korean names, and foreign
names transcribed; a name does not say which. Most names written as Chinese
names are, a common Chinese family name and a given name of one or two
characters (徐芳, 高彥艺), are Chinese people's, and the readings of other
languages that :func:`thaw.text.chinese.han_variants` and
:func:`thaw.text.analyze.name_variants` offer for a name in characters treat
such a name as Chinese unless it gives a sign of being something else.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from thaw.text.rules import transliterator as _icu

_ONLY_HAN: Final = re.compile("^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")

#: The hundred commonest Chinese family names, in simplified characters (the
#: Ministry of Public Security's ranking of registered surnames, which covers
#: about 85 % of the people of China); :func:`common_surnames` adds their
#: traditional forms.
COMMON_SURNAMES: Final = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程"
    "魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾韦夏付傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾"
    "龚邵万覃武钱戴严莫孔向常汤康易乔赖文萧"
)


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """:data:`COMMON_SURNAMES` in simplified and traditional characters (ICU's
    ``Hans-Hant``: 张 and 張, 刘 and 劉)."""
    traditional = str(_icu("Hans-Hant").transliterate(COMMON_SURNAMES))
    return frozenset(COMMON_SURNAMES) | frozenset(traditional)


#: The characters that transcription writes a bare consonant with and Chinese
#: given names do not use (斯 *s*, 尔 *r*, 姆 *m*, 特 *t*: 罗伯特 *Robert*,
#: 史密斯 *Smith*), of :data:`thaw.text.chinese._CONSONANT_CHARACTERS`; 德, 克, 普, 格, 布, 奇 and
#: 夫 name Chinese people too (朱德, 李克强).
_TRANSCRIPTION_ONLY: Final = frozenset("斯尔爾姆兹茲茨什弗特")


def written_as_chinese(name: str) -> bool:
    """Whether ``name`` is written as Chinese names are: one word of two or
    three characters, the first a common Chinese family name
    (:func:`common_surnames`) and the rest a given name (徐芳, 高彥艺), with no
    character that only transcription uses (:data:`_TRANSCRIPTION_ONLY`:
    罗伯特 *Robert* begins with the family name 罗 too). Such a name is far
    more likely a Chinese person's than a Korean name in hanja of two
    characters, a Japanese name or a foreign name transcribed (see the module
    docs)."""
    word = name.strip()
    return (
        2 <= len(word) <= 3
        and word[0] in common_surnames()
        and bool(_ONLY_HAN.match(word))
        and not any(ch in _TRANSCRIPTION_ONLY for ch in word[1:])
    )


#: The readings a character of several readings takes as a family name, where
#: one differs from the reading ICU gives the character (曾 *Zeng*, not *ceng*;
#: 单 *Shan*, 区 *Ou*, 仇 *Qiu*, 解 *Xie*, 朴 *Piao*, 查 *Zha*, 盖 *Ge*, 乐
#: *Yue* and *Le*, 覃 *Qin* and *Tan*, 於 *Yu* and *Wu*), as the Chinese
#: dictionaries note them for family names, in simplified and traditional
#: characters. Any other character is read as a family name by its usual
#: reading alone: 丁 is *Ding*, never *zheng*; 陳 *Chen*, never *zhen*; 莫
#: *Mo*, never *mu* (:func:`family_readings`).
FAMILY_READINGS: Final[dict[str, tuple[str, ...]]] = {
    "曾": ("zeng",), "单": ("shan",), "單": ("shan",), "区": ("ou",), "區": ("ou",),
    "仇": ("qiu",), "解": ("xie",), "朴": ("piao",), "查": ("zha",), "盖": ("ge",),
    "蓋": ("ge",), "乐": ("yue", "le"), "樂": ("yue", "le"), "覃": ("qin", "tan"),
    "於": ("yu", "wu"), "翟": ("zhai",), "缪": ("miao",), "繆": ("miao",),
    "召": ("shao",), "种": ("chong",), "種": ("chong",), "秘": ("bi",), "员": ("yun",),
    "員": ("yun",), "尉": ("yu", "wei"), "华": ("hua",), "華": ("hua",), "句": ("gou",),
    "宓": ("mi", "fu"), "折": ("she",), "长": ("chang",), "長": ("chang",),
    "重": ("chong",), "柏": ("bai",), "薄": ("bo",), "粘": ("nian",), "那": ("na",),
}  # fmt: skip


def family_readings(ch: str) -> tuple[str, ...]:
    """The readings of ``ch`` as a family name where one differs from its
    usual reading (:data:`FAMILY_READINGS`: 曾 ``zeng``), else empty: a family
    name is read by its usual reading alone."""
    return FAMILY_READINGS.get(ch, ())

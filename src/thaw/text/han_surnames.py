"""How the Chinese of the south and of the diaspora spell their family names.

A Chinese name abroad is spelt by the reading of its owner's language, and
the Chinese of Southeast Asia and the Americas speak many: Hokkien and
Cantonese (:mod:`thaw.text.hokkien`, :mod:`thaw.text.cantonese`, read per
syllable from their tables), and Teochew, Hakka, Hokchiu (Fuzhou), Hainanese
and Taishanese, which no table of ours reads. A given name of those languages
is not spelt by any closed list; a **family name** is: the few hundred common
surnames have well-documented spellings in every language (written here by
hand from that documented usage, as the romanisation columns of Wikipedia's
*List of common Chinese surnames* record it), and a person whose family came
from Swatow, Fuzhou or Hainan keeps the family's spelling (王 *Heng*,
Teochew; 张 *Teo*, Teochew, *Tiong*, Hokchiu, *Chong*, Hakka; 林 *Ling*,
Hokchiu; 黄 *Wee*, *Ooi*, *Bong*, *Uy*).

:data:`SURNAMES` gives, for the common family names (traditional
characters; :func:`surname_spellings` also answers for the simplified form),
those spellings: of Teochew, Hakka, Hokchiu, Hainanese and Taishanese; the
customary ones of Hokkien in Singapore, Malaysia (Penang: 郭 *Koay*), the
Philippines (施 *Sy*, 許 *Co*, 黃 *Uy*) and Indonesia (郭 *Kwee*, 蔡 *Tjoa*);
and the usual Hong Kong and Hokkien spellings beside them, so that the
family name is found among the first spellings of its character (retrieval
joins only the first few of each character into a word's spellings:
:data:`thaw.index.candidates.SPELLING_WIDTH`).
They are a family name's spellings: :func:`thaw.text.chinese.han_edges`
gives them to the first character of a word only, where Chinese writes the
family name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from thaw.text.rules import transliterator as _icu

#: A family name (traditional characters) and its spellings in the languages
#: of the south and the diaspora (see the module docs).
SURNAMES: Final[dict[str, tuple[str, ...]]] = {
    "陳": ("tan", "chan", "chin", "ting", "tjhin"),
    "林": ("lim", "lam", "ling", "lum", "liem"),
    "黃": ("ng", "wong", "wee", "ooi", "oei", "bong", "vong", "uy", "ung"),
    "張": ("teo", "teoh", "chong", "tiong", "cheung", "tiu", "tjong"),
    "李": ("lee", "li", "lie", "ly"),
    "王": ("ong", "wong", "heng"),
    "吳": ("goh", "ng", "go", "gouw", "woo"),
    "劉": ("lau", "low", "liew", "lao", "lew"),
    "楊": ("yeo", "yeoh", "yong", "yeung", "young"),
    "趙": ("chew", "chiu", "tio"),
    "周": ("chew", "chow", "chau", "chiu", "tjioe"),
    "徐": ("chee", "tsui", "chui"),
    "孫": ("sng", "soon", "suen"),
    "馬": ("mah", "beh", "mar"),
    "朱": ("choo", "chu", "tjoe"),
    "胡": ("aw", "woo", "oh"),
    "郭": ("kwek", "quek", "kwok", "kuok", "kueh", "koay", "kwee", "kok", "kwik"),
    "何": ("ho", "hoh", "hor"),
    "羅": ("loh", "law", "lor", "lo"),
    "高": ("koh", "ko", "kow", "kho"),
    "梁": ("leong", "leung", "neo", "nio", "liong"),
    "鄭": ("teh", "tay", "tee", "cheng", "chang"),
    "謝": ("cheah", "seah", "chia", "tse", "sia"),
    "蔡": ("chua", "chuah", "choa", "tjoa", "chye", "choi"),
    "許": ("koh", "khoo", "khaw", "hui", "co", "kho"),
    "邱": ("khoo", "hiew", "yau", "kew", "hew"),
    "丘": ("khoo", "hiew", "yau", "kew", "hew"),
    "蕭": ("siew", "seow", "siow", "siu"),
    "潘": ("phua", "pua", "poon", "phoa"),
    "溫": ("woon", "voon", "boon", "oen", "wan"),
    "葉": ("yap", "yeap", "ip", "yip"),
    "鍾": ("chung", "chong", "cheong", "tjong"),
    "姚": ("yeo", "yiu"),
    "方": ("png", "hng", "fong"),
    "唐": ("tng", "tong"),
    "龔": ("keng", "kung"),
    "魏": ("gwee", "ngui", "ngai", "wee"),
    "白": ("peh", "pak"),
    "傅": ("poh", "foo"),
    "余": ("ee", "yee"),
    "游": ("yew", "yeo", "iu", "yau"),
    "杜": ("toh", "taw", "to"),
    "曹": ("chow", "chau", "cho", "tso"),
    "陸": ("loke", "luk", "lok"),
    "倪": ("ngeh", "ngai"),
    "柯": ("kua", "quah", "kuah", "o"),
    "辜": ("koo",),
    "洪": ("ang", "hung"),
    "施": ("sy", "sze", "see"),
    "莊": ("chng", "chong"),
    "顏": ("gan", "ngan"),
    "廖": ("liew", "leow", "liaw", "liu"),
    "賴": ("lai", "lua", "loi"),
    "彭": ("phang", "pang"),
    "鄧": ("tang", "teng"),
    "詹": ("chiam", "jim"),
    "龍": ("loong", "liong", "lung"),
    "沈": ("sim", "shum", "sum"),
    "翁": ("ong", "yung"),
    "尹": ("wan",),
    "錢": ("chin", "tsien", "chee"),
    "石": ("shek", "chioh"),
    "呂": ("lui", "lu", "loo"),
    "盧": ("lo", "loo", "lou"),
    "韓": ("hon", "han"),
    "任": ("yam", "yim", "jim"),
    "袁": ("yuen",),
}


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    """:data:`SURNAMES` keyed by the traditional and the simplified form
    (ICU's ``Traditional-Simplified``: 張 and 张)."""
    out = dict(SURNAMES)
    to_simplified = _icu("Traditional-Simplified")
    for ch, spellings in SURNAMES.items():
        out.setdefault(str(to_simplified.transliterate(ch)), spellings)
    return out


def surname_spellings(ch: str) -> tuple[str, ...]:
    """The spellings of ``ch`` as a family name (:data:`SURNAMES`; 张 →
    ``teo teoh chong tiong …``), empty for a character that is no family name
    of the table."""
    return _table().get(ch, ())

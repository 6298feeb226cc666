"""Organisation names translated word for word into the language of the prose.

A newspaper names a foreign state company in its own words: *شرکت ملی نفت ایران*
(Persian: company, national, oil, Iran), *伊朗国家石油公司* (Chinese: Iran,
national, oil, company), *Nationale Iranische Ölgesellschaft* (German: national,
Iranian, oil-company), *고려항공* (Korean: Koryo, airline), for the NATIONAL
IRANIAN OIL COMPANY and AIR KORYO that the lists publish in English. Name
screening cannot match a translation: it spells or reads names, it does not
translate them.

Such a name is made of two kinds of word, and this module reads both:

* **generic words** of organisation names (company, bank, oil, national,
  airline, shipping, trading, mining, development, group, industries, central,
  investment …), which :data:`GENERIC_WORDS` gives in the languages around, with
  the English word (or words) the lists write for them (a Russian or Ukrainian
  one in any case: :func:`slavic_stem`);
* **a place**, the country the company belongs to, written as the country's
  name (ایران, 伊朗: :func:`thaw.sources.territories.lookup`, which knows the
  names of every country in every language CLDR has) or as its adjective
  (*iranienne*, *Iranische*: the country's name with an adjective ending of the
  language, :data:`ADJECTIVE_ENDINGS`; *иранской*, *Российских*, *іранська*:
  its Russian or Ukrainian stem with *-ск-*, :func:`_slavic_country`;
  *الإيرانية*, *הפלסטיני*: its Arabic, Persian or Hebrew one, the article and
  the ending taken off,
  :func:`thaw.screen.text.nationality.nisba_country`). An
  English name uses the adjective (*Iranian*); the country's English adjective
  is its name with an English ending (:data:`ENGLISH_ADJECTIVES`) that some
  listed name has as a word (``known``), else the name itself;
* and at most one **name word** (ماهان of *Mahan Air*, 고려 *Koryo* of Air Koryo),
  which is screened as written (or, in Hangul, read back into Latin letters; an
  Arabic nisba's plural also as its singular: جماعة الحوثيين, *Houthi Group*).

Armed groups and parties are often named by what their name means (*État
islamique*, 伊斯兰国, イスラム国 for the Islamic State; 真主党, *Party of God*,
for Hizballah; *Parti des travailleurs du Kurdistan*): the words of such names
(:data:`MEANINGS`: Islamic, state, party, God, revolutionary, guards …) are in
the table too, and two of them, or one with a generic word, place or name word,
make a place of their own. Chinese and Japanese runs (with katakana: イスラム)
are cut into the table's words, of one character only where the table has one
(国, 党).

A place is found as a sequence of such words (connectors such as *du*, *der*,
*de* between them), at least one generic word and at least one place or name
word; its English rendering is screened as one name, the words in any order,
with the strict rules of :func:`thaw.screen.text.screener.words_cover` (every
word of the rendering is a word of the listed name and every informative word
of the name is in the rendering: *company national oil Chile* names no listed
company, though NIOC has three of its words). German closes compounds
(*Ölgesellschaft*: oil + company), Korean writes a name as one word
(조선광업개발무역회사); both are split into generic words, from the end.

The table is the project's own (``docs/THIRD_PARTY.md``): common words of
each language, written for thaw, no third party's data.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from rigour.territories.territory import Territory

from thaw.screen.text.cjk import _strip_particle
from thaw.screen.text.mentions import Hit, Mention
from thaw.screen.text.nationality import nisba_country
from thaw.sources import territories
from thaw.text import name_variants

_WORDS: Final = {
    "company": """compagnie société societe gesellschaft unternehmen compañía compania
        empresa compagnia società societa companhia şirketi sirketi şirket sirket
        компания компании компанія شرکت شركة الشركة 公司 회사 חברת""",
    "corporation": """corporation konzern corporación corporacion корпорация корпорація
        공사 总公司""",
    # (North Korea's 총회사, *general company*: its firms' English names
    # write GENERAL CORPORATION, KOREA RYONBONG GENERAL CORPORATION)
    "general corporation": "총회사",
    "national": """national nationale nationales nationaux nacional nazionale ulusal milli
        национальная национальный национальной національна ملی الوطنية الوطني الوطنيه 国家 国营 국영
        הלאומית""",
    "oil": """pétrole petrole pétrolière petroliere öl erdöl petróleo petroleo petrolio
        petrolífera petrolifera petrol нефтяная нефтяной нефти нефть нафтова نفت النفط 石油 석유
        נפט""",
    "gas": "gaz gás газ газовая газова گاز الغاز 天然气 가스",
    "bank": """banque bank banco banca bankası bankasi банк بانک بنك مصرف 银行 銀行 은행
        בנק""",
    "credit": "crédit credito crédito kredi kredit",
    "union": "unión unione união birliği birligi",
    "air": """aérienne aerienne aériennes fluggesellschaft aerolínea aerolinea aerolíneas
        aerea aérea hava авиакомпания авиалинии авіакомпанія ایر هواپیمایی طيران الطيران
        航空 항공""",
    "shipping": """maritime navigation schifffahrt reederei naviera navigazione
        denizcilik судоходная пароходство судноплавна کشتیرانی الملاحة 航运 해운""",
    "trading": """commerce commerciale handel handels comercio comercial commercio
        ticaret торговая торговый торгова торговельна بازرگانی التجارة 贸易 무역""",
    "mining": """minière miniere bergbau minera mineraria madencilik горнодобывающая
        معدنی 矿业 광업""",
    "development": """développement developpement entwicklung desarrollo sviluppo
        desenvolvimento kalkınma kalkinma развития розвитку توسعه التنمية 开发 개발""",
    "group": "groupe gruppe grupo gruppo grubu группа група گروه مجموعة جماعة 集团 그룹",
    "united": "объединённая объединенная об'єднана 联合",
    "shipbuilding": "судостроительная суднобудівна 造船",
    "reconnaissance": "разведывательное 侦察",
    "general": "генеральное 总",
    "bureau": "бюро 局",
    "industries": """industries industrie industrias sanayi промышленность промисловість
        صنایع الصناعات 工业 산업""",
    "central": """centrale zentral central merkez центральный центральна مرکزی المركزي
        中央 중앙""",
    "investment": """investissement investition investitions inversión inversion
        investimento yatırım yatirim инвестиционная інвестиційна سرمایه‌گذاری الاستثمار 投资 투자""",
    "korea": "조선",
    # words of names translated by meaning (MEANINGS)
    "islamic": """islamique islámico islamico islámica islamica islamische islamischer
        islamischen islamisches islamskie islam исламское исламская исламский ісламська
        الإسلامية الاسلامية الإسلامي اسلامی 伊斯兰 イスラム האסלאמית האסלאמי""",
    "state": """état etat estado stato staat devleti państwo государство держава الدولة
        دولت 国 המדינה""",
    "party": "parti partido partei partito партия партія حزب 党",
    "god": "dieu dios gott бог бога الله 真主",
    "jihad": "djihad yihad dschihad джихад الجهاد 圣战 הג'יהאד",
    "revolutionary": """révolutionnaire revolucionaria revolucionario rivoluzionaria
        révolution revolución rivoluzione revolutionären revolution революционной
        революционная революции الثوري 革命 המהפכה""",
    "guards": "gardiens guardianes guardiani garden wächter стражи стражей الحرس 卫队 משמרות",
    "resistance": "résistance resistencia widerstand сопротивления المقاومة 抵抗",
    "movement": "mouvement movimiento bewegung движение движения حركة 运动 תנועת",
    "liberation": "libération liberación befreiung освобождения تحرير 解放",
    "workers": "travailleurs trabajadores arbeiter рабочая işçi 工人",
}
"""Generic words of organisation names (and, last, 조선, the name North Korea
gives itself, which no CLDR name of a country is), by the English word the lists
write: every word folded to lower case without accents (:func:`_fold`)."""

PLACES: Final = frozenset({"korea"})
"""English words of :data:`_WORDS` that are a place, not a generic word."""

MEANINGS: Final = frozenset(
    "islamic state party god jihad revolutionary guards resistance movement liberation "
    "workers".split()
)
"""English words of :data:`_WORDS` that other languages translate in the names of
armed groups and parties named by what they mean (*État islamique*, 伊斯兰国,
*Islamic State*; 真主党, *Party of God*: Hizballah; *Gardiens de la révolution*):
such a name needs no place or name word, only two words or more (see
:func:`_candidates`)."""


def _fold(word: str) -> str:
    """A word in lower case without accents, Arabic ي and ك as Persian writes them."""
    lower = word.lower().replace("ي", "ی").replace("ك", "ک")
    return "".join(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))


GENERIC_WORDS: Final[dict[str, tuple[str, ...]]] = {}
VIETNAMESE_WORDS: Final = {
    "ngân hàng": "bank",
    "công ty": "company",
    "tổng công ty": "corporation",
    "tập đoàn": "group",
    "quốc tế": "international",
    "kinh tế": "economic",
    "thương mại": "trading",
    "phát triển": "development",
    "đầu tư": "investment",
    "hàng không": "air",
    "hàng hải": "shipping",
    "công nghiệp": "industries",
    "trung ương": "central",
    "quốc gia": "national",
    "đóng tàu": "shipbuilding",
}
"""Generic words of organisation names in Vietnamese, each of two syllables or
more, written apart (*ngân hàng*, bank): Vietnamese puts the head word first
(*Ngân hàng Quốc tế Ilsim*: ILSIM INTERNATIONAL BANK, *Ngân hàng Karafarin*),
and a rendering is screened in any word order. :data:`_LATIN_WORD` reads each
as one word."""

for _english, _words in _WORDS.items():
    for _word in _words.split():
        _key = _fold(_word)
        GENERIC_WORDS[_key] = (*GENERIC_WORDS.get(_key, ()), _english)
for _word, _english in VIETNAMESE_WORDS.items():
    GENERIC_WORDS[_fold(_word)] = (_english,)


SLAVIC_ENDINGS: Final = tuple(
    sorted(
        """ыми ими ого его ому ему ией ая яя ое ее ые ие ый ий ой ую юю ых их ым им ей
        ом ем ами ями ах ях ов ев ию ия ии ью ья ої ій ією ії ія ію
        а я у ю е и ы о ь і ї""".split(),
        key=len,
        reverse=True,
    )
)
"""Case and gender endings of Russian and Ukrainian nouns and adjectives, longest
first: prose declines a translated name (*Национальной иранской нефтяной
компании*, the National Iranian Oil Company's), the table gives a form or two."""
_SLAVIC_STEM: Final = 4
"""The fewest letters left of a Cyrillic word once its ending is taken off."""
_CYRILLIC_WORD: Final = re.compile("[\u0400-\u04ff]+")


@lru_cache(maxsize=65_536)
def slavic_stem(word: str) -> str:
    """A Cyrillic word in lower case without its case ending
    (:data:`SLAVIC_ENDINGS`; *компанией*, *компании* → *компан*), or the word
    when it is not Cyrillic or too short to have one."""
    lower = word.lower()
    if not _CYRILLIC_WORD.fullmatch(lower):
        return lower
    for ending in SLAVIC_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= _SLAVIC_STEM:
            return lower[: -len(ending)]
    return lower


def _foreign_words() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The words of :data:`_WORDS` that English writes otherwise (*banque*, شرکت,
    公司; not *bank*): those of cased scripts in lower case, as written and
    without accents; the longer of them, which may close a German compound
    (*Ölgesellschaft*); and those of scripts without case (looked for as parts
    of the text: Chinese and Korean put no space around a word)."""
    cased: set[str] = set()
    uncased: set[str] = set()
    for english, listed in _WORDS.items():
        for word in listed.split():
            if _fold(word) == english:
                continue
            if word.lower() != word.upper():
                cased.update({word.lower(), _fold(word)})
            else:
                uncased.add(word)
    tails = tuple(sorted(w for w in cased if len(w) >= TAIL))
    return frozenset(cased), tails, tuple(sorted(uncased))


TAIL: Final = 4
"""The fewest letters of a generic word that may close a compound (*-bank* is
English, *-öl* too short: *Gesellschaft*, *Handel* close compounds)."""

COMPOUND: Final = 6
"""The fewest letters of a word split as a compound of two generic words."""

_FOREIGN, _TAILS, _UNCASED = _foreign_words()
SLAVIC_GENERIC: Final[dict[str, tuple[str, ...]]] = {
    slavic_stem(word): english
    for word, english in GENERIC_WORDS.items()
    if _CYRILLIC_WORD.fullmatch(word)
}
"""The Cyrillic generic words of :data:`GENERIC_WORDS` by their stems
(:func:`slavic_stem`), so that any case of them is read."""
_SIMPLE_WORD: Final = re.compile(r"[^\W\d_]+")
_VIETNAMESE: Final = re.compile(
    r"\b(?:" + "|".join(map(re.escape, VIETNAMESE_WORDS)) + r")\b", re.IGNORECASE
)


def may_translate(text: str) -> bool:
    """Whether ``text`` holds a generic word of organisation names that English
    writes otherwise (:func:`_foreign_words`): only then can it name one in
    translation. One pass over the words, and a search for each word of the
    scripts without case."""
    if any(word in text for word in _UNCASED):
        return True
    if _VIETNAMESE.search(text):
        return True
    words = set(_SIMPLE_WORD.findall(text.lower()))
    return (
        not _FOREIGN.isdisjoint(words)
        or any(w.endswith(_TAILS) or w.startswith(_TAILS) for w in words if len(w) >= COMPOUND)
        or any(slavic_stem(w) in SLAVIC_GENERIC for w in words if _CYRILLIC_WORD.match(w))
    )


ALTERNATIVES: Final = {
    "company": ("company", "corporation"),
    "group": ("group", "corporation"),
}
"""English words the lists write for one generic word, to try in turn: a
*company* in one language is often listed as a *corporation*, and so is a
Chinese *group* (集团: 联合造船集团, UNITED SHIPBUILDING CORPORATION)."""

CONNECTORS: Final = frozenset(
    "of the du de des d la le del della di der die das von und y et e ve و".split()
)
"""Words that may stand between the words of a translated name (*Compagnie
nationale iranienne du pétrole*), never at its edges."""

ADJECTIVE_ENDINGS: Final = (
    "iennes ienne iens ien aises aise ais ischen ischer isches ische isch iano iana "
    "ianos ianas ano ana anos anas ese esi"
).split()
"""Endings that French, German, Spanish, Italian and Portuguese add to a
country's name (or its stem) to make its adjective: *iran-ienne*, *Iran-ische*,
*irani-ana*."""
_RESTORES: Final = ("", "e", "ie", "a", "o", "en")
"""What an adjective ending may have replaced at the end of the country's name
(*syr-ienne* ← *Syrie*)."""

ENGLISH_ADJECTIVES: Final = ("ian", "n", "i", "ese", "an")
"""English endings of a country's adjective (*Iranian*, *Korean*, *Russian*,
*Yemeni*, *Chinese*); the one some listed name has as a word is used."""

MAX_WORDS: Final = 6
"""The most words of one translated name."""
MAX_QUERIES: Final = 4
"""The most English renderings of one place tried (alternative words multiply)."""

_LATIN_WORD: Final = re.compile(
    "|".join(
        sorted((re.escape(w) for w in VIETNAMESE_WORDS), key=len, reverse=True)
        + [r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"]
    ),
    re.IGNORECASE,
)
"""A word of Latin letters (a Vietnamese generic word of two syllables:
:data:`VIETNAMESE_WORDS`, as one)."""
_HAN_RUN: Final = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")
_HAN_KANA_RUN: Final = re.compile("[\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff]+")
"""Chinese characters, with katakana, which Japanese writes a foreign word of a
translated name in (イスラム国: Islamic State)."""
_HANGUL: Final = re.compile("[\uac00-\ud7a3]")
_HAN_WORD: Final = 4
"""The most characters of one Chinese word looked up."""

Lookup = Callable[[str], Sequence[Hit]]
"""``lookup(english)`` → hits for an English rendering that names them outright."""
Known = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a translated name: where it is, what it may be in English, and
    what kind of word it is (``generic``, ``place`` or ``name``)."""

    start: int
    end: int
    english: tuple[str, ...]
    kind: str


def _generic(word: str) -> tuple[str, ...]:
    """The English words of a generic word, also declined in Russian or
    Ukrainian (:data:`SLAVIC_GENERIC`)."""
    found = GENERIC_WORDS.get(_fold(word), ())
    if not found and _CYRILLIC_WORD.fullmatch(word):
        found = SLAVIC_GENERIC.get(slavic_stem(word), ())
    return found


@lru_cache(maxsize=4096)
def _country_adjectives(name: str, known: Known) -> tuple[str, ...]:
    """The English adjective of a country (its name with the first English
    ending some listed name has as a word), then its name."""
    base = name.split()[-1] if name.split() else name
    stem = base[:-1] if base.endswith(("a", "e", "o")) else base
    for ending in ENGLISH_ADJECTIVES:
        for form in (base + ending, stem + ending):
            if known(form.lower()):
                return (form, base)
    return (base,)


WRITTEN_PLACE: Final = 4
"""The fewest letters of a country's name in Latin letters kept as written
beside its English words (:func:`_place`: *Myanma*; not a code such as *El*,
Greece's, which is also the Spanish article)."""


@lru_cache(maxsize=65_536)
def _place(word: str, known: Known) -> tuple[str, ...]:
    """The English words for a country written as its name or adjective (and
    the word itself, a name in Latin letters English writes otherwise)."""
    territory = territories.lookup(word)
    if territory is None and _CYRILLIC_WORD.fullmatch(word):
        territory = _slavic_country(word)
    if territory is None and _ABJAD_WORD.fullmatch(word):
        territory = nisba_country(word)
    if territory is None and _LATIN_WORD.fullmatch(word) and len(word) >= 5:
        lower = word.lower()
        for ending in ADJECTIVE_ENDINGS:
            if lower.endswith(ending) and len(lower) - len(ending) >= 3:
                stem = word[: len(word) - len(ending)]
                for restore in _RESTORES:
                    if (territory := territories.lookup(stem + restore)) is not None:
                        break
            if territory is not None:
                break
    if territory is None:
        return ()
    english = _country_adjectives(territory.name, known)
    if (
        word.isascii()
        and word.isalpha()
        and len(word) >= WRITTEN_PLACE
        and territories.lookup(word) is territory
        and word.lower() not in {e.lower() for e in english}
    ):
        # the name itself in Latin letters other than English's (*Myanma*, the
        # Burmese form MYANMA ECONOMIC BANK keeps): as written too
        return (*english, word)
    return english


_SLAVIC_ADJECTIVE: Final = ("ськ", "ск")
"""The suffix that makes a Russian or Ukrainian adjective of a country's name
(*иран-ск-ая*, *росси-йск-их*, *іран-ськ-а*)."""
_SLAVIC_RESTORES: Final = ("", "я", "а", "ия", "ь")
"""What the adjective may have taken off the country's name (*Росси-я*,
*Сири-я*; *Китай*, *Иран* whole)."""


def _slavic_country(word: str) -> Territory | None:
    """The country whose Russian or Ukrainian adjective ``word`` is, in any case
    (*иранская*, *Российских*, *іранська*: Iran, Russia), or ``None``."""
    stem = slavic_stem(word)
    for suffix in _SLAVIC_ADJECTIVE:
        if stem.endswith(suffix) and len(stem) > len(suffix) + 2:
            stem = stem[: -len(suffix)]
            break
    else:
        return None
    for base in dict.fromkeys((stem, stem.removesuffix("й"))):
        for restore in _SLAVIC_RESTORES:
            if (territory := territories.lookup(base + restore)) is not None:
                return territory
    return None


_ABJAD_WORD: Final = re.compile("[\u0590-\u05ff\u0600-\u06ff]+")


def _compound(word: str) -> tuple[str, ...]:
    """A closed compound of two generic words (*Ölgesellschaft*: oil, company;
    a linking *s* between them), as their English words."""
    folded = _fold(word)
    for cut in range(2, len(folded) - 3):
        head, tail = folded[:cut], folded[cut:]
        heads = GENERIC_WORDS.get(head) or GENERIC_WORDS.get(head.rstrip("s"))
        tails = GENERIC_WORDS.get(tail)
        if heads and tails:
            return (f"{heads[0]} {tails[0]}",)
    return ()


def _hangul_parts(word: str) -> tuple[list[str], str]:
    """A Hangul word split, from its end, into generic words: their English
    words, and what is left before them (a name, or ``""``)."""
    english: list[str] = []
    rest = word
    while rest:
        for size in (4, 3, 2):
            if len(rest) >= size and (found := _generic(rest[-size:])):
                english.insert(0, found[0])
                rest = rest[:-size]
                break
        else:
            break
    return english, rest


def _hangul_place_head(rest: str) -> str:
    """The place word that begins what a Hangul word leaves before its generic
    words, when a name follows it (조선련봉총회사: 조선, *Korea*, then 련봉,
    *Ryonbong*, as KOREA RYONBONG GENERAL CORPORATION is listed); else ``""``.
    Korean writes the name North Korea gives itself before a firm's name,
    joined to it as its generic words are after it."""
    for size in (3, 2):
        head = rest[:size]
        if len(rest) - size >= 2 and (found := _generic(head)) and found[0] in PLACES:
            return head
    return ""


_ELIDED: Final = re.compile(r"(?:l|d|dell|all|nell|sull)['’](?=\w)", re.IGNORECASE)
"""An article or preposition that French and Italian elide and join to the word
after it (*l'État*, *dell'Iran*)."""


_APOSTROPHE_SUFFIX: Final = re.compile(r"['’]\w{1,5}$")
"""A case ending that Turkish joins to a name with an apostrophe
(*Bankası'nın*, *of the bank*)."""


@lru_cache(maxsize=65_536)
def _generic_word(word: str) -> tuple[str, ...]:
    """The English words of a generic word (after an elided article: *l'État*;
    before a Turkish case ending: *Bankası'nın*),
    or of a capitalised compound of two (German nouns: *Ölgesellschaft*)."""
    if found := _generic(word):
        return found
    if (elided := _ELIDED.match(word)) is not None and (found := _generic(word[elided.end() :])):
        return found
    if (suffix := _APOSTROPHE_SUFFIX.search(word)) is not None and (
        found := _generic(word[: suffix.start()])
    ):
        return found  # Turkish writes a case ending after an apostrophe (Bankası'nın)
    if len(word) >= COMPOUND and word[0].isupper():
        return _compound(word)
    return ()


_NISBA_PLURAL: Final = re.compile("(?<=..ي)(?:ين|ون)$")
"""The plural ending of an Arabic adjective in *-i* (the nisba): الحوثيين,
الحوثيون, *the Houthis*, of الحوثي, *Houthi*."""


def _name_forms(word: str) -> tuple[str, ...]:
    """A name word as written and, an Arabic plural of a nisba, its singular
    (جماعة الحوثيين, *the Houthis' group*, is the listed *Houthi Group*)."""
    if (plural := _NISBA_PLURAL.search(word)) is not None:
        return word, word[: plural.start()]
    return (word,)


def _latin_words(text: str, known: Known) -> Iterator[Word | None]:
    """The words of ``text`` outside Chinese and Korean, each classified, or
    ``None`` for a word that breaks a name (a connector is skipped). Only words
    near a generic word (:data:`MAX_WORDS`) are looked at further: prose is
    mostly other words, and a country's adjective costs look-ups."""
    matches = list(_LATIN_WORD.finditer(text))
    generic = [_generic_word(m.group()) for m in matches]
    near: set[int] = set()
    for i, found in enumerate(generic):
        if found:
            near.update(range(i - MAX_WORDS, i + MAX_WORDS + 1))
    for i, m in enumerate(matches):
        word = m.group()
        if i not in near or _HANGUL.match(word) or _HAN_RUN.match(word):
            yield None
            continue
        if _fold(word) in CONNECTORS:
            continue
        if found := generic[i]:
            yield Word(m.start(), m.end(), found, _kind(found))
        elif found := _place(word, known):
            yield Word(m.start(), m.end(), found, "place")
        elif word[0].isupper() or not word[0].islower():
            yield Word(m.start(), m.end(), _name_forms(word), "name")
        else:
            yield None


def _kind(english: tuple[str, ...]) -> str:
    """``meaning`` for a word of :data:`MEANINGS`, else ``generic``."""
    return "meaning" if english[0] in MEANINGS else "generic"


def _sequences(words: Iterator[Word | None]) -> Iterator[list[Word]]:
    current: list[Word] = []
    for word in words:
        if word is None:
            if current:
                yield current
            current = []
        else:
            current.append(word)
    if current:
        yield current


def _renderings(words: list[Word]) -> list[str]:
    options = [
        tuple(itertools.chain.from_iterable(ALTERNATIVES.get(e, (e,)) for e in w.english))
        for w in words
    ]
    return [" ".join(c) for c in itertools.islice(itertools.product(*options), MAX_QUERIES)]


GENERIC_ONLY: Final = 3
"""The fewest generic words of a name that has no other word, after the
country it belongs to (:func:`_candidates`); two (*national bank*, *oil
company*) are many companies' names."""


def _candidates(words: list[Word]) -> Iterator[list[Word]]:
    """Sub-sequences of a sequence, longest first, that may be a translated name:
    no more than one name word, and a generic word with a place or a name word,
    or a word of a name translated by meaning (:data:`MEANINGS`) with any other
    (*État islamique*); or, right after a country's name, generic words alone
    (:data:`GENERIC_ONLY`), a name the prose says whose it is but the list does
    not (俄罗斯联合造船集团, Russia's UNITED SHIPBUILDING CORPORATION;
    朝鲜侦察总局, North Korea's RECONNAISSANCE GENERAL BUREAU)."""
    n = len(words)
    for size in range(min(n, MAX_WORDS), 1, -1):
        for i in range(n - size + 1):
            part = words[i : i + size]
            kinds = [w.kind for w in part]
            names = kinds.count("name")
            if names > 1:
                continue
            if "meaning" in kinds or ("generic" in kinds and (names or "place" in kinds)):
                yield part
            elif (
                size >= GENERIC_ONLY
                and i > 0
                and words[i - 1].kind == "place"
                and all(kind == "generic" for kind in kinds)
            ):
                yield part


def find_translated(text: str, lookup: Lookup, reading: Lookup, known: Known) -> list[Mention]:
    """Mentions of listed organisations named in translation (see the module
    docs): ``lookup`` screens an English rendering, ``reading`` one with a name
    read back from Hangul (a reading is not a spelling)."""
    found: list[Mention] = []
    if not may_translate(text):
        return found
    sequences = list(_sequences(_latin_words(text, known)))
    sequences.extend(_han_sequences(text, known))
    sequences.extend(_hangul_sequences(text))
    for sequence in sequences:
        taken: list[tuple[int, int]] = []
        for part in _candidates(sequence):
            start, end = part[0].start, part[-1].end
            if any(start < e and s < end for s, e in taken):
                continue
            written = [_fold(text[w.start : w.end]) for w in part]
            if all(w.english == (x,) for w, x in zip(part, written, strict=True)):
                continue  # English already (National Iranian Oil Company): name screening's
            hangul = any(_HANGUL.match(text[w.start : w.end]) for w in part)
            screen = reading if hangul else lookup
            for english in _renderings(part):
                hits = screen(english)
                if hits:
                    found.append(Mention(start, end, text[start:end], hits[0]))
                    taken.append((start, end))
                    break
    return found


def _han_sequences(text: str, known: Known) -> Iterator[list[Word]]:
    """Runs of Chinese characters cut into generic words and countries' names,
    longest first at each place (伊朗 国家 石油 公司); any other character
    breaks a sequence."""
    for m in _HAN_KANA_RUN.finditer(text):
        run, base = m.group(), m.start()
        current: list[Word] = []
        i = 0
        while i < len(run):
            for size in range(min(_HAN_WORD, len(run) - i), 0, -1):
                piece = run[i : i + size]
                if size == 1 and piece not in _UNCASED:
                    continue  # (one character is a word only as the table has it: 国, 党)
                if found := _generic(piece):
                    current.append(Word(base + i, base + i + size, found, _kind(found)))
                    break
                if found := _place(piece, known):
                    current.append(Word(base + i, base + i + size, found, "place"))
                    break
            else:
                if current:
                    yield current
                current = []
                i += 1
                continue
            i = current[-1].end - base
        if current:
            yield current


def _hangul_sequences(text: str) -> Iterator[list[Word]]:
    """Hangul words (each without its particle) split into generic words of
    organisation names, from the end, and before them a place or a name read
    back into Latin letters (고려항공: *goryo*, airline); a word with no
    generic word is a name (or place) word of its own, which a generic word in
    the next word may follow (라자루스 그룹: *lajarus*, group). Consecutive
    words separated by one space are one sequence."""
    parts = []
    for m in re.finditer("[\uac00-\ud7a3]+", text):
        word = _strip_particle(m.group())
        english, rest = _hangul_parts(word)
        parts.append((m.start(), m.end(), word, english, rest))
    current: list[Word] = []
    for k, (start, _end, word, english, rest) in enumerate(parts):
        joined = (
            k > 0
            and start == parts[k - 1][1] + 1
            and len(parts[k - 1][2]) == (parts[k - 1][1] - parts[k - 1][0])
        )  # one space after a word without a particle
        if not joined and current:
            yield current
            current = []
        following = k + 1 < len(parts) and bool(parts[k + 1][3])
        if not english and not following:
            continue  # (a word that no generic word is in or follows: no reading needed)
        head = "" if territories.lookup(rest) else _hangul_place_head(rest)
        if head:  # a place that prefixes the name (조선련봉: Korea, ryonbong)
            current.append(Word(start, start + len(head), (_generic(head)[0],), "place"))
        if name := rest[len(head) :]:
            at = start + len(head)
            place = territories.lookup(name)
            if place is not None:
                current.append(Word(at, at + len(name), (place.name,), "place"))
            else:
                readings = tuple(r for r in name_variants(name)[:2] if " " not in r)
                if readings:
                    current.append(Word(at, at + len(name), readings, "name"))
        at = start + len(rest)
        for item in english:
            kind = "place" if item in PLACES else "generic"
            current.append(Word(at, start + len(word), (item,), kind))
    if current:
        yield current

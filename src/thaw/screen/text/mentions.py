"""Finding listed parties mentioned in free text.

How it works
------------
1. **Tokens.** The text is split into word tokens with their character offsets.
   Possessives (``Dmitriev's``) lose their ``'s``; a word hyphenated across a line
   break (``Dmit-\\nriev``) is joined; line breaks are ordinary spaces, so a name
   split across lines is still one name. Vowel signs written over Arabic letters
   stay inside their word; a word written with an indefinite ending (صادراً:
   :data:`TANWIN`) is a common word, no name. The lower-case words of a short quoted name count as
   capitalised (ПАО «Газпром нефть», :data:`_QUOTED`), and ``the`` is kept right
   after ``of`` (``Ministry of Finance of the Russian Federation``). A text
   written all in lower case (a chat message) capitalises no name, so its words
   all count as capitalised, short and edge words aside. A word that a SWIFT
   line cut at its 35th character is joined again (:func:`join_wrapped`).
   Words in Hangul, Chinese characters or kana are not tokens:
   :mod:`thaw.screen.text.cjk` looks for names in that prose, by the way those
   languages write them (word by word, a Korean sentence's words would each be
   screened as a Latin name, for nothing: a reading is not a spelling).
2. **Runs.** Consecutive name-like tokens (capitalised in cased scripts, or any word
   in uncased scripts such as Arabic) whose analysed form occurs in some
   listed name form a run; in Cyrillic letters, up to three lower-case words
   right after a capitalised one may go on with it (Russian and Ukrainian
   capitalise only the first word of an organisation's name: *в Российских
   железных дорогах*, :attr:`Tok.continues`), a window ending in one only
   where no capitalised word follows; particles (``al``, ``bin``, ``de``, ``van`` …) may sit
   inside a run, and a comma may separate the two halves of an inverted name
   (``Dmitriev, Kirill``).
   Inside a run, the lower-case connectors of organisation names (``of``, ``and``,
   ``for``: ``Sberbank of Russia``) may sit too, and quotes (Банк «Россия»).
   A word written in an abjad is in some listed name when its consonants are
   (حماس *hms* ~ Hamas: :func:`word_known`); an Arabic one also with its *f*
   read as the foreign *v* Arabic writes so (لافروف, Lavrov: :data:`ARABIC_FA`),
   and one with ض, ظ or ذ also as Persian reads them, *z* (مستضعفان,
   Mostazafan: :data:`PERSIAN_Z`), also when screened. A word that prose has declined
   (Газпромбанка, Андреем Костиным, Rosnefts, Poutine, لحزب الله, PKK'nın,
   Łukaszenkę, Rostelecomin, MZKT-nak) is in a run when its dictionary form
   is (:func:`base_form`), and is screened in that form; so is a Latin word
   in another language's spelling of a listed word (*Szojgu*, *Şoygu*,
   *Loukachenko*, *Tschemesow*: :func:`_respellings`) and a Ukrainian
   adjective of a name the lists write in Russian (*Луганська народна*:
   :func:`_russian_adjective`).
3. **Candidates.** Every window of two or more tokens of a run is screened against
   the index with a stricter threshold than name screening; the best
   non-overlapping windows win, but not one that joins the tail of one window
   found to the head of the next (:func:`_straddles`). A window never begins
   or ends with a title, article or other edge word, unless the title owns
   what follows (*the Lord's Resistance Army*: :func:`_owner`) or the word is
   a surname after a given name (*Viktor But*: :func:`_surname_word`). A
   single token is not a person: a first name alone or a common surname alone
   proves nothing. It can be an organisation, though
   (``Gazprombank``, ``Rosneft``): a lone word that is not part of a window found
   is offered to ``single``, which accepts it only when it is the whole
   distinctive name of a listed organisation (see
   :meth:`thaw.screen.text.TextScreener`); a lone word naming a vessel counts only
   after a vessel word (``the tanker Atlas``, ``the reefer Tifon``), where a
   title may begin a vessel's name (``the tanker Lady R``); and a window
   written as a person's name (*the writer Maxim Gorky*) names no vessel
   named after that person without a vessel word, an article, its number or
   capitals (:func:`_person_written`). A lone word right
   after a title or a given name is a surname (``Richard Wagner``) and names no
   organisation; one that opens a
   sentence, stands before a country or beside another distinctive word
   (``Минфин США``, ``Ocean Star Shipping``) needs a well-known party
   (:func:`_weak_capital`); so does the name before the hyphen of a compound
   with a noun of the language (*Sberbank-Chef*), and a word no list spells
   that sounds like a listed organisation's one-word name (*Hisbollah*:
   :mod:`thaw.screen.text.sounding`), and a lower-case plural after a plural
   article of French, Spanish or Portuguese, which names a group's members
   (*les talibans*, *los hutíes*: :attr:`Tok.members`).
4. **Other forms of a name.** An aircraft's registration mark (:func:`find_marks`),
   an organisation's name of capitals and digits (*MS-13*, *M23*:
   :func:`find_numbered`), an identifier a listing carries (SWIFT/BIC, IMO, crypto address:
   :func:`find_identifiers`), a surname with initials (*V. Putin*, *Лавров
   С.В.*: :func:`find_initialled`), after a title (*President Putin*:
   :func:`find_titled`) or before a verb of speech (*Lavrov said*:
   :func:`find_spoken`) are mentions too, and so is a name after an honorific
   the lists publish with it, written in the prose's own words (*le patriarche
   Kirill*: :func:`find_honored`). A surname alone inside a sentence, with
   no title or verb beside it (*Решетников с ним согласился*), names the one
   very well-known person it is the surname of (:func:`_bare_surname`).
5. **Short references.** After a party is found, a later lone surname from its
   mention (``Dmitriev``) is reported as another mention of the same party. This
   step is linear in the length of the text.
6. **No false alarms.** Windows that are only a country, a territory or a
   well-known place or institution (``Saudi Arabia``, ``Black Sea``, ``White
   House``) are skipped. Years of birth and countries written near a mention are
   passed to the matcher as evidence.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Final, NamedTuple, Protocol

from thaw.screen.text.nationality import country_beside
from thaw.screen.text.places import is_city
from thaw.sources import territories
from thaw.text import analyze_name
from thaw.text.common_words import common_word
from thaw.text.fold import abjad_key
from thaw.text.symbols import known_given_name, latin_words

_INDIC_SIGNS = "".join(
    chr(c) for c in range(0x0900, 0x0E00) if unicodedata.category(chr(c)) in ("Mn", "Mc")
)
"""The vowel signs, viramas and nuktas of the Indic scripts (Devanagari to
Sinhala): marks that write a syllable's vowel inside the word (शकील), which
a word's letters alone would cut into pieces (श, क, ल)."""
_LETTERS = r"[^\W\d_]+(?:[\u0300-\u036f\u064b-\u065f\u0670" + _INDIC_SIGNS + r"]+[^\W\d_]*)*"
"""Letters, with the combining marks written over them (Arabic vowel signs: قُتل,
Latin accents typed as combining marks) or beside them (Indic vowel signs:
:data:`_INDIC_SIGNS`) kept inside the word."""
_WORD = re.compile(
    rf"{_LETTERS}(?:(?:-[ \t]*\r?\n[ \t]*|[-'’]){_LETTERS})*",
    re.UNICODE,
)
#: A word that begins with a Hangul syllable, a Chinese character or kana.
_CJK_WORD: Final = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3]")
_LINE_HYPHEN = re.compile(r"-[ \t]*\r?\n[ \t]*")
_QUOTED = re.compile(r"«[^«»\n]{1,60}»|„[^„“”\n]{1,60}[“”]|“[^“”\n]{1,60}”|\"[^\"\n]{1,60}\"")
"""A short quoted span: how Russian, Ukrainian and German (and often English) prose
writes a company's name (ПАО «Газпром нефть», die „Velikiy Novgorod“)."""
_QUOTE_MARKS: Final = frozenset('«»„“”"')
TANWIN: Final = frozenset("\u064b\u064c\u064d")
"""The Arabic marks of an indefinite ending (*-an*, *-un*, *-in*), which prose
writes on common words (صادراً *issued*, أيضاً *also*, جديداً *new*), never on a
proper name, which is definite: a word carrying one names nobody (صادراً is
no SADRA)."""
_CYRILLIC: Final = re.compile("[\u0400-\u04ff]")

_ABJAD: Final = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f]")
ABJAD_SINGLE_MIN: Final = 4
"""The fewest letters of a lone word in an abjad that may name an organisation on its
own (حماس, חמאס). Written without vowels, a shorter word is as often a common word
of the language as a name (Persian باز *open* reads *baz*, a listed company's
short name)."""


def is_abjad(word: str) -> bool:
    """Whether ``word`` is written in an abjad (Hebrew, Arabic, Persian, Urdu)."""
    return _ABJAD.match(word) is not None


"""A letter of an abjad (Hebrew, Arabic, Persian, Urdu): words written without
their vowels, which meet listed names by consonants (:func:`word_known`)."""

ABJAD_KNOWN_PREFIX: Final = "~"
"""What :func:`word_known` prefixes to an abjad key when it asks ``known`` about
it: ``known("~hms")`` says whether some listed name's word has the consonants
*h m s* (the text screener answers from the index's token statistics)."""

HEBREW_LABIALS: Final = "="
"""What marks, after :data:`ABJAD_KNOWN_PREFIX`, a consonant key without its labials
(:data:`NO_LABIALS`): Hebrew ב writes *b* and *v*, פ *p* and *f*, and a consonant
key reads *v* as a vowel (לברוב *lbr*, Lavrov *lr*)."""
NO_LABIALS: Final = str.maketrans("", "", "bfpvw")
_HEBREW: Final = re.compile("[\u0590-\u05ff]")

ARABIC_FA: Final = "ف"
ARABIC_WAW: Final = "و"
"""Arabic *f* and *w*: Arabic has no *v*, and writes a foreign one as *f* (لافروف,
*Lavrov*; فلاديمير, *Vladimir*) or as *w*, the letter the consonant keys of
name matching read a Latin *v* as (:func:`thaw.text.fold.abjad_key`)."""

PERSIAN_Z: Final = str.maketrans("ذضظ", "ززز")
"""Arabic *dh*, *ḍ* and *ẓ*, which Persian reads, and the Latin spellings of
Persian names write, as *z* (مستضعفان *Mostazafan*, رمضان *Ramezan*): the
letters as the Persian *z* writes it (ز), for a word that meets no listed
word as Arabic reads it."""

ARABIC_PROCLITICS: Final = frozenset("وفبلك")
"""Arabic letters written joined to the next word: *and*, *so*, *by*, *for*, *like*
(لحزب الله, *for Hezbollah*)."""
HEBREW_PROCLITICS: Final = frozenset("והבלמשכ")
"""Hebrew letters written joined to the next word: *and*, *the*, *in*, *to*, *from*,
*that*, *as* (וחיזבאללה, *and Hezbollah*; לחמאס, *to Hamas*); two may stack
(ולחמאס, *and to Hamas*)."""
_LATIN_PLURAL = re.compile(r"[a-zà-ÿ]{3,}s$", re.IGNORECASE)
_STRESSED_PLURAL: Final = re.compile(r"(?<=[a-zà-ÿ]{2}[áíú])es$", re.IGNORECASE)
"""The Spanish plural of a word ending in a stressed vowel (*hutíes*, *iraníes*)."""
_CONSONANT_PLURAL: Final = re.compile(r"(?<=[a-zà-ÿ]{3})[^\W\daeiouyàâáéèêëíîïóôúûü]es$", re.I)
"""The Spanish plural of a word ending in a consonant (*talibanes*), which drops
*-es* where a plural in *-s* drops *-s* (:data:`_LATIN_PLURAL`)."""
_PLURAL_ARTICLE: Final = re.compile(
    r"(?:^|(?<=[\s(\"«“]))(?:les|des|aux|los|las|os) $", re.IGNORECASE
)
"""A plural article of French, Spanish or Portuguese just before a word: these
languages name the members of an armed group by a lower-case plural noun made
of its name (*les talibans*, *les houthis*, *los hutíes*, *os talibãs*)."""
_MUTE_E = re.compile(r"[a-zà-ÿ]{3,}[^aeiouyàâéèêëîïôûü\W]e$", re.IGNORECASE)
"""A Latin word ending in a consonant and a mute *e*: French for a Russian name in
*-in* (*Poutine*, *Raspoutine*)."""

SLAVIC_ENDINGS: Final = tuple(
    """ами ями ого его ому ему ыми ими ові еві ою ею ью ой ей ом ем ём ых их ым им ах ях
    ам ям а я у ю е і и ы""".split()
)
"""Case endings of Russian and Ukrainian nouns and surnames, longest first: the
oblique cases of a name (Газпромбанка, Роснефтью, Андреем Костиным) are its
nominative with one of these in place of its last letters."""

_CYRILLIC_VOWELS: Final = frozenset("аеёиоуыэюяєії")
_J_STEM_VOWELS: Final = frozenset("аеёоуыэюяє")
_HARD_RESTORE: Final = ("", "а", "ь", "й", "я", "о")
_SOFT_RESTORE: Final = ("й", "ь", "я", "", "а")
_SLAVIC_RESTORE: Final = {
    **dict.fromkeys(("я", "ю", "ем", "ём", "ею", "ей", "ям", "ях", "ями"), _SOFT_RESTORE),
    **dict.fromkeys(("и", "ы", "і"), ("ь", "я", "а", "й", "")),
    **dict.fromkeys(("ой", "ою"), ("а", "", "й", "ь", "я")),
    # plural: an adjective's (Российских железных → Российские железные), a
    # noun's (дорогах → дороги)
    **dict.fromkeys(("ых", "их"), ("ие", "ые", "ий", "ый")),
    "ах": ("и", "ы", *_HARD_RESTORE),
}
"""What each ending may have replaced, most likely first (Газпромбанк-а,
Андре-ем → Андрей, Роснефт-и → Роснефть, Росси-и → Россия, Набиуллин-ой →
Набиуллина); an ending not named here follows a hard stem (:data:`_HARD_RESTORE`),
which may also have lost a Ukrainian man's *-о* (Дмитр-у → Дмитро, Шевченк-а →
Шевченко)."""
TURKISH_SUFFIXES: Final = frozenset(
    """ın in un ün nın nin nun nün ı i u ü yı yi yu yü nı ni nu nü a e ya ye na ne
    da de ta te nda nde dan den tan ten ndan nden daki deki taki teki ndaki ndeki
    la le yla yle lar ler ları leri dır dir tır tir""".split()
)
"""Case endings Turkish writes after an apostrophe on a proper name (*PKK'nın*,
*Sinvar'ın*, *Gazze'deki*, *A.Ş.'nin*)."""
_TURKISH_SUFFIX: Final = re.compile(
    "['’](?:" + "|".join(sorted(TURKISH_SUFFIXES, key=len, reverse=True)) + ")$"
)
_POSSESSIVE = re.compile(r"['’]s$|['’]$", re.IGNORECASE)
_ELIDED = re.compile(r"[^\W\d_A-Z]{1,6}['’](?=[^\W\d_])")
"""A lower-case article, preposition or pronoun elided before a word, as French,
Italian and Catalan write it (*d'*, *l'*, *qu'*, *dell'*, *sull'*): before a
capital, the name is the word after it."""
_ARTICLED = re.compile(r"(?:a[dlnrstz]|ash|e[dlnrstz]|u[dlr])[-‐‑'’](?=[^\W\d_])")
"""The Arabic article as prose in Latin letters writes it in lower case before
a name's word (*al-*, *el-*, *ad-*, *ash-*, *ez-*, *ul-*: *Maher al-Assad*, *Deir
ez-Zor*)."""


def _articled(word: str) -> bool:
    """Whether ``word`` is a name's word after a lower-case Arabic article
    (:data:`_ARTICLED`): *al-Assad*, *al-Din*; not *al-based*."""
    article = _ARTICLED.match(word)
    return article is not None and word[article.end()].isupper()


_BORN = re.compile(
    r"\b(?:born|b\.|DOB|date of birth)[^0-9]{0,20}((?:1[89]|20)\d\d)\b", re.IGNORECASE
)

PARTICLES = frozenset(
    """al el ul bin ibn bint abu abd abdel abdul de del della der di da do dos das du la le
    van von ter ten y e""".split()
)
"""Lower-case words allowed inside a name although they are not capitalised."""

OF_PARTICLES: Final = frozenset("de da do dos das di del della dello dei degli du des".split())
"""The particles of Romance languages that say *of* in a name (:data:`PARTICLES`), which
each language writes its own way: a name may be listed with another's."""

CONNECTORS = frozenset({"of", "and", "for"})
"""Lower-case words allowed inside an organisation's name (``Bank of China``)."""

ARTICLE_AFTER_OF = "the"
"""The one article allowed inside a name, right after ``of`` (``Ministry of Finance
of the Russian Federation``); it never begins or ends a window (:data:`EDGE_WORDS`)."""

_VESSEL_CUE = re.compile(
    r"(?:\b(?:vessels?|ships?|tankers?|carriers?|freighters?|reefers?|bulkers?|trawlers?|"
    r"icebreakers?|m/?v|m/?t|imo|navire|"
    r"pétrolier|schiff|tanker|frachter|buques?|petrolero|barco|nave|petroliera|"
    r"navio|petroleiro|gemisi|gemi|tankowiec|tankowca|statek|statku|"
    r"schip|tankschip|fartyget|fartyg|skipet|skibet|tankkeri|alus|hajó|"
    r"tàu|chở dầu|kapal|loď|nava|petrolierul)|"
    r"(?:судн[оаеу]|танкер[аеу]?|теплоход[аеу]?))[\s.:,\"'«„“]*$",
    re.IGNORECASE,
)
"""A word that announces a vessel's name just before it (``the tanker``, ``M/V``, a
ship's type: ``the reefer``, ``the bulker``, and
in French, German, Spanish, Italian, Portuguese, Turkish, Polish, Russian,
Dutch, the Scandinavian languages, Finnish, Hungarian, Czech, Romanian,
Vietnamese (*tàu*, *tàu chở dầu*: a tanker) and Indonesian)."""

NOT_PARTIES = frozenset(
    {
        "black sea",
        "red sea",
        "caspian sea",
        "baltic sea",
        "sea of azov",
        "mediterranean sea",
        "persian gulf",
        "middle east",
        "far east",
        "north africa",
        "west africa",
        "east africa",
        "central asia",
        "south asia",
        "southeast asia",
        "latin america",
        "north america",
        "south america",
        "western europe",
        "eastern europe",
        "european union",
        "united nations",
        "white house",
        "kremlin",
        "pentagon",
        "state department",
        "treasury department",
        "security council",
        "wall street",
        "silicon valley",
        "new york",
        "los angeles",
        "washington dc",
        "donbas",
        "crimea",
        "kyiv",
        "moscow",
        "st petersburg",
        "saint petersburg",
        "supreme court",
        "congress",
        "senate",
        "house of representatives",
        "prime minister",
    }
)
"""Well-known places and institutions that are never parties themselves."""

EDGE_WORDS = frozenset(
    """the a an and or of in on at by for from to with as but not no this that these those
    his her its their our my your he she it they we i you mr mrs ms miss dr sir lord lady
    president minister chairman chairwoman chair ceo director general colonel captain
    secretary ambassador senator governor mayor king queen prince princess sheikh judge
    officer chief head deputy former late professor prof doctor imam mullah emir haji
    reverend father brother sister saint st mister madam dear hi hello thanks regards
    today yesterday
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    herr frau präsident präsidentin kanzler kanzlerin monsieur madame président
    في من إلى على عن مع إن أن قال قالت وقال الرئيس رئيس وزير الوزير السيد الشيخ
    الأمين هذا هذه التي الذي أكد أعلن أعلنت كان كانت قد ثم أو بعد قبل
    אמר אמרה אמרו הודיע הודיעה טען טענה כי את של על עם גם לא זה זאת הוא היא הם אשר
    אבל או אם עוד רק כבר בין נגד מול יש אין כך היה היתה נשיא הנשיא שר השר מר גברת
    گفت گفته که این آن از به با در را برای تا یا اما هم نیز بود است شد کرد می آقای
    خانم رئیس رییس وزیر""".split()
)
"""Words that may sit next to a name but never begin or end one (articles, titles,
pronouns, days, months; in German, French, Arabic, Hebrew and Persian too, where
titles are capitalised or, in an abjad, every word may be a name's, so that a
reporting verb would otherwise end one: מוחמד אמר, *Mohammed said*, is no
*Mohamed Omar*): a window starting or ending with one is not screened."""

MAX_RUN = 12
"""The most words of one run: a state's bank or company is named in full in payment
text (FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA: ten words)."""
MAX_WINDOW = 8
"""The most informative words (:func:`_minor` aside) of one window screened."""


class Hit(Protocol):
    """What the name lookup returns for one screened window (the screen layer's hit)."""

    score: float
    key: str
    schema: str


Lookup = Callable[[str, str | None, tuple[str, ...], bool], Sequence[Hit]]
"""``lookup(name, birth_year, countries, vessel_cue)`` → hits at or above the text
threshold, best first (``vessel_cue``: a vessel word precedes the name, so vessels
are looked for first)."""


class Where(NamedTuple):
    """Where a lone word stands: see :data:`Single`."""

    vessel_cue: bool
    weak: bool
    country: str | None
    opening: bool = False
    """Whether the word, spelled as lists spell it (not :attr:`Tok.sounded`),
    opens a sentence: its capital letter is grammar's, which a common noun
    gets as well as a name, if it is a common word of a language (:func:`_common`:
    *Opera*, not *Hikvision*; a word in capitals opening a sentence that is
    not, *ISIS claimed …*, is written so by choice: it does not count); or it
    is a lower-case plural after a plural article (:attr:`Tok.members`), a
    common noun too (*les bases*)."""
    only_opening: bool = False
    """Whether it opens a sentence and nothing else about its place is weak."""
    city: str | None = None
    """The city's name of two or three words the word is written in (*Al
    Khums*: :func:`_city_around`), if any."""


Single = Callable[[str, Callable[[], Where]], Sequence[Hit]]
"""``single(word, where)`` → hits for one word that is a listed organisation's
whole name. ``where()`` (called only when the word could be one) says
``(vessel_cue, weak, country)``: a vessel's name counts only after a vessel word;
``weak`` when the capital letter proves less than a name (:func:`_weak_capital`);
``country``, the code of a country named right after the word
(:func:`_country_after`: *МИД Финляндии*, Finland's foreign ministry)."""

_NUMBER_AFTER = re.compile(r"[ \t]{1,2}(\d{1,5})\b(?![.,]?\d)")
"""A number right after a window: part of a vessel's name (``Adrian Darya 1``)."""
_SENTENCE_END = re.compile(r"(?:[.!?…:]|\n)[\s\"'«“(\[]*$")


def _vessel_cue(text: str, start: int) -> bool:
    """Whether a vessel word stands right before ``start`` (``the tanker``)."""
    return _VESSEL_CUE.search(text, max(0, start - 24), start) is not None


_VESSEL_AFTER: Final = re.compile(
    r",[ \t]+(?:a|an|the|un|une|una|um|uma|ein|eine)[ \t]+(?:[^\W\d_][\w-]*[ \t]+){0,2}?"
    r"(?:vessel|ship|tanker|carrier|freighter|reefer|bulker|trawler|icebreaker|"
    r"navire|pétrolier|cargo|schiff|tanker|frachter|buque|petrolero|nave|petroliera|"
    r"navio|petroleiro)\b",
    re.IGNORECASE,
)
"""A vessel word in an apposition right after a name (*the SIG, a tanker
owned by …*; *the STARLA, an Iranian tanker*): as a vessel word before it, it
says the name is a vessel's."""


def _vessel_after(text: str, end: int) -> bool:
    """Whether an apposition with a vessel word follows ``end`` (:data:`_VESSEL_AFTER`)."""
    return _VESSEL_AFTER.match(text, end, end + 48) is not None


def _where(text: str, run: list[Tok], i: int, taken: set[int]) -> Where:
    """:class:`Where` the word ``run[i]`` stands (see :data:`Single`);
    ``taken``: the run's words in mentions already found. A word that is
    itself declined (*PKK'nın Irak'ın*, the PKK's Iraq) is no country's
    institution: the country names something of the word's. A word
    that only sounds like a listed one (:attr:`Tok.sounded`) is weak evidence
    whatever its place: it names a party only a second authority lists too."""
    tok = run[i]
    opening = not tok.sounded and (
        tok.members
        or _sentence_start(text, tok.start)
        and not (_capitals(tok.text) and _lower_case_after(text, tok.end))
        and _common(tok.text)
    )
    elsewhere = tok.sounded or tok.members or _weak_capital(text, run, i, taken)
    country = _country_after(text, tok) if tok.base is None else None
    cue = _vessel_cue(text, tok.start) or _vessel_after(text, tok.end)
    city = _city_around(text, tok)
    return Where(cue, opening or elsewhere, country, opening, opening and not elsewhere, city)


_WORD_JOINERS: Final = re.compile("[-'’]")


def _common(word: str) -> bool:
    """Whether a word opening a sentence is a common word of a language
    (:func:`thaw.text.common_words.common_word`: *Opera*, *Let*, *Plasma*),
    whose capital is grammar's; one that is not (*Hikvision*) is a name
    however it is placed. A word written with a hyphen or an apostrophe
    counts by its first part (*Opera's*: *opera*; *Hikvision's*)."""
    return common_word(_WORD_JOINERS.split(word, 1)[0])


LINE_LOOKAHEAD: Final = 80
"""How far past a word :func:`_lower_case_after` looks for a lower-case letter."""


def _lower_case_after(text: str, end: int) -> bool:
    """Whether a lower-case letter follows ``end`` on its line (within
    :data:`LINE_LOOKAHEAD` characters): the sentence is not written all in
    capitals, so a word in capitals opening it (*ISIS claimed …*) was
    written so by choice, as an acronym or a name, not by grammar."""
    line = text[end : end + LINE_LOOKAHEAD].split("\n", 1)[0]
    return any(map(str.islower, line))


def _weak_capital(text: str, run: list[Tok], i: int, taken: set[int]) -> bool:
    """Whether a lone capitalised word ``run[i]`` is weaker evidence of an
    organisation's name than a capital letter usually is, other than by
    opening a sentence (grammar capitalised it: :attr:`Where.opening`): a
    country follows it (*Минфин США*, *Rosneft Deutschland*: that country's
    office or a subsidiary); or it is one word of a longer proper name,
    before a generic word (*TBC Bank* is not the TBC a list abbreviates) or
    next to another distinctive word of some listed name
    (*Ocean Star Shipping* is not JOINT STOCK COMPANY STAR) that is in no
    mention found (``taken``) and is no given name beginning a person's name
    after it (*Глава РФПИ Кирилл Дмитриев* names the fund and its head)."""
    tok = run[i]
    if _country_after(text, tok) is not None:
        return True
    for j in (i - 1, i + 1):
        near = run[j] if 0 <= j < len(run) and j not in taken else None
        if near is None or not near.text[0].isupper() or _minor(near):
            continue
        if max(near.start - tok.end, tok.start - near.end) > 1:
            continue
        if j == i + 1 and _generic(near.text):
            return True  # a longer company name: TBC Bank is not TBC
        if not _distinctive(near.text):
            continue
        if j == i - 1 and _sentence_start(text, near.start) and not _capitals(near.text):
            continue  # a word opening the sentence is capitalised by grammar
        if j == i + 1 and _given_name(near.text):
            continue  # a person's name begins there (Глава РФПИ Кирилл Дмитриев)
        return True
    # a capitalised word beside it that no list holds, so in no run: a longer
    # proper name too (Vessel: NORDIC STAR)
    before = _PREVIOUS_WORD.search(text, max(0, tok.start - 24), tok.start) if i == 0 else None
    if before is not None and _outside_word(before.group(1), text, before.start(1)):
        return True
    after = _NEXT_WORD.match(text, tok.end) if i == len(run) - 1 else None
    return after is not None and _outside_word(after.group(1), text, None)


COMPOUND_HEAD: Final = 4
"""The fewest letters of the first part of a hyphenated compound read alone as
an organisation's name (*Sberbank-Chef*; not *Al-*, *Abu-*)."""


def _weakly(where: Callable[[], Where]) -> Where:
    """``where()``, its word weak evidence whatever its place."""
    return where()._replace(weak=True, only_opening=False)


def _capitals(word: str) -> bool:
    """Whether a word of two letters or more is written all in capitals, which no
    grammar does to a word that opens a sentence or a field."""
    return len(word) > 1 and word.isupper()


def _outside_word(word: str, text: str, start: int | None) -> bool:
    """Whether a word next to a lone word, outside its run, makes a longer
    proper name with it: capitalised, distinctive, no title, article, place or
    given name (that begins a person's name after it), and not capitalised only
    by opening the sentence or a field (``start``: where the word before the
    lone word stands; a word in capitals is no such word)."""
    if not word[0].isupper() or word.lower() in _NOT_GIVEN_NAMES or word.lower() in TITLES:
        return False
    if start is not None and _sentence_start(text, start) and not _capitals(word):
        return False
    if start is None and _given_name(word):
        return False
    return _distinctive(word) and not _is_place(word)


@lru_cache(maxsize=65_536)
def _given_name(word: str) -> bool:
    """Whether a word is known as a given name (*Kirill*, *Richard*)."""
    return any(known_given_name(t.symbols) for t in analyze_name(word).tokens)


@lru_cache(maxsize=65_536)
def _distinctive(word: str) -> bool:
    """Whether a word analyses as a word of a name or a place (*Ocean*), not a
    generic word (*Group*, *Shipping*), a legal form, a title, an article or a
    particle."""
    if word.lower() in _NOT_GIVEN_NAMES:
        return False
    return any(t.role not in _NOT_DISTINCTIVE for t in analyze_name(word).tokens)


@lru_cache(maxsize=65_536)
def _generic(word: str) -> bool:
    """Whether a word analyses as a generic word of organisation names (*Bank*,
    *Group*, *Trading*) and nothing else."""
    tokens = analyze_name(word).tokens
    return bool(tokens) and all(t.role == "generic" for t in tokens)


_NOT_DISTINCTIVE: Final = frozenset(
    {"generic", "legal_form", "stop", "particle", "honorific", "initial"}
)


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence (text start, after ``.!?:`` or a line break)."""
    before = text[max(0, start - 12) : start]
    if start <= 12 and not before.strip(" \t\"'«“(["):
        return True  # (only the last few characters are looked at: linear)
    return _SENTENCE_END.search(before) is not None


@dataclass(slots=True)
class Tok:
    """A word of the text with its offsets and analysed forms."""

    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    capitalised: bool
    comma_after: bool = False
    base: str | None = None
    """The word's dictionary form when it is inflected (``Газпромбанка`` →
    ``Газпромбанк``, ``Rosnefts`` → ``Rosneft``): see :func:`base_form`."""
    spelled: bool = True
    """Whether the word as written is a word of some listed name (else only its
    :attr:`base` is)."""
    continues: bool = False
    """Whether the word, in lower case, continues a name in Cyrillic letters
    begun with a capital: Russian and Ukrainian capitalise only the first word
    of an organisation's name (*Российские железные дороги*)."""
    sounded: bool = False
    """Whether :attr:`base` is the listed word this one only sounds like
    (*Hisbollah* for HIZBALLAH: :mod:`thaw.screen.text.sounding`), which names
    a well-known organisation alone and nothing else."""
    members: bool = False
    """Whether the word is a lower-case plural after a plural article (*les
    talibans*, *los hutíes*: :func:`_members`): the members of a group, which
    names a well-known organisation alone and nothing else."""


@dataclass(slots=True)
class Mention:
    """One place in the text where a party is named."""

    start: int
    end: int
    text: str
    hit: Hit
    short: bool = False
    surname: str | None = None


@dataclass(slots=True)
class Party:
    """A party found in the text, with all its mentions."""

    key: str
    hit: Hit
    mentions: list[Mention] = field(default_factory=list)

    @property
    def score(self) -> float:
        return max(m.hit.score for m in self.mentions if not m.short)


@lru_cache(maxsize=200_000)
def _keys(word: str) -> tuple[str, ...]:
    return analyze_name(word).texts


def _is_cased(word: str) -> bool:
    return word.lower() != word.upper()


_CONNECTING: Final = CONNECTORS | {ARTICLE_AFTER_OF}
_LOWER_NAME_WORDS = PARTICLES | CONNECTORS
"""Lower-case words that may sit inside a name (and :data:`ARTICLE_AFTER_OF`)."""


@lru_cache(maxsize=65_536)
def _inflections(word: str) -> tuple[str, ...]:
    """Candidate dictionary forms of ``word``, most likely first: a Russian or
    Ukrainian word with a case ending (:data:`SLAVIC_ENDINGS`) replaced by what
    it may have replaced (:data:`_SLAVIC_RESTORE`); a word with a Turkish case
    ending after an apostrophe without it (:data:`TURKISH_SUFFIXES`); a Latin word of four letters
    or more without its final ``s`` (the German genitive *Rosnefts*, a plural
    *Talibans*), also its *-es* after a consonant (the Spanish *talibanes*), its
    Spanish *-es* after a stressed vowel (*hutíes*: :data:`_STRESSED_PLURAL`), or
    its mute *e* (:data:`_MUTE_E`); an Arabic or Hebrew word
    without one or two joined proclitics (:data:`ARABIC_PROCLITICS`,
    :data:`HEBREW_PROCLITICS`); another Latin word without a
    Polish, Czech or Slovak case ending (:data:`LATIN_SLAVIC_ENDINGS`), or a
    Finnish or Hungarian one (:func:`_uralic_stems`)."""
    if _CYRILLIC.match(word):
        lower = word.lower()
        upper = word.isupper()
        out: list[str] = []
        for ending in SLAVIC_ENDINGS:
            if lower.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: len(word) - len(ending)]
                restore = _SLAVIC_RESTORE.get(ending, _HARD_RESTORE)
                vowel_stem = stem[-1].lower() in _CYRILLIC_VOWELS
                out.extend(
                    stem + (r.upper() if upper else r)
                    for r in restore
                    # й follows only a vowel, ь only a consonant
                    if not (r == "й" and not vowel_stem) and not (r == "ь" and vowel_stem)
                )
        # a stem ending in a vowel lost its й to the ending (Алексе-ю, Серге-я,
        # Никола-ем ← Алексей, Сергей, Николай), before the longer ending that
        # would take that vowel too (Алекс-ею); not after и, where -ия and -ий
        # decline alike (Росси-и ← Россия)
        out.sort(key=lambda c: not (c[-1] in "йЙ" and c[-2].lower() in _J_STEM_VOWELS))
        return tuple(out)
    if (suffix := _TURKISH_SUFFIX.search(word)) is not None:
        return (word[: suffix.start()],)
    if _STRESSED_PLURAL.search(word):
        # Spanish hutíes, iraníes: the plural as other languages write it
        # (hutís, as in Houthis), the singular (hutí)
        return (word[:-2] + "s", word[:-2])
    if _CONSONANT_PLURAL.search(word):
        return (word[:-1], word[:-2])  # Spanish talibanes: taliban
    if _LATIN_PLURAL.match(word) or _MUTE_E.match(word):
        return (word[:-1],)
    if len(word) >= 4 and word[0] in ARABIC_PROCLITICS:
        if word.startswith("لل"):  # li- before al-: للحوثي is ل + الحوثي
            return ("ال" + word[2:],)
        if len(word) >= 5 and word[0] in "وف" and word[1] in ARABIC_PROCLITICS:
            return (word[1:], word[2:])  # and/so + by/for/like: ولحزب, وبحماس
        return (word[1:],)
    if len(word) >= 4 and word[0] in HEBREW_PROCLITICS and _HEBREW.match(word):
        if len(word) >= 5 and word[1] in HEBREW_PROCLITICS:
            return (word[1:], word[2:])
        return (word[1:],)
    if _is_cased(word[0]):
        lower = word.lower()
        slavic = tuple(
            stem + restore
            for ending in LATIN_SLAVIC_ENDINGS
            if lower.endswith(ending) and len(word) - len(ending) >= _LATIN_SLAVIC_STEM
            for stem in (word[: len(word) - len(ending)],)
            for restore in ("", "a", "o")
            if restore != "o" or stem[-1] in "kK"
        )
        return slavic + _uralic_stems(word)
    return ()


FINNISH_ENDINGS: Final = tuple(
    """iin illa illä ilta iltä ille issa issä ista istä ina inä iksi ia iä in
    lla llä lta ltä lle ssa ssä sta stä ksi n""".split()
)
"""Case endings Finnish adds to a foreign name, longest first: after a
consonant with the linking *i* (*Rostelecomin*, *Jevmenovin*, *Rostelecomiin*,
*Rostelecomilla*), after a vowel as they are (*Sozvezdien*, *Sozvezdiessa*)."""
HUNGARIAN_SUFFIXES: Final = tuple(
    """nak nek nál nél val vel ban ben ból ből ról ről tól től hoz hez höz ért ba be
    ra re on en ön ot et at öt ig t""".split()
)
"""Case suffixes Hungarian joins with a hyphen to an acronym or a foreign name
whose last letter is not said as written (*MZKT-nak*, *MZKT-t*, *Rosneft-tel*
aside), longest first."""
_URALIC_STEM: Final = 5
"""The fewest letters of a stem a Finnish ending is taken from: a shorter
word with an ending cut is as often another word."""
_VOWELS: Final = frozenset("aeiouyäöAEIOUYÄÖ")


def _uralic_stems(word: str) -> tuple[str, ...]:
    """A Latin word without a Finnish case ending (:data:`FINNISH_ENDINGS`:
    *Rostelecomin* → *Rostelecom*, *Sozvezdien* → *Sozvezdie*), a linking *i*
    only after a consonant, or without a Hungarian suffix after a hyphen
    (:data:`HUNGARIAN_SUFFIXES`: *MZKT-nak* → *MZKT*)."""
    head, hyphen, tail = word.rpartition("-")
    if hyphen and head and tail.lower() in HUNGARIAN_SUFFIXES:
        return (head,)
    lower = word.lower()
    out: list[str] = []
    for ending in FINNISH_ENDINGS:
        if not lower.endswith(ending) or len(word) - len(ending) < _URALIC_STEM:
            continue
        stem = word[: len(word) - len(ending)]
        # the linking i follows a consonant; an ending without it, a vowel
        if (ending[0] == "i") == (stem[-1] not in _VOWELS):
            out.append(stem)
    return tuple(out)


UKRAINIAN_ADJECTIVES: Final = (
    ("ська", "ская"),
    ("цька", "цкая"),
    ("ський", "ский"),
    ("цький", "цкий"),
    ("на", "ная"),
    ("ний", "ный"),
)
"""Ukrainian adjective endings (feminine and masculine nominative) and the
Russian ones they stand for: Ukrainian prose names a Russian party in its own
adjectives (*Луганська народна республіка*), which the lists publish in
Russian (*Луганская народная республика*)."""


def _russian_adjective(word: str) -> tuple[str, ...]:
    """A Ukrainian adjective (:data:`UKRAINIAN_ADJECTIVES`) as Russian writes
    it, its stem's *і* as *и* (*Російська* → *Российская*), else nothing."""
    lower = word.lower()
    if not _CYRILLIC.match(word):
        return ()
    for ukrainian, russian in UKRAINIAN_ADJECTIVES:
        if lower.endswith(ukrainian) and len(word) - len(ukrainian) >= 3:
            stem = word[: len(word) - len(ukrainian)].replace("і", "и").replace("І", "И")
            return (stem + (russian.upper() if word.isupper() else russian),)
    return ()


LATIN_SLAVIC_ENDINGS: Final = tuple("owi ovi ego emu em om ą ę a y i u ie e".split())
"""Case endings of Polish, Czech and Slovak nouns and names, longest first: the
oblique cases of a name written in Latin letters (*Kadyrowa*, *Łukaszenkę*,
*Gazprombanku*) are its nominative with one of these added, or in place of *-a*;
or of the *-o* of a surname in *-ko*, which Polish declines as a noun in *-a*
(*z Romanem Gołowczenką*: Gołowczenko)."""
_LATIN_SLAVIC_STEM: Final = 4

_HACEK: Final = str.maketrans(
    {"ş": "sh", "ș": "sh", "š": "sh", "ç": "ch", "č": "ch", "ž": "zh", "ț": "ts", "ţ": "ts"}
)
"""Letters that Turkish, Romanian, Czech and the Baltic languages write for the
sounds English spellings of a foreign name write with two (*Şoygu*, *Šojgu* ~
*Shoigu*, *Ilan Șor* ~ *Shor*); name analysis folds them to the plain letter,
which loses the *h*."""

_POLISH_SOUNDS: Final = {"szcz": "shch", "sz": "sh", "cz": "ch", "rz": "zh", "ł": "l", "w": "v"}
_POLISH: Final = re.compile("szcz|sz|cz|rz|ł|w")
_POLISH_SOFT: Final = ((re.compile("(?<=[^aeiouy])ie"), "e"), (re.compile("([iy])j$"), r"\1"))
"""Polish spellings of a Russian or Belarusian word's soft *e* and its ending
*-ий* (*Biełaruśkalij* ~ *Belaruskali*, *Siergiej* ~ *Sergei*)."""
"""Polish spellings of sounds English spellings write otherwise (*Łukaszenka* ~
*Lukashenka*, *Kadyrow* ~ *Kadyrov*)."""

_GERMAN_SOUNDS: Final = {
    "schtsch": "shch",
    "tsch": "ch",
    "sch": "sh",
    "ch": "kh",
    "ss": "s",
    "w": "v",
}
_GERMAN: Final = re.compile(
    "schtsch|tsch|sch|ch|ss|w|(?<=[aeiouy])s(?=[aeiouy])|(?:^|(?<=[^aeiouy]))j(?=[aeiou])"
)
"""German (Duden) spellings of a Russian name's sounds: *tsch* ч, *sch* ш,
*ch* х, *s* between vowels з, *ss* с, *w* в, *j* before a vowel й, or the
softness of the consonant before it (*Tschemesow*, *Chodorkowski*, *Misulina*,
*Jelena*, *Degtjarjow* ~ *Chemezov*, *Khodorkovsky*, *Mizulina*, *Yelena*,
*Degtyaryov*)."""
_GERMAN_YO: Final = re.compile("(?<=[^aeiouy])yo|(?<=sh|ch|zh)o(?=v$)")
"""The ё of a German spelling read as English spellings mostly write it, *e*
(*Degtjarjow*, *Gorbatschow* ~ *Degtyarev*, *Gorbachev*)."""

PORTUGUESE_NASAL: Final = "ã"
"""How Portuguese ends a foreign name in *-an* (*Talibã*, *Irã*, *Teerã*)."""

RESPELLINGS = 6
"""How many customary spellings of a name word (:func:`_respellings`) are tried."""


@lru_cache(maxsize=65_536)
def _respellings(word: str) -> tuple[str, ...]:
    """Other spellings of a Latin name word that no list spells so: its letters
    with a háček or cedilla written as two (:data:`_HACEK`), its Portuguese
    final *ã* as *an* (:data:`PORTUGUESE_NASAL`), its Polish
    digraphs as English writes them (:data:`_POLISH`), then its soft *e* and
    *-ij* too (:data:`_POLISH_SOFT`: *Biełaruśkalij*), its German ones
    (:data:`_GERMAN`: *Tschemesow*), and the customary
    Latin spellings of the given names and surnames it shares a name item with in
    rigour's name data (:func:`thaw.text.symbols.latin_words`), so that a Russian
    name as Polish, French or German prose transliterates it meets the list's
    English spelling (*Szojgu*, *Loukachenko*, *Gierasimow* ~ *Shoigu*,
    *Lukashenko*, *Gerasimov*)."""
    if not _is_cased(word[0]) or _CYRILLIC.match(word):
        return ()
    out: list[str] = []
    lower = word.lower()
    if (respelt := lower.translate(_HACEK)) != lower:
        out.append(respelt)
    if lower.endswith(PORTUGUESE_NASAL):
        out.append(lower[:-1] + "an")  # Talibã, Irã: Taliban, Iran
    if (polish := _POLISH.sub(lambda m: _POLISH_SOUNDS[m.group()], lower)) != lower:
        out.append(polish)
    soft = polish
    for pattern, replacement in _POLISH_SOFT:
        soft = pattern.sub(replacement, soft)
    if soft != polish:
        out.append(soft)
    if (german := _GERMAN.sub(_german_sound, lower)) != lower:
        out.append(german)
        if (yo := _GERMAN_YO.sub("e", german)) != german:
            out.append(yo)
    for token in analyze_name(word).tokens:
        out.extend(latin_words(token.symbols, RESPELLINGS))
    return tuple(dict.fromkeys(out))


def _german_sound(m: re.Match[str]) -> str:
    """The English spelling of a German one (:data:`_GERMAN`)."""
    letters = m.group()
    if letters == "s":
        return "z"
    return "y" if letters == "j" else _GERMAN_SOUNDS[letters]


@lru_cache(maxsize=200_000)
def _abjad_keys(word: str) -> tuple[str, ...]:
    return tuple(ABJAD_KNOWN_PREFIX + abjad_key(t.raw or t.text) for t in analyze_name(word).tokens)


def word_known(word: str, keys: tuple[str, ...], known: Callable[[str], bool]) -> bool:
    """Whether a word of the text is a word of some listed name: its analysed
    forms ``keys`` all are (``known``), or, for a word written in an abjad
    (Arabic حماس *hmas*, which no list spells so), its consonants are those of
    a listed word (:data:`ABJAD_KNOWN_PREFIX`); an Arabic word's also with its
    *f* read as *v* (:data:`ARABIC_FA`), a Hebrew word's also without its
    labials (:data:`HEBREW_LABIALS`)."""
    if all(map(known, keys)):
        return True
    if not is_abjad(word):
        return False
    abjad = _abjad_keys(word)
    if all(map(known, abjad)):
        return True
    if ARABIC_FA in word and all(map(known, _abjad_keys(word.replace(ARABIC_FA, ARABIC_WAW)))):
        return True  # a foreign v written with f (لافروف, Lavrov: :data:`ARABIC_FA`)
    if (persian := word.translate(PERSIAN_Z)) != word and all(map(known, _abjad_keys(persian))):
        return True  # a z as Persian reads it (مستضعفان, Mostazafan: :data:`PERSIAN_Z`)
    return _HEBREW.match(word) is not None and all(
        known(k[:1] + HEBREW_LABIALS + k[1:].translate(NO_LABIALS)) for k in abjad
    )


_DEVANAGARI_CONSONANT: Final = re.compile("[\u0915-\u0939\u0958-\u095f]\u093c?")
_DEVANAGARI_VOWEL_SIGN: Final = re.compile("[\u093e-\u094c\u0962\u0963]")
_VIRAMA: Final = "\u094d"


def _schwa_deleted(word: str) -> tuple[str, ...]:
    """A Devanagari word as Hindi says it: the inherent *a* of a consonant
    inside the word, between a syllable and a consonant with a vowel sign,
    is not spoken (खालसा *khālsā*, not *khālasā*; लखवी *lakhvī*; रहमान
    *rahmān*), and the lists spell the name as spoken (KHALSA, LAKHVI,
    REHMAN): the word with a virama (``्``) that silences it, if any."""
    if not ("\u0900" <= word[:1] <= "\u097f"):
        return ()
    out: list[str] = []
    i, n, changed = 0, len(word), False
    while i < n:
        c = _DEVANAGARI_CONSONANT.match(word, i)
        if c is None:
            out.append(word[i])
            i += 1
            continue
        out.append(c.group())
        j = c.end()
        follower = _DEVANAGARI_CONSONANT.match(word, j)
        if (
            i > 0
            and follower is not None
            and _DEVANAGARI_VOWEL_SIGN.match(word, follower.end()) is not None
        ):
            out.append(_VIRAMA)
            changed = True
        i = j
    return ("".join(out),) if changed else ()


def _declined_common(word: str, base: str) -> bool:
    """Whether ``word`` is a common word declined (*Ради*, of *Рада*, a
    council) rather than a listed name: a common word one of whose
    dictionary forms (:func:`_inflections`) is a common word too, while the
    form a list spells (``base``: *Радь*, RAAD's) is none. A declined name
    that is also a common word (*Газпрома*: *Газпром*) keeps its name."""
    if _common(base) or not _common(word):
        return False
    return any(_common(form) for form in _inflections(word))


def base_form(word: str, known: Callable[[str], bool]) -> str | None:
    """The dictionary form of an inflected name word: the first candidate of
    :func:`_inflections` whose analysed form is in some listed name (and
    differs from the word's own), else ``None``. Lists publish names in the
    nominative; prose declines them (*Клиенты Газпромбанка*, *с Роснефтью*,
    *Rosnefts Raffinerie*), and Ukrainian prose writes a Russian name's
    adjectives in Ukrainian (*народна*: :func:`_russian_adjective`). A Latin
    word no list spells so may also be another language's spelling of a
    listed word (:func:`_respellings`: *Szojgu*)."""
    own = _keys(word)
    candidates = (*_inflections(word), *_russian_adjective(word), *_respellings(word))
    for candidate in (*candidates, *_schwa_deleted(word)):
        keys = _keys(candidate)
        if keys and keys != own and word_known(candidate, keys, known):
            return candidate
    if _latin(word):
        # a declined word in another language's spelling (Łukaszenkę: Łukaszenka,
        # which English spells Lukashenka)
        for form in _inflections(word):
            for candidate in _respellings(form):
                keys = _keys(candidate)
                if keys and keys != own and word_known(candidate, keys, known):
                    return candidate
    return None


_NEVER: Final = 1 << 62
"""An offset past the end of any text."""


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each short quoted name (:data:`_QUOTED`: four words at
    most, the first capitalised), in text order."""
    spans: list[tuple[int, int]] = []
    for m in _QUOTED.finditer(text):
        inner = m.group()[1:-1].strip()
        if inner and inner[0].isupper() and len(inner.split()) <= 4:
            spans.append(m.span())
    return spans


def tokenize(text: str) -> list[Tok]:
    """The words of ``text`` that can be part of a name, with offsets into ``text``
    (see the module docs): lower-case words other than particles and connectors
    are left out, as they can only end a run of name words; unless the whole
    text is in lower case (a chat message), where any word may be a name's, or
    they follow a capitalised word in Cyrillic letters (:func:`_after_cyrillic_capital`)."""
    toks: list[Tok] = []
    append = toks.append
    quotes = _quoted_spans(text) if any(mark in text for mark in _QUOTE_MARKS) else []
    q = 0
    quote_start, quote_end = quotes[0] if quotes else (_NEVER, _NEVER)
    # a text written all in lower case (a chat message: "is it bank mellat??")
    # capitalises no name: every word may be one
    lower_text = not any(map(str.isupper, text))
    for m in _WORD.finditer(text):
        word = m.group()
        start, end = m.span()
        if "\n" in word:
            word = _LINE_HYPHEN.sub("", word)
        if ("'" in word or "’" in word) and len(word) > 3:
            poss = _POSSESSIVE.search(word)
            if poss:
                end -= len(word) - poss.start()
                word = word[: poss.start()]
            elided = _ELIDED.match(word)
            if elided and word[elided.end()].isupper() and word[: elided.end() - 1].islower():
                # d'Oleg Deripaska, dell'Iran: the name begins after the article
                start += elided.end()
                word = word[elided.end() :]
        first = word[0]
        if lower_text and first.islower() and word not in _LOWER_NAME_WORDS:
            if len(word) <= 2 or word in EDGE_WORDS:
                continue  # (is, to, the, with: no name's edge, as in cased text)
            capitalised = True
        elif first.islower() and word.islower() and word not in _LOWER_NAME_WORDS:
            # a lower-case word is never part of a name (it only ends a run, as
            # the gap it leaves does): not analysed, not kept; unless it is in a
            # short quoted name (ПАО «Газпром нефть») or "the" after "of"
            if word == ARTICLE_AFTER_OF and toks and toks[-1].text == "of":
                if start - toks[-1].end <= 2:
                    append(Tok(start, end, word, (word,), False))
                continue
            if _members(text, start, word):
                append(Tok(start, end, word, _keys(word), True, members=True))
                continue
            if _after_cyrillic_capital(text, toks, start):
                # (Российские железные дороги: find_runs decides, Tok.continues)
                append(Tok(start, end, word, _keys(word), False))
                continue
            if start < quote_start:
                continue
            while quote_end <= start:  # (words come in text order: one pass)
                q += 1
                quote_start, quote_end = quotes[q] if q < len(quotes) else (_NEVER, _NEVER)
            if start < quote_start:
                continue
            capitalised = True
        elif not first.isupper() and _CJK_WORD.match(first):
            continue  # Korean, Chinese, Japanese: screen.text.cjk's (see the module docs)
        elif not TANWIN.isdisjoint(word):
            continue  # an Arabic common word, indefinite (:data:`TANWIN`)
        else:
            capitalised = first.isupper() or not _is_cased(first) or _articled(word)
        keys = _keys(word)
        if not keys:
            continue
        comma = text.startswith(",", end) or text[end : end + 3].lstrip(" ").startswith(",")
        append(Tok(start, end, word, keys, capitalised, comma))
    return toks


ZWNJ: Final = "\u200c"
"""The zero-width non-joiner Persian writes between the parts of a compound
word or name (خاتم‌الانبیا, Khatam al-Anbiya): a space that is not drawn."""
_GAP_MARKS: Final = frozenset(",-'’" + ZWNJ) | _QUOTE_MARKS
"""What besides white space may stand between two words of one name (a
Persian zero-width non-joiner too: :data:`ZWNJ`)."""


def _gap_ok(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end : b.start]
    stripped = gap.replace("'s", "").replace("’s", "").replace("'S", "").replace("’S", "")
    return (
        len(gap) <= 4
        and all(c.isspace() or c in _GAP_MARKS for c in stripped)
        and gap.count(",") <= 1
        and gap.count("\n") <= 1
    )


Sounds = Callable[[str], str | None]
"""``sounds(word)`` → the one-word name of a well-known listed organisation that
a Latin word no list spells sounds like (:class:`thaw.screen.text.sounding.SoundAlikes`)."""


def find_runs(
    text: str, toks: list[Tok], known: Callable[[str], bool], sounds: Sounds | None = None
) -> list[list[Tok]]:
    """Maximal runs of consecutive name-like tokens (see the module docs); a
    word no list spells, nor its dictionary form, that sounds like a
    well-known organisation's one-word name (``sounds``) stands for that name,
    alone (:attr:`Tok.sounded`)."""
    runs: list[list[Tok]] = []
    current: list[Tok] = []
    bases: dict[str, str | None] = {}  # (this text's words: base_form is no cache)

    def flush() -> None:
        while current and _minor(current[-1]) and not current[-1].capitalised:
            current.pop()
        if current:
            runs.append(list(current))
        current.clear()

    for tok in toks:
        if tok.capitalised:
            word = tok.text
            namelike = word_known(word, tok.keys, known)
            if not namelike and _POSSESSIVE.match(text, tok.end, tok.end + 2):
                # a possessive that is part of a name (PEOPLE'S REPUBLIC)
                namelike = word_known(word + "'s", _keys(word + "'s"), known)
            if (
                not namelike
                or "\u0400" <= word[0] <= "\u04ff"
                or _TURKISH_SUFFIX.search(word)
                or word.lower().translate(_HACEK) != word.lower()
            ):
                # an inflected name (Газпромбанка): screened in its dictionary
                # form too; and a word with a háček or cedilla (*Șor*), which
                # name analysis folds to another listed word (*sor*), in the
                # spelling English gives it (*shor*: :func:`_respellings`)
                if word in bases:
                    tok.base = bases[word]
                else:
                    tok.base = bases[word] = base_form(word, known)
                tok.spelled = namelike
                if (
                    not namelike
                    and tok.base is None
                    and sounds is not None
                    and _latin(word)
                    and (alike := _sounds_like(word, sounds)) is not None
                ):
                    tok.base, tok.sounded = alike, True
                namelike = namelike or tok.base is not None
                if not namelike and current and (number := _roman_number(word)) is not None:
                    # a Roman numeral after a name (BICENTENARIO XVI), which
                    # the lists read as a number in a vessel's name: screened
                    # as a vessel's (_screen_run)
                    namelike = tok.spelled = known(number)
                if not namelike and (number := _ordinal_number(word)) is not None:
                    # an ordinal (the Second Economic Committee), which the
                    # lists read as a number in an organisation's name
                    namelike = tok.spelled = known(number)
                if not namelike and "-" in word:
                    # a name and a noun no list holds (Sberbank-Chef): the name
                    # alone may name an organisation (_screen_run)
                    head = word.split("-", 1)[0]
                    namelike = word_known(head, _keys(head), known)
            particle = tok.keys[0] in PARTICLES
        elif _continues(current, tok):
            word = tok.text
            namelike = word_known(word, tok.keys, known)
            if word not in bases:
                bases[word] = base_form(word, known)
            tok.base = bases[word]
            tok.spelled = namelike
            tok.continues = namelike = namelike or tok.base is not None
            particle = False
        elif tok.text == ARTICLE_AFTER_OF:  # kept by tokenize only right after "of"
            particle = namelike = bool(current) and current[-1].text == "of"
        else:
            particle = tok.keys[0] in PARTICLES or tok.text.lower() in CONNECTORS
            namelike = particle and (
                tok.text in OF_PARTICLES or word_known(tok.text, tok.keys, known)
            )
        if current and (not _gap_ok(text, current[-1], tok) or len(current) >= MAX_RUN):
            flush()
        if namelike:
            if not current and particle and not tok.capitalised:
                continue
            current.append(tok)
        else:
            flush()
    flush()
    for run in runs:
        _decline_together(run, known, bases)
    return runs


_ROMAN_NUMERAL: Final = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")
"""A Roman numeral of two letters or more in capitals, up to XXXIX (*II*,
*XVI*): after a name, its number (a vessel's, a fund's: *Sea Star IV*)."""
_ROMAN_VALUES: Final = {"I": 1, "V": 5, "X": 10}


def _ordinal_number(word: str) -> str | None:
    """The number an ordinal word is in an organisation's name (*Second*: 2),
    as name analysis reads it there; else ``None``."""
    tokens = analyze_name(word, "Organization").tokens
    if len(tokens) == 1 and tokens[0].role == "number" and not word[0].isdigit():
        return tokens[0].text
    return None


def _roman_number(word: str) -> str | None:
    """The number a Roman numeral in capitals writes (:data:`_ROMAN_NUMERAL`:
    *XVI* → ``16``), in digits; else ``None``. Analysis reads such a numeral
    as a number in a vessel's name and as a word in a name of unknown kind,
    as prose's is: a run takes it when some listed name holds that number
    (:func:`find_runs`), and screens the window it ends as a vessel's name
    (:func:`_screen_run`)."""
    if _ROMAN_NUMERAL.fullmatch(word) is None:
        return None
    total = highest = 0
    for letter in reversed(word):
        value = _ROMAN_VALUES[letter]
        total += -value if value < highest else value
        highest = max(highest, value)
    return str(total)


CYRILLIC_NAME_TAIL: Final = 3
"""The most lower-case words kept after a capitalised word in Cyrillic letters,
which may continue its name (:attr:`Tok.continues`)."""


def _members(text: str, start: int, word: str) -> bool:
    """Whether a lower-case word at ``start`` is a plural (in *-s*) after a
    plural article (:data:`_PLURAL_ARTICLE`): perhaps the members of a group
    named after it (*les talibans*), which :func:`_screen_run` screens alone
    and :func:`_where` counts as weak evidence (a well-known party only)."""
    return (
        len(word) > MEMBERS_MIN
        and word.endswith("s")
        and _PLURAL_ARTICLE.search(text, max(0, start - 5), start) is not None
    )


MEMBERS_MIN: Final = 4
"""The fewest letters of a lower-case plural read as a group's members (*les
houthis*), more than the articles and pronouns of those languages."""


def _after_cyrillic_capital(text: str, toks: list[Tok], start: int) -> bool:
    """Whether a lower-case word at ``start`` follows, a space apart, a word in
    Cyrillic letters that is capitalised or one of the
    :data:`CYRILLIC_NAME_TAIL` lower-case words kept after one."""
    if not _CYRILLIC.match(text, start):
        return False
    for tok in reversed(toks[-CYRILLIC_NAME_TAIL:]):
        if start - tok.end > 1 or not _CYRILLIC.match(tok.text):
            return False
        if tok.capitalised:
            return True
        start = tok.start
    return False


def _continues(current: list[Tok], tok: Tok) -> bool:
    """Whether a lower-case word may continue the run ``current`` as a word of
    a name in Cyrillic letters begun with a capital (:attr:`Tok.continues`)."""
    return (
        bool(current)
        and (current[0].capitalised or current[0].continues)
        and _CYRILLIC.match(current[-1].text) is not None
        and _CYRILLIC.match(tok.text) is not None
        and tok.keys[0] not in PARTICLES
        and tok.text.lower() not in CONNECTORS
    )


def _name_goes_on(text: str, tok: Tok) -> bool:
    """Whether a capitalised word follows ``tok`` a space apart: a name in
    lower-case words that goes on (*Министерство финансов Казахстана*)."""
    after = _NEXT_WORD.match(text, tok.end)
    return after is not None and after.group(1)[0].isupper()


def _sounds_like(word: str, sounds: Sounds) -> str | None:
    """The well-known organisation's one-word name that ``word`` sounds like,
    as written or in a dictionary form (*Shebabs*, a plural: *Shebab*)."""
    for form in (word, *_inflections(word)):
        if (alike := sounds(form)) is not None:
            return alike
    return None


def _latin(word: str) -> bool:
    """Whether a word is written in a cased script other than Cyrillic (Latin, in
    practice: Greek and Armenian names are not declined here)."""
    return _is_cased(word[0]) and not _CYRILLIC.match(word)


def _decline_together(
    run: list[Tok], known: Callable[[str], bool], bases: dict[str, str | None]
) -> None:
    """A person's given name and surname are declined together (*Aleksandra
    Łukaszenkę*, *Ramzana Kadyrowa*): when a Latin word of the run is known only
    in its dictionary form, the run's other Latin words that are known as
    written get theirs too, tried when the words as written find nothing
    (*Aleksandra* is also a given name of its own)."""
    if not any(t.base is not None and not t.spelled and _latin(t.text) for t in run):
        return
    for tok in run:
        if tok.base is None and tok.spelled and _latin(tok.text) and not _minor(tok):
            word = tok.text
            if word not in bases:
                bases[word] = base_form(word, known)
            tok.base = bases[word]


@lru_cache(maxsize=1)
def _not_parties() -> frozenset[str]:
    return frozenset(analyze_name(text).key for text in NOT_PARTIES)


@lru_cache(maxsize=65536)
def _is_place(window: str) -> bool:
    """Whether a window of text names a country, territory, place or institution."""
    if analyze_name(window).key in _not_parties():
        return True
    return territories.lookup(window) is not None


_WORD_AFTER: Final = re.compile(r" ([^\W\d_][\w'’-]*)")
_WORD_BEFORE: Final = re.compile(r"([^\W\d_][\w'’-]*) $")


def _in_place_name(text: str, tok: Tok) -> bool:
    """Whether the word ``tok`` is written as a word of a place's name of two
    or three words (*Tel* of *Tel Aviv*, *Rio* of *Rio de Janeiro*): not a
    name of its own, whether or not the index knows the place's other words."""
    return any(map(_is_place, _spans_around(text, tok)))


def _city_around(text: str, tok: Tok) -> str | None:
    """The name of two or three words of a city that the word ``tok`` is
    written in (*Al Khums* of *Khums*, *Santa Marta* of *Marta*: the
    gazetteer's, :func:`~thaw.screen.text.places.is_city`, which the territory
    names of :func:`_in_place_name` do not hold), if any."""
    return next((span for span in _spans_around(text, tok) if is_city(span)), None)


def _spans_around(text: str, tok: Tok) -> Iterator[str]:
    """The spans of two or three words of ``text`` that hold the word ``tok``."""
    before: list[str] = []
    at = tok.start
    for _ in range(2):
        match = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if match is None:
            break
        before.insert(0, match.group(1))
        at = match.start()
    after: list[str] = []
    at = tok.end
    for _ in range(2):
        match = _WORD_AFTER.match(text, at)
        if match is None:
            break
        after.append(match.group(1))
        at = match.end()
    words = [*before, tok.text, *after]
    i = len(before)
    for a in range(max(0, i - 2), i + 1):
        for b in range(i + 1, min(len(words), a + 3) + 1):
            if b - a >= 2:
                yield " ".join(words[a:b])


class _Births:
    """Every "born 1975" / "DOB 1975" of a text, found once (a search around each
    window would read the text many times over)."""

    def __init__(self, text: str) -> None:
        found = [(m.start(), m.end(), m.group(1)) for m in _BORN.finditer(text)]
        self.starts = [f[0] for f in found]
        self.found = found

    def near(self, start: int, end: int, radius: int = 250) -> str | None:
        """The birth year written nearest a mention, within ``radius`` characters
        (the first of two as near): a note that names two persons with their
        years (*the client Andrei Skoch, born 2001 … the deputy Andrei Skoch,
        born 1966*) gives each mention its own."""
        lo, hi = max(0, start - radius), end + radius
        i = bisect_left(self.starts, lo)
        best: tuple[int, str] | None = None
        while i < len(self.found) and self.found[i][0] < hi:
            at, until, year = self.found[i]
            if until <= hi:
                distance = max(at - end, start - until, 0)
                if best is None or distance < best[0]:
                    best = (distance, year)
            i += 1
        return None if best is None else best[1]


def _minor(tok: Tok) -> bool:
    """A particle, connector or article: never informative on its own (a word that
    analyses as a particle and a name, ``Al-Shabaab``, is informative)."""
    keys = tok.keys
    if keys[0] in PARTICLES:
        return len(keys) == 1 or all(k in PARTICLES for k in keys)
    return tok.text.lower() in _CONNECTING


def _named_whole(
    pattern: re.Pattern[str], text: str, lookup: Callable[[str], Sequence[Hit]]
) -> list[Mention]:
    """Every match of ``pattern`` in ``text`` that ``lookup`` finds listed under
    that very word, as a mention of its first hit."""
    found: list[Mention] = []
    for m in pattern.finditer(text):
        hits = lookup(m.group())
        if hits:
            found.append(Mention(m.start(), m.end(), m.group(), hits[0]))
    return found


_MARK: Final = re.compile(r"(?<![\w-])(?=[A-Z0-9]*[A-Z])[A-Z0-9]{1,2}-[A-Z0-9]{2,6}(?![\w-])")
"""An aircraft's registration mark (EP-MNF, EW-301PJ, P-532): its country prefix, a
hyphen and the registration, in capitals."""


def find_marks(text: str, lookup: Callable[[str], Sequence[Hit]]) -> list[Mention]:
    """Every registration mark in ``text`` (:data:`_MARK`) that names a listed
    aircraft: ``lookup(mark)`` gives the aircraft listed under that very mark.
    Lists name an aircraft by its mark, which has no letters to be a word of."""
    return _named_whole(_MARK, text, lookup)


_NUMBERED: Final = re.compile(
    r"(?<![\w.-])(?=[A-Z0-9-]*[0-9])(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6})?(?![\w-]|[.,]\d)"
)
"""A name of capitals and digits written as one word (*MS-13*, *M23*, *17N*): an
armed group or gang named by a number, which no word of letters alone holds."""


def find_numbered(text: str, lookup: Callable[[str], Sequence[Hit]]) -> list[Mention]:
    """Every word of capitals and digits in ``text`` (:data:`_NUMBERED`) that is a
    listed organisation's whole name as published: ``lookup(word)`` gives the
    organisations listed under that very name (its letters and digits)."""
    return _named_whole(_NUMBERED, text, lookup)


IDENTIFIERS: Final = (
    ("swift", re.compile(r"(?<![A-Za-z0-9])[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Za-z0-9])")),
    ("imo", re.compile(r"\bIMO[\s:.#]*(?:No\.?\s*)?(\d{7})\b", re.IGNORECASE)),
    (
        "crypto",
        re.compile(
            r"(?<![A-Za-z0-9])(?:0x[0-9a-fA-F]{40}|bc1[0-9a-z]{25,62}|"
            r"[13T][1-9A-HJ-NP-Za-km-z]{25,40})(?![A-Za-z0-9])"
        ),
    ),
)
"""Identifiers that payment, shipping and news text writes beside a name or
instead of it, by the kind the lists give them: a bank's SWIFT/BIC code
(SABRRUMM, in field 57A or an ISO 20022 ``<BICFI>``), a vessel's IMO number
(the seven digits: group 1, when there is one), a crypto-currency address."""

IdLookup = Callable[[str, str], Sequence[Hit]]
"""``lookup(kind, number)`` → the hits of the listings that carry that identifier."""


def find_identifiers(text: str, lookup: IdLookup) -> list[Mention]:
    """Every identifier of :data:`IDENTIFIERS` in ``text`` that a listing carries,
    as a mention of that listing's party (the identifier's offsets)."""
    found: list[Mention] = []
    for kind, pattern in IDENTIFIERS:
        for m in pattern.finditer(text):
            group = 1 if m.lastindex else 0
            hits = lookup(kind, m.group(group))
            if hits:
                found.append(Mention(m.start(group), m.end(group), m.group(group), hits[0]))
    return found


_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ"
_LOWER = "a-zß-öø-ÿā-žа-яёіїєґ'’-"
_INITIALLED: Final = (
    re.compile(
        rf"(?<![\w.])(?P<i>[{_UPPER}])\.[ \t]?(?:[{_UPPER}]\.[ \t]?)?[ \t]*"
        rf"(?P<s>[{_UPPER}][{_LOWER}]{{2,}})(?![\w.])"
    ),
    re.compile(
        rf"(?<![\w.])(?P<s>[{_UPPER}][{_LOWER}]{{2,}})[ \t]+(?P<i>[{_UPPER}])\.[ \t]?"
        rf"(?:[{_UPPER}]\.)?(?!\w)"
    ),
)
"""A surname with the initials of the given name (and patronymic) before or after it:
*V. Putin*, *В. В. Путин*, *Лавров С.В.* (as Russian documents sign)."""

InitialLookup = Callable[[str, str], Sequence[Hit]]
"""``lookup(initial, surname)`` → persons listed under that surname whose given
name begins with that initial."""


def find_initialled(text: str, lookup: InitialLookup) -> list[Mention]:
    """Every surname written with its initials (:data:`_INITIALLED`) that names a
    listed person: the surname as written (or in its dictionary form, declined:
    *В. Путина*) and the first initial, which must begin the listed given name."""
    found: list[Mention] = []
    for pattern in _INITIALLED:
        for m in pattern.finditer(text):
            initial, surname = m.group("i"), m.group("s")
            hits = lookup(initial, surname)
            if not hits:
                for form in _inflections(surname):
                    if hits := lookup(initial, form):
                        break
            if hits and all(m.end() <= f.start or m.start() >= f.end for f in found):
                found.append(Mention(m.start(), m.end(), m.group(), hits[0]))
    return found


PERSON_TITLES: Final = (
    "mr mrs ms herr frau president presidente präsident président prezydent prezident "
    "minister ministre "
    "ministro ministra general general-major general-lieutenant generale général generał "
    "generaal colonel admiral ambassador botschafter ambassadeur embajador embaixador "
    "ambasciatore governor gouverneur gobernador governatore governador gubernator mayor "
    "senator sénateur senador senatore senatör deputato deputado poseł "
    "sheikh mullah mawlawi "
    "bakan bakanı başkan başkanı cumhurbaşkanı başbakan vali "
    "президент министр міністр генерал полковник адмирал адмірал посол губернатор мэр "
    "сенатор депутат спикер спікер премьер вице-премьер прем'єр"
).split()
"""Titles a person's surname follows alone in prose (*President Putin*, *генерал
Суровикин*, *Dışişleri Bakanı Lavrov*, *Сенатор Маркелов*, *Senator Wong*:
a surname many lists share names nobody); in Russian and Ukrainian declined too
(:data:`_TITLED`) and joined to a rank by a hyphen (*генерал-полковник*)."""
_TITLED: Final = re.compile(
    r"(?<![\w-])(?P<t>(?i:(?:"
    + "|".join(map(re.escape, PERSON_TITLES))
    + r")(?:-[^\W\d_]+)?(?:а|у|ом|ым|ові|е|і)?))\.?[ \t]+"
    + rf"(?P<s>[{_UPPER}][{_LOWER}]{{3,}})(?![\w-])"
    + rf"(?=(?:[ \t]+(?P<next>[{_UPPER}][\w'’-]*))?)"
)
"""A title (:data:`PERSON_TITLES`), a capitalised word after it, and the
capitalised word that follows that, if any, looked at but not taken (it may
begin another title's match: *Minister Lavrov General Gerasimov*;
:func:`find_titled`)."""

TitledLookup = Callable[[str], Sequence[Hit]]
"""``lookup(surname)`` → the one well-known person listed under that surname."""
TitleLookup = Callable[[str, str], Sequence[Hit]]
"""``lookup(surname, title)``: :data:`TitledLookup`, told the title written before
the surname (:func:`position_of`)."""

POSITIONS: Final = {
    "president": "president presidente präsident président prezydent prezident президент "
    "cumhurbaşkan",
    "prime minister": "premier премьер прем'єр başbakan",
    "governor": "governor gouverneur gobernador governatore governador gubernator vali губернатор",
    "mayor": "mayor мэр",
}
"""Titles of :data:`PERSON_TITLES` that name one office, in English as the lists
publish a person's position (*President of Belarus*), and as prose writes them
(declined too: *президента*)."""


def position_of(title: str) -> str | None:
    """The office (:data:`POSITIONS`) a title written in prose names, if one."""
    lower = title.lower()
    for position, words in POSITIONS.items():
        if any(lower.startswith(word) for word in words.split()):
            return position
    return None


def find_titled(text: str, lookup: TitleLookup) -> list[Mention]:
    """Every surname after a title (:data:`_TITLED`) that names a well-known
    listed person: the surname as written, in its dictionary form, declined
    (*генерала Суровикина*), or as the list spells it (:func:`_respellings`:
    *le président Poutine*). No other capitalised word may follow the surname
    (*President Vladimir Putin* is a full name, screened as such) but a
    place's name, declined too (*Cumhurbaşkanı Putin Ankara'ya*, to Ankara:
    :func:`_place_word`)."""
    found: list[Mention] = []
    for m in _TITLED.finditer(text):
        if (after := m.group("next")) is not None and not _place_word(after):
            continue
        surname = m.group("s")
        if hits := _surname_hits(surname, partial(_titled_as, lookup, m.group("t"))):
            found.append(Mention(m.start("s"), m.end("s"), surname, hits[0]))
    return found


def _titled_as(lookup: TitleLookup, title: str, surname: str) -> Sequence[Hit]:
    """``lookup(surname, title)``: a :data:`TitledLookup` for one title."""
    return lookup(surname, title)


def _surname_hits(surname: str, lookup: TitledLookup, declined: bool = False) -> Sequence[Hit]:
    """The well-known person a surname alone names (``lookup``), as written, in
    its dictionary form, or as the list spells it; ``declined``: the grammar
    declines it (a genitive: *по словам Лаврова*, *według Ławrowa*, Lavrov's,
    not LAVROVA's), its dictionary form first."""
    forms = (*_inflections(surname), surname) if declined else (surname, *_inflections(surname))
    for form in (*forms, *_respellings(surname)):
        if hits := lookup(form):
            return hits
    return ()


SPEECH_BEFORE: Final = "according to|по словам|за словами|selon|según|laut|secondo|segundo|volgens"
"""Words that introduce whose words are reported (*по словам Силуанова*); not
Polish *według*, whose genitive (*Ławrowa*) :func:`_inflections` does not undo."""
GENITIVE_BEFORE: Final = frozenset({"по словам", "за словами"})
"""Those of :data:`SPEECH_BEFORE` after which a name is declined (genitive)."""
SPEECH_AFTER: Final = (
    "said|says|told|stated|заявил|заявила|заявляет|сказал|сказала|отметил|отметила|"
    "сообщил|сообщила|заявив|сказав|a déclaré|a dit|dijo|declaró|sagte|erklärte|"
    "ha detto|ha dichiarato|disse|açıkladı|dedi|söyledi|повідомив|повідомила|powiedział|"
    "powiedziała|oświadczył|oświadczyła|afirmó|afirmou|declarou|zei|verklaarde"
)
"""Verbs of speech after the speaker (*Матвиенко заявила*, *Lavrov said*)."""
_SPOKEN: Final = re.compile(
    rf"(?:(?<![\w-])(?P<cue>(?i:{SPEECH_BEFORE}))[ \t]+(?P<b>[{_UPPER}][{_LOWER}]{{3,}})"
    rf"(?![\w-]|[ \t]+[{_UPPER}]))"
    rf"|(?:(?<![\w'’-])(?P<a>[{_UPPER}][{_LOWER}]{{3,}})[ \t]+"
    rf"(?:{SPEECH_AFTER})(?!\w))"
    rf"|(?:(?<![\w'’-])(?P<l>[{_UPPER}][{_LOWER}]{{3,}}):[ \t]+(?=[{_UPPER}]))"
)
"""A capitalised word whose words prose reports: after *according to* (no other
capitalised word after it), before a verb of speech, or as a speaker's label
before a colon, as a transcript writes it (*Zyuganov: Thank you*)."""
_LABEL_BEFORE: Final = re.compile(r"(?:^|[\n.!?\])][ \t]*)$")
"""What goes before a speaker's label (:data:`_SPOKEN`): the start of the text
or a line, the end of a sentence, or a bracketed note (*[Duma session]*)."""


def find_spoken(text: str, lookup: TitledLookup) -> list[Mention]:
    """Every surname alone whose words the prose reports (:data:`_SPOKEN`:
    *по словам Силуанова*, *Матвиенко заявила*, *Lavrov said*, a transcript's
    *Zyuganov: Thank you*), as a title
    shows, a person's: the well-known listed person of that surname, on the
    conditions of :func:`find_titled`. A word after another capitalised word
    (*Sergei Ivanov said*) is a full name's, screened as such."""
    found: list[Mention] = []
    for m in _SPOKEN.finditer(text):
        group = next(g for g in ("b", "a", "l") if m.group(g) is not None)
        start = m.start(group)
        if group != "b" and _WORD_BEFORE_CAPITAL.search(text, max(0, start - 40), start):
            continue
        if group == "l" and not _LABEL_BEFORE.search(text, max(0, start - 40), start):
            continue  # (a colon after a word inside a sentence introduces no speech)
        surname = m.group(group)
        declined = group == "b" and m.group("cue").lower() in GENITIVE_BEFORE
        if hits := _surname_hits(surname, lookup, declined):
            found.append(Mention(start, m.end(group), surname, hits[0]))
    return found


HONORIFICS: Final = {
    "patriarch": "patriarch patriarche patriarca патриарх патріарх",
    "mullah": "mullah mollah mulá mullá molla мулла",
    "sheikh": "sheikh cheikh cheick jeque scheich şeyh шейх",
    "imam": "imam imám имам",
    "emir": "emir émir emiro эмир",
}
"""Religious and honorific titles that lists publish inside a name (*Patriarch
Kirill*, *Mullah Omar*), in English, and as the languages around write them,
in lower case in French, Spanish and Italian prose (*le patriarche Kirill*,
*el mulá Omar*); in Russian and Ukrainian declined too (:data:`_HONORED`)."""
_HONORIFIC_OF: Final = {
    word: english for english, words in HONORIFICS.items() for word in words.split()
}
_HONORED: Final = re.compile(
    r"(?<![\w-])(?P<t>(?i:"
    + "|".join(map(re.escape, sorted(_HONORIFIC_OF, key=len, reverse=True)))
    + r"))(?:а|у|ом|е)?[ \t]+"
    + rf"(?P<n>[{_UPPER}][{_LOWER}]{{2,}})(?![\w-])"
)

WindowLookup = Callable[[str], Sequence[Hit]]
"""``lookup(name)`` → the party a window of prose reading ``name`` names."""


def find_honored(text: str, lookup: WindowLookup) -> list[Mention]:
    """Every name after an honorific title (:data:`HONORIFICS`) that the lists
    publish with the title (*le patriarche Kirill*: *Patriarch Kirill*),
    screened as a window of the title in English and the name (its
    dictionary form too: *патриарха Кирилла*); the mention is the name."""
    found: list[Mention] = []
    for m in _HONORED.finditer(text):
        english = _HONORIFIC_OF[m.group("t").lower()]
        name = m.group("n")
        for form in (name, *_inflections(name)):
            if hits := lookup(f"{english} {form}"):
                found.append(Mention(m.start("n"), m.end("n"), name, hits[0]))
                break
    return found


_WORD_BEFORE_CAPITAL: Final = re.compile(rf"[{_UPPER}][\w'’-]*[ \t]+$")
"""A capitalised word right before another (the first name of a full name)."""


def _place_word(word: str) -> bool:
    """Whether a capitalised word is a country's or city's name, as written or
    in its dictionary form (:func:`_inflections`: *Ankara'ya*, *Москве*)."""
    return any(_is_place(w) or is_city(w) for w in (word, *_inflections(word)))


SWIFT_LINE = 35
"""The width of a SWIFT MT name and address line (``35x``): a sender cuts a longer
name there whatever the word (``DEMOCRATI`` / ``C PEOPLE'S REPUBLIC``)."""
_FIELD_TAG: Final = re.compile(r":\d\d[A-Z]?:")


def join_wrapped(text: str, toks: list[Tok], known: Callable[[str], bool]) -> list[Tok]:
    """``toks`` with each word that a SWIFT line cut in two joined again: the
    first part ends a line of :data:`SWIFT_LINE` characters (its field tag aside),
    the second begins the next, and together, but not the first part alone, they
    are a word of some listed name (a word that merely ends at the margin,
    ``DEMOCRATIC`` / ``PEOPLE'S``, stays as it is)."""
    out: list[Tok] = []
    for tok in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and text[prev.end : tok.start] in ("\n", "\r\n")
            and _is_cased(prev.text[-1])
            and _is_cased(tok.text[0])
        ):
            line_start = text.rfind("\n", 0, prev.start) + 1
            tag = _FIELD_TAG.match(text, line_start)
            width = prev.end - (tag.end() if tag else line_start)
            joined = prev.text + tok.text
            keys = _keys(joined)
            if (
                width == SWIFT_LINE
                and keys
                and all(map(known, keys))
                and not all(map(known, prev.keys))
            ):
                out[-1] = Tok(prev.start, tok.end, joined, keys, prev.capitalised, tok.comma_after)
                continue
        out.append(tok)
    return out


def find_mentions(
    text: str,
    lookup: Lookup,
    known: Callable[[str], bool],
    single: Single | None = None,
    others: Callable[[str], list[Mention]] | None = None,
    sounds: Sounds | None = None,
    bare: WindowLookup | None = None,
) -> list[Party]:
    """Every listed party mentioned in ``text``, with its mentions in text order.

    ``others(text)`` adds mentions found another way (names in Korean, Chinese and
    Japanese prose: :mod:`thaw.screen.text.cjk`); one overlapping a mention
    found word by word is dropped, unless it is longer and holds every mention
    it overlaps, which it then replaces (a name translated by meaning,
    *הג'יהאד האסלאמי הפלסטיני*, the Palestinian Islamic Jihad, holds the *Islamic
    Jihad* its first two words spell). ``sounds`` reads a word no list spells as
    the well-known organisation it sounds like (:func:`find_runs`); ``bare``
    names the very well-known person a surname alone names (:func:`_bare_surname`)."""
    work = text
    toks = tokenize(work)
    if "\n" in work:
        toks = join_wrapped(work, toks, known)
    births = _Births(work)
    mentions: list[Mention] = []
    for run in find_runs(work, toks, known, sounds):
        found = _screen_run(work, run, lookup, single, births)
        if not found and bare is not None and sum(t.capitalised for t in run) == 1:
            # (a Russian word goes on with the lower-case words after it: Tok.continues)
            found = _bare_surname(work, run[0], bare)
        if not found and bare is not None:
            found = _coordinated_surnames(work, run, bare)
        mentions.extend(found)
    if others is not None:
        replaced: set[int] = set()
        kept: list[Mention] = []
        for extra in others(work):
            inside = [
                i for i, m in enumerate(mentions) if m.start < extra.end and extra.start < m.end
            ]
            if all(_holds(extra, mentions[i]) for i in inside):
                replaced.update(inside)
                kept.append(extra)
        mentions = [m for i, m in enumerate(mentions) if i not in replaced] + kept
    parties: dict[str, Party] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        parties.setdefault(mention.hit.key, Party(mention.hit.key, mention.hit)).mentions.append(
            mention
        )
    _short_references(work, toks, mentions, parties)
    for party in parties.values():
        party.mentions.sort(key=lambda m: m.start)
    return sorted(parties.values(), key=lambda p: (-p.score, p.mentions[0].start))


AND_WORDS: Final = frozenset("and und et y e i и і та ve".split())
"""The word *and* of the languages whose prose joins two bare surnames with it
(*Голикова и Хуснуллин*, *Колокольцев і Турчак*): :func:`_coordinated_surnames`."""


def _coordinated_surnames(text: str, run: Sequence[Tok], lookup: WindowLookup) -> list[Mention]:
    """Two capitalised words joined by *and* (:data:`AND_WORDS`) that name no
    party together, each as a bare surname (:func:`_bare_surname`: *Голикова и
    Хуснуллин провели совещание*)."""
    if len(run) != 3 or run[1].text.lower() not in AND_WORDS:
        return []
    first, second = run[0], run[2]
    if not (first.capitalised and second.capitalised):
        return []
    return _bare_surname(text, first, lookup) + _bare_surname(text, second, lookup)


_AND_AFTER: Final = re.compile(r"\s+(\w+)\s+(\w+)")


def _surname_joined(text: str, tok: Tok, lookup: WindowLookup) -> bool:
    """Whether *and* (:data:`AND_WORDS`) and the surname of a very well-known
    person follow ``tok`` (*Голикова и Хуснуллин*): a name beside a name, so
    ``tok`` opening a sentence is a name too, not a word grammar capitalised."""
    after = _AND_AFTER.match(text, tok.end)
    if after is None or after.group(1).lower() not in AND_WORDS:
        return False
    word = after.group(2)
    if not word[0].isupper() or word.isupper() or _common(word) or _is_place(word):
        return False
    return bool(_surname_hits(word, lookup))


def _bare_surname(text: str, tok: Tok, lookup: WindowLookup) -> list[Mention]:
    """A capitalised word alone, inside a sentence, as the surname of the one
    very well-known listed person it names (``lookup``: *Решетников с ним
    согласился*, *Die Vermögenswerte Tschemesows*), as written, declined or
    respelt (:func:`_surname_hits`); not a common word or a place's name, and
    not a word that opens a sentence, whose capital proves nothing, unless
    *and* and another such surname follow it (:func:`_surname_joined`)."""
    word = tok.text
    if not word[0].isupper() or word.isupper() or _edge(tok) or _minor(tok):
        return []
    if _common(word):
        return []
    if _sentence_start(text, tok.start) and not _surname_joined(text, tok, lookup):
        return []
    if _is_place(word) or _in_place_name(text, tok) or _before_building(text, tok):
        return []
    if tok.base is not None and any(_is_place(w) for w in _inflections(word)):
        return []  # a country or city declined (в Грозному)
    if hits := _surname_hits(word, lookup):
        return [Mention(tok.start, tok.end, word, hits[0])]
    return []


VESSEL_WORDS = frozenset(
    """vessel ship tanker carrier freighter reefer bulker trawler icebreaker mv mt m/v m/t
    navire pétrolier cargo schiff frachter
    nave petroliera navio petroleiro gemi gemisi tankowiec statek
    schip tankschip fartyget fartyg skipet skibet tankkeri alus hajó tàu kapal loď
    судно танкер теплоход сухогруз""".split()
)
"""Words that announce a vessel's name: a window never starts with one ("Танкер
Atlas" is the tanker Atlas, not the company ATLAS SHIPPING)."""


def _without_proclitic(word: str) -> tuple[str, ...]:
    """An Arabic or Hebrew word without the one or two proclitics joined to its
    front (:data:`ARABIC_PROCLITICS`, :data:`HEBREW_PROCLITICS`: وفالح → فالح,
    למוסא → מוסא), each form that keeps three letters, fewest cut first
    (:func:`_inflections` proposes them); none for another word."""
    if not is_abjad(word):
        return ()
    return tuple(f for f in _inflections(word) if len(f) >= 3 and word.endswith(f))


def _holds(outer: Mention, inner: Mention) -> bool:
    """Whether a mention spans all of another, and more."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and inner.end - inner.start < outer.end - outer.start
    )


def _vessel_word(tok: Tok) -> bool:
    return tok.text.lower().strip(".") in VESSEL_WORDS


def _edge(tok: Tok) -> bool:
    return tok.text.lower().strip(".") in EDGE_WORDS


ENGLISH_ARTICLES: Final = frozenset({"the", "a", "an"})


_STACKING_BEFORE: Final = re.compile(r"(\w+)[^\w.;:!?]*$")


def _stacked_article(text: str, tok: Tok) -> bool:
    """Whether ``tok``, an article written in capitals (*AN*), follows an
    article or a vessel word: articles do not stack, nor follow the noun, so it
    is the first word of a name the lists write in capitals (*the AN SAN 1*,
    *the tanker AN SAN 1*, a vessel), not an article."""
    if not (tok.text.isupper() and len(tok.text) > 1 and tok.text.lower() in ENGLISH_ARTICLES):
        return False
    before = _STACKING_BEFORE.search(text, max(0, tok.start - 40), tok.start)
    if before is None:
        return False
    word = before.group(1).lower()
    return word in ENGLISH_ARTICLES or word in VESSEL_WORDS


TITLES = frozenset(
    """mr mrs ms miss dr sir lord lady president minister chairman chairwoman chair
    director general colonel captain secretary ambassador senator governor mayor king
    queen prince princess sheikh judge officer chief professor doctor emir saint st""".split()
)
"""The words of :data:`EDGE_WORDS` that may begin a vessel's name after a vessel word
(*the tanker Lady R*, *MV Princess Sarah*)."""


def _title(tok: Tok) -> bool:
    return tok.text.lower().strip(".") in TITLES


def _owner(text: str, tok: Tok) -> bool:
    """Whether a word of :data:`EDGE_WORDS` is written with a possessive
    (*Lord's*): a noun that owns what follows, a word of a name (*the Lord's
    Resistance Army*, *King's College*), not a title before one (*Lord Cameron*)."""
    return _POSSESSIVE.match(text, tok.end, tok.end + 2) is not None


def _surname_word(text: str, window: list[Tok]) -> bool:
    """Whether the last word of ``window``, one of :data:`EDGE_WORDS` but no
    title, is a surname: capitalised in mid-sentence right after a known given
    name (*Viktor But*, *Theresa May*), where grammar capitalises neither the
    conjunction nor the month's name after a first name."""
    last = window[-1]
    return (
        len(window) >= 2
        and last.text[0].isupper()
        and not _title(last)
        and not _sentence_start(text, last.start)
        and _given_name(window[-2].text)
    )


_NEXT_WORD: Final = re.compile(r" ([^\W\d_]+)")
_PREVIOUS_WORD: Final = re.compile(r"([^\W\d_]+)\.? $")


@lru_cache(maxsize=65_536)
def _country(word: str) -> str | None:
    """The code of the country ``word`` names, also declined (*Финляндии*)."""
    for form in (word, *_inflections(word)):
        territory = territories.lookup(form)
        if territory is not None:
            return territory.code
    return None


def _country_after(text: str, tok: Tok) -> str | None:
    """The code of the country that the word after ``tok``, one space away,
    names, which then qualifies the word (*Минфин США*: the US Treasury, not
    Russia's ministry that the lists call *MinFin*; *МИД Финляндии*)."""
    m = _NEXT_WORD.match(text, tok.end)
    if m is None or not m.group(1)[0].isupper():
        return None  # ("and" is no country, though Andorra's code is AND)
    return _country(m.group(1))


BUILDINGS: Final = frozenset(
    """mosque mosques church cathedral temple synagogue shrine street avenue boulevard
    square palace airport hospital stadium hotel museum
    mosquée église rue place aéroport hôpital moschea chiesa piazza aeroporto ospedale
    mezquita iglesia calle plaza avenida aeropuerto mesquita igreja rua praça
    moschee kirche straße strasse platz flughafen krankenhaus camii caddesi meydanı
    мечеть улица площадь проспект аэропорт больница""".split()
)
"""Nouns of buildings, streets and squares that follow the word a place is named
after (*Al-Aqsa Mosque*, *Azadi Hotel*, *Rashid Street*)."""


def _before_building(text: str, tok: Tok) -> bool:
    """Whether the word right after ``tok`` is a building's or street's noun
    (:data:`BUILDINGS`): the word names that place, not a party."""
    m = _NEXT_WORD.match(text, tok.end)
    return m is not None and m.group(1).lower() in BUILDINGS


def _person_before(text: str, tok: Tok) -> bool:
    """Whether the word before ``tok``, one space away, makes it a person's
    surname: a title (*Mr Wagner*) or a known given name (*Richard Wagner's
    operas*), so the word alone names no organisation."""
    m = _PREVIOUS_WORD.search(text, max(0, tok.start - 24), tok.start)
    if m is None or not m.group(1)[0].isupper():
        return False
    word = m.group(1)
    lower = word.lower()
    if lower in TITLES:
        return True
    if lower in _NOT_GIVEN_NAMES:
        return False  # Le Hamas: the article, though Le is also a given name
    return _given_name(word)


ARTICLES: Final = frozenset(
    "le la les der die das den dem des el los las il lo gli ein eine un une una".split()
)
"""Articles of the languages around, which stand before an organisation's name
(*Le Hamas*, *Der Gazprombank*) and are sometimes also given names."""

_NOT_GIVEN_NAMES: Final = PARTICLES | CONNECTORS | ARTICLES | (EDGE_WORDS - TITLES)


def _inner_possessives(text: str, window: list[Tok], words: list[str]) -> list[str]:
    """``words`` (one per token of ``window``) with the ``'s`` that
    :func:`tokenize` took off a word inside the window given back."""
    out = list(words)
    for k, tok in enumerate(window[:-1]):
        if _POSSESSIVE.match(text, tok.end, tok.end + 2) and not out[k].endswith("'s"):
            out[k] += "'s"
    return out


def _screen_run(
    text: str,
    run: list[Tok],
    lookup: Lookup,
    single: Single | None = None,
    births: _Births | None = None,
) -> list[Mention]:
    found: list[Mention] = []
    n = len(run)
    windows: list[tuple[float, int, int, Hit]] = []
    ends: dict[tuple[int, int], int] = {}
    begins: dict[tuple[int, int], int] = {}
    cues: dict[int, bool] = {}

    def cue_at(start: int) -> bool:
        cue = cues.get(start)
        if cue is None:
            cue = cues[start] = _vessel_cue(text, start)
        return cue

    declined = any(t.base is not None for t in run)
    for size in range(n, 1, -1):
        for i in range(0, n - size + 1):
            window = run[i : i + size]
            if not window[0].capitalised or not (window[-1].capitalised or window[-1].continues):
                continue
            if any(t.sounded or t.members for t in window):
                continue  # a word read by its sound names an organisation alone
            if (_edge(window[-1]) and not _surname_word(text, window)) or _vessel_word(window[0]):
                continue
            if window[-1].continues and (i + size < n or _name_goes_on(text, window[-1])):
                continue  # cut short: Министерство финансов (Казахстана) is not Russia's
            start, end = window[0].start, window[-1].end
            if (
                _edge(window[0])
                and not (_title(window[0]) and cue_at(start))
                and not _owner(text, window[0])
                and not _stacked_article(text, window[0])
            ):
                continue  # "the tanker Lady R": a vessel's name may begin with a title
            if (
                any(t.comma_after for t in window[1:-1])
                or sum(t.comma_after for t in window[:-1]) > 1
            ):
                continue
            phrase = text[start:end]
            informative = [t for t in window if not _minor(t)]
            if not 2 <= len(informative) <= MAX_WINDOW or _is_place(phrase):
                continue
            year = (births or _Births(text)).near(start, end)
            countries = country_beside(text, start, end)
            # a name ending in a Roman numeral (Bicentenario XVI) is read as a
            # vessel's too, whose numeral the lists read as its number
            cue = (
                cue_at(start)
                or _roman_number(window[-1].text) is not None
                or _vessel_after(text, end)
            )
            # hyphen breaks joined, commas dropped; a word no list spells so
            # (Газпромбанка) in its dictionary form, the only form that can match
            if declined:
                words = " ".join([t.text if t.spelled else (t.base or t.text) for t in window])
            else:
                words = " ".join([t.text for t in window])
            if "'" in phrase or "’" in phrase:
                # a possessive inside a name is the name's (PEOPLE'S REPUBLIC)
                words = " ".join(_inner_possessives(text, window, words.split(" ")))
            hits: Sequence[Hit] = ()
            number = _NUMBER_AFTER.match(text, end)
            if number is not None:  # "Adrian Darya 1": the number is part of the name
                hits = lookup(f"{words} {number.group(1)}", year, countries, cue)
                if hits:
                    ends[(i, i + size)] = number.end()
            if not hits:
                hits = lookup(words, year, countries, cue)
            if not hits and declined:
                # declined words a list also spells (Путина): the dictionary forms
                based = " ".join([t.base or t.text for t in window])
                if based != words:
                    hits = lookup(based, year, countries, cue)
            if not hits and declined and any(_russian_adjective(t.text) for t in window):
                # Ukrainian adjectives (Луганська народна), which the lists
                # write in Russian (Луганская народная): as Russian writes them
                russian = " ".join(
                    [(*_russian_adjective(t.text), t.base or t.text)[0] for t in window]
                )
                hits = lookup(russian, year, countries, cue)
            if not hits and any(t.text in OF_PARTICLES for t in window[1:-1]):
                # "of" as another Romance language says it (Banco Central da
                # Venezuela, listed as BANCO CENTRAL DE VENEZUELA): without it
                bare = " ".join([w for w in words.split(" ") if w not in OF_PARTICLES])
                hits = lookup(bare, year, countries, cue)
            if not hits and ARABIC_FA in words:
                # Arabic writes a foreign v with its f (لافروف, Lavrov), a
                # consonant that a listed v, no consonant to an abjad, does
                # not meet: the v as Arabic script also writes it, with و
                hits = lookup(words.replace(ARABIC_FA, ARABIC_WAW), year, countries, cue)
            if not hits and (persian := words.translate(PERSIAN_Z)) != words:
                # (بنیاد مستضعفان, listed as BONYAD MOSTAZAFAN: :data:`PERSIAN_Z`)
                hits = lookup(persian, year, countries, cue)
            for bare_first in () if hits else _without_proclitic(window[0].text):
                # a proclitic joined to the name's first word (وفالح الفياض, *and*
                # Falih al-Fayyadh), which its word as written, a word of some
                # listed name too, kept: the name without it
                rest = words.split(" ", 1)[1]
                if hits := lookup(f"{bare_first} {rest}", year, countries, cue):
                    begins[(i, i + size)] = run[i].end - len(bare_first)
                    break
            if hits and not cue and number is None and _person_written(text, window):
                hits = [h for h in hits if h.schema != "Vessel"]
            if hits:
                windows.append((hits[0].score, i, i + size, hits[0]))
    taken: set[int] = set()
    spans = [(i, j) for _score, i, j, _hit in windows]
    # a window of generic words and places alone (*BANK MOSCOW* of *ABSOLUT
    # BANK MOSCOW*) yields to one with a name word that overlaps it
    named = {(i, j): _has_name_word(text[run[i].start : run[j - 1].end]) for _, i, j, _ in windows}
    ranked = sorted(windows, key=lambda w: (-w[0], -(w[2] - w[1])))
    if not all(named.values()):
        ranked = [w for w in ranked if named[w[1:3]] or not _overlaps_named(w, windows, named)]
    for _score, i, j, hit in ranked:
        if taken.intersection(range(i, j)) or _straddles(i, j, spans):
            continue
        taken.update(range(i, j))
        inverted = run[i].comma_after
        surname_tok = run[i] if inverted else run[j - 1]
        end = ends.get((i, j), run[j - 1].end)
        begin = begins.get((i, j), run[i].start)
        found.append(
            Mention(
                begin,
                end,
                text[begin:end],
                hit,
                surname=None if end != run[j - 1].end else surname_tok.keys[-1],
            )
        )
    if single is not None:
        for i, tok in enumerate(run):
            if i in taken or not tok.capitalised or _edge(tok) or _minor(tok):
                continue
            if (numbered := _numbered_vessel(text, tok, lookup, cue_at)) is not None:
                found.append(numbered)  # the vessel SAKHALIN 9, though Sakhalin is a place
                continue
            if len(tok.text) < 3 or _is_place(tok.text) or _in_place_name(text, tok):
                continue
            if tok.base is not None and any(_is_place(w) for w in _inflections(tok.text)):
                continue  # a country or city declined (Президент России)
            if _before_building(text, tok):
                continue  # a place named after the word (Al-Aqsa Mosque)
            if _formed_name_middle(text, tok):
                continue  # a company's name in full (OOO VEKTOR LOGISTIKA)
            where = partial(_where, text, run, i, taken)
            hits = single(tok.text, where) if tok.spelled else ()
            if not hits and tok.base is not None and not _declined_common(tok.text, tok.base):
                hits = single(tok.base, where)
            if not hits and "-" in tok.text and not tok.sounded:
                # a compound of a name and a noun of the language (the German
                # Sberbank-Chef, Rosneft-Tochter; the English Wagner-linked):
                # the name, as weak evidence (two authorities)
                head = tok.text.split("-", 1)[0]
                if len(head) >= COMPOUND_HEAD and head[0].isupper():
                    hits = single(head, partial(_weakly, where))
            if hits and not _person_before(text, tok):
                found.append(Mention(tok.start, tok.end, tok.text, hits[0]))
    return found


_ARTICLE_BEFORE: Final = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)


def _person_written(text: str, window: list[Tok]) -> bool:
    """Whether a window is written as a person's name is, not as a vessel's:
    it opens with a given name (*Maxim Gorky*), in lower case, and no
    article stands before it. A vessel named after a person (MAKSIM GORKY)
    is, in prose, the person, unless a vessel word (*the tanker Maksim
    Gorky*), its number, an article (*the Paek Ma*) or capitals (*MAKSIM
    GORKY (IMO 9590008)*) make it a vessel."""
    start = window[0].start
    return (
        not text[start : window[-1].end].isupper()
        and _given_name(window[0].text)
        and _ARTICLE_BEFORE.search(text, max(0, start - 5), start) is None
    )


def _numbered_vessel(
    text: str, tok: Tok, lookup: Lookup, cue_at: Callable[[int], bool]
) -> Mention | None:
    """A lone word after a vessel word with its number after it (*vessel
    SAKHALIN 9*, *the tanker Delnavaz 2*): the vessel the lists name so, word
    and number, even where the word alone is a place or names nothing (the
    number and the vessel word say which ship)."""
    number = _NUMBER_AFTER.match(text, tok.end)
    if number is None or not cue_at(tok.start):
        return None
    hits = lookup(f"{tok.text} {number.group(1)}", None, (), True)
    vessels = [h for h in hits if h.schema == "Vessel"]
    if not vessels:
        return None
    return Mention(tok.start, number.end(1), text[tok.start : number.end(1)], vessels[0])


def _formed_name_middle(text: str, tok: Tok) -> bool:
    """Whether a lone word stands between a legal form and a generic word
    (*OOO VEKTOR LOGISTIKA*, *AO Kupol Trading*): a company's
    name written in full, form and all, which is the word and the generic
    word together; the word alone names no other company (TSK VEKTOR), as
    *TBC Bank* is no TBC, however many lists hold that one."""
    before = _PREVIOUS_WORD.search(text, max(0, tok.start - 24), tok.start)
    after = _NEXT_WORD.match(text, tok.end)
    if before is None or after is None or not after.group(1)[0].isupper():
        return False
    form = analyze_name(before.group(1)).tokens
    return (
        len(form) == 1
        and form[0].role == "legal_form"
        and before.group(1)[0].isupper()
        and _generic(after.group(1))
    )


def _has_name_word(phrase: str) -> bool:
    """Whether a window of prose has a word name analysis reads as a name,
    not only generic words, places, particles and forms (*BANK MOSCOW* has
    none)."""
    return any(t.role == "name" for t in analyze_name(phrase).tokens)


def _overlaps_named(
    window: tuple[float, int, int, Hit],
    windows: list[tuple[float, int, int, Hit]],
    named: dict[tuple[int, int], bool],
) -> bool:
    """Whether a window that names a party overlaps ``window`` and has a name
    word: the party a generic word and a place name (*BANK MOSCOW*, the
    listed BANK OF MOSCOW) must yield to the one the name word before them
    names (*ABSOLUT BANK MOSCOW*: ABSOLUT BANK, of Moscow)."""
    _score, i, j, _hit = window
    return any(named[(a, b)] and a < j and i < b for _s, a, b, _h in windows)


def _straddles(i: int, j: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the window of words ``i`` to ``j`` begins inside one window
    that names a party and ends inside another after it: it joins the tail of
    one name to the head of the next (*حزب الله نعيم قاسم*, Hizballah's Naim
    Qassem, read *الله نعيم* as another person's *Naim Allah*), a coincidence
    of their boundary, where the text names the two."""
    ends = [b for a, b in spans if a < i < b]
    return bool(ends) and any(min(ends) <= c < j < d for c, d in spans)


def _short_references(
    text: str, toks: list[Tok], mentions: list[Mention], parties: dict[str, Party]
) -> None:
    """Tie later lone surnames back to the party first mentioned in full.

    Linear in the number of tokens (plus a sort of the mentions): whether a token
    lies inside a mention is a binary search over the mentions' spans."""
    if not mentions:
        return
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in spans]
    reach: list[int] = []  # the furthest end of any span starting at or before each
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)
    first_seen: dict[str, tuple[int, str]] = {}
    keys_of: dict[str, set[str]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.surname:
            first_seen.setdefault(m.surname, (m.start, m.hit.key))
            keys_of.setdefault(m.surname, set()).add(m.hit.key)
    for tok in toks:
        if not tok.capitalised or len(tok.keys) != 1:
            continue
        if _edge(tok) and _sentence_start(text, tok.start):
            continue  # (*But* opening a sentence is the conjunction, not BOUT)
        surname = tok.keys[0]
        seen = first_seen.get(surname)
        if seen is None or len(keys_of[surname]) > 1 or tok.start < seen[0]:
            continue
        i = bisect_right(starts, tok.start) - 1
        if i >= 0 and reach[i] > tok.start:
            continue
        party = parties[seen[1]]
        party.mentions.append(
            Mention(tok.start, tok.end, tok.text, party.hit, short=True, surname=surname)
        )

"""The Latin spellings a foreign name written in Cyrillic may have been
transcribed from: the published *practical transcription* conventions
(English, French, German, Dutch, Spanish, Italian, Portuguese, Turkish and
Hungarian to Russian, as Ermolovich's and Gilyarevsky's tables give them)
read backwards, for the matcher's spelling comparison
(:mod:`thaw.match.spelling`, by way of :mod:`thaw.text.spellings`).

A Western name is written in Russian, Ukrainian or Belarusian by how it
sounds, not letter by letter: *Watchett* is Уотчетт (English *w* is у, *a*
after it о), *McFaul* Макфол, *Delcroix* Делькруа (French *oi* is уа, the
final *x* silent), *Lebeau* Лебо, *Gimenez* Хименес (Spanish *g* before *e*
and *j* are both х), *Nijboer* Нейбур (Dutch *ij* is ей, *oe* у). Reading
such a name back letter by letter (*uotchett*, *delkrua*) meets none of
these. :func:`cyrillic_edges` gives instead, for one Cyrillic word, its
**edges** ``(start, end, spellings)``: each letter, and each group of
letters that one Latin spelling writes (уо *wa*, ай *i*, *igh*, *y*, кс *x*,
дж *j*, *g*, тч *tch*), with every Latin spelling it stands for in those
conventions and in the romanisations of Russian (*zh*, *kh*, *shch*);
letters that end a word also with the silent letters French and English
write after them (о *eau*, *ault*, *ot*; е *et*, *ez*; а consonant and
*e*: *Prime* Прайм), a vowel that begins one also after a silent *h*
(*Hollande* Олланд). The spelling comparison then asks whether a listed
Latin word can be cut, exactly, into spellings of the word's letters, one
after the other: a match is a path through published rules, not a fuzzy
resemblance, and a consonant never stands for another.

:func:`transcribed_foreign` tells the names worth comparing so: written in
Cyrillic, with no patronymic and no word with a Slavic surname's or
patronymic's ending (a Russian or Ukrainian name is read well by its own
romanisation, and is most of what the lists and the files hold).

Armenian and Georgian letters are spelt the same way
(:func:`armenian_edges`, :func:`georgian_edges`, every name in them:
:func:`sound_script`): Armenian with both its Eastern and its Western
readings, which the diaspora's spellings follow (դոքմեջյան *Deukmejian*,
beside the Eastern *Dokmejyan*); Georgian by its own practical
transcription of foreign names read backwards (ჯორჯ *George*, ტეტჩერი
*Thatcher*, უილიამ *William*), with the nominative ending -ი that it adds to
a name ending in a consonant also unwritten (ბაიდენი *Biden*, ბრაიტონი
*Brighton*, გოლი *Gaulle*); Greek by its modern and classical readings
and its practical transcription of foreign names (:func:`greek_edges`: σ
*sh*, *ch*, *sch*, τσ *ch*, ου *w*: Τσόρτσιλ *Churchill*, Σιράκ *Chirac*).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

#: One edge: the letters ``word[start:end]`` and the Latin spellings they stand for.
Edge = tuple[int, int, tuple[str, ...]]


def _split(spellings: str) -> tuple[str, ...]:
    return tuple(spellings.split())


def _table(rows: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """A table of spellings written as ``{letters: "spelling spelling …"}``."""
    return {letters: _split(spellings) for letters, spellings in rows.items()}


#: The Latin spellings of each Cyrillic letter (Russian, Ukrainian,
#: Belarusian), the romanisations' first, then the practical transcription's
#: read backwards: а is English *u* (*Trump* Трамп), в English *w* (*Wodehouse*
#: Вудхауз), г the *h* of English and German (*Harry* Гарри) and Spanish *gu*
#: (*Miguel* Мигель), е the English *ea*, ж the French *g* and *ge*
#: (*Gérard* Жерар), с Spanish *z* (*Guzmán* Гусман), т English *th*
#: (*Theresa* Тереза), у English *w*, *wh*, *oo* and Dutch *oe*, ф Dutch and
#: German *v* (*von* фон), х Spanish *j*, *g*, *x*, ч Italian and Turkish *c*,
#: ш French *ch*, Hungarian *s*, Portuguese *x*, э English *a* and *ai*
#: (*Thatcher* Тэтчер, *Blair* Блэр), ю French and German *u* (*Luc* Люк),
#: я German *e* after л (*Leyen* Ляйен); a vowel also with the silent *h*
#: German writes after it (*Lehner* Ленер), о the Danish and Dutch *aa*.
LETTERS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "а": "a u aa ah e o",
        "б": "b bb",
        "в": "v w vv ff",
        "г": "g gh gg h gu",
        "д": "d dd dh",
        "е": "e ye ie je ee ea ai ae eh",
        "ё": "yo io jo e o eu oe",
        "ж": "zh j g ge zs z s",
        "з": "z s zz ss",
        "и": "i y ee ea ie ey e ii",
        "й": "y i j",
        "к": "k c ck kk ch q qu cc kh",
        "л": "l ll",
        "м": "m mm",
        "н": "n nn",
        "о": "o au aw oa a ou oh aa",
        "п": "p pp",
        "р": "r rr rh",
        "с": "s ss c z sc ç",
        "т": "t tt th dt",
        "у": "u oo ou w wh oe ew ue o uh",
        "ф": "f ff ph v",
        "х": "kh h ch j x g hh",
        "ц": "ts tz z c zz tc cz",
        "ч": "ch tch c cz tsch ci cc",
        "ш": "sh sch ch s sz x sc sci",
        "щ": "shch sch szcz sc",
        "ы": "y i",
        "э": "e a ai ae ay ea ei eh",
        "ю": "yu iu ju u ue ew eu",
        "я": "ya ia ja a e",
        "і": "i ee y",
        "ї": "yi ji i",
        "є": "ye ie je e",
        "ґ": "g",
        "ў": "u w v",
    }
)
#: (the hard and soft signs are also spelt as nothing: *Charles* Шарль)
LETTERS["ъ"] = ("",)
LETTERS["ь"] = ("", "i", "y", "j")
#: Groups of letters that one Latin spelling writes: the English *w* and
#: its vowel (уо *wa*, уэ *we*, уи *wi*, *whe*), diphthongs (ай *i*, *y*,
#: *igh*, German *ei*; ей *ay*, *ey*, Dutch *ij*; ой German *eu*, *äu*; ау
#: *ow*, *ou*; оу *ow*, *o*), the French *oi* (уа), *ieu* (ьё), *ier* (ье),
#: *gn* (нь), the French *ill* (ий: *Fillon* Фийон), consonant clusters
#: (кс *x*, кв *qu*, дж *j*, *g*, *dg*, тч *tch*), the English vowel before
#: *r* (ер *ur*, *ir*, *ear*; эр *air*), and *Mc* (мак).
GROUPS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "уо": "wa wo wha who",
        "уэ": "we wa whe",
        "уи": "wi whi whe we wee",
        "уа": "wa oi oy",
        "уай": "wi why wy whi",
        "уэй": "way wey wai whey",
        "ай": "i y igh ie ai ay aj ei ey ye",
        "ей": "ey ei ay ai ej ij eij eigh",
        "эй": "ay ey ai ei",
        "ой": "oy oi oj eu au",
        "ау": "au ow ou aw",
        "оу": "ow o ou oa ough",
        "ью": "iu yu ew",
        "ьё": "ieu io yo",
        "ье": "ie ye je ier",
        "ьо": "io yo jo",
        "ья": "ia ya ja",
        "нь": "gn ny nh n",
        "ль": "gl ll l",
        "кс": "x ks cks cs",
        "кв": "qu kw kv",
        "дж": "j g dg dj dzh gi",
        "тч": "tch ch tsch",
        "ер": "er ur ir ear or",
        "ий": "iy ij ii ill il",
        "эр": "er ur ir ear air ar",
        "мак": "mac mc mack mak",
    }
)
#: Further spellings of the letter or group that ends a word: the silent
#: letters French writes after a vowel (о *eau*, *ault*, *ot*, *aud*; е *et*,
#: *ez*, *er*; уа *ois*, *oix*), an English *-e* and a French *-e*, *-es*,
#: *-d*, *-t* after a consonant (*Prime* Прайм, *Jacques* Жак, *Georges*
#: Жорж, *Yves* Ив, *Bracquemond* Бракмон; not after н, с: Джонс is
#: *Jones*, Джон *John*), the *-ez* of Spanish surnames (с: *Rodríguez*
#: Родригес), the English *-dge* (дж) and *-ce* (с: *Rice* Райс).
ENDINGS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "о": "eau eaux ault aut aud ot os ow oe",
        "е": "et ez er es ee ey ay ait",
        "э": "ay ait et ey",
        "и": "ie is it ix",
        "у": "oux ous ough ew",
        "ю": "ieu",
        "уа": "ois oix",
        "а": "at as",
        "с": "ce se z ze",
        "з": "se ze",
        "дж": "dge ge",
        "ж": "ge ges",
        "к": "que ques cque cques ke",
        "н": "nd nt ns ne nne",
        "р": "re rs rt rre",
        "л": "le lle ls les lles",
        "ль": "le lle les",
        "т": "te tte tes",
        "д": "de ds dt",
        "м": "me mme",
        "п": "pe ppe",
        "ф": "fe ffe phe",
        "г": "gue",
        "ш": "che she",
        "й": "ye",
        "в": "ve ves",
        "ы": "ey ie",
    }
)
#: The vowels that may begin a word after a silent *h* (*Hollande* Олланд,
#: *Herbault* Эрбо, *Hugo* Уго).
_H_VOWELS: Final = frozenset("аеиоуэюяі")
_CONSONANTS: Final = frozenset("бвгджзклмнпрстфхцчшщ")


@lru_cache(maxsize=4096)
def cyrillic_edges(word: str) -> tuple[Edge, ...]:
    """The edges of one Cyrillic ``word`` (see the module docs): each letter
    (:data:`LETTERS`) and each group of letters (:data:`GROUPS`) with its
    Latin spellings, the last also with those of :data:`ENDINGS`, a first
    vowel also after an *h*; a doubled consonant (лл, тт) is also one edge
    with its letter's spellings (*Cameron* is also Кэммерон); a letter with
    no spellings (a stress mark, a hyphen) is spelt as nothing."""
    return _edges(word, LETTERS, GROUPS, ENDINGS, _H_VOWELS, _CONSONANTS)


def _edges(
    word: str,
    letters: dict[str, tuple[str, ...]],
    groups: dict[str, tuple[str, ...]],
    endings: dict[str, tuple[str, ...]],
    h_vowels: frozenset[str],
    doubled: frozenset[str],
) -> tuple[Edge, ...]:
    """The edges of ``word`` by a script's tables (see :func:`cyrillic_edges`)."""
    text = word.lower()
    n = len(text)
    longest = max(map(len, groups), default=1)
    out: list[Edge] = []
    for i in range(n):
        for size in range(min(longest, n - i), 0, -1):
            group = text[i : i + size]
            spellings = groups.get(group) if size > 1 else letters.get(group, ("",))
            if spellings is None:
                continue
            end = i + size
            if end == n:
                spellings = (*spellings, *endings.get(group, ()))
            if i == 0 and group[0] in h_vowels:
                spellings = (*spellings, *("h" + s for s in spellings if s))
            out.append((i, end, tuple(dict.fromkeys(spellings))))
        if i + 1 < n and text[i] == text[i + 1] and text[i] in doubled:
            spellings = letters[text[i]]
            if i + 2 == n:
                spellings = (*spellings, *endings.get(text[i], ()))
            out.append((i, i + 2, spellings))
    return tuple(out)


#: The Latin spellings of each Armenian letter: Eastern and Western Armenian
#: readings both (the diaspora's *Kevorkian*, *Deukmejian*: բ *b*, *p*; գ
#: *g*, *k*; դ *d*, *t*; ճ *ch*, *j* …), and the practical transcription of
#: foreign names read backwards (ու English *w*, է *a*, ը unwritten).
ARMENIAN_LETTERS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "ա": "a e u", "բ": "b p", "գ": "g k gh", "դ": "d t", "ե": "e ye ie je a",
        "զ": "z s", "է": "e a ai ae", "ը": "e u a i", "թ": "t th", "ժ": "zh j g s",
        "ի": "i ee y ie", "լ": "l ll", "խ": "kh h x ch", "ծ": "ts tz dz c z",
        "կ": "k g c ck", "հ": "h", "ձ": "dz ts tz z", "ղ": "gh g r", "ճ": "ch j tch",
        "մ": "m mm", "յ": "y i j", "ն": "n nn", "շ": "sh ch sch s", "ո": "o vo wo eu",
        "չ": "ch tch", "պ": "p b pp", "ջ": "j ch g dj", "ռ": "r rr", "ս": "s ss c",
        "վ": "v w", "տ": "t d tt", "ր": "r rr", "ց": "ts tz c z", "ւ": "v w u",
        "փ": "p ph f", "ք": "k q kh c ch", "օ": "o au aw", "ֆ": "f ph ff",
        "և": "ev yev",
    }
)  # fmt: skip
ARMENIAN_LETTERS["ը"] += ("",)
ARMENIAN_LETTERS["յ"] += ("",)
ARMENIAN_GROUPS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "ու": "u ou oo w ew", "իւ": "yu iu u ew", "յու": "yu iu ju u", "ոյ": "oy ui oi",
        "այ": "ai ay i y ei", "եյ": "ey ei ay", "էյ": "ay ey ai", "եա": "ea ya ia",
        "յա": "ya ia ja", "էօ": "eu oe o", "իա": "ia ya",
    }
)  # fmt: skip
ARMENIAN_ENDINGS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "ո": "eau ot ault oe ow", "ե": "et e", "է": "et ay ey", "ի": "ie y ey",
        "ս": "ce se z", "ջ": "ge dge", "կ": "que ck", "ն": "nd nt ne",
    }
)  # fmt: skip
_ARMENIAN_VOWELS: Final = frozenset("աեէըիոօ")


@lru_cache(maxsize=4096)
def armenian_edges(word: str) -> tuple[Edge, ...]:
    """The edges of one Armenian ``word``, as :func:`cyrillic_edges` gives
    them for Cyrillic, by :data:`ARMENIAN_LETTERS` and its groups and
    endings."""
    return _edges(
        word,
        ARMENIAN_LETTERS,
        ARMENIAN_GROUPS,
        ARMENIAN_ENDINGS,
        _ARMENIAN_VOWELS,
        frozenset(ARMENIAN_LETTERS) - _ARMENIAN_VOWELS,
    )


#: The Latin spellings of each Georgian letter: the national romanisation's,
#: then Georgian's practical transcription of foreign names read backwards.
#: English *th* is თ or ტ (*Thatcher* ტეტჩერი, *Theresa* ტერეზა), *w* and
#: *wh* უ (*William* უილიამ), the *a* of *cat* ე (*David* დევიდ), the *u* of
#: *cut* ა (*Trump* ტრამპი), the *au* of *Gaulle* ო; *j*, *dg* and the *g*
#: English and Italian say so before a front vowel are ჯ (with the silent *e*
#: or *i* that keeps it soft before another vowel: :data:`GEORGIAN_GROUPS`);
#: ქ is also *c*, *ch*, ჟ French *j*, *g*; a vowel also with the silent *h*
#: German writes after it (*Kohl* კოლი); the nominative ending -ი that
#: Georgian adds to a name ending in a consonant (ბაიდენი *Biden*, ტრამპი
#: *Trump*) is also spelt as nothing.
GEORGIAN_LETTERS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "ა": "a u ah", "ბ": "b bb", "გ": "g gh gu", "დ": "d dd", "ე": "e ea ai ye a eh",
        "ვ": "v w", "ზ": "z s", "თ": "t th tt", "ი": "i y ee ie", "კ": "k c ck",
        "ლ": "l ll", "მ": "m mm", "ნ": "n nn", "ო": "o au aw oa oh", "პ": "p pp",
        "ჟ": "zh j g", "რ": "r rr", "ს": "s ss c", "ტ": "t tt th", "უ": "u oo ou w wh uh",
        "ფ": "p ph f", "ქ": "k q c ch", "ღ": "gh g", "ყ": "q k", "შ": "sh ch sch",
        "ჩ": "ch tch", "ც": "ts tz c z", "ძ": "dz z", "წ": "ts tz c", "ჭ": "ch tch",
        "ხ": "kh h x ch", "ჯ": "j g dj dg", "ჰ": "h",
    }
)  # fmt: skip
#: Groups of letters one Latin spelling writes: diphthongs (აი *i*, *y*,
#: ეი *a*, *ay*, აუ *ow*, *ou*), the English vowel before *r* (ერ *ur*, *ir*:
#: *Burns* ბერნსი, *Churchill* ჩერჩილი), ტჩ *tch*, ქს *x*, ჯი *gi*, and ჯ
#: before a back vowel with the silent *e* or *i* that keeps an English or
#: Italian *g* soft (ჯო *geo*: *George* ჯორჯ, *Giorgio* ჯორჯო).
GEORGIAN_GROUPS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "აი": "ai ay i y ei ie", "ეი": "ei ey ay a ai", "ოუ": "ow o ou", "ია": "ia ya",
        "აუ": "ow ou au", "იუ": "yu iu", "ქს": "x ks cks", "ჯი": "gi ji j g",
        "ჯო": "geo gio", "ჯა": "gia gea", "ჯუ": "giu", "ერ": "er ur ir ear", "ტჩ": "tch",
    }
)  # fmt: skip
#: Further spellings of the letter that ends a word, or comes before the
#: nominative -ი that ends it (*Gaulle* გოლი): the silent letters French
#: writes after a vowel (ო *eau*, *ot*; ე *et*; ა *as*, *at*: *Nicolas*
#: ნიკოლა), an English and a French silent *-e* or *-es* after a consonant
#: (*Marine* მარინ, *Charles* შარლ, *Jacques* ჟაკ, *George* ჯორჯ, *Mike*
#: მაიკ, *James* ჯეიმზ); an English *-dge* ჯ, *-ce* ს.
GEORGIAN_ENDINGS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "ო": "eau ot ault oe ow", "ე": "et e", "ა": "as at",
        "ს": "ce se ze", "ზ": "se ze es", "ჯ": "dge ge", "ჟ": "ge ges",
        "კ": "que ques cque cques ke", "ქ": "que ques cque cques ke", "ნ": "nd nt ne nne",
        "რ": "re rs rt rre", "ლ": "le lle les lles", "ტ": "te tte tes", "თ": "te the",
        "დ": "de ds", "მ": "me mme", "პ": "pe ppe", "ფ": "fe ffe phe", "გ": "gue",
        "შ": "che she", "ვ": "ve ves",
    }
)  # fmt: skip
GEORGIAN_ENDINGS["ი"] = ("",)
_GEORGIAN_VOWELS: Final = frozenset("აეიოუ")


@lru_cache(maxsize=4096)
def georgian_edges(word: str) -> tuple[Edge, ...]:
    """The edges of one Georgian ``word``, as :func:`cyrillic_edges` gives
    them for Cyrillic, by :data:`GEORGIAN_LETTERS` and its groups and
    endings (a final -ი also spelt as nothing, the consonant before it also
    with its final spellings)."""
    consonants = frozenset(GEORGIAN_LETTERS) - _GEORGIAN_VOWELS
    edges = _edges(
        word, GEORGIAN_LETTERS, GEORGIAN_GROUPS, GEORGIAN_ENDINGS, _GEORGIAN_VOWELS, consonants
    )
    n = len(word)
    final = GEORGIAN_ENDINGS.get(word[-2:-1].lower(), ()) if word[-1:] == "ი" else ()
    if n > 2 and final and word[-2].lower() in consonants:
        # the consonant before the nominative -ი ends the word as written in
        # Latin letters: its final spellings too (გოლი *Gaulle*)
        edges += ((n - 2, n - 1, final),)
    return edges


#: The Latin spellings of each Greek letter: the modern and the classical
#: readings, then Greek's practical transcription of foreign names read
#: backwards. Greek has no *sh*, so σ writes English *sh*, French *ch* and
#: German *sch* (*Chirac* Σιράκ, *Scholz* Σολτς); ζ French *j* and *g*
#: (*Jacques* Ζακ); β German *w* (*Wolfgang* Βόλφγκανγκ); κ the *ch* of
#: *Christine* Κριστίν; α English *u* (*Trump* Τραμπ); θ English *th*
#: (*Thatcher* Θάτσερ); a vowel also with a silent *h* after it.
GREEK_LETTERS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "α": "a u e ah", "β": "v b w", "γ": "g gh y", "δ": "d dh th", "ε": "e a ai ea eh",
        "ζ": "z s j g", "η": "i e ee", "θ": "th t", "ι": "i y ee ie e", "κ": "k c ck ch q",
        "λ": "l ll", "μ": "m mm", "ν": "n nn", "ξ": "x ks", "ο": "o au aw oh", "π": "p pp",
        "ρ": "r rr rh", "σ": "s ss c z sh sch ch", "τ": "t tt th", "υ": "y i u",
        "φ": "f ph ff", "χ": "ch h kh", "ψ": "ps", "ω": "o", "ϊ": "i y ee ie e",
    }
)  # fmt: skip
#: Groups of Greek letters one Latin spelling writes: the digraphs of
#: Greek's own stops (μπ *b*, ντ *d*, γκ *g*), τζ *j* (with the silent *e* of
#: a soft *g* before a back vowel: τζο *geo*, *George* Τζορτζ), τσ *ch*, *tch*
#: (*Churchill* Τσόρτσιλ), ου *u*, *w* (*Winston* Ουίνστον), the diphthongs
#: (αι *e*, *ai*; ει, οι *i*; άι *i*, *y*: *Mike* Μάικ; έι *a*, *ay*: *David*
#: Ντέιβιντ; όι German *äu*, *eu*: *Schäuble* Σόιμπλε) and the English vowel
#: before *r* (ορ, ερ *ur*: *Churchill*).
GREEK_GROUPS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "μπ": "b mb mp bb", "ντ": "d nd nt dd", "γκ": "g ng gg", "γγ": "ng",
        "τζ": "j g dg dj tz", "τζο": "geo gio jo", "τζα": "gia ja", "τσ": "ch ts tch tz cz",
        "ου": "u ou oo w wh", "αι": "e ai ay", "ει": "i ei ey",
        "οι": "i oi oy", "αυ": "av af au", "ευ": "ev ef eu", "αϊ": "i y igh ai ay",
        "εϊ": "a ay ey ei", "οϊ": "oi oy eu au aeu", "ορ": "or ur ir", "ερ": "er ur ir ear",
        "ιου": "iu yu ew", "κσ": "x cks",
    }
)  # fmt: skip
#: Further spellings of the letter or group that ends a word: the silent
#: letters French writes after a vowel (ο *eau*, *ot*; ε *et*; α *as*: *Nicolas*
#: Νικολά; ι *ie*, *is*), an English and a French silent *-e* or *-es* after a
#: consonant (*Christine* Κριστίν, *Charles* Σαρλ, *Jacques* Ζακ, *Lagarde*
#: Λαγκάρντ), τζ the English *-ge*, *-dge*, τς the German *-z* (*Scholz* Σολτς).
GREEK_ENDINGS: Final[dict[str, tuple[str, ...]]] = _table(
    {
        "ο": "eau ot ault oe ow", "ε": "et e", "α": "as at", "ι": "ie is it y",
        "σ": "ce se ze s", "ζ": "ge ges se", "τζ": "dge ge", "τσ": "z tz",
        "κ": "que ques cque cques ke",
        "ν": "nd nt ne nne", "ρ": "re rs rt rre", "λ": "le lle les lles",
        "τ": "te tte tes", "ντ": "de des nd nde", "μ": "me mme", "π": "pe ppe",
        "φ": "fe ffe phe", "γκ": "gue", "β": "ve ves",
    }
)  # fmt: skip
#: Greek's accented and final letters as the plain letters the tables give,
#: one for one (so that an edge's positions are the word's own).
_GREEK_PLAIN: Final = str.maketrans("άέήίόύώϊϋΐΰς", "αεηιουωιυιυσ")
_GREEK_VOWELS: Final = frozenset("αεηιουωϊ")


@lru_cache(maxsize=4096)
def greek_edges(word: str) -> tuple[Edge, ...]:
    """The edges of one Greek ``word``, as :func:`cyrillic_edges` gives them
    for Cyrillic, by :data:`GREEK_LETTERS` and its groups and endings, its
    accents and final sigma read as the plain letters (:data:`_GREEK_PLAIN`);
    a diaeresis parts a diphthong (αϊ is *ai*, *i*, never *e*)."""
    text = word.lower()
    plain = text.translate(_GREEK_PLAIN)
    # a diaeresis (ϊ, ϋ) or an accent on the first vowel (άι) marks two vowels
    # said apart: the diphthong groups αι, ει, οι read as the groups αϊ, εϊ, οϊ
    marked = "".join(
        "ϊ" if ch == "ι" and i and (text[i] in "ϊΐ" or text[i - 1] in "άέό") else ch
        for i, ch in enumerate(plain)
    )
    return _edges(
        marked,
        GREEK_LETTERS,
        GREEK_GROUPS,
        GREEK_ENDINGS,
        _GREEK_VOWELS,
        frozenset(GREEK_LETTERS) - _GREEK_VOWELS,
    )


_CYRILLIC: Final = re.compile("[\u0400-\u04ff]")
#: The endings of Slavic surnames and patronymics (Петров, Сидорова,
#: Шевченко, Ковальчук, Иванович, Петровна, Достоевский, Кривецкая).
_SLAVIC_ENDING: Final = re.compile(
    r"(?:[оеё]ва?|[сц]к(?:ий|ая|ой)|[ое]?вич|[ое]?вна|[иы]чна|енко|[чщ]ук|юк)$"
)


_ARMENIAN: Final = re.compile("[\u0531-\u058a]")
_GEORGIAN: Final = re.compile("[\u10a0-\u10ff\u1c90-\u1cbf]")
_GREEK: Final = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


def sound_script(name: str) -> str:
    """``Cyrillic``, ``Armenian``, ``Georgian`` or ``Greek`` for a name whose
    words are compared by the Latin spellings of their sounds
    (:func:`cyrillic_edges`, :func:`armenian_edges`, :func:`georgian_edges`,
    :func:`greek_edges`): one in Cyrillic only as :func:`transcribed_foreign`
    allows, every name in Armenian, Georgian or Greek letters (each gives few
    queries, and their own romanisations differ among themselves as much:
    *Kevorkian*, *Gevorgyan*); else empty."""
    if name.isascii():
        return ""
    if _ARMENIAN.search(name):
        return "Armenian"
    if _GEORGIAN.search(name):
        return "Georgian"
    if _GREEK.search(name):
        return "Greek"
    return "Cyrillic" if transcribed_foreign(name) else ""


def transcribed_foreign(name: str, patronymic: bool = False) -> bool:
    """Whether ``name`` may be a foreign name transcribed into Cyrillic, worth
    comparing by its spellings (:func:`cyrillic_edges`): written in Cyrillic
    letters, without a patronymic (``patronymic``: analysis found one), and
    with no word that ends as Slavic surnames and patronymics do
    (:data:`_SLAVIC_ENDING`)."""
    if patronymic or name.isascii() or not _CYRILLIC.search(name):
        return False
    return not any(_SLAVIC_ENDING.search(w) for w in re.split(r"[\s\-]+", name.lower()) if w)

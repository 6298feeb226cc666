"""Word lists that tell thaw what a token *is*: honorific, particle, generic word, ….

These are small, hand-curated vocabularies of *kinds* of words (titles, name
particles, the generic vocabulary of organisation names in a handful of languages),
not lists of names to be matched. The big reference data (organisation legal forms,
personal-name prefixes, stop words, ordinals, given-name symbols) comes from
:mod:`rigour` and is loaded lazily in :mod:`thaw.text.analyze`.

All keys are in the *folded* form produced by :func:`thaw.text.fold.fold_token`
unless said otherwise; the module builds those forms at import time so that the
lists can be written naturally.
"""

from __future__ import annotations

from typing import Final

from thaw.text.fold import abjad_key, fold_token

# --- persons -----------------------------------------------------------------------

#: Titles written in the Arabic script, as name analysis reads them (the
#: reading of an abjad writes no short vowels, so these are matched as read,
#: not folded): شيخ *Sheikh*, (ال)حاج *Haji*, ملا *Mullah*, مولوی *Maulvi*,
#: مولانا *Maulana*, مفتی *Mufti*. They are dropped from a person's name as
#: their Latin forms in :data:`HONORIFICS_RAW` are (*Sheikh Hasina*, شیخ
#: حسینه). سيد *Sayyid* is left out: its plain reading is that of سعيد
#: *Said*; :mod:`thaw.text.translit` reads سيد itself as *sayyid*.
ABJAD_HONORIFICS: Final = frozenset({"shykh", "haj", "mla", "mwlwy", "mwlana", "mfty"})

#: Titles and honorifics dropped from personal names wherever they stand (rigour's
#: prefix list covers the western ones at the start of a name; these add the
#: forms found inside names on sanctions lists).
HONORIFICS_RAW: Final[tuple[str, ...]] = (
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "dr",
    "doctor",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "hon",
    "honorable",
    "honourable",
    "rev",
    "reverend",
    "president",
    "vice",
    "premier",
    "minister",
    "general",
    "gen",
    "colonel",
    "col",
    "major",
    "maj",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "admiral",
    "commander",
    "brigadier",
    "marshal",
    "sergeant",
    "sgt",
    "senator",
    "governor",
    "mayor",
    "sheikh",
    "shaikh",
    "sheik",
    "shaykh",
    "cheikh",
    "sayyid",
    "syed",
    "sayed",
    "seyed",
    "seyyed",
    "sayyed",
    "haji",
    "hajji",
    "hadji",
    "alhaji",
    "mullah",
    "mulla",
    "mawlawi",
    "maulvi",
    "maulana",
    "mawlana",
    "mufti",
    "imam",
    "qari",
    "hafiz",
    "ayatollah",
    "hojatoleslam",
    "emir",
    "amir",
    "prince",
    "princess",
    "king",
    "queen",
    "herr",
    "frau",
    "monsieur",
    "madame",
    "mme",
    "mlle",
    "senor",
    "senora",
    "sr",
    "sra",
    "don",
    "dona",
    "gospodin",
)
#: The scripts whose titles the lists above hold (as read into Latin letters:
#: Russian Мистер, Господин; Hebrew מר). A word of another script that reads
#: like a title is a name (Khmer ហ៊ុន *Hun* reads "hon", not *Hon.*).
TITLE_SCRIPTS: Final = frozenset({"Latin", "Cyrillic", "Greek", "Hebrew", "Arabic"})

#: Given names spelt like a title once folded ("Donna" folds to the Portuguese
#: title "Dona"), or that are a title far less often than a name: never read
#: as honorifics. *Amir* begins 47 published person names of the lists (43 of
#: them with Amir recorded as the first name: *Amir HATAMI*, *Amir Ali
#: HAJIZADEH*) and is a title in none (DFAT's remarks give "Title: Amir" twice,
#: for names that do not write it); in Arabic letters (امیر) it reads *amyr*.
#: *Hafiz* (*Hafeez*; *Hafez* folds apart) begins 53 published Latin person
#: names of five people (*Hafez MAKHLOUF*, *Hafiz Muhammad SAEED*, *Hafiz
#: Abdul Rahman MAKKI*): each of the 20 that record their parts (OFSI, the UN,
#: Canada) records Hafiz as the first name, none as a title, and OFAC lists it
#: as a surname (*HAFIZ, Abdallah*, *HAFEZ, Abu Obaida*). *Chey* folds as
#: *Cheikh* does, but is a Korean family name (최, the spelling of the SK
#: Group's Chey family: *Chey Tae-won*), never a spelling of the title.
NAMES_NOT_TITLES: Final = frozenset({"donna", "amir", "amyr", "hafiz", "hafeez", "chey"})
#: The folded forms of those names that fold as no title does: every spelling
#: of them is the name too (*Aamir*, *Ameer*, *Haafiz* fold to *amir* and
#: *hafiz*; the lists publish 30 person names that begin *Aamir Ali*, 10 that
#: begin *Ameer*, none a title), not *Donna*, which folds to the title *dona*.
FOLDED_NAMES_NOT_TITLES: Final = frozenset({"amir", "hafiz"})

#: Words that are honorifics in some positions but ordinary names in others
#: ("Sultan", "Amir", "Syed"): dropped only at the start of a name.
LEADING_ONLY_HONORIFICS_RAW: Final[tuple[str, ...]] = (
    "amir",
    "emir",
    "sayyid",
    "syed",
    "sayed",
    "seyed",
    "seyyed",
    "sayyed",
    "sultan",
    "king",
    "prince",
    "don",
    "major",
    "general",
    "mayor",
    "imam",
    "hafiz",
    "qari",
)

#: Connecting particles of personal names: "bin", "ibn", "ben" (son of), "bint"
#: (daughter of), "van", "von", "de", "da" … They carry almost no identity.
PARTICLES_RAW: Final[tuple[str, ...]] = (
    "ould",
    "walad",
    "ait",
    "van",
    "von",
    "der",
    "den",
    "de",
    "da",
    "das",
    "do",
    "dos",
    "du",
    "di",
    "del",
    "della",
    "la",
    "le",
    "los",
    "las",
    "y",
    "e",
    "zu",
    "ter",
    "ten",
    "mac",
    "st",
    "na",
)
#: Canonical spelling of the Arabic filiation particles.
FILIATION: Final[dict[str, str]] = {
    "ibn": "bin",
    "ben": "bin",
    "bin": "bin",
    "bint": "bint",
    "binti": "bint",
    "bent": "bint",
    # the Maghrebi and Afghan word for "son of" (Mohamed Ould Abdel Aziz,
    # اختر محمد ولد نور محمد)
    "ould": "bin",
    "walad": "bin",
}

#: Arabic definite article in its Latin spellings (standalone or hyphenated):
#: carries no identity, dropped. Before the "sun letters" its *l* is assimilated
#: to the next word's first consonant (ar-Rahman, ud-Din, and the South Asian
#: ur- and uz- of Zia-ur-Rahman, Saif-uz-Zaman), so such a form is the article
#: only before a word beginning with that consonant: Korean *An* and Turkish
#: *Er* are names (thaw.text.analyze). Korean *Il* (Kim Il Sung), far more
#: frequent on the lists than an Arabic *il*, is no article.
ARTICLES: Final[frozenset[str]] = frozenset(
    {
        "al",
        "el",
        "ul",
        "ad",
        "ar",
        "as",
        "at",
        "az",
        "an",
        "ash",
        "ath",
        "adh",
        "ed",
        "es",
        "et",
        "er",
        "ez",
        "en",
        "ud",
        "ur",
        "us",
        "uz",
    }
)

#: English stop words of organisation names ("A Better World Foundation",
#: "Made in China") that are parts of a person's name: an initial ("John A.
#: Smith"), a syllable of a Korean, Chinese or Vietnamese name ("An Jong Hyok",
#: "In Su PAK", "PAK TO CHUN", "To Lam"; rigour's name corpus knows them all).
NAME_WORDS_IN_PERSONS: Final[frozenset[str]] = frozenset({"a", "an", "in", "to"})

#: English stop words that are a syllable of a Chinese name, such as Wade–Giles
#: writes 義 and 一 (*I*: "Lin I-hsiung", "Chiou I-jen") and Hong Kong and Macau
#: write 安 (*On*: "Chui Sai On"), but only in a name whose every word is no
#: longer than a syllable (:data:`SYLLABLE_LETTERS`): in prose and payment text
#: they are the pronoun and the preposition ("PAYMENT ON BEHALF OF").
SYLLABLE_NAME_WORDS: Final[frozenset[str]] = frozenset({"i", "on"})

#: The most letters of a Chinese syllable in any romanisation (*zhuang*,
#: Wade–Giles *hsiung*).
SYLLABLE_LETTERS: Final = 6

#: Very frequent name parts worldwide. They identify little on their own, so their
#: weight is reduced (a :class:`~thaw.text.stats.TokenStats` built from the lists
#: refines this further). Written in ordinary spelling; folded at import.
COMMON_NAMES_RAW: Final[tuple[str, ...]] = (
    # Arabic / Islamic world
    "muhammad",
    "mohammad",
    "mohammed",
    "mohamed",
    "muhammed",
    "mohamad",
    "ahmad",
    "ahmed",
    "ali",
    "hassan",
    "hasan",
    "hussein",
    "husain",
    "hussain",
    "abu",
    "abd",
    "abdallah",
    "abdullah",
    "omar",
    "umar",
    "khan",
    "mahmoud",
    "mahmud",
    "ibrahim",
    "ismail",
    "yusuf",
    "yousef",
    "khalid",
    "mustafa",
    "abbas",
    "salem",
    "saleh",
    "said",
    "sayed",
    "jan",
    "gul",
    "shah",
    "haji",
    "malik",
    "rahman",
    "aziz",
    "karim",
    "rahim",
    "hamid",
    "hamad",
    "nasser",
    "nasir",
    "jamal",
    "kamal",
    "tariq",
    "faisal",
    "youssef",
    # East Asia
    "kim",
    "lee",
    "li",
    "park",
    "pak",
    "choi",
    "jung",
    "jong",
    "kang",
    "cho",
    "chol",
    "yoon",
    "jang",
    "lim",
    "ri",
    "wang",
    "zhang",
    "liu",
    "chen",
    "yang",
    "huang",
    "zhao",
    "wu",
    "zhou",
    "xu",
    "sun",
    "ma",
    "zhu",
    "hu",
    "guo",
    "he",
    "lin",
    "nguyen",
    "tran",
    "le",
    "pham",
    "il",
    "song",
    "chang",
    "jin",
    "yong",
    "sung",
    "min",
    "su",
    # Europe / Americas
    "john",
    "james",
    "robert",
    "michael",
    "william",
    "david",
    "richard",
    "joseph",
    "thomas",
    "charles",
    "mary",
    "maria",
    "anna",
    "jose",
    "juan",
    "carlos",
    "luis",
    "smith",
    "johnson",
    "williams",
    "brown",
    "jones",
    "garcia",
    "miller",
    "davis",
    "rodriguez",
    "martinez",
    "hernandez",
    "lopez",
    "gonzalez",
    "wilson",
    "anderson",
    "martin",
    "jean",
    "pierre",
    "peter",
    "paul",
    "ivan",
    "sergey",
    "sergei",
    "alexander",
    "aleksandr",
    "vladimir",
    "andrey",
    "dmitry",
    "ivanov",
    "petrov",
    "smirnov",
    "kuznetsov",
    "popov",
    "muller",
    "schmidt",
    "schneider",
    "fischer",
    "rossi",
    "silva",
    "santos",
    "ferreira",
    "pereira",
    "singh",
    "kumar",
    "sharma",
)

# --- organisations -------------------------------------------------------------------

#: Generic vocabulary of organisation names, by canonical English form, with the
#: spellings (several languages, transliterated) that fold onto it. These words say
#: what kind of business a party is, not which one, and weigh little.
GENERIC_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "company": (
        "company",
        "companies",
        "co",
        "comp",
        "compania",
        "companhia",
        "compagnie",
        "kompaniya",
        "kompanii",
        "sharikat",
        "sherkat",
        "shirkat",
        "firma",
        "firm",
        "gong si",
    ),
    "corporation": ("corporation", "corp", "corpn", "korporatsiya", "korporatsii"),
    "group": (
        "group",
        "groupe",
        "grupo",
        "gruppa",
        "gruppe",
        "groep",
        "gruppo",
        "jituan",
        "ji tuan",
        "holding",
        "holdings",
        "kholding",
        "holdinq",
    ),
    "international": (
        "international",
        "intl",
        "internacional",
        "internationale",
        "mezhdunarodnaya",
        "mezhdunarodny",
        "guo ji",
        "beynolmelali",
        "dowali",
        "duwali",
    ),
    "trading": (
        "trading",
        "trade",
        "traders",
        "trader",
        "commerce",
        "commercial",
        "torgovy",
        "torgovaya",
        "torgovyi",
        "handel",
        "handels",
        "comercial",
        "tejarat",
        "tijara",
        "tijari",
        "tijaria",
        "maoyi",
        "mao yi",
        "tujjar",
        "import",
        "export",
        "imports",
        "exports",
        "importexport",
    ),
    "industry": (
        "industry",
        "industries",
        "industrial",
        "industrie",
        "industria",
        "promyshlennaya",
        "promyshlenny",
        "sanayi",
        "sanaye",
        "sanat",
        "gongye",
        "gong ye",
        "manufacturing",
        "manufacture",
    ),
    "bank": (
        "bank",
        "banque",
        "banco",
        "banca",
        "banka",
        "bankasi",
        "yin hang",
        "yinhang",
        "masraf",
        "bonk",
    ),
    "technology": (
        "technology",
        "technologies",
        "tech",
        "technik",
        "technique",
        "tekhnologii",
        "tekhnologiya",
        "teknoloji",
        "ji shu",
        "jishu",
        "ke ji",
        "keji",
        "fanavari",
        "technical",
    ),
    "services": ("services", "service", "svcs", "servicios", "servizi", "servis", "uslugi"),
    "solutions": ("solutions", "solution", "resheniya"),
    "enterprise": (
        "enterprise",
        "enterprises",
        "entreprise",
        "empresa",
        "empresas",
        "unternehmen",
        "predpriyatie",
        "predpriyatiye",
        "shi ye",
        "shiye",
    ),
    "investment": (
        "investment",
        "investments",
        "invest",
        "investments",
        "inversiones",
        "investitsii",
        "investitsionnaya",
        "sarmayeh",
        "sarmaye",
        "tou zi",
        "touzi",
    ),
    "development": (
        "development",
        "developments",
        "razvitiya",
        "razvitie",
        "fa zhan",
        "fazhan",
        "tose",
        "tosee",
    ),
    "management": (
        "management",
        "managment",
        "mgmt",
        "upravlenie",
        "upravlyayushchaya",
        "guan li",
        "guanli",
    ),
    "partners": ("partners", "partner", "partnership"),
    "capital": ("capital", "kapital"),
    "finance": ("finance", "financial", "finansovaya", "finans", "jin rong", "jinrong"),
    "insurance": (
        "insurance",
        "assurance",
        "strakhovaya",
        "strakhovanie",
        "bimeh",
        "bao xian",
        "baoxian",
    ),
    "shipping": (
        "shipping",
        "navigation",
        "maritime",
        "marine",
        "kashtirani",
        "hang yun",
        "hangyun",
        "lines",
        "line",
        "tankers",
        "tanker",
        "shipmanagement",
    ),
    "logistics": ("logistics", "logistic", "logistika", "transport", "transportation"),
    "global": ("global", "worldwide", "world"),
    # an airline's name is its own word and "Air", "Airlines" or "Airways"
    # as people write it (MAHAN AIR, Mahan Airlines; Aeroflot Russian Airlines)
    "airlines": ("airlines", "airline", "airways", "air lines", "air", "aviakompaniya"),
    "general": ("general", "generale", "generales"),
    "energy": ("energy", "energia", "energiya", "neng yuan", "nengyuan", "enerji"),
    "oil": (
        "oil",
        "petroleum",
        "neft",
        "neftyanaya",
        "neftegaz",
        "naft",
        "shi you",
        "shiyou",
        "petrol",
        "petroleo",
    ),
    "gas": ("gas", "gaz", "gazovaya", "tian ran qi"),
    "construction": (
        "construction",
        "constructions",
        "stroitelnaya",
        "stroy",
        "jian she",
        "jianshe",
        "sakhtemani",
    ),
    "engineering": ("engineering", "engineers", "gong cheng", "gongcheng", "mohandesi"),
    "electronics": ("electronics", "electronic", "electric", "dian zi", "dianzi", "elektronika"),
    "research": (
        "research",
        "institute",
        "institut",
        "nauchno",
        "issledovatelsky",
        "yan jiu",
        "yanjiu",
        "yan jiu suo",
    ),
    "production": ("production", "proizvodstvennoe", "proizvodstvennaya", "sheng chan"),
    "association": (
        "association",
        "assn",
        "obedinenie",
        "obyedinenie",
        "union",
        "society",
        "societe",
    ),
    "foundation": ("foundation", "fund", "fond", "fonds", "fondation", "fundacion", "trust"),
    "agency": ("agency", "agence", "agentstvo", "bureau", "office"),
    "center": ("center", "centre", "ctr", "tsentr", "zhong xin", "markaz"),
    "organization": (
        "organization",
        "organisation",
        "organizatsiya",
        "organizacion",
        "sazman",
        "munazzamat",
        "munazzama",
    ),
    "ministry": (
        "ministry",
        "ministerstvo",
        "vezarat",
        "wizarat",
        "ministerio",
        "ministere",
        "department",
        "departement",
    ),
    "committee": ("committee", "komitet", "comite", "council", "sovet"),
    "national": ("national", "natl", "natsionalnaya", "natsionalny", "quan guo"),
    "state": ("state", "gosudarstvennaya", "gosudarstvennoe", "guo jia", "dowlati"),
    "joint": ("joint", "stock", "shares", "share", "gu fen", "gufen"),
}

#: Weight of a generic organisation word, relative to an ordinary name token.
GENERIC_WEIGHT: Final = 0.35

#: Russian and other CIS organisation abbreviations that stand for generic words
#: (or, as ``legal:`` codes, for legal forms), in organisation names.
ORG_ABBREVIATIONS: Final[dict[str, tuple[str, ...]]] = {
    "нк": ("oil", "company"),
    "гк": ("group",),
    "тд": ("trading",),
    "нпо": ("research", "production", "association"),
    "нпп": ("research", "production", "enterprise"),
    "нпк": ("research", "production", "corporation"),
    "по": ("production", "association"),
    "ик": ("investment", "company"),
    "ук": ("management", "company"),
    "ск": ("company",),
    "кб": ("bank",),
    "фг": ("financial", "group"),
    # the same in Latin letters, as the lists and the press write them ("NK
    # Rosneft", "FGUP Rosoboronexport"); only those that are no common Latin
    # abbreviation of their own (not UK, SK, TD, IK, GK, KB). Legal forms, as
    # rigour reads their Cyrillic spelling, are ``legal:`` codes.
    "nk": ("oil", "company"),
    "npp": ("research", "production", "enterprise"),
    "npk": ("research", "production", "corporation"),
    "gup": ("legal:soe",),
    "fgup": ("legal:soe",),
    "mup": ("legal:soe",),
    "fkp": ("legal:soe",),
    "akb": ("legal:jsc",),
}

#: Chinese and Japanese organisation vocabulary, matched as the longest run of
#: characters before the rest is transliterated to pinyin / romaji. Values are
#: either a legal-form code (prefixed ``legal:``) or English generic words.
CJK_ORG_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "股份有限公司": ("legal:jsc",),
    "有限责任公司": ("legal:llc",),
    "有限公司": ("legal:llc",),
    "株式会社": ("legal:jsc",),
    "有限会社": ("legal:llc",),
    "合同会社": ("legal:llc",),
    "公司": ("company",),
    "会社": ("company",),
    "集团": ("group",),
    "集團": ("group",),
    "控股": ("group",),
    "技术": ("technology",),
    "技術": ("technology",),
    "科技": ("technology",),
    "银行": ("bank",),
    "銀行": ("bank",),
    "国际": ("international",),
    "國際": ("international",),
    "贸易": ("trading",),
    "貿易": ("trading",),
    "商事": ("trading",),
    "进出口": ("trading",),
    "工业": ("industry",),
    "工業": ("industry",),
    "实业": ("enterprise",),
    "投资": ("investment",),
    "发展": ("development",),
    "石油": ("oil",),
    "天然气": ("gas",),
    "能源": ("energy",),
    "航运": ("shipping",),
    "海运": ("shipping",),
    "船舶": ("shipping",),
    "物流": ("logistics",),
    "电子": ("electronics",),
    "電子": ("electronics",),
    "通信": ("technology",),
    "研究所": ("research",),
    "研究院": ("research",),
    "中心": ("center",),
    "建设": ("construction",),
    "工程": ("engineering",),
    "保险": ("insurance",),
    "金融": ("finance",),
    "管理": ("management",),
}

#: Legal-form codes that rigour's compare form leaves ambiguous, by generic class.
LEGAL_FORM_WEIGHT: Final = 0.1

#: Legal forms of a joint-stock company that say it is public (its shares
#: offered to the public: the Russian *PAO*, formerly *OAO*, "open"), as
#: written (folded to ASCII, Cyrillic as written), and those that say it is
#: closed (*ZAO*, *CJSC*). Analysis reads all of them as one form, *jsc*,
#: as it reads the bare *JSC* and *AO* that say neither; a public and a
#: closed company are two firms (:func:`thaw.match.names.other_company_kind`).
PUBLIC_JSC: Final = frozenset(
    {
        "pjsc", "ojsc", "pao", "oao", "пао", "оао", "publicjointstockcompany",
        "openjointstockcompany", "publicjointstock", "openjointstock",
    }
)  # fmt: skip
CLOSED_JSC: Final = frozenset(
    {
        "cjsc", "zao", "зао", "closedjointstockcompany", "closedjointstock",
        "nonpublicjointstockcompany",
    }
)  # fmt: skip

# --- built at import ----------------------------------------------------------------


def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_token(w) for w in words)


HONORIFICS: Final = _folded(HONORIFICS_RAW)
LEADING_ONLY_HONORIFICS: Final = _folded(LEADING_ONLY_HONORIFICS_RAW)
PARTICLES: Final = _folded(PARTICLES_RAW)
COMMON_NAMES: Final = _folded(COMMON_NAMES_RAW)

#: The names of :data:`COMMON_NAMES_RAW` that the Arabic script writes (its
#: first part, the Arabic and Islamic world's, to *Youssef*), by their consonant
#: key (:func:`~thaw.text.fold.abjad_key`), less the particles *Abu* and *Abd*,
#: which analysis weighs apart, and the Persian and Pashto words written with
#: their long vowels, which read as they are spelt in Latin (خان ``khan``),
#: whose short keys other names share (Hebrew כהן *Cohen* is ``hn`` as *Khan*),
#: and the keys of fewer than three letters, which other names share too
#: (علاي *Alay* is ``al`` as *Ali*; *Yusuf*'s ``sf`` is *Saif*'s).
_COMMON_ABJAD: Final[dict[str, tuple[str, ...]]] = {}
for _name in COMMON_NAMES_RAW[: COMMON_NAMES_RAW.index("youssef") + 1]:
    _key = abjad_key(_name)
    if len(_key) > 2 and _name not in ("abu", "abd", "khan", "jan", "gul", "shah", "haji"):
        _COMMON_ABJAD[_key] = (*_COMMON_ABJAD.get(_key, ()), _name)


def common_abjad(raw: str) -> bool:
    """Whether ``raw``, a word read from an abjad without its short vowels
    (محمد ``mhmd``, حسین ``hsyn``; a key of three letters at least), writes a very frequent name of
    :data:`COMMON_NAMES` (*Muhammad*, *Hussein*), which weighs as its Latin
    spellings do: one name, one weight, whatever the script. A word ending in
    the long vowel *-i* (محمدی ``mhmdy``, *Mohammadi*; عزیزی, *Azizi*) is
    another name than one without it (*Muhammad*, *Aziz*), although the key
    leaves the vowel out."""
    names = _COMMON_ABJAD.get(abjad_key(raw), ())
    ends_in_i = raw.endswith("y")
    return any(ends_in_i == name.endswith(("i", "y")) for name in names)


#: folded single word -> canonical generic word
GENERIC_LOOKUP: Final[dict[str, str]] = {}
#: tuple of folded words (multi-word spellings such as "ji shu") -> canonical
GENERIC_PHRASES: Final[dict[tuple[str, ...], str]] = {}
for _canon, _forms in GENERIC_WORDS.items():
    for _form in _forms:
        _parts = tuple(fold_token(p) for p in _form.split())
        if len(_parts) == 1:
            GENERIC_LOOKUP[_parts[0]] = _canon
        else:
            GENERIC_PHRASES[_parts] = _canon
GENERIC_CANON: Final[frozenset[str]] = frozenset(GENERIC_WORDS)
#: Short generic words are recognised only as written ("co" is generic, "Ko" a name).
GENERIC_SHORT_RAW: Final[frozenset[str]] = frozenset(
    f for forms in GENERIC_WORDS.values() for f in forms if len(f) <= 3
)
MAX_PHRASE: Final = max(len(p) for p in GENERIC_PHRASES)
#: The folded first words of :data:`GENERIC_PHRASES` (a quick test before lookups).
GENERIC_PHRASE_STARTS: Final[frozenset[str]] = frozenset(p[0] for p in GENERIC_PHRASES)

"""Which column of a customer file holds what: headers as integrators write them.

A bank's export says ``Surname``, ``Given Names``, ``Date of Birth (DD/MM/YYYY)``,
``Country of Residence``, ``Passport No.``, or ``Nachname``, ``Prénom``,
``Fecha de nacimiento``, ``Фамилия``. Each header is read by its *normalised form*
(:func:`normalise_header`: case, accents, punctuation, spacing and plurals do not
count, a bracketed hint such as ``(DD/MM/YYYY)`` is set aside) and looked up in
one declared table, :data:`HEADERS`, which maps each form to a **role**:

==============  =====================================================================
``name``        the whole name (``Full Name``, ``Customer Name``, ``ФИО`` …)
``first_name``  given names (``First Name``, ``Given Names``, ``Vorname``, ``Имя`` …)
``middle_name`` middle names and patronymics (``Middle name(s)``, ``Отчество`` …)
``last_name``   surnames (``Surname``, ``Nachname``, ``Apellidos``, ``Фамилия`` …);
                several columns (``Primer apellido``, ``Segundo apellido``) are joined
``birth_date``  ``Date of Birth``, ``DOB``, ``Geburtsdatum``, ``Дата рождения`` …
``gender``      ``Gender``, ``Sex``, ``Geschlecht``, ``Sexe``, ``Пол`` …
``country``     ``Nationality``, ``Citizenship``, ``Country of residence`` …; every
                such column is read (a nationality and a residence both count)
``id_number``   ``Passport No.``, ``Tax ID``, ``National ID``, ``INN`` …; every such
                column is read
``id``          the row's own reference (``Customer ID``, ``Reference``, ``Kundennummer``)
``schema``      ``schema`` (Person, Organization, Vessel … or any)
``kind``        the kind of customer as a bank's system says it (``Customer Type``,
                ``Entity Type``: Individual, Corporate …); read leniently
                (:func:`thaw.screen.inputs.parse_kind`), only when ``schema`` is empty
==============  =====================================================================

A header that is only a word for "name" (``Name``, ``Nom``, ``Nombre``, ``Nome``)
means the whole name, except beside a first-name column without a surname column
(German ``Name``/``Vorname``, French ``Nom``/``Prénom``: it is the surname) or a
surname column without a first-name column (Spanish ``Nombre``/``Apellidos``,
Italian ``Nome``/``Cognome``: it is the given name). A leading qualifier
(``Customer``, ``Client``, ``Account holder`` …) is ignored when the header is not
known with it (``Client Surname`` is ``Surname``), and so is a trailing number (``Nationality 2``).

:func:`plan_columns` turns a header into a :class:`ColumnPlan`: the field key of
each column (``None``: ignored), a line that says which column was read as what,
and the date order a header's hint gives.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

ROLES = (
    "name",
    "first_name",
    "middle_name",
    "last_name",
    "birth_date",
    "gender",
    "country",
    "id_number",
    "id",
    "schema",
    "kind",
)
"""The roles a column can play, in the order :meth:`ColumnPlan.describe` lists them."""

BARE_NAME = "bare_name"
"""The table's role for a header that only says "name" (see the module docs)."""

MULTI_ROLES = frozenset({"first_name", "middle_name", "last_name", "country", "id_number"})
"""Roles read from every column that plays them (name parts are joined, countries
and identifiers collected); other roles take the first filled column."""

HEADERS: dict[str, tuple[str, ...]] = {
    "name": (
        # English
        "full name", "fullname", "complete name", "legal name", "registered name",
        "entity name", "company name", "organisation name", "organization name",
        "business name", "party name", "account name", "account holder", "holder name",
        "beneficiary", "beneficiary name", "customer", "client",
        # German
        "vollstandiger name", "vollstaendiger name", "kundenname", "firmenname", "firma",
        "name des kunden", "vor und nachname", "vorname und nachname", "nachname vorname",
        # French
        "nom complet", "nom et prenom", "nom prenom", "prenom et nom", "prenom nom",
        "raison sociale", "denomination", "nom du client",
        # Spanish
        "nombre completo", "nombre y apellidos", "apellidos y nombre", "razon social",
        "denominacion", "nombre del cliente",
        # Italian
        "nome completo", "nome e cognome", "cognome e nome", "nominativo",
        "ragione sociale", "denominazione",
        # Portuguese
        "nome completo", "razao social", "denominacao", "nome do cliente",
        # Russian, Ukrainian
        "фио", "ф и о", "полное имя", "наименование", "полное наименование",
        "фамилия имя отчество", "піб", "п і б", "повне ім'я", "найменування",
        "прізвище ім'я по батькові",
    ),
    BARE_NAME: ("name", "nom", "nombre", "nome", "nombres", "nomi"),
    "first_name": (
        "first name", "firstname", "first", "given name", "givenname", "forename",
        "christian name", "first and middle name",
        "vorname", "vornamen", "rufname",
        "prenom", "prenoms", "nombre de pila", "nome proprio", "nome di battesimo",
        "primeiro nome", "prenome",
        "имя", "ім'я", "імя",
    ),
    "middle_name": (
        "middle name", "middlename", "middle initial", "other names", "patronymic",
        "zweiter vorname", "weitere vornamen", "deuxieme prenom", "autres prenoms",
        "segundo nombre", "secondo nome", "nome do meio",
        "отчество", "по батькові", "по батькови",
    ),
    "last_name": (
        "last name", "lastname", "last", "surname", "family name", "familyname",
        "nachname", "familienname", "zuname",
        "nom de famille", "nom d usage",
        "apellido", "apellidos", "primer apellido", "segundo apellido",
        "apellido paterno", "apellido materno",
        "cognome", "cognomi",
        "sobrenome", "apelido", "apelidos", "ultimo nome",
        "фамилия", "прізвище",
    ),
    "birth_date": (
        "birth date", "birthdate", "date of birth", "dob", "d o b", "birthday", "born",
        "date birth", "birth dt", "dateofbirth", "year of birth", "birth year", "yob",
        "geburtsdatum", "geburtstag", "geb datum", "geboren", "geboren am", "geburtsjahr",
        "date de naissance", "date naissance", "ne le", "annee de naissance",
        "fecha de nacimiento", "fecha nacimiento", "ano de nacimiento",
        "data di nascita", "data nascita", "anno di nascita",
        "data de nascimento", "data nascimento", "ano de nascimento",
        "дата рождения", "д р", "день рождения", "год рождения",
        "дата народження", "рік народження",
    ),
    "gender": (
        "gender", "sex",
        "geschlecht",
        "sexe", "genre",
        "sexo", "genero",
        "sesso", "genere",
        "пол", "стать",
    ),
    "country": (
        "nationality", "citizenship", "country", "country of residence",
        "residence country", "country of citizenship", "citizenship country",
        "nationality code", "country code", "residence", "nation", "address country",
        "country of address", "second nationality", "other nationality",
        "staatsangehorigkeit", "staatsangehoerigkeit", "nationalitat", "land",
        "wohnsitzland", "staatsburgerschaft", "wohnsitz",
        "nationalite", "pays", "pays de residence", "citoyennete",
        "nacionalidad", "pais", "pais de residencia", "ciudadania",
        "nazionalita", "cittadinanza", "paese", "paese di residenza",
        "nacionalidade", "cidadania", "pais de residencia",
        "гражданство", "страна", "страна проживания", "страна гражданства",
        "громадянство", "країна", "країна проживання",
    ),
    "id_number": (
        "id number", "identification number", "national id", "national id number",
        "passport", "passport number", "passport no", "passport nr", "tax id",
        "tax number", "tax identification number", "tin", "ssn",
        "social security number", "national insurance number", "personal id",
        "identity card", "identity card number", "id card number", "document number",
        "registration number", "company number", "lei", "imo", "imo number", "mmsi",
        "swift", "bic", "inn", "ogrn", "vat number",
        "ausweisnummer", "reisepassnummer", "passnummer", "steuer id", "steuernummer",
        "steueridentifikationsnummer", "personalausweisnummer",
        "numero de passeport", "numero fiscal", "numero d identite",
        "numero de pasaporte", "dni", "nie", "nif", "cif", "numero de documento",
        "documento de identidad", "codice fiscale", "numero passaporto",
        "numero documento", "cpf", "cnpj", "numero do passaporte",
        "инн", "паспорт", "номер паспорта", "снилс", "огрн",
        "інн", "рнокпп", "номер паспорта", "єдрпоу",
    ),
    "id": (
        "id", "customer id", "client id", "reference", "ref", "customer reference",
        "customer number", "customer no", "client number", "record id", "row id", "uid",
        "kundennummer", "kunden nr", "kundennr", "referenz",
        "identifiant", "numero client", "id client", "n client", "no client",
        "referencia", "numero de cliente", "id cliente",
        "codice cliente", "riferimento", "codigo do cliente", "codigo cliente",
        "номер клиента", "идентификатор", "номер клієнта", "ідентифікатор",
    ),
    "schema": ("schema",),
    "kind": (
        "customer type", "client type", "party type", "entity type", "person type",
        "type of customer", "type of party", "legal type", "customer category",
        "kundentyp", "kundenart", "personenart", "type de client", "type de personne",
        "tipo de cliente", "tipo de persona", "tipo cliente", "tipo di cliente",
        "tipo de pessoa", "тип клиента", "тип лица", "тип клієнта", "тип особи",
    ),
}  # fmt: skip
"""Each role's headers (see the module docs), as written; they are compared by
their normalised form (:func:`normalise_header`)."""

QUALIFIERS = frozenset(
    {
        "customer", "customers", "client", "clients", "account", "holder", "party",
        "subject", "beneficiary", "person", "individual", "kunde", "kunden", "cliente",
        "клиент", "клиента", "клієнт", "клієнта",
    }
)  # fmt: skip
"""Leading words ignored when a header is not known with them (``Client Surname``)."""

_HINT = re.compile(r"[(\[{]([^)\]}]*)[)\]}]")
_WORD = re.compile(r"[^\w']+|_")
_CAMEL = re.compile(r"(?<=[a-zà-ÿа-я])(?=[A-ZÀ-ÞА-Я])")
"""Where a camel-case header (``DateOfBirth``, ``CustomerRef``) starts a word."""
_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)")
"""Where a number ends a word (``Nationality2``)."""
_PART = r"\s*([a-zа-я]{1,4})\s*"
_DATE_HINT = re.compile(rf"^{_PART}[./\- ]{_PART}[./\- ]{_PART}$")
_HINT_LETTERS = {
    "d": "d", "j": "d", "t": "d", "g": "d", "д": "d",  # day: en, fr/es "jour", de "Tag"
    "m": "m", "м": "m",
    "y": "y", "a": "y", "г": "y", "р": "y",  # year: fr/es/pt "année/año/ano", ru "год"
}  # fmt: skip
"""First letters of a date hint's parts (``DD/MM/YYYY``, ``JJ/MM/AAAA``,
``TT.MM.JJJJ``, ``ДД.ММ.ГГГГ``) and the part each names; beside a German ``T``
(Tag) for the day, ``J`` is the year (Jahr), not the French day (jour)."""


def _fold(text: str) -> str:
    """Lower case without accents (``Prénom`` → ``prenom``; ``й`` → ``и``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _singular(word: str) -> str:
    """A word without a plural ``s`` (``names`` → ``name``, ``apellidos`` →
    ``apellido``); short words (``sex``, ``dos``) are kept."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def normalise_header(header: object) -> str:
    """A header's normalised form: lower case, no accents, bracketed hints
    dropped, words split at camel case and at anything that is not a letter or digit (an
    apostrophe is kept: ``ім'я``), plurals made singular, and the words joined by
    one space (``"Middle name(s)"`` → ``"middle name"``, ``"Passport No."`` →
    ``"passport no"``)."""
    text = _CAMEL.sub(" ", _HINT.sub(" ", str(header)).replace("\u2019", "'"))
    text = _DIGITS.sub(" ", _fold(text))
    if text.startswith("\ufeff"):
        text = text[1:]
    words = []
    for word in _WORD.split(text):
        word = word.strip("'")
        if word.endswith("'s"):  # "Customer's name"
            word = word[:-2]
        if word:
            words.append(_singular(word))
    if words and all(len(w) == 1 for w in words) and len(words) > 1:
        words = ["".join(words)]  # "Ф.И.О.", "D.O.B." → "фио", "dob"
    return " ".join(words)


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Normalised header → role (the first role that lists a form wins)."""
    out: dict[str, str] = {}
    for role, headers in HEADERS.items():
        for header in headers:
            out.setdefault(normalise_header(header), role)
    return out


@lru_cache(maxsize=4096)
def header_role(header: str) -> str | None:
    """The role the table gives a header (:data:`BARE_NAME` for a bare "name"
    word), or ``None`` when it is not known."""
    key = normalise_header(header)
    table = _table()
    role = table.get(key)
    if role is None and key[-1:].isdigit() and " " in key:  # "Nationality 2", "Name 1"
        key = key.rsplit(" ", 1)[0]
        role = table.get(key)
    if role is None:
        words = key.split(" ")
        while role is None and len(words) > 1 and words[0] in QUALIFIERS:
            words = words[1:]
            role = table.get(" ".join(words))
    return role


def date_hint(header: str) -> str | None:
    """The date order (``dmy``, ``mdy`` or ``ymd``) a header's bracketed hint gives
    (``Date of Birth (MM/DD/YYYY)`` → ``mdy``), else ``None``."""
    for hint in _HINT.findall(header):
        m = _DATE_HINT.match(_fold(hint))
        if m is None:
            continue
        firsts = [part[0] for part in m.groups()]
        german = "t" in firsts  # TT.MM.JJJJ: J is the year (Jahr), not the day (jour)
        order = "".join("y" if german and c == "j" else _HINT_LETTERS.get(c, "?") for c in firsts)
        if order in ("dmy", "mdy", "ymd"):
            return order
    return None


@dataclass(frozen=True, slots=True)
class ColumnPlan:
    """How a header is read: a field key per column (``None``: ignored).

    The key of a role's first column is the role (``last_name``); a further
    column of the same role gets ``last_name_2``, ``last_name_3`` …
    """

    headers: tuple[str, ...]
    keys: tuple[str | None, ...]
    date_order: str | None = None
    """The date order a birth-date header's hint gives (``None``: none)."""

    @property
    def roles(self) -> set[str]:
        """The roles some column plays."""
        return {_role(k) for k in self.keys if k is not None}

    @property
    def has_name(self) -> bool:
        """Whether a column gives a name or a part of one."""
        return bool(self.roles & {"name", "first_name", "last_name", "middle_name"})

    def wanted(self) -> list[tuple[int, str]]:
        """``(column index, field key)`` of the columns read."""
        return [(i, k) for i, k in enumerate(self.keys) if k is not None]

    def describe(self) -> str:
        """One line saying which column was read as what, and which were ignored
        (``columns: "Surname" → last name, "Given Names" → first name; ignored:
        "Occupation"``)."""
        read: list[tuple[int, str]] = []
        for i, key in enumerate(self.keys):
            if key is not None:
                read.append((ROLES.index(_role(key)), f'"{self.headers[i]}" → {_role(key)}'))
        parts = [text for _, text in sorted(read, key=lambda x: x[0])]
        ignored = [
            f'"{h}"'
            for h, k in zip(self.headers, self.keys, strict=True)
            if k is None and h.strip()
        ]
        line = "columns: " + (", ".join(parts) or "none recognised")
        if ignored:
            line += "; ignored: " + ", ".join(ignored)
        return line


def _role(key: str) -> str:
    """The role of a field key (``last_name_2`` → ``last_name``)."""
    head, _, tail = key.rpartition("_")
    return head if tail.isdigit() and head else key


def plan_columns(headers: Sequence[object], *, whole_name: bool = False) -> ColumnPlan:
    """The :class:`ColumnPlan` of a header row (see the module docs).

    ``whole_name``: a bare "name" header is always the whole name (the keys of a
    row given as a mapping, whose ``name`` is the input contract's)."""
    texts = tuple("" if h is None else " ".join(str(h).split()) for h in headers)
    if texts and texts[0].startswith("\ufeff"):
        texts = (texts[0][1:], *texts[1:])
    roles = [header_role(t) if t else None for t in texts]
    present = set(roles)
    bare = "name"
    if not whole_name and "first_name" in present and "last_name" not in present:
        bare = "last_name"
    elif not whole_name and "last_name" in present and "first_name" not in present:
        bare = "first_name"
    keys: list[str | None] = []
    seen: dict[str, int] = {}
    order: str | None = None
    for text, role in zip(texts, roles, strict=True):
        if role == BARE_NAME:
            role = bare
        if role is None:
            keys.append(None)
            continue
        count = seen.get(role, 0) + 1
        seen[role] = count
        if count > 1 and role not in MULTI_ROLES and role != "name":
            keys.append(None)  # a second id or gender column: the first is read
            continue
        keys.append(role if count == 1 else f"{role}_{count}")
        if role == "birth_date" and order is None and count == 1:
            order = date_hint(text)
    return ColumnPlan(texts, tuple(keys), order)


def accepted_headers() -> str:
    """The accepted headers, for an error message: the English ones of the name
    roles, and a word on the other languages."""
    english = {
        "name": "name, full name, customer name",
        "first_name": "first name, given names, forename",
        "last_name": "last name, surname, family name",
        "middle_name": "middle name(s)",
    }
    listed = "; ".join(f"{role.replace('_', ' ')}: {text}" for role, text in english.items())
    return (
        f"{listed}; and their German, French, Spanish, Italian, Portuguese, Russian "
        "and Ukrainian forms (Name/Vorname/Nachname, Nom/Prénom, Nombre/Apellidos, "
        "Nome/Cognome, Фамилия/Имя/Отчество …)"
    )


def field_values(fields: dict[str, object], role: str) -> Iterable[object]:
    """The values of every column playing ``role`` in a row's fields (``role``,
    ``role_2`` …), in column order (``None`` first when no column plays it)."""
    value = fields.get(role)
    key = _SECOND.get(role) or f"{role}_2"
    if key not in fields:  # one column per role, as nearly every file has
        return (value,)
    values = [value]
    n = 2
    while key in fields:
        values.append(fields[key])
        n += 1
        key = f"{role}_{n}"
    return values


_SECOND = {role: f"{role}_2" for role in ROLES}
"""The key of each role's second column (:func:`field_values` asks for it on
every row)."""

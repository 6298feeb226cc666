"""The thaw matcher: names across scripts and spellings, supporting facts, explanations."""

from __future__ import annotations

import pytest

from thaw.cli.compare import pair_entry
from thaw.index.entry import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, describe_algorithm, features, score
from thaw.match.features import distinctive_id
from thaw.model import Identifier, Name, Record


@pytest.fixture(scope="module")
def dmitriev() -> Entry:
    record = Record(
        source="test",
        source_id="1",
        schema="Person",
        names=[Name("DMITRIEV, Kirill Aleksandrovich")],
        birth_dates=["1975-04-12"],
        nationalities=["ru"],
        gender="male",
        identifiers=[Identifier("passport", "75 1234567", "ru")],
    )
    return entry_from_record(record)


@pytest.mark.parametrize(
    "name",
    [
        "Kirill Dmitriev",
        "Dmitriev Kirill",
        "Кирилл Дмитриев",
        "Kirill Dmitriyev",
        "KIRILL DMITRIJEV",
        "Dmitriev, Kirill A.",
    ],
)
def test_variants_of_the_name_match(dmitriev: Entry, name: str) -> None:
    assert score(Query(name, "Person"), dmitriev).score >= DEFAULT_THRESHOLD
    assert score(Query(name), dmitriev).score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize("name", ["Kirill Petrov", "Ivan Dmitriev", "Kirill Ivanovich Dmitriev"])
def test_other_people_do_not_match(dmitriev: Entry, name: str) -> None:
    assert score(Query(name, "Person"), dmitriev).score < DEFAULT_THRESHOLD


def test_birth_date_evidence(dmitriev: Entry) -> None:
    plain = score(Query("Kirill Dmitriev", "Person"), dmitriev).score
    same = score(Query("Kirill Dmitriev", "Person", birth_date="1975-04-12"), dmitriev).score
    year = score(Query("Kirill Dmitriev", "Person", birth_date="1975"), dmitriev).score
    next_year = score(Query("Kirill Dmitriev", "Person", birth_date="1976"), dmitriev).score
    far = score(Query("Kirill Dmitriev", "Person", birth_date="1990-01-01"), dmitriev).score
    assert same > year > plain > next_year > far
    assert next_year >= DEFAULT_THRESHOLD  # one year apart is weak evidence, not a veto
    assert far < DEFAULT_THRESHOLD


def test_dob_lifts_a_borderline_name(dmitriev: Entry) -> None:
    weak = score(Query("K. Dmitriev", "Person"), dmitriev).score
    lifted = score(Query("K. Dmitriev", "Person", birth_date="1975-04-12"), dmitriev).score
    assert lifted > weak


def test_identifier_is_near_conclusive(dmitriev: Entry) -> None:
    result = score(Query("K Dmitrijev", id_numbers=("751234567",)), dmitriev)
    assert result.score >= 0.98
    assert "passport" in result.explanation
    typed = score(Query("Kirill Dmitriev", identifiers=(("passport", "76 7654321"),)), dmitriev)
    assert typed.score < score(Query("Kirill Dmitriev"), dmitriev).score
    assert "differs" in typed.explanation


def _company_with(number: str) -> Entry:
    record = Record(
        source="test",
        source_id=number,
        schema="Company",
        names=[Name("ARYA SASOL POLYMER COMPANY")],
        identifiers=[Identifier("registration", number, "ir")],
    )
    return entry_from_record(record)


@pytest.mark.parametrize(
    ("listed", "given"),
    [("777", "777"), ("55", "55"), ("3", "3"), ("1000", "1000"), ("44444", "44 444")],
)
def test_a_number_too_short_to_tell_parties_apart_decides_nothing(listed: str, given: str) -> None:
    # the lists publish such numbers (an aircraft's serial, a registration 777)
    # and customer files carry them as junk: equal, they are no evidence
    company = _company_with(listed)
    result = score(Query("John Smith", id_numbers=(given,)), company)
    assert result.score < DEFAULT_THRESHOLD
    assert "matches" not in result.explanation
    assert score(Query("John Smith"), company).score == result.score
    # a number that can tell parties apart still decides on its own
    distinct = score(Query("John Smith", id_numbers=("10861",)), _company_with("10861"))
    assert distinct.score >= 0.98


@pytest.mark.parametrize("number", ["UHNY", "A1234", "10861", "C389664"])
def test_short_identifiers_with_letters_or_five_digits_are_distinctive(number: str) -> None:
    assert distinctive_id(number)


def test_country_and_gender(dmitriev: Entry) -> None:
    base = score(Query("Kirill Dmitriev"), dmitriev).score
    assert score(Query("Kirill Dmitriev", countries=("ru",)), dmitriev).score > base
    assert score(Query("Kirill Dmitriev", countries=("br",)), dmitriev).score < base
    assert score(Query("Kirill Dmitriev", gender="female"), dmitriev).score < base


def test_schema_conflict(dmitriev: Entry) -> None:
    assert score(Query("Kirill Dmitriev", "Company"), dmitriev).score < DEFAULT_THRESHOLD
    assert score(Query("Kirill Dmitriev", "LegalEntity"), dmitriev).score >= DEFAULT_THRESHOLD


def test_explanation_names_aligned_tokens(dmitriev: Entry) -> None:
    result = score(Query("Kirill Dmitriyev", birth_date="1975-04-12"), dmitriev)
    assert "dmitriyev=dmitriev" in result.explanation
    assert "+aleksandrovich" in result.explanation
    assert "birth date 1975-04-12 agrees" in result.explanation
    assert result.matched_name == "DMITRIEV, Kirill Aleksandrovich"
    assert set(result.features) >= {"name", "birth_date"}
    miss = score(Query("Kirill Petrov"), dmitriev)
    assert "-petrov" in miss.explanation and "+dmitriev" in miss.explanation


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("عبد الفتاح السيسي", "Abdel Fattah el-Sisi", "Person"),
        ("بانک ملی ایران", "Bank Melli Iran", "Organization"),
        ("华为技术有限公司", "Huawei Technologies Co., Ltd.", "Company"),
        ("ПАО НК Роснефть", "Rosneft Oil Company", "Company"),
        ("Abdulrahman Ali", "Abdul Rahman Ali", "Person"),
        ("Mohamad Abdel Aziz", "Muhammad Abd al-Aziz", "Person"),
        ("Aleksandr Lukashenko", "Alexander Lukashenka", "Person"),
        ("OOO Gazprom", "Gazprom Limited Liability Company", "Company"),
        ("PJSC Sberbank", "ПАО Сбербанк", "Company"),
        ("Osama bin Laden", "Usama ibn Ladin", "Person"),
        ("Kim Jong Un", "김정은", "Person"),
        ("Mr. Rami Makhlouf", "Rami Makhlouf", "Person"),
        ("Boris Johnson", "Alexandre Boris de Pfeffel Johnson", "Person"),
        ("SiemensAG", "Siemens AG", "Company"),
    ],
)
def test_cross_script_and_structure_matches(query: str, listed: str, schema: str) -> None:
    for s in (schema, None):
        result = score(Query(query, s), pair_entry(listed, s))
        assert result.score >= DEFAULT_THRESHOLD, result.explanation


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("John Smith", "Jane Smith", "Person"),
        ("George Bush", "George Habbash", "Person"),
        ("Sergey Viktorovich Lavrov", "Sergey Ivanovich Lavrov", "Person"),
        ("Abdullah bin Omar al-Muhammad", "Omar bin Abdullah al-Muhammad", "Person"),
        ("Bank of China (Hong Kong) Limited", "Bank of China (Singapore) Limited", "Company"),
        ("Saudi Arabian Gas Company", "Saudi Arabian Oil Company", "Company"),
        ("Management Company", "Westminster Management Company", "Company"),
        ("Volkswagen AG", "Siemens AG", "Company"),
    ],
)
def test_non_matches(query: str, listed: str, schema: str) -> None:
    for s in (schema, None):
        result = score(Query(query, s), pair_entry(listed, s))
        assert result.score < DEFAULT_THRESHOLD, result.explanation


def test_weak_alias_counts_less() -> None:
    strong = entry_from_record(Record("t", "1", "Person", names=[Name("Ivan Petrovich Sidorov")]))
    weak = entry_from_record(
        Record(
            "t",
            "2",
            "Person",
            names=[Name("Someone Else"), Name("Ivan Petrovich Sidorov", kind="weak")],
        )
    )
    q = Query("Ivan Sidorov", "Person")
    assert score(q, weak).score < score(q, strong).score
    assert "(weak)" in score(q, weak).explanation


def test_best_name_among_aliases() -> None:
    entry = entry_from_record(
        Record(
            "t",
            "1",
            "Organization",
            names=[
                Name("Islamic Revolutionary Guard Corps"),
                Name("IRGC", kind="alias"),
                Name("Sepah-e Pasdaran", kind="alias"),
            ],
        )
    )
    result = score(Query("Sepah Pasdaran"), entry)
    assert result.matched_name == "Sepah-e Pasdaran"
    assert result.score >= DEFAULT_THRESHOLD


def test_scores_are_bounded_and_algorithms_checked(dmitriev: Entry) -> None:
    for q in (Query(""), Query("x"), Query("Kirill Dmitriev", birth_date="garbage")):
        assert 0.0 <= score(q, dmitriev).score <= 1.0
    with pytest.raises(ValueError):
        score(Query("Kirill"), dmitriev, algorithm="nope")


def test_feature_registry_documents_itself() -> None:
    names = [f.name for f in features()]
    assert names[0] == "name"
    assert {"birth_date", "country", "gender", "identifier", "schema"} <= set(names)
    doc = describe_algorithm()
    for f in features():
        assert f.doc() and f"`{f.name}`" in doc


_BOUND_QUERIES = [
    Query(name, schema, birth_date=dob, countries=countries, gender=gender, id_numbers=ids)
    for name in (
        "Kirill Dmitriev",
        "K. Dmitriev",
        "Dmitriev",
        "Kirill Petrov",
        "Ivan Ivanov",
        "Dmitriev Trading LLC",
    )
    for schema in ("Person", None, "Company")
    for dob in (None, "1975-04-12", "1975", "1976-01-01", "1990")
    for countries in ((), ("ru",), ("de",))
    for gender in (None, "male", "female")
    for ids in ((), ("751234567",), ("99 9999999",))
]


def test_no_feature_exceeds_its_ceiling(dmitriev: Entry) -> None:
    from thaw.match import Matcher
    from thaw.match.features import Context, listed_identifier

    assert all(f.weight >= 0 for f in features())  # (a ceiling bounds a non-negative weight)
    matcher = Matcher()
    for query in _BOUND_QUERIES:
        analyzed, best = matcher.best_name(query, dmitriev)
        ident = listed_identifier(query, dmitriev)
        ctx = Context(query, dmitriev, analyzed, best, True, ident)
        for feature in features():
            m = matcher.values[feature.name]
            assert feature.evaluate(ctx, m).value <= feature.ceiling(query, m), (
                feature.name,
                query,
            )


@pytest.mark.parametrize("threshold", [0.3, 0.5, DEFAULT_THRESHOLD, 0.9])
def test_score_at_least_is_score_above_the_threshold(dmitriev: Entry, threshold: float) -> None:
    from thaw.match import score_at_least

    for query in _BOUND_QUERIES:
        full = score(query, dmitriev)
        found = score_at_least(query, dmitriev, threshold)
        if full.score >= threshold:
            assert found == full, query
        else:
            assert found is None, query
    ofac = Query("Kirill Dmitriev")
    assert score_at_least(ofac, dmitriev, 0.5, "ofac") == score(ofac, dmitriev, "ofac")
    assert score_at_least(Query("Ivan Petrov"), dmitriev, 0.5, "ofac") is None


def _hafiz(dob: str) -> Entry:
    """A listing as OFAC's reader reads its "DOB <dob>"."""
    from thaw.sources.ofac_remarks import apply_feature

    record = Record(source="test", source_id="2", schema="Person", names=[Name("MAKHLUF, Hafiz")])
    apply_feature(record, "DOB", dob)
    return entry_from_record(record)


def test_a_listed_circa_year_stands_for_the_years_around_it() -> None:
    circa, exact = _hafiz("circa 1975"), _hafiz("1975")
    assert circa.birth_dates == ("1975",) and circa.birth_estimates == ("1975",)

    def with_dob(entry: Entry, dob: str | None) -> float:
        return score(Query("Hafiz Makhluf", "Person", birth_date=dob), entry).score

    # born 1974 or 1976 agrees with circa 1975 as born 1975 agrees with 1975
    for dob in ("1974-06-01", "1975", "1976"):
        assert with_dob(circa, dob) == with_dob(exact, "1975") > with_dob(circa, None)
    near = score(Query("Hafiz Makhluf", "Person", birth_date="1974-06-01"), circa, explain=True)
    assert "agrees with the listed circa 1975 (1974 to 1976)" in near.explanation
    # beyond the estimate's years no more allowance than from the year published
    for dob in ("1973", "1977", "1985"):
        assert with_dob(circa, dob) == with_dob(exact, dob) < with_dob(circa, None)
    # a listed exact year is not made looser: a year apart still counts against
    assert with_dob(exact, "1976") < with_dob(exact, None)

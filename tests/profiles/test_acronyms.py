"""Acronyms as organisation names: a name only beside what they stand for."""

from __future__ import annotations

from thaw.model import Name, Record
from thaw.profiles import features_of, link
from thaw.profiles.acronyms import acronym, initials, own_acronyms
from thaw.profiles.evidence import compare, corpus_stats
from thaw.profiles.features import Features, analyze


def org(source: str, source_id: str, *names: str, country: str = "ir") -> Features:
    """An organisation listed under ``names`` (the first its primary name)."""
    record = Record(
        source,
        source_id,
        "Organization",
        names=[Name(n, "primary" if i == 0 else "alias") for i, n in enumerate(names)],
        countries=[country],
        programs=["IRAN"],
    )
    return features_of(record)


def test_acronyms_and_initials() -> None:
    """An acronym is one short word beside legal forms; initials leave out
    legal forms and, in a second reading, small words."""
    assert acronym(analyze("NNK JSC", "alias", "Organization"), "Organization") == "nnk"
    assert acronym(analyze("ICI", "alias", "Organization"), "Organization") == "ici"
    assert acronym(analyze("M23", "alias", "Organization"), "Organization") is None
    assert acronym(analyze("Metallinvestbank", "alias", "Organization"), "Organization") is None
    name = analyze("Association de Secours Palestinien", "primary", "Organization")
    assert initials(name, "Organization") == {"adsp", "asp"}
    f = org("uk_ofsi", "1", "NATIONAL STANDARDS & CALIBRATION LABORATORY", "NSCL", "SSRC")
    assert own_acronyms(f.strong_names(), f.schema) == {"nscl"}


def test_the_same_acronym_of_two_different_full_names_links_nothing() -> None:
    """Issue 11: the UK's "IRAN COMPOSITES INSTITUTE (ICI)" had joined Iran
    Communications Industries ("ICI") through the acronym alone, and kept
    the UK's own Iran Communications Industries out of its profile. Both spell
    out what their "ICI" stands for, and the full names disagree."""
    au = org("au_dfat", "2056", "Iran Communications Industries", "ICI")
    composites = org("uk_ofsi", "12815", "IRAN COMPOSITES INSTITUTE (ICI)", "ICI")
    uk = org("uk_ofsi", "11201", "IRAN COMMUNICATIONS INDUSTRIES (ICI)", "ICI")
    ctx = corpus_stats([au, composites, uk]).context()
    assert compare(au, composites, ctx) is None
    edge = compare(au, uk, ctx)
    assert edge is not None and edge.kind == "name_country"
    clusters = sorted(sorted(c) for c in link([au, composites, uk], ctx=ctx).clusters)
    assert clusters == [["au_dfat:2056", "uk_ofsi:11201"], ["uk_ofsi:12815"]]


def test_a_related_partys_acronym_links_nothing() -> None:
    """The UK's National Standards and Calibration Laboratory publishes its
    own "NSCL" and its parent's "SSRC": Australia's Scientific Studies and
    Research Centre ("SSRC") is another party."""
    au = org("au_dfat", "2361", "Scientific Studies and Research Centre", "SSRC", country="sy")
    uk = org(
        "uk_ofsi", "13033", "NATIONAL STANDARDS & CALIBRATION LABORATORY", "NSCL", "SSRC",
        country="sy",
    )  # fmt: skip
    assert compare(au, uk, corpus_stats([au, uk]).context()) is None


def test_an_acronym_still_links_where_one_side_spells_out_none() -> None:
    """Australia's First Crimean Insurance Company gives "KPSK OOO" beside its
    English name, OFAC's listing is "KPSK, OOO" alone; and two full names that
    agree keep an acronym they share ("IGE")."""
    au = org("au_dfat", "7945", "First Crimean Insurance Company", "KPSK OOO", country="ua")
    us = org("us_ofac_sdn", "22403", "KPSK, OOO", country="ua")
    edge = compare(au, us, corpus_stats([au, us]).context())
    assert edge is not None and edge.kind == "name_country"
    ca = org("ca_sema", "88", "International Group of Entrepreneurs (IGE) Company Ltd.", "IGE")
    uk = org("uk_ofsi", "16192", "INTERNATIONAL GROUP OF ENTREPRENEUR", "IGE")
    edge = compare(ca, uk, corpus_stats([ca, uk]).context())
    assert edge is not None


def test_an_acronym_under_two_legal_forms_links_nothing() -> None:
    """The UK's "JSC ITC" (Independent Transport Company) had joined OFAC's
    "LIMITED LIABILITY COMPANY ITC" through the acronym alone: a joint-stock
    company and a limited liability company of the same letters are two
    companies. The same acronym under one legal form, or without one, still
    links."""
    uk = org("uk_ofsi", "15971", "JSC INDEPENDENT TRANSPORT COMPANY", "JSC ITC", country="ru")
    llc = org("us_ofac_sdn", "47674", "LIMITED LIABILITY COMPANY ITC", country="ru")
    jsc = org("us_ofac_sdn", "2", "AKTSIONERNOE OBSHCHESTVO ITC", country="ru")
    bare = org("au_dfat", "3", "ITC", country="ru")
    ctx = corpus_stats([uk, llc, jsc, bare]).context()
    assert compare(uk, llc, ctx) is None
    for other in (jsc, bare):
        edge = compare(uk, other, ctx)
        assert edge is not None and edge.kind == "name_country"

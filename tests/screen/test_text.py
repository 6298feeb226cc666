"""Text screening: the fixture corpus (articles, contract, invoice, manifest, HTML,
PDF, DOCX) against a small fixture list, plus the shared news article on real data."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.screen.text_lists import fixture_records
from thaw.index import entry_from_record
from thaw.screen import Screener
from thaw.screen.text import TextScreener, extract_text

TEXTS = FIXTURES / "texts"
CASES: dict[str, dict[str, object]] = {
    k: v for k, v in json.loads((TEXTS / "cases.json").read_text()).items() if not k.startswith("_")
}


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with ``lines`` in Helvetica (no PDF library needed)."""
    content = (
        "BT /F1 11 Tf 72 720 Td 14 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
            for line in lines
        )
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def make_docx() -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Letter of intent")
    document.add_paragraph("We intend to purchase refined products from Rosneft Oil Company.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Approved by"
    table.rows[0].cells[1].text = "Vladimir Putin"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def document(name: str) -> bytes:
    if name == "10_report.pdf":
        return make_pdf(
            [
                "Quarterly risk report",
                "Counterparties reviewed: Kirill Dmitriev (adviser),",
                "Bank Melli Iran (correspondent), Acme Logistics BV.",
            ]
        )
    if name == "21_letter.docx":
        return make_docx()
    return (TEXTS / name).read_bytes()


@pytest.fixture(scope="module")
def text_screener() -> TextScreener:
    return TextScreener(Screener.from_entries(entry_from_record(r) for r in fixture_records()))


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus(text_screener: TextScreener, name: str) -> None:
    case = CASES[name]
    result = text_screener.screen_document(document(name))
    found = {
        f"{listing.source}:{listing.source_id}": party
        for party in result.parties
        for listing in party.hit.listings
    }
    explain = {k: [m.text for m in p.mentions] for k, p in found.items()}
    for key in case.get("hits", []):  # type: ignore[attr-defined]
        assert key in found, f"{name}: expected {key}, found {explain}"
    for key in case.get("not", []):  # type: ignore[attr-defined]
        assert key not in found, f"{name}: unexpected {key}: {explain}"
    if case.get("no_other_hits"):
        assert set(found) == set(case.get("hits", [])), f"{name}: found {explain}"  # type: ignore[call-overload]
    for key, minimum in dict(case.get("mentions", {})).items():  # type: ignore[call-overload]
        assert len(found[key].mentions) >= minimum, f"{name}: mentions of {key}: {explain[key]}"
    text = result.text
    for party in result.parties:
        for m in party.mentions:
            assert text[m.start : m.end] == m.text
            assert m.text in m.snippet or " ".join(m.text.split()) in m.snippet


def test_offsets_and_short_reference(text_screener: TextScreener) -> None:
    text = "Kirill Dmitriev spoke. Later, Dmitriev's aide and Dmitriev left."
    result = text_screener.screen_text(text)
    (party,) = result.parties
    spans = [(m.start, m.end, m.short_reference) for m in party.mentions]
    assert spans[0] == (0, 15, False)
    assert [s[2] for s in spans[1:]] == [True, True]
    assert text[spans[1][0] : spans[1][1]] == "Dmitriev"


def test_json_contract(text_screener: TextScreener) -> None:
    data = text_screener.screen_text("Talks with Kirill Dmitriev resumed.").to_dict()
    (party,) = data["parties"]
    assert {"name", "score", "listings", "mentions"} <= set(party)
    assert party["listings"][0]["source"] == "us_ofac_sdn"
    assert party["listings"][0]["source_id"] == "34336"
    assert party["listings"][0]["programs"] == ["RUSSIA-EO14024"]
    assert {"start", "end", "text"} <= set(party["mentions"][0])


def test_extract_html_drops_scripts() -> None:
    kind, text = extract_text((TEXTS / "09_page.html").read_bytes())
    assert kind == "html"
    assert "trackingName" not in text and "Russian Direct Investment Fund" in text


def test_extract_pdf_and_docx() -> None:
    assert extract_text(make_pdf(["Hello Kirill Dmitriev"]))[1].strip().endswith("Kirill Dmitriev")
    kind, text = extract_text(make_docx())
    assert kind == "docx" and "Vladimir Putin" in text


def test_a_party_found_in_text_carries_all_its_listings() -> None:
    """Issue 11: "The payment went to Sberbank of Russia." reported the Sberbank
    party without au_dfat:6771 (its own name does not pass the text test), so
    a what-if on the document missed Australia. The party carries every
    listing of its profile, each saying how it was found, and at least the
    listings ``thaw screen`` reports for the same words."""
    from tests.screen.text_lists import _org
    from thaw.index import CandidateIndex
    from thaw.profiles.screening import PartyScreener

    records = [
        _org("us_ofac_sdn", "17018", "SBERBANK OF RUSSIA", programs=("RUSSIA-EO14024",)),
        _org("uk_ofsi", "15076", "Sberbank of Russia", "PJSC Sberbank", programs=("Russia",)),
        _org(
            "au_dfat",
            "6771",
            "Savings Bank of the Russian Federation",
            programs=("Autonomous (Russia)",),
        ),
        _org("us_ofac_sdn", "99", "ROSNEFT", programs=("RUSSIA-EO14024",)),
    ]
    index = CandidateIndex.build(entry_from_record(r) for r in records)
    profile_of = {
        ("us_ofac_sdn", "17018"): "p-sber",
        ("uk_ofsi", "15076"): "p-sber",
        ("au_dfat", "6771"): "p-sber",
        ("us_ofac_sdn", "99"): "p-rosneft",
    }
    parties = PartyScreener(index=index, profile_of=profile_of)
    result = TextScreener(parties).screen_text("The payment went to Sberbank of Russia.")
    (party,) = result.parties
    found = {(x["source"], x["source_id"]): x["found_by"] for x in party.to_dict()["listings"]}
    assert found == {
        ("au_dfat", "6771"): "party",
        ("uk_ofsi", "15076"): "name",
        ("us_ofac_sdn", "17018"): "name",
    }
    assert party.to_dict()["profile_id"] == "p-sber"
    au = next(x for x in party.hit.listings if x.source == "au_dfat")
    assert au.programs == ("Autonomous (Russia)",)
    (screened,) = parties.screen("Sberbank of Russia").hits
    assert {(x.source, x.source_id) for x in screened.listings} <= set(found)

    # without profiles a party is what its words matched, marked so
    plain = TextScreener(Screener(index=index)).screen_text(
        "The payment went to Sberbank of Russia."
    )
    assert all(x["found_by"] == "name" for p in plain.to_dict()["parties"] for x in p["listings"])

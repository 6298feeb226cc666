"""A reader that reads the same files otherwise (a new :attr:`Reader.version`)
re-reads a stored publication when it is updated again from the same files: the
new reading is stored in place, and neither the history, the change reports nor
monitoring's delta report a change the authority did not make."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.update._http import Server
from thaw.history.diff import changes, compare
from thaw.index.storage import fingerprint
from thaw.monitor.delta import listing_delta
from thaw.sources import eu_fsf_xml
from thaw.sources.eu_fsf_xml import EUFinancialSanctionsXMLReader
from thaw.sources.ftm import FtmReader
from thaw.store import Store
from thaw.update import (
    Fetcher,
    OfficialSource,
    Outcome,
    RemoteFile,
    Variant,
    update_offline,
    update_online,
)

FTM = Path(__file__).resolve().parents[1] / "fixtures" / "ftm" / "entities.ftm.json"

_LISTING = """
    <sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.1.{n}" logicalId="{n}01">
        <regulation regulationType="regulation" organisationType="council" publicationDate="2014-03-17" entryIntoForceDate="2014-03-17" numberTitle="269/2014 (OJ L78)" programme="UKR" logicalId="{n}02"/>
        <subjectType code="person" classificationCode="P"/>
        <nameAlias firstName="" middleName="" lastName="" wholeName="{name}" function="" gender="M" title="" nameLanguage="" strong="true" logicalId="{n}03" regulationLanguage="en"/>
        <birthdate circa="{circa}" calendarType="GREGORIAN" city="" zipCode="" birthdate="" dayOfMonth="" monthOfYear="" year="{year}" region="" place="" countryIso2Code="RU" countryDescription="RUSSIAN FEDERATION" logicalId="{n}04" regulationLanguage="en"/>
    </sanctionEntity>"""  # noqa: E501


def _publication(folder: Path, generated: str, listings: list[tuple[str, str, str]]) -> Path:
    """An EU XML publication of ``(name, year, circa)`` listings, in a dated folder."""
    body = "".join(
        _LISTING.format(n=n + 5, name=name, year=year, circa=circa)
        for n, (name, year, circa) in enumerate(listings)
    )
    folder.mkdir(parents=True)
    path = folder / "xmlFullSanctionsList_1_1.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<export xmlns="http://eu.europa.ec/fpi/fsd/export" '
        f'generationDate="{generated}T16:02:11.482+01:00" globalFileId="1">{body}\n</export>\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    """Two publications: Ivan Exemplar born circa 1965 in both; the second adds a
    listing and amends another's exact year (changes the authority did make)."""
    root = tmp_path / "lists"
    first = [("Ivan Exemplar", "1965", "true"), ("Pavel Sample", "1970", "false")]
    second = [*first[:1], ("Pavel Sample", "1971", "false"), ("Oleg Newcomer", "1980", "false")]
    _publication(root / "eu_fsf" / "2024-03-15", "2024-03-15", first)
    _publication(root / "eu_fsf" / "2024-03-20", "2024-03-20", second)
    return root


def _old_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader as it was before it named estimated years as estimates."""
    monkeypatch.setattr(EUFinancialSanctionsXMLReader, "version", 1)
    monkeypatch.setattr(eu_fsf_xml, "add_estimates", lambda record, years: None)


def test_update_from_the_same_files_rereads_without_amendments(
    lists: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "home") as store:
        with monkeypatch.context() as old:
            _old_reading(old)
            loaded = update_offline(store, lists, all_publications=True)
            assert [o.status for o in loaded] == ["loaded", "loaded"]
        before = store.active_publications()
        index_before = fingerprint(store)
        (first, second) = store.publications("eu_fsf")
        ivan = store.get("eu_fsf", "501")
        assert ivan is not None and not ivan.birth_estimates
        assert second.reader_version == 1

        (outcome,) = update_offline(store, lists)
        assert outcome.status == "reread"
        assert "1 listings read otherwise" in " ".join(outcome.notes)
        assert outcome.changed  # the index is rebuilt after it

        after = store.active_publications()
        assert after["eu_fsf"].id == second.id
        assert after["eu_fsf"].reader_version == EUFinancialSanctionsXMLReader.version
        assert fingerprint(store) != index_before
        # the new reading is stored, in both publications that held the listing
        for pub in store.publications("eu_fsf"):
            ivan = store.get("eu_fsf", "501", pub)
            assert ivan is not None and ivan.birth_estimates == ["1965"]
        # only the authority's own changes are reported
        report = compare(store, first, after["eu_fsf"])
        assert [c.source_id for c in report.added] == ["701"]
        assert [c.source_id for c in report.amended] == ["601"]
        (listed,) = changes(store, "eu_fsf")
        assert [c.source_id for c in listed.amended] == ["601"]
        assert [span[:2] for span in store.spans("eu_fsf", "501")] == [(1, None)]
        # monitoring sees the same publication in force: nothing to alert on
        assert not listing_delta(store, before, after).new

        (again,) = update_offline(store, lists)
        assert again.status == "unchanged"


def test_the_next_publication_shows_only_the_authoritys_changes(
    lists: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first update after the reader changed finds a newer publication: the
    active one, whose files are at hand, is re-read first, so that the newer one
    is compared with the same reading."""
    with Store(tmp_path / "home") as store:
        with monkeypatch.context() as old:
            _old_reading(old)
            (first,) = update_offline(store, lists / "eu_fsf" / "2024-03-15")
            assert first.status == "loaded"
        outcomes = update_offline(store, lists)
        assert [o.status for o in outcomes] == ["reread", "loaded"]
        (listed,) = changes(store, "eu_fsf")
        assert [c.source_id for c in listed.amended] == ["601"]
        assert [c.source_id for c in listed.added] == ["701"]


def test_a_download_not_modified_is_reread(
    http: Server, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Online, the server's 304 does not make the kept download "not modified"
    when an older reader read it: it is read again."""
    http.serve("/ftm/entities.ftm.json", FTM)
    official = {
        "ftm": OfficialSource(
            "ftm",
            "test list",
            "http://example.invalid",
            (
                Variant(
                    "v0", (RemoteFile("entities.ftm.json", http.url + "/ftm/entities.ftm.json"),)
                ),
            ),
        )
    }

    def update() -> Outcome:
        with Fetcher(timeout=5, retries=2, backoff=0, sleep=lambda s: None) as fetcher:
            (outcome,) = update_online(store, ["ftm"], table=official, fetcher=fetcher)
        return outcome

    with monkeypatch.context() as old:
        old.setattr(FtmReader, "version", FtmReader.version - 1)
        assert update().status == "loaded"
    again = update()
    assert again.status == "reread", again.detail
    assert "0 listings read otherwise" in " ".join(again.notes)
    assert update().status == "not_modified"

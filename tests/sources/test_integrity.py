"""Issue 17, items 2 and 6: every integrity signal a format has is used (OFAC's
Ctrl-Z, XML closing elements, zip CRCs), list files are read with bounds, and a
file that is not a list is refused without echoing its content."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from thaw.sources import SourceError, detect, plan
from thaw.sources import _tabular as tabular
from thaw.sources.numbers import read_numbers
from thaw.store import LoadError, Store, bulk, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OFAC_CSV = FIXTURES / "ofac" / "csv"


def _sdn_copy(tmp_path: Path, data: bytes, folder: str = "2024-05-03") -> Path:
    target = tmp_path / folder
    target.mkdir(parents=True, exist_ok=True)
    for companion in ("add.csv", "alt.csv", "sdn_comments.csv"):
        shutil.copy(OFAC_CSV / companion, target / companion)
    (target / "sdn.csv").write_bytes(data)
    return target / "sdn.csv"


def _load(path: Path, home: Path) -> str:
    with Store(home) as store:
        statuses = [load(store, job).status for job in plan([path])]
    return statuses[0]


def test_ofac_csv_cut_at_a_row_boundary_is_refused(tmp_path: Path) -> None:
    """The issue's attack: the last rows removed together with the Ctrl-Z byte;
    every row that is left parses."""
    data = (OFAC_CSV / "sdn.csv").read_bytes()
    assert data.endswith(b"\r\n\x1a")
    rows = data[:-1].split(b"\r\n")
    cut = b"\r\n".join(rows[: len(rows) // 2]) + b"\r\n"
    with pytest.raises(LoadError, match=r"end-of-file mark \(Ctrl-Z\).*truncated download"):
        _load(_sdn_copy(tmp_path, cut), tmp_path / "home")
    assert _load(_sdn_copy(tmp_path, data, "2024-05-04"), tmp_path / "home") == "loaded"


@pytest.mark.parametrize("declared", [4, 6, 14965])
def test_ofac_xml_record_count_disagreeing_is_refused(tmp_path: Path, declared: int) -> None:
    """OFAC's legacy XML declares its entry count (``Record_Count``): a file holding
    another number is refused (one entry lost or added, or a cut at an entry
    boundary), and accepted with ``--force``, with a note."""
    data = (FIXTURES / "ofac" / "SDN.XML").read_bytes()
    assert b"<Record_Count>5</Record_Count>" in data
    path = tmp_path / "2024-05-03" / "SDN.XML"
    path.parent.mkdir()
    path.write_bytes(data.replace(b"<Record_Count>5<", f"<Record_Count>{declared}<".encode()))
    home = tmp_path / "home"
    with pytest.raises(LoadError, match=rf"declares {declared} records and holds 5.*--force"):
        _load(path, home)
    with Store(home) as store:
        assert store.active_publications() == {}
        [job] = plan([path])
        result = load(store, job, force=True)
    assert result.status == "loaded"
    assert f"Record_Count declares {declared} entries; 5 read" in result.notes


def test_ofac_xml_record_count_agreeing_is_loaded(tmp_path: Path) -> None:
    path = tmp_path / "2024-05-03" / "SDN.XML"
    path.parent.mkdir()
    shutil.copy(FIXTURES / "ofac" / "SDN.XML", path)
    assert _load(path, tmp_path / "home") == "loaded"


def test_ofac_csv_resaved_with_lf_is_accepted_with_a_note(tmp_path: Path) -> None:
    data = (OFAC_CSV / "sdn.csv").read_bytes()[:-1].replace(b"\r\n", b"\n")
    [job] = plan([_sdn_copy(tmp_path, data)])
    pub = job.open()
    assert list(pub.records)
    assert any("no end-of-file mark" in n for n in pub.info.notes)


XML_FIXTURES = [
    FIXTURES / "cli" / "un_sc" / "consolidated.xml",
    FIXTURES / "ofac" / "SDN.XML",
    FIXTURES / "ofac" / "SDN_ADVANCED.XML",
    FIXTURES / "ofac" / "SDN_ENHANCED.XML",
    FIXTURES / "eu_fsf" / "xmlFullSanctionsList_1_1.xml",
    FIXTURES / "ca_sema" / "sema-lema.xml",
    FIXTURES / "ch_seco" / "swiss-sanctions-list.xml",
    FIXTURES / "uk_ofsi" / "ConList.xml",
]


@pytest.mark.parametrize("fixture", XML_FIXTURES, ids=lambda p: p.name)
@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_truncated_xml_is_refused(tmp_path: Path, fixture: Path, keep: float) -> None:
    """An XML download cut anywhere lacks its closing elements: never accepted."""
    data = fixture.read_bytes()
    # cut just after a closing tag, the most innocent-looking place
    end = data.rfind(b">", 0, int(len(data) * keep)) + 1
    path = tmp_path / "2026-03-01" / fixture.name
    path.parent.mkdir()
    path.write_bytes(data[:end])
    with pytest.raises((SourceError, LoadError)):
        _load(path, tmp_path / "home")
    with Store(tmp_path / "home") as store:
        assert store.publications() == []


def test_zip_crc_mismatch_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "2024-05-03" / "sdn.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        for name in ("sdn.csv", "add.csv", "alt.csv"):
            zf.write(OFAC_CSV / name, name)
    raw = bytearray(archive.read_bytes())
    at = raw.index(b"ACME") if b"ACME" in raw else raw.index(b'"', 200)
    raw[at] ^= 0x20  # one bit flipped inside sdn.csv's data: only the CRC can tell
    archive.write_bytes(bytes(raw))
    with pytest.raises((SourceError, LoadError), match=r"(?i)crc|corrupt"):
        _load(archive, tmp_path / "home")


def test_zip_of_an_unknown_version_is_refused(tmp_path: Path) -> None:
    """zipfile raises NotImplementedError for a "version needed" it does not know
    (found by tests/fuzz on the FCDO .ods): a refusal, not a traceback."""
    source = FIXTURES / "uk_fcdo" / "UK_Sanctions_List.ods"
    raw = bytearray(source.read_bytes())
    at = raw.index(b"PK\x01\x02")  # the first central directory entry
    raw[at + 6 : at + 8] = (148).to_bytes(2, "little")  # "version 14.8 needed"
    path = tmp_path / "2023-01-14" / source.name
    path.parent.mkdir()
    path.write_bytes(bytes(raw))
    with pytest.raises((SourceError, LoadError)):
        _load(path, tmp_path / "home")


def test_lone_surrogate_in_ftm_is_refused(tmp_path: Path) -> None:
    """``"\\ud800"`` in FollowTheMoney JSON parses into a string nothing can encode
    (found by tests/fuzz): a refusal naming the listing, not a TypeError."""
    line = (FIXTURES / "ftm" / "entities.ftm.json").read_text().splitlines()[0]
    bad = line.replace('"name": ["Kirill', '"name": ["\\ud800 Kirill', 1)
    assert "ud800" in bad
    path = tmp_path / "2026-01-01" / "entities.ftm.json"
    path.parent.mkdir()
    path.write_text(bad + "\n")
    with pytest.raises(LoadError, match="not valid Unicode"):
        _load(path, tmp_path / "home")


# -- item 6: files that are not lists --------------------------------------------------


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "sdn.csv"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match=r"named pipe \(FIFO\), not a regular file"):
        detect(fifo)
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from thaw.cli import main; main()",
            "load",
            "--home",
            str(tmp_path / "h"),
            str(fifo),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and "not a regular file" in run.stderr, run.stderr


def test_symlink_to_a_system_file_is_not_echoed(tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/sbin/nologin\n")
    link = tmp_path / "consolidated.xml"
    link.symlink_to(secret)
    with pytest.raises(SourceError) as caught:
        detect(link)
    assert "/bin/bash" not in str(caught.value) and "content not shown" in str(caught.value)


def test_oversized_list_file_refused_before_reading(tmp_path: Path) -> None:
    """A 1 GB sdn.csv (sparse: no disk used) is refused from its size alone."""
    path = tmp_path / "sdn.csv"
    with open(path, "wb") as fh:
        fh.write((OFAC_CSV / "sdn.csv").read_bytes()[:2000])
        fh.truncate(1 << 30)
    with pytest.raises(SourceError, match=r"larger than any us_ofac_sdn publication"):
        detect(path)


def test_xlsx_shared_strings_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        zf.writestr("xl/sharedStrings.xml", "<sst>" + "<si><t>x</t></si>" * 5000 + "</sst>")
        zf.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>")
    monkeypatch.setattr(tabular, "_MAX_SHARED_STRINGS", 10_000)
    with pytest.raises(SourceError, match=r"sharedStrings.xml is \d+ bytes uncompressed; refused"):
        list(tabular.xlsx_fast_rows(path))
    leftovers = [
        p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob(f"thaw-xlsx-{os.getpid()}-*")
    ]
    assert leftovers == []


def test_series_member_inflating_too_far_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's 312 KB .tar.xz that wrote 2 GB before it was refused: members are
    now capped while they are unpacked, and the temporary folder goes with the
    refusal."""
    monkeypatch.setattr(bulk, "MAX_MEMBER_BYTES", 1 << 20)
    archive = tmp_path / "sdn_csv_history.tar.xz"
    with tarfile.open(archive, "w:xz") as tf:
        data = b"0" * (8 << 20)
        info = tarfile.TarInfo("h/sdn_20240101T000000_aaa.csv")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
        small = (OFAC_CSV / "sdn.csv").read_bytes()
        info = tarfile.TarInfo("h/sdn_20240102T000000_bbb.csv")
        info.size = len(small)
        tf.addfile(info, io.BytesIO(small))
    before = set(Path("/tmp").glob("thaw-series-*"))
    with Store(tmp_path / "home") as store, pytest.raises(SourceError, match="more than 1 MiB"):
        bulk.load_series(store, archive, workers=1)
    assert set(Path("/tmp").glob("thaw-series-*")) <= before


def test_identifier_text_with_a_long_run_of_letters_is_read_in_linear_time() -> None:
    """Found by the fuzzer: 70,000 letters inserted into an OFSI passport field made
    the identifier scan backtrack quadratically (over 20 CPU seconds for one
    field). OFSI's fields are now read by the reader of every source's
    identifier fields (:func:`thaw.sources.numbers.read_numbers`): the same
    numbers are found, and the long field is read."""
    (qatari,) = read_numbers("Passport No: 592667 (Qatari passport issued on 3 May 2007)")
    assert qatari.number == "592667"
    (issued,) = read_numbers("issued 21/04/2009, expires 2019, no. 103-00653129-22")
    assert issued.number == "103-00653129-22"
    (car,) = read_numbers("CAR " + "A" * 70_000 + " Diplomatic Passport No D00000897")
    assert car.number == "D00000897"
    assert read_numbers("a" * 1_000_000) == []

"""Bad input through the real command line: refused clearly, active data untouched.

A good UN publication (20 invented listings in the official format) is loaded into a
fresh home first. Then each bad file is offered to ``thaw load``; every time the
command must exit non-zero, print a message naming the file and the reason (with the
line where there is one), and leave what ``thaw lists --json`` and ``thaw entity
KEY --json`` print exactly as it was.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import socket
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli._cli import UN_BASE, UN_KEYS, as_json, ok, state, thaw
from thaw.sources import base, plan

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OFAC_SDN = FIXTURES / "ofac" / "csv" / "sdn.csv"
_LISTING = re.compile(r"\s*<(INDIVIDUAL|ENTITY)>.*?</\1>", re.S)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home holding the good UN publication (shared: every bad load must fail)."""
    path = tmp_path_factory.mktemp("home")
    run = ok("load", "--home", path, UN_BASE)
    assert re.search(r"loaded\s+un_sc\s+2026-02-27\s+20 records", run.out), run
    return path


@pytest.fixture(scope="module")
def before(home: Path) -> dict[str, Any]:
    """What the user sees of the good data."""
    snapshot = state(home)
    assert '"records": 20' in snapshot["lists"]
    assert "ANDREI PETROVICH VOLKOV" in snapshot["un_sc:QDi.101"]
    return snapshot


def base_text() -> str:
    return UN_BASE.read_text(encoding="utf-8")


def un_variant(keep: tuple[str, ...] | None = None, date: str | None = None) -> str:
    """The good publication with only the listings whose reference is in ``keep``
    and/or another ``dateGenerated``."""
    text = base_text()
    if keep is not None:

        def pick(m: re.Match[str]) -> str:
            return m[0] if any(f">{ref}<" in m[0] for ref in keep) else ""

        text = _LISTING.sub(pick, text)
    if date is not None:
        text = text.replace('dateGenerated="2026-02-27', f'dateGenerated="{date}')
    return text


def write(tmp_path: Path, name: str, content: str | bytes, folder: str = "2026-03-27") -> Path:
    """Write a bad file named like a list, in a dated folder."""
    path = tmp_path / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def assert_refused(
    home: Path, before: dict[str, Any], path: Path, *reasons: str, args: tuple[str, ...] = ()
) -> str:
    """``thaw load PATH`` fails, naming the file and each of ``reasons`` (regular
    expressions), and the active data is unchanged. Returns the message."""
    run = thaw("load", "--home", home, *args, path)
    assert run.code != 0, str(run)
    message = run.err
    assert str(path) in message, str(run)
    for reason in reasons:
        assert re.search(reason, message), f"{reason!r} not in: {message}"
    assert "Traceback" not in run.out + run.err
    assert state(home) == before
    return message


# -- broken files --------------------------------------------------------------------


def test_truncated_xml(home: Path, before: dict[str, Any], tmp_path: Path) -> None:
    text = base_text()
    path = write(tmp_path, "consolidated.xml", text[: int(len(text) * 0.6)])
    message = assert_refused(home, before, path, r"malformed XML", r"truncated")
    # the line where the file stops, and the element left open
    last_line = len(path.read_text(encoding="utf-8").splitlines())
    assert f":line {last_line}:" in message, message
    assert re.search(r"in tag [A-Z_]+", message), message


def archive(kind: str) -> bytes:
    """The good publication zipped or gzipped."""
    if kind == "gz":
        return gzip.compress(UN_BASE.read_bytes())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(UN_BASE, "consolidated.xml")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "kind", "reason"),
    [
        ("consolidated.zip", "zip", r"corrupt or truncated zip archive"),
        ("consolidated.xml.gz", "gz", r"corrupt or truncated gzip file"),
    ],
)
def test_truncated_archive(
    home: Path, before: dict[str, Any], tmp_path: Path, name: str, kind: str, reason: str
) -> None:
    data = archive(kind)
    good = write(tmp_path, name, data, folder="good")
    assert [j.reader.source for j in plan([good])] == ["un_sc"]  # the whole archive reads
    assert_refused(home, before, write(tmp_path, name, data[: len(data) // 2]), reason)


@pytest.mark.parametrize("kind", ["gz", "zip"])
def test_decompression_bomb(
    home: Path,
    before: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    """A small archive inflating past the limit (lowered here to 1 MiB) is refused."""
    monkeypatch.setattr(base, "MAX_DECOMPRESSED", 1 << 20)
    text = base_text().replace("<INDIVIDUALS>", "<INDIVIDUALS>" + " " * (4 << 20), 1)
    if kind == "gz":
        data, name = gzip.compress(text.encode()), "consolidated.xml.gz"
    else:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("consolidated.xml", text)
        data, name = buffer.getvalue(), "consolidated.zip"
    assert len(data) < 100_000
    assert_refused(home, before, write(tmp_path, name, data), r"more than 1 MiB", r"bomb")


def test_empty_file(home: Path, before: dict[str, Any], tmp_path: Path) -> None:
    assert_refused(home, before, write(tmp_path, "consolidated.xml", b""), r"file is empty")


def test_empty_companion_alone(home: Path, before: dict[str, Any], tmp_path: Path) -> None:
    path = write(tmp_path, "sdn_comments.csv", b"")
    assert_refused(home, before, path, r"auxiliary file of us_ofac_sdn", r"sdn\.csv")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("consolidated.xml", b"\x89PNG\r\n\x1a\n" + bytes(200), r"PNG image"),
        ("sdn.csv", b"\x89PNG\r\n\x1a\n" + bytes(200), r"PNG image"),
        (
            "consolidated.xml",
            b"Dear customer,\nplease find attached the list.\n",
            r"plain text of no known list layout \(content not shown\)",
        ),
        ("consolidated.xml", b"<html><body>Unavailable</body></html>", r"root element <html>"),
        ("consolidated.xml", b"%PDF-1.7\n" + bytes(100), r"PDF document"),
    ],
    ids=["png-as-xml", "png-as-csv", "text-as-xml", "html-error-page", "pdf"],
)
def test_another_format(
    home: Path, before: dict[str, Any], tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = write(tmp_path, name, content)
    assert_refused(home, before, path, r"not a recognised sanctions list format", reason)


def test_random_text_named_sdn_csv(home: Path, before: dict[str, Any], tmp_path: Path) -> None:
    path = write(tmp_path, "sdn.csv", "Dear customer,\nplease find attached the list.\n")
    assert_refused(home, before, path, r"not a recognised|fields|line \d+")


def test_csv_row_with_wrong_field_count(home: Path, before: dict[str, Any], tmp_path: Path) -> None:
    lines = OFAC_SDN.read_text(encoding="utf-8").splitlines()
    lines[2] = '99999,"BROKEN ROW",-0- ,"CUBA",-0-'
    path = write(tmp_path, "sdn.csv", "\r\n".join(lines) + "\r\n")
    reasons = (r":line 3:", r"expected 12 fields, found 5")
    assert_refused(home, before, path, *reasons, args=("--date", "2026-03-27"))


def test_csv_cut_in_the_middle(home: Path, before: dict[str, Any], tmp_path: Path) -> None:
    """A download cut short: the last row stops in a quoted field."""
    text = OFAC_SDN.read_text(encoding="utf-8")
    cut = text.index("Website www.mahan") + 10
    path = write(tmp_path, "sdn.csv", text[:cut])
    assert_refused(home, before, path, r":line \d+:", args=("--date", "2026-03-27"))


# -- wrong encodings -------------------------------------------------------------------


def test_utf16_xml(home: Path, before: dict[str, Any], tmp_path: Path) -> None:
    path = write(tmp_path, "consolidated.xml", base_text().encode("utf-16"))
    assert_refused(home, before, path, r"UTF-16")


def test_utf16_csv(home: Path, before: dict[str, Any], tmp_path: Path) -> None:
    path = write(tmp_path, "sdn.csv", OFAC_SDN.read_text(encoding="utf-8").encode("utf-16"))
    assert_refused(home, before, path, r"UTF-16", args=("--date", "2026-03-27"))


def test_binary_garbage_named_like_a_list(
    home: Path, before: dict[str, Any], tmp_path: Path
) -> None:
    garbage = bytes((i * 7919 + 13) % 256 for i in range(4096))
    assert_refused(home, before, write(tmp_path, "consolidated.xml", garbage), r"binary data")
    assert_refused(home, before, write(tmp_path, "sdn.csv", garbage), r"binary data")


def test_latin1_bytes_in_utf8_xml(home: Path, before: dict[str, Any], tmp_path: Path) -> None:
    """Windows-1252 bytes in a file declaring UTF-8: refused at the line concerned."""
    text = un_variant(date="2026-03-27").replace("Andrey Volkov", "Andréy Völkov")
    path = write(tmp_path, "consolidated.xml", text.encode("cp1252"))
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "Andréy" in t)
    assert_refused(home, before, path, rf":line {line}:", r"not in the encoding it declares")


# -- a suspicious publication ----------------------------------------------------------


def drop_file(tmp_path: Path) -> Path:
    """The same source, a month later, with 2 of the 20 listings."""
    refs = tuple(k.split(":", 1)[1] for k in UN_KEYS)
    return write(tmp_path, "consolidated.xml", un_variant(keep=refs, date="2026-03-27"))


def test_tenfold_drop_refused(home: Path, before: dict[str, Any], tmp_path: Path) -> None:
    assert_refused(
        home,
        before,
        drop_file(tmp_path),
        r"2 records against 20 in the un_sc publication of 2026-02-27",
        r"--force",
    )


def test_tenfold_drop_accepted_with_force(tmp_path: Path) -> None:
    home = tmp_path / "home"
    ok("load", "--home", home, UN_BASE)
    run = ok("load", "--home", home, "--force", drop_file(tmp_path))
    assert re.search(r"loaded\s+un_sc\s+2026-03-27\s+2 records", run.out), run
    [row] = as_json("lists", "--home", home)
    assert (row["published"], row["records"], row["snapshots"]) == ("2026-03-27", 2, 2)
    assert as_json("entity", UN_KEYS[0], "--home", home)["publication"]["published"].startswith(
        "2026-03-27"
    )
    gone = thaw("entity", "un_sc:IRi.102", "--home", home, "--json")
    assert gone.code != 0 and "no listing un_sc:IRi.102" in gone.err


def test_same_file_twice_is_a_no_op(home: Path, before: dict[str, Any]) -> None:
    run = ok("load", "--home", home, UN_BASE)
    assert re.search(r"unchanged\s+un_sc\s+2026-02-27\s+20 records", run.out), run
    assert state(home) == before
    [row] = as_json("lists", "--home", home)
    assert row["snapshots"] == 1


# -- entity attacks --------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0" encoding="UTF-8"?>
{padding}<!DOCTYPE CONSOLIDATED_LIST [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


def with_doctype(doctype: str, name_value: str) -> str:
    """The good publication, re-dated, preceded by ``doctype`` and with one name
    replaced by ``name_value`` (an entity reference)."""
    text = un_variant(date="2026-03-27")
    body = text[text.index("<CONSOLIDATED_LIST") :]
    body = body.replace("<FIRST_NAME>ANDREI</FIRST_NAME>", f"<FIRST_NAME>{name_value}</FIRST_NAME>")
    return doctype + body


@pytest.mark.parametrize("padding", [0, 200_000], ids=["plain", "behind-200kB-comment"])
def test_billion_laughs(home: Path, before: dict[str, Any], tmp_path: Path, padding: int) -> None:
    pad = f"<!--{'x' * padding}-->\n" if padding else ""
    text = with_doctype(BILLION_LAUGHS.format(padding=pad), "&lol9;")
    path = write(tmp_path, "consolidated.xml", text)
    assert_refused(home, before, path, r"XML declares DOCTYPE", r"entity attack")


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP port that records whether anything connects to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    yield server
    server.close()


@pytest.mark.parametrize("padding", [0, 200_000], ids=["plain", "behind-200kB-comment"])
def test_external_entities(
    home: Path,
    before: dict[str, Any],
    tmp_path: Path,
    listener: socket.socket,
    padding: int,
) -> None:
    secret = tmp_path / "secret.txt"
    token = f"SECRET-{os.getpid()}-TOKEN"
    secret.write_text(token, encoding="utf-8")
    port = listener.getsockname()[1]
    pad = f"<!--{'x' * padding}-->\n" if padding else ""
    doctype = f"""<?xml version="1.0" encoding="UTF-8"?>
{pad}<!DOCTYPE CONSOLIDATED_LIST [
 <!ENTITY file SYSTEM "{secret.as_uri()}">
 <!ENTITY discard SYSTEM "http://127.0.0.1:9/list.dtd">
 <!ENTITY local SYSTEM "http://127.0.0.1:{port}/list.dtd">
 <!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/remote.dtd">
 %remote;
]>
"""
    path = write(tmp_path, "consolidated.xml", with_doctype(doctype, "&file;&discard;&local;"))
    message = assert_refused(home, before, path, r"XML declares DOCTYPE", r"entity attack")
    assert token not in message
    with pytest.raises(TimeoutError):
        listener.accept()  # nothing connected to the local port
    for key in UN_KEYS:
        assert token not in ok("entity", key, "--home", home, "--json").out


def test_wide_encoding_cannot_hide_a_doctype(
    home: Path, before: dict[str, Any], tmp_path: Path
) -> None:
    text = with_doctype(BILLION_LAUGHS.format(padding=""), "&lol9;")
    for data in (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), text.encode("utf-16-be")):
        assert_refused(home, before, write(tmp_path, "consolidated.xml", data), r"UTF-16")


@pytest.mark.parametrize("value", ["yesterday", "2026-13-45", "2026-3-1", "27/03/2026"])
def test_bad_date_option(home: Path, before: dict[str, Any], value: str) -> None:
    """``--date`` (for files that carry none) must be a real YYYY-MM-DD date."""
    run = thaw("load", "--home", home, "--date", value, OFAC_SDN)
    assert run.code != 0 and f"--date must be a date written YYYY-MM-DD, got {value!r}" in run.err
    assert state(home) == before

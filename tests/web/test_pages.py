"""The analysts' web page in a real headless Chromium against a real ``thaw serve``
holding the real lists: each page's main flow is clicked through and what is shown
is asserted. Console errors fail the test. The first page load and the time from
submitting a screen to its result are printed (targets 300 ms and 150 ms; not
pass/fail). Each page's screenshot is saved (tests/web/conftest.py: SCREENSHOTS)."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.conftest import VIEWPORT, Watched, screenshot

from thaw.spreadsheet import safe_cell

pytestmark = pytest.mark.realdata

ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "news-article-dmitriev.txt"
TIMEOUT = 60_000  # generous: a loaded 2-core CI machine, first uses of a fresh server


@pytest.fixture
def analyst(browser: Any, web_server: Any) -> Iterator[Watched]:
    """A signed-in analyst's page (a fresh browser context: its own cookies and
    local storage); fails the test on any console error."""
    context = browser.new_context(viewport=VIEWPORT, base_url=web_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    watched = Watched(page)
    page.goto("/web/signin")
    page.get_by_label("API key").fill(web_server.analyst_key)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/$"))
    yield watched
    context.close()
    assert watched.errors == [], "console errors:\n" + "\n".join(watched.errors)


def first_load_ms(page: Any) -> float:
    """Navigation start to the load event of the current page, in milliseconds."""
    return float(
        page.evaluate(
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " return n.loadEventEnd - n.startTime; }"
        )
    )


def screen_and_time(page: Any, name: str) -> float:
    """Submit a screen; the milliseconds from submit to the results drawn (as the
    page measures them)."""
    page.evaluate("() => { delete document.body.dataset.screened; }")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Name").press("Enter")
    page.wait_for_function("() => document.body.dataset.screened")
    return float(page.evaluate("() => window.thawTimings.screen_ms"))


def test_sign_in_is_required(browser: Any, web_server: Any) -> None:
    context = browser.new_context(viewport=VIEWPORT, base_url=web_server.url)
    page = context.new_page()
    watched = Watched(page)
    page.goto("/web/whatif?lift=us:RUSSIA-EO14024")
    assert "/web/signin" in page.url
    page.get_by_label("API key").fill("not-a-key")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("alert").get_by_text("not valid").wait_for()
    page.get_by_label("API key").fill(web_server.analyst_key)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/web/whatif\?lift=us"))
    context.close()
    # the failed sign-in answers 401, which Chromium logs; nothing else may fail
    assert [e for e in watched.errors if "401" not in e] == []


def test_screen_dmitriev_then_profile(analyst: Watched) -> None:
    page = analyst.page
    page.goto("/")
    print(f"\nfirst page load (/): {first_load_ms(page):.0f} ms (target < 300 ms)")
    page.get_by_text("Type a name").wait_for()
    timings = [screen_and_time(page, "Kirill Dmitriev") for _ in range(5)]
    print(
        f"screen result shown after submit: first {timings[0]:.0f} ms, median of 5 "
        f"{statistics.median(timings):.0f} ms (target < 150 ms)"
    )
    hit = page.locator(".hit").first
    assert "name=Kirill+Dmitriev" in page.url
    assert "DMITRIEV" in hit.locator(".hit-name").inner_text()
    badges = hit.locator(".badge").all_inner_texts()
    for expected in ("US", "UK", "Canada", "Australia", "RUSSIA-EO14024"):
        assert expected in badges
    assert "2022-02-24" in hit.inner_text()  # since: Canada's listing date
    hit.get_by_role("button", name="Evidence").click()
    evidence = hit.locator(".evidence")
    assert "Why the score is 0.95" in evidence.inner_text()
    assert "kirill" in evidence.locator(".tok").all_inner_texts()
    assert "us_ofac_sdn:34336" in evidence.inner_text()
    screenshot(page, "screen")

    # other scripts, straight from a bookmarked URL
    for query, expected in (
        ("Кирилл Дмитриев", "DMITRIEV"),
        ("محمد اسحاق آخوند زاده", "Akhunzada"),
        ("朝鲜联合机械贸易会社", "Korea Ryonha"),
    ):
        page.goto("/?name=" + query)
        page.locator(".hit").first.wait_for()
        assert expected in page.locator(".hit-name").first.inner_text()
        assert page.get_by_label("Name").input_value() == query

    page.goto("/?name=Zzyzx+Qwertyuiop+Blorf")
    page.get_by_text("No listed party matches").wait_for()

    page.goto("/?name=Kirill+Dmitriev")
    page.locator(".hit-name a").first.click()
    page.wait_for_url(re.compile(r"/web/profile/"))
    page.locator("#compare tbody tr").first.wait_for()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert "DMITRIEV" in heading
    header = page.locator("#compare thead").inner_text()
    for listing in (
        "us_ofac_sdn:34336",
        "uk_ofsi:14208",
        "ca_sema:russia/s1p1/476",
        "au_dfat:6764",
    ):
        assert listing in header
    born = page.locator("#compare tbody tr", has_text="Born").inner_text()
    assert set(born.split("\t")[1:]) == {"1975-04-12"}  # every authority agrees
    assert page.locator("#compare td.differs").count() > 0  # e.g. the spellings of the name
    assert page.locator("#links tbody tr").count() >= 3
    chart = page.locator("#timeline svg")
    chart.wait_for()
    lanes = chart.locator("text").evaluate_all("els => els.map(e => e.textContent)")
    for lane in ("US", "UK", "Canada", "Australia"):
        assert lane in lanes
    assert chart.locator(".ev-listed").count() >= 4
    screenshot(page, "profile")


def test_document_mentions_highlighted(analyst: Watched) -> None:
    page = analyst.page
    text = ARTICLE.read_text(encoding="utf-8")
    page.goto("/web/document")
    page.get_by_label("Paste text").fill(text)
    page.get_by_role("button", name="Screen the document").click()
    page.locator("#doc-text mark").first.wait_for()
    marks = page.locator("#doc-text mark").all_inner_texts()
    assert "Kirill Dmitriev" in marks
    assert marks.count("Dmitriev") >= 2  # later short references are tied back
    assert page.locator("#doc-text").inner_text().strip() == text.strip()
    party = page.locator("#parties button", has_text="DMITRIEV")
    party.click()
    assert party.get_attribute("aria-pressed") == "true"
    detail = page.locator("#party-detail")
    assert "us_ofac_sdn:34336" in detail.inner_text()
    assert "uk_ofsi:14208" in detail.inner_text()
    assert page.locator("#doc-text mark.active").count() == marks.count("Dmitriev") + marks.count(
        "Kirill Dmitriev"
    )
    screenshot(page, "document")


def _upload(page: Any, path: Path) -> None:
    page.goto("/web/file")
    page.get_by_label("CSV, XLSX, JSONL or Parquet file").set_input_files(str(path))
    page.get_by_role("button", name="Screen the file").click()
    page.get_by_text("rows screened").first.wait_for()


def test_file_upload_then_false_positive(analyst: Watched, tmp_path: Path) -> None:
    page = analyst.page
    run = uuid.uuid4().hex[:6]  # customers new to the server's decisions
    people = tmp_path / "customers.csv"
    people.write_text(
        "id,name,birth_date,country\n"
        f"{run}-1,Zzyzx Qwertyuiop,,\n"
        f"{run}-2,Kirill Dmitriev,1975-04-12,RU\n"
        f"{run}-3,Blorf Snarkovitch,,\n"
        f"{run}-4,Bank Melli Iran,,\n"
        f"{run}-5,Quux Flibbertigibbet,,\n",
        encoding="utf-8",
    )
    _upload(page, people)
    assert page.locator("#progress").get_attribute("aria-valuenow") == "100"
    assert "Done: 5 rows screened" in page.locator("#progress-label").inner_text()
    # the service's note on the file (a line of its own, not a row) is shown
    assert '"birth_date" → birth_date' in page.locator("#status").inner_text()
    rows = page.locator("#results tbody tr")
    assert rows.count() == 5
    first_two = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(2)]
    assert sorted(first_two) == [f"{run}-2", f"{run}-4"]  # alerts first
    assert rows.nth(4).locator(".badge.ok").inner_text() == "clear"
    page.get_by_label("alerts only").check()
    assert rows.count() == 2
    page.get_by_label("Filter").fill("melli")
    assert rows.count() == 1 and f"{run}-4" in rows.first.inner_text()
    page.get_by_label("Filter").fill("")
    page.get_by_label("alerts only").uncheck()
    page.get_by_role("button", name="Row").click()
    assert rows.first.locator("td").first.inner_text() == "1"
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8")
    assert csv_text.startswith("row,id,name,score") and f"{run}-2" in csv_text
    screenshot(page, "file")

    page.get_by_role("link", name="Review the alerts").click()
    page.wait_for_url(re.compile(r"/web/alerts"))
    open_rows = page.locator("#open tbody tr")
    open_rows.first.wait_for()
    melli = page.locator("#open tbody tr", has_text=f"{run}-4").first
    n_melli = page.locator("#open tbody tr", has_text=f"{run}-4").count()
    melli.get_by_role("button", name="False positive").click()
    page.get_by_label("False positive: reason").fill("our customer is a bakery of that name")
    page.get_by_role("button", name="Record").click()
    page.get_by_text("is a false positive").wait_for()
    assert page.locator("#open tbody tr", has_text=f"{run}-4").count() == n_melli - 1
    decided = page.locator("#done tbody tr", has_text=f"{run}-4").first
    text = decided.inner_text()
    signed_in = page.locator(".who span").inner_text().split(" (")[0]
    assert "false positive" in text and "bakery" in text and signed_in in text
    screenshot(page, "alerts")

    # the decision is the service's, not the browser's: a new page load keeps it
    page.reload()
    page.locator("#done tbody tr").first.wait_for()
    assert page.locator("#open tbody tr", has_text=f"{run}-4").count() == n_melli - 1


def test_whatif_dmitriev_stays_listed(analyst: Watched, web_server: Any, tmp_path: Path) -> None:
    page = analyst.page
    page.goto("/web/whatif")
    page.locator("#programs input").first.wait_for()
    page.get_by_label("Find a programme").fill("RUSSIA-EO14024")
    choice = page.locator('#programs input[value="us:RUSSIA-EO14024"]')
    choice.check()
    assert page.locator("#programs label:visible").count() < 10  # the search narrowed the list
    page.get_by_label("Listing (SOURCE:ID) or profile id").fill("us_ofac_sdn:34336")
    page.get_by_role("button", name="Ask").click()
    sentence = page.locator("#sentence")
    sentence.wait_for()
    text = sentence.inner_text()
    assert re.fullmatch(
        r"If the US lifts RUSSIA-EO14024, Kirill \w+ DMITRIEV stays listed by the UK \(Russia\), "
        r"Canada \(Russia / Russie\) and Australia \(Autonomous \(Russia\)\)\.",
        text,
    ), text
    assert "lift=us%3ARUSSIA-EO14024" in page.url or "lift=us:RUSSIA-EO14024" in page.url

    expected = json.loads(
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from thaw.cli import main; main()",
                "whatif",
                "--lift",
                "us:RUSSIA-EO14024",
            ]
            + ["--entity", "us_ofac_sdn:34336", "--json", "--home", str(web_server.home)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    counts = dict(
        zip(
            page.locator("#counts .count").evaluate_all(
                "els => els.map(e => e.lastChild.textContent)"
            ),
            page.locator("#counts .count b").all_inner_texts(),
            strict=True,
        )
    )
    parties = expected["counts"]["parties"]
    assert counts["cleared"] == str(parties["cleared"]) == "0"
    assert counts["still listed"] == str(parties["still_listed"]) == "1"
    assert counts["parties evaluated"] == str(parties["evaluated"])
    still = page.locator("#still tbody tr")
    assert still.count() == 1
    assert "us_ofac_sdn:34336" in still.first.locator("td").last.inner_text()
    screenshot(page, "whatif")

    # the bookmark answers the same
    page.reload()
    page.locator("#sentence").wait_for()
    assert page.locator("#sentence").inner_text() == text

    # a results file (the JSON lines of Screen a file) as the scope
    import httpx

    with httpx.Client(base_url=web_server.url, timeout=120) as http:
        lines = http.post(
            "/screen/file",
            files={"file": ("c.csv", "id,name\nr1,Kirill Dmitriev\nr2,Zzyzx Qwertyuiop\n")},
            headers={"Authorization": f"Bearer {web_server.analyst_key}"},
        ).text
    results = tmp_path / "hits.jsonl"
    results.write_text(lines, encoding="utf-8")
    page.get_by_label("a results file:").check()
    page.get_by_label("Results file (JSONL from Screen a file)").set_input_files(str(results))
    page.get_by_role("button", name="Ask").click()
    page.get_by_text("(results hits.jsonl)").wait_for()
    assert "0 parties clear, 1 stays listed" in page.locator("#sentence").inner_text()
    assert "r1" in page.locator("#still tbody").inner_text()


def test_changes_and_audit(analyst: Watched) -> None:
    page = analyst.page
    page.goto("/web/changes?source=un_sc")
    page.locator("#diff table").first.wait_for()
    summary = page.locator("#diff table").first.inner_text()
    assert "un_sc" in summary and "2025-04-19" in summary and "2026-02-27" in summary
    assert page.locator("#diff .diff-new, #diff .diff-old").count() > 0  # field-level diffs
    page.locator("#chart svg polyline").first.wait_for()
    assert page.locator("#chart .legend").inner_text().startswith("un_sc (all)")
    screenshot(page, "changes")

    page.goto("/?name=Kirill+Dmitriev")
    page.locator(".hit").first.wait_for()
    page.goto("/web/audit?q=Kirill+Dmitriev")
    page.locator("#audit tbody tr").first.wait_for()
    assert page.get_by_label("Search").input_value() == "Kirill Dmitriev"
    assert "Kirill Dmitriev" in page.locator("#audit tbody").inner_text()
    page.get_by_label("Search").fill("no-such-thing-in-the-trail")
    page.get_by_label("Search").press("Enter")
    page.get_by_text("matches “no-such-thing-in-the-trail”").wait_for()
    page.get_by_label("Search").fill("")
    page.get_by_label("Search").press("Enter")
    page.locator("#audit tbody tr").first.wait_for()
    screenshot(page, "audit")


def test_keyboard_and_labels(analyst: Watched) -> None:
    """Every page: inputs have labels, tables have headers, Tab reaches the form."""
    page = analyst.page
    for path in ("/", "/web/file", "/web/document", "/web/alerts", "/web/changes"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll('input, select, textarea')]
                 .filter(e => e.type !== 'hidden' && !e.labels?.length && !e.getAttribute('aria-label'))
                 .map(e => e.id || e.name)"""
        )
        assert unlabelled == [], f"{path}: inputs without a label: {unlabelled}"
        headless = page.evaluate(
            "() => [...document.querySelectorAll('table')].filter(t => !t.querySelector('th')).length"
        )
        assert headless == 0, path
    page.goto("/")
    page.wait_for_load_state("networkidle")
    # autofocus is applied once the page is parsed: wait for it rather than race it
    page.wait_for_function("() => document.activeElement?.id === 'name'", timeout=10_000)
    assert page.evaluate("() => document.activeElement.id") == "name"  # autofocus
    page.keyboard.type("Kirill Dmitriev")
    page.keyboard.press("Enter")
    page.locator(".hit").first.wait_for()
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(
            page.evaluate("() => document.activeElement.id || document.activeElement.textContent")
        )
    # the form in reading order, then the first hit's link to its profile
    assert order[:5] == ["schema", "dob", "country", "id_number", "Screen"]
    assert "DMITRIEV" in order[5]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_number"


def test_csv_cells_follow_the_spreadsheet_rule(analyst: Watched) -> None:
    """The page's CSV download escapes cells as thaw's own CSV files do
    (thaw.spreadsheet.safe_cell), quoting aside: formulas, NUL bytes, numbers."""
    page = analyst.page
    page.goto("/")
    page.wait_for_load_state("networkidle")
    cells = [
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-12.5",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "\r=1",
        "a\x00b",
        "plain name",
        "1e5",
        "-inf",
    ]
    shown = page.evaluate("cells => cells.map(c => THAW.csvCell(c))", cells)
    expected = [safe_cell(c) for c in cells]
    expected = ['"' + e + '"' if "\r" in e else e for e in expected]  # the csv module's quoting
    assert shown == expected


def test_error_and_empty_states(browser: Any, web_server: Any) -> None:
    """Unknown ids and bad choices say so on the page (the only console errors are
    the browser's own notes of the expected 404 answers)."""
    context = browser.new_context(viewport=VIEWPORT, base_url=web_server.url)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    watched = Watched(page)
    page.goto("/web/signin")
    page.get_by_label("API key").fill(web_server.analyst_key)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/web/profile/p-000000000000")
    page.get_by_role("alert").get_by_text("No party or listing").wait_for()
    page.goto("/web/changes?source=no_such_source")
    page.locator("#status.error").wait_for()
    page.goto("/web/whatif")
    page.get_by_role("button", name="Ask").click()
    assert page.get_by_role("alert").inner_text() == "Choose at least one programme to lift."
    page.goto("/web/document")
    page.get_by_role("button", name="Screen the document").click()
    assert "Paste some text" in page.get_by_role("alert").inner_text()
    context.close()
    unexpected = [e for e in watched.errors if "404" not in e]
    assert unexpected == []


def test_monitoring_alerts_and_portfolio_whatif(analyst: Watched, web_server: Any) -> None:
    """A monitored portfolio's alerts join the review queue, and the what-if answers
    for the portfolio as ``thaw whatif --portfolio``."""
    import httpx

    name = "web-" + uuid.uuid4().hex[:6]
    rows = [
        {"id": f"{name}-1", "name": "Kirill Dmitriev", "schema": "Person"},
        {"id": f"{name}-2", "name": "Zzyzx Qwertyuiop"},
    ]
    with httpx.Client(base_url=web_server.url, timeout=120) as http:
        headers = {"Authorization": f"Bearer {web_server.analyst_key}"}
        resp = http.post("/portfolios", json={"name": name, "rows": rows}, headers=headers)
    if resp.status_code == 404:
        pytest.skip("this service has no monitoring (GET /alerts)")
    assert resp.status_code == 201, resp.text
    page = analyst.page
    page.goto("/web/alerts?q=" + name)
    row = page.locator("#open tbody tr", has_text=f"{name}-1").first
    row.wait_for()
    assert "monitoring: " + name in row.inner_text()
    assert "DMITRIEV" in row.inner_text()
    assert page.locator("#open tbody tr", has_text=f"{name}-2").count() == 0

    page.goto(f"/web/whatif?lift=us:RUSSIA-EO14024&scope=portfolio&portfolio={name}")
    sentence = page.locator("#sentence")
    sentence.wait_for()
    assert sentence.inner_text().startswith("If the US lifts RUSSIA-EO14024, ")
    assert f"of portfolio {name} would be removed" in sentence.inner_text()
    still = page.locator("#still tbody tr", has_text=f"{name}-1").first
    assert "uk_ofsi:14208" in still.inner_text() and "au_dfat:6764" in still.inner_text()

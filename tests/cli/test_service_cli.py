"""``thaw serve`` refusals and ``thaw keys`` / ``thaw audit`` on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.api.conftest import TLS, free_port
from tests.cli._cli import ok, thaw
from thaw.cli.serve import is_loopback, parse_duration
from thaw.store.state import open_state


def test_serve_refuses_a_public_address_without_keys(tmp_path: Path) -> None:
    run = thaw("serve", "--host", "0.0.0.0", "--home", tmp_path)
    assert run.code == 1
    assert "refusing to listen on 0.0.0.0 without any API key" in run.err
    assert "--no-auth" in run.err


def test_loopback_and_durations() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.0.0.1")
    assert not is_loopback("example.org")
    assert parse_duration("6h") == 21600 and parse_duration("30m") == 1800
    assert parse_duration("90") == 90
    assert thaw("serve", "--update-every", "soon", "--home", "/tmp/x").code == 1


def test_no_auth_serves_without_keys(tmp_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from thaw.cli import main; main()",  # the thaw entry point
            "serve",
            "--no-auth",
            "--port",
            str(port),
            "--home",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/catalog", timeout=5, verify=TLS)
                if resp.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        assert resp.status_code == 200
        assert [d["name"] for d in resp.json()["datasets"]] == ["default"]
    finally:
        process.terminate()
        process.wait(20)


def test_keys_create_list_revoke(tmp_path: Path) -> None:
    created = ok("keys", "create", "--role", "analyst", "--name", "Jane (ops)", "--home", tmp_path)
    secret = created.out.strip()
    assert secret.startswith("thaw_") and "shown only now" in created.err
    keys = json.loads(ok("keys", "list", "--home", tmp_path, "--json").out)
    assert [(k["name"], k["role"], k["revoked_at"]) for k in keys] == [
        ("Jane (ops)", "analyst", None)
    ]
    assert secret not in ok("keys", "list", "--home", tmp_path).out
    with open_state(tmp_path) as state:
        assert state.keys.verify(secret) is not None
    ok("keys", "revoke", keys[0]["id"], "--home", tmp_path)
    with open_state(tmp_path) as state:
        assert state.keys.verify(secret) is None
    assert thaw("keys", "revoke", "nope", "--home", tmp_path).code == 1
    assert thaw("keys", "create", "--role", "root", "--name", "x", "--home", tmp_path).code == 1


def test_audit_cli_on_an_empty_trail(tmp_path: Path) -> None:
    assert "intact: 0 record(s)" in ok("audit", "verify", "--home", tmp_path).err
    assert ok("audit", "export", "--home", tmp_path, "--format", "csv").out.startswith("seq,at,")
    assert thaw("audit", "export", "--home", tmp_path, "--format", "xml").code == 1
    assert (
        thaw(
            "decide", "c", "un_sc:nope", "false_positive", "--reason", "x", "--home", tmp_path
        ).code
        == 1
    )

"""Webhook secrets are sealed at rest with a key kept outside the database."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from thaw.store.portfolios import PortfolioStore
from thaw.store.sealing import ENV_KEY, KEY_FILE, Sealer, SealingError, fingerprint, is_sealed

SECRET = "s3cret-for-signing"


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_KEY, raising=False)


def test_key_file_is_created_private_and_secrets_round_trip(tmp_path: Path) -> None:
    sealer = Sealer(tmp_path)
    sealed = sealer.seal(SECRET)
    assert is_sealed(sealed) and SECRET not in sealed
    assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600
    assert Sealer(tmp_path).open(sealed) == SECRET  # the key is read back from the file


def test_a_key_file_others_can_read_is_refused(tmp_path: Path) -> None:
    Sealer(tmp_path).seal(SECRET)
    (tmp_path / KEY_FILE).chmod(0o644)
    with pytest.raises(SealingError, match="chmod 600"):
        Sealer(tmp_path).seal(SECRET)


def test_the_environment_key_wins_and_a_wrong_key_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_KEY, Fernet.generate_key().decode())
    sealed = Sealer(tmp_path).seal(SECRET)
    assert not (tmp_path / KEY_FILE).exists()
    assert Sealer(tmp_path).open(sealed) == SECRET
    monkeypatch.setenv(ENV_KEY, Fernet.generate_key().decode())
    with pytest.raises(SealingError, match="cannot be opened"):
        Sealer(tmp_path).open(sealed)
    monkeypatch.setenv(ENV_KEY, "not a key")
    with pytest.raises(SealingError, match="not a Fernet key"):
        Sealer(tmp_path).seal(SECRET)


def test_the_store_keeps_no_secret_in_clear_and_signs_with_it(tmp_path: Path) -> None:
    with PortfolioStore(tmp_path) as ps:
        ps.create_portfolio("p", 0.7, None)
        hook = ps.add_webhook("http://127.0.0.1:9/x", SECRET, "p")
        assert hook.to_dict()["secret_fingerprint"] == fingerprint(SECRET)
        assert SECRET not in str(hook.to_dict())
    raw = sqlite3.connect(tmp_path / "monitor.db").execute("SELECT secret FROM mon_webhooks")
    (stored,) = raw.fetchone()
    assert is_sealed(stored) and SECRET not in stored
    assert SECRET.encode() not in (tmp_path / "monitor.db").read_bytes()


def test_secrets_stored_in_clear_are_migrated_on_opening(tmp_path: Path) -> None:
    with PortfolioStore(tmp_path) as ps:
        ps.create_portfolio("p", 0.7, None)
        ps.add_webhook("http://127.0.0.1:9/x", SECRET, None)
    # a database written before sealing: the secret in clear, no fingerprint column
    db = sqlite3.connect(tmp_path / "monitor.db")
    db.execute("UPDATE mon_webhooks SET secret = ?", (SECRET,))
    db.execute("ALTER TABLE mon_webhooks DROP COLUMN secret_fingerprint")
    db.commit()
    db.close()
    with PortfolioStore(tmp_path) as ps:
        (hook,) = ps.webhooks()
        assert hook.secret_fingerprint == fingerprint(SECRET)
        assert (
            ps.sealer.open(ps.db.execute("SELECT secret FROM mon_webhooks").fetchone()[0]) == SECRET
        )
    (stored,) = (
        sqlite3.connect(tmp_path / "monitor.db")
        .execute("SELECT secret FROM mon_webhooks")
        .fetchone()
    )
    assert is_sealed(stored)

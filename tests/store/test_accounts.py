"""Editors' accounts: argon2 hashes, hashed session tokens, expiry, sign-in rate limits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from reckon.errors import ReviewError
from reckon.store import Ledger, schema
from reckon.store.accounts import (
    LOGIN_WINDOW,
    MAX_FAILURES_PER_ACCOUNT,
    MAX_FAILURES_PER_CLIENT,
    SESSION_TTL,
    add_user,
    authenticate,
    create_session,
    end_session,
    is_login_limited,
    list_users,
    read_session,
    record_login,
)
from reckon.store.engine import write

T0 = datetime(2031, 3, 14, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"


@pytest.fixture
def ledger(ledger_url: str):
    with Ledger(ledger_url) as ledger:
        with write(ledger.engine) as connection:
            add_user(connection, "ines", PASSWORD)
        yield ledger


def test_password_is_stored_as_argon2id_and_verifies(ledger: Ledger) -> None:
    with ledger.engine.connect() as connection:
        stored = connection.execute(sa.select(schema.users.c.password_hash)).scalar_one()
        assert stored.startswith("$argon2id$") and PASSWORD not in stored
        assert authenticate(connection, "ines", PASSWORD).name == "ines"
        assert authenticate(connection, "ines", PASSWORD + "x") is None
        assert authenticate(connection, "nobody", PASSWORD) is None
        assert authenticate(connection, "ines' OR '1'='1", "' OR '1'='1") is None
        assert [u.name for u in list_users(connection)] == ["ines"]


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("ines", PASSWORD, "already exists"),
        ("bad name", PASSWORD, "user name"),
        ("", PASSWORD, "user name"),
        ("omar", "short", "password has"),
    ],
)
def test_bad_accounts_are_r505(ledger: Ledger, name: str, password: str, message: str) -> None:
    with pytest.raises(ReviewError, match=message) as raised, write(ledger.engine) as connection:
        add_user(connection, name, password)
    assert raised.value.code == "R505"


def test_sessions_store_only_a_hash_and_expire(ledger: Ledger) -> None:
    with write(ledger.engine) as connection:
        user = authenticate(connection, "ines", PASSWORD)
        token, session = create_session(connection, user, now=T0)
    with ledger.engine.connect() as connection:
        stored = connection.execute(sa.select(schema.sessions.c.token_hash)).scalar_one()
        assert token not in stored and len(stored) == 64
        assert read_session(connection, token, now=T0).csrf_token == session.csrf_token
        assert read_session(connection, token, now=T0 + SESSION_TTL) is None  # expired
        assert read_session(connection, token + "x", now=T0) is None
        assert read_session(connection, None, now=T0) is None
    with write(ledger.engine) as connection:
        end_session(connection, token)
    with ledger.engine.connect() as connection:
        assert read_session(connection, token, now=T0) is None


def attempts(ledger: Ledger, n: int, *, account: str, client: str, ok: bool, at: datetime) -> None:
    with write(ledger.engine) as connection:
        for i in range(n):
            record_login(connection, account=account, client=client, ok=ok, now=at + timedelta(seconds=i))


def limited(ledger: Ledger, *, account: str, client: str, at: datetime) -> bool:
    with ledger.engine.connect() as connection:
        return is_login_limited(connection, account=account, client=client, now=at)


def test_rate_limit_per_account(ledger: Ledger) -> None:
    attempts(ledger, MAX_FAILURES_PER_ACCOUNT - 1, account="ines", client="10.0.0.1", ok=False, at=T0)
    assert not limited(ledger, account="ines", client="10.0.0.9", at=T0 + timedelta(minutes=1))
    attempts(ledger, 1, account="ines", client="10.0.0.2", ok=False, at=T0 + timedelta(minutes=1))
    # Another address does not escape the account's limit; another account is not limited.
    assert limited(ledger, account="ines", client="10.0.0.9", at=T0 + timedelta(minutes=2))
    assert not limited(ledger, account="omar", client="10.0.0.9", at=T0 + timedelta(minutes=2))
    # The window slides past.
    assert not limited(ledger, account="ines", client="10.0.0.9", at=T0 + LOGIN_WINDOW + timedelta(minutes=2))


def test_success_restarts_the_account_count(ledger: Ledger) -> None:
    attempts(ledger, MAX_FAILURES_PER_ACCOUNT - 1, account="ines", client="c", ok=False, at=T0)
    attempts(ledger, 1, account="ines", client="c", ok=True, at=T0 + timedelta(minutes=1))
    attempts(ledger, 1, account="ines", client="c", ok=False, at=T0 + timedelta(minutes=2))
    assert not limited(ledger, account="ines", client="c", at=T0 + timedelta(minutes=3))


def test_rate_limit_per_client_across_accounts(ledger: Ledger) -> None:
    for i in range(MAX_FAILURES_PER_CLIENT):
        attempts(ledger, 1, account=f"guess{i}", client="203.0.113.7", ok=False, at=T0)
    assert limited(ledger, account="ines", client="203.0.113.7", at=T0 + timedelta(minutes=1))
    assert not limited(ledger, account="ines", client="198.51.100.1", at=T0 + timedelta(minutes=1))


def test_parallel_guesses_cannot_all_pass_the_check(ledger: Ledger) -> None:
    # Each guess checks the limit and records itself in one transaction (as /login does);
    # the sign-in lock makes 16 parallel guesses queue, so only the allowed number run.
    from concurrent.futures import ThreadPoolExecutor

    def guess(_: int) -> bool:
        with write(ledger.engine) as connection:
            if is_login_limited(connection, account="ines", client="c"):
                return False
            record_login(connection, account="ines", client="c", ok=False)
            return True

    with ThreadPoolExecutor(max_workers=8) as pool:
        tried = sum(pool.map(guess, range(16)))
    assert tried == MAX_FAILURES_PER_ACCOUNT

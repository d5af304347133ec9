"""Editors' accounts: users with argon2 password hashes, sign-in sessions, login attempts.

Plain functions over a SQLAlchemy Connection, so the CLI (``reckon user add``) and the web
(``reckon.web.auth``) share them, on SQLite and PostgreSQL alike. Writers pass a
connection from ``reckon.store.engine.write`` (one transaction).

Security choices, each with its reason:
- argon2id through argon2-cffi with the library's defaults (RFC 9106's second recommended
  profile): memory-hard, so a stolen ``users`` table is slow to crack;
- a session cookie carries a random 256-bit token; the table keeps only its SHA-256, so a
  copy of the database (a backup, a Datasette view) does not hand out live sessions;
- a name that does not exist costs the same argon2 verification as a wrong password, so
  response times do not tell which accounts exist;
- failed sign-ins are counted per account and per client address in a sliding window
  (``MAX_FAILURES_PER_ACCOUNT`` / ``MAX_FAILURES_PER_CLIENT`` per ``LOGIN_WINDOW``).
"""

from __future__ import annotations

import functools
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from reckon.errors import ReviewError
from reckon.store import schema
from reckon.store.engine import serialise

__all__ = [
    "LOGIN_WINDOW",
    "MAX_FAILURES_PER_ACCOUNT",
    "MAX_FAILURES_PER_CLIENT",
    "SESSION_TTL",
    "Session",
    "User",
    "add_user",
    "authenticate",
    "create_session",
    "end_session",
    "is_login_limited",
    "list_users",
    "read_session",
    "record_login",
]

# A working day: an editor signs in once per sitting; a stolen cookie dies by evening.
SESSION_TTL = timedelta(hours=8)
# Five wrong passwords in 15 minutes locks the account for the rest of the window: enough
# for typos, far too few for guessing. A client address gets more (an office behind one
# NAT has several editors), but not enough to spray passwords across accounts.
LOGIN_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_CLIENT = 20
# Attempts older than this are deleted when a new one is recorded: the table stays small.
_KEEP_ATTEMPTS = timedelta(days=1)

NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 takes any length; a cap keeps a huge form field cheap
ROLES = ("editor", "admin")

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_hex(16))


@dataclass(frozen=True, slots=True, kw_only=True)
class User:
    """An editor's account (never its password hash)."""

    id: int
    name: str
    role: str
    created_at: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Session:
    """A live sign-in: who, the form token that must come back with every POST, until when."""

    user: User
    csrf_token: str
    expires_at: datetime


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _user(row: sa.RowMapping) -> User:
    return User(id=row["id"], name=row["name"], role=row["role"], created_at=row["created_at"])


def check_name(name: str) -> str:
    if not NAME_PATTERN.fullmatch(name or ""):
        raise ReviewError(
            "a user name is 1-64 letters, digits or . _ @ - and starts with a letter or digit",
            where=repr(name[:80]) if name else "user name",
            code="R505",
        )
    return name


def check_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise ReviewError(
            f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters",
            where="password",
            code="R505",
        )
    return password


def add_user(
    connection: Connection,
    name: str,
    password: str,
    *,
    role: str = "editor",
    now: datetime | None = None,
) -> User:
    """Create an account; ReviewError R505 for a bad name, short password or taken name."""
    check_name(name)
    check_password(password)
    if role not in ROLES:
        raise ReviewError(f"role is one of {', '.join(ROLES)}", where=role, code="R505")
    row = {
        "name": name,
        "password_hash": _hasher.hash(password),
        "role": role,
        "created_at": _iso(_now(now)),
    }
    users = schema.users
    try:
        with connection.begin_nested():
            user_id = connection.execute(users.insert().returning(users.c.id), row).scalar_one()
    except IntegrityError:
        raise ReviewError("a user with this name already exists", where=name, code="R505") from None
    return User(id=user_id, name=name, role=role, created_at=row["created_at"])


def list_users(connection: Connection) -> list[User]:
    users = schema.users
    query = sa.select(users.c.id, users.c.name, users.c.role, users.c.created_at)
    return [_user(row) for row in connection.execute(query.order_by(users.c.name)).mappings()]


def authenticate(connection: Connection, name: str, password: str) -> User | None:
    """The user if ``password`` is theirs, else None (same cost whether or not the name exists)."""
    users = schema.users
    row = (
        connection.execute(sa.select(users).where(users.c.name == name[:200])).mappings().first()
        if len(password) <= MAX_PASSWORD
        else None
    )
    try:
        _hasher.verify(row["password_hash"] if row else _dummy_hash(), password[:MAX_PASSWORD])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return _user(row) if row else None


def create_session(
    connection: Connection, user: User, *, now: datetime | None = None, ttl: timedelta = SESSION_TTL
) -> tuple[str, Session]:
    """A new session for ``user``: (the cookie's token, the session). Expired ones are purged."""
    moment = _now(now)
    sessions = schema.sessions
    connection.execute(sessions.delete().where(sessions.c.expires_at < _iso(moment)))
    token = secrets.token_urlsafe(32)
    session = Session(user=user, csrf_token=secrets.token_urlsafe(32), expires_at=moment + ttl)
    connection.execute(
        sessions.insert(),
        {
            "token_hash": _token_hash(token),
            "user_id": user.id,
            "csrf_token": session.csrf_token,
            "created_at": _iso(moment),
            "expires_at": _iso(session.expires_at),
        },
    )
    return token, session


def read_session(
    connection: Connection, token: str | None, *, now: datetime | None = None
) -> Session | None:
    """The live session of this cookie token, None when absent, unknown or expired."""
    if not token or len(token) > 200:
        return None
    sessions, users = schema.sessions, schema.users
    query = (
        sa.select(sessions.c.csrf_token, sessions.c.expires_at, users)
        .join(users, users.c.id == sessions.c.user_id)
        .where(sessions.c.token_hash == _token_hash(token))
    )
    row = connection.execute(query).mappings().first()
    if row is None:
        return None
    expires_at = datetime.fromisoformat(row["expires_at"])
    if expires_at <= _now(now):
        return None
    return Session(user=_user(row), csrf_token=row["csrf_token"], expires_at=expires_at)


def end_session(connection: Connection, token: str | None) -> None:
    if token:
        sessions = schema.sessions
        connection.execute(sessions.delete().where(sessions.c.token_hash == _token_hash(token)))


def record_login(
    connection: Connection, *, account: str, client: str, ok: bool, now: datetime | None = None
) -> None:
    """Remember one sign-in attempt (and forget those older than a day)."""
    moment = _now(now)
    attempts = schema.login_attempts
    connection.execute(attempts.delete().where(attempts.c.at < _iso(moment - _KEEP_ATTEMPTS)))
    connection.execute(
        attempts.insert(),
        {"at": _iso(moment), "account": account[:200], "client": client[:100], "ok": ok},
    )


def is_login_limited(
    connection: Connection, *, account: str, client: str, now: datetime | None = None
) -> bool:
    """True when this account or this client failed too often within ``LOGIN_WINDOW``.

    An account's count restarts at its last successful sign-in, so a forgotten password
    then remembered does not leave a trap for the rest of the window. Called in the write
    transaction that then records the attempt, it holds the sign-in lock until that
    transaction ends, so parallel guesses cannot all pass the check before any is counted.
    """
    serialise(connection, "login")
    attempts = schema.login_attempts
    since = _iso(_now(now) - LOGIN_WINDOW)
    account = account[:200]
    last_ok = connection.execute(
        sa.select(sa.func.max(attempts.c.at)).where(
            attempts.c.account == account, attempts.c.ok.is_(True), attempts.c.at >= since
        )
    ).scalar_one()
    failed = sa.select(sa.func.count()).select_from(attempts).where(attempts.c.ok.is_(False))
    by_account = connection.execute(
        failed.where(attempts.c.account == account, attempts.c.at >= max(since, last_ok or since))
    ).scalar_one()
    if by_account >= MAX_FAILURES_PER_ACCOUNT:
        return True
    by_client = connection.execute(
        failed.where(attempts.c.client == client[:100], attempts.c.at >= since)
    ).scalar_one()
    return by_client >= MAX_FAILURES_PER_CLIENT

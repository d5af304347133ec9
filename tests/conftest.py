"""The project's only conftest: command-line flags, database fixtures, corpus locations.

Flags
  --update-golden  rewrite tests/golden/*.json from the current output (review the diff)
  --slow           also run tests marked ``slow``
  --browser        also run tests marked ``browser`` (Playwright); implied by
                   RECKON_REQUIRE_BROWSER=1, which CI sets
  --issue N        run only the regression tests marked ``issue(N)`` (repeatable)

Databases
  ``sqlite_url`` is a fresh SQLite file per test. ``postgres_url`` is a fresh database per
  test on one throwaway PostgreSQL server per session, started from the binaries under
  /usr/lib/postgresql/*/bin (Debian's layout) or on PATH. ``ledger_url`` runs a test on
  both. Without PostgreSQL binaries the PostgreSQL cases skip, unless
  RECKON_REQUIRE_POSTGRES=1 (set by .ci/run), where they fail: CI never skips silently.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reckon.model import (
    AUTHOR,
    Accusation,
    Actor,
    Claimant,
    Count,
    CountKind,
    Document,
    DocumentFindings,
    Inconsistency,
    Place,
    Quote,
    ReportedIncident,
    Span,
)

REPO = Path(__file__).resolve().parents[1]


# ---- flags -----------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("reckon")
    group.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from the current output"
    )
    group.addoption("--slow", action="store_true", help="also run tests marked slow")
    group.addoption("--browser", action="store_true", help="also run browser (Playwright) tests")
    group.addoption(
        "--issue",
        action="append",
        type=int,
        default=[],
        metavar="N",
        help="run only tests marked issue(N)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for flag in ("slow", "browser"):
        # CI sets RECKON_REQUIRE_BROWSER=1: browser tests then run (and fail, not skip,
        # without Chromium) even when nobody passed --browser.
        required = flag == "browser" and os.environ.get("RECKON_REQUIRE_BROWSER") == "1"
        if not config.getoption(flag) and not required:
            skip = pytest.mark.skip(reason=f"{flag} test: run with --{flag}")
            for item in items:
                if item.get_closest_marker(flag):
                    item.add_marker(skip)
    wanted = set(config.getoption("issue"))
    if wanted:
        keep = [
            item
            for item in items
            if any(m.args and m.args[0] in wanted for m in item.iter_markers("issue"))
        ]
        config.hook.pytest_deselected(items=[item for item in items if item not in keep])
        items[:] = keep


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files."""
    return bool(request.config.getoption("update_golden"))


# ---- corpus locations ------------------------------------------------------------------


def shared_corpus_dir() -> Path | None:
    """The shared folder beside the checkout (../shared: corpus, eval), None when absent."""
    shared = REPO.parent / "shared"
    return shared if shared.is_dir() else None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    shared = shared_corpus_dir()
    if shared is None:
        pytest.skip(f"no shared folder at {REPO.parent / 'shared'} (the real corpus lives there)")
    return shared


@pytest.fixture(scope="session")
def dev_corpus(shared_dir: Path) -> Path:
    """../shared/corpus/dev: the real development documents and their gold files."""
    dev = shared_dir / "corpus" / "dev"
    if not dev.is_dir():
        pytest.skip(f"no development corpus at {dev}")
    return dev


# ---- SQLite ----------------------------------------------------------------------------


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'reckon.db'}"


# ---- PostgreSQL ------------------------------------------------------------------------
# Our own small server fixture rather than pytest-postgresql's postgresql_proc: CI runs as
# root, PostgreSQL refuses to run as root, and pytest-postgresql runs pg_ctl as the
# current user with its data under pytest's root-only (0700) temp dir. Here the cluster
# lives in its own temp dir, owned by the `postgres` system user when we are root, and
# initdb/pg_ctl run through `runuser -u postgres --`.

SERVER_USER = "postgres"  # the system account that runs the server when we are root
DB_USER = "reckon"  # the database superuser initdb creates; trust auth on 127.0.0.1


@dataclass(frozen=True, slots=True, kw_only=True)
class PostgresServer:
    bindir: Path
    root: Path
    port: int

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{DB_USER}@127.0.0.1:{self.port}/{dbname}"

    def admin_dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} user={DB_USER} dbname=postgres"


def find_postgres_bindir() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin holding pg_ctl, else pg_ctl's dir on PATH."""

    def version(pg_ctl: Path) -> tuple[int, ...]:
        name = pg_ctl.parent.parent.name
        return tuple(int(part) for part in name.split(".") if part.isdigit())

    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=version)
    if found:
        return found[-1].parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).resolve().parent if on_path and shutil.which("initdb") else None


def _as_server_user(argv: list[str]) -> list[str]:
    return ["runuser", "-u", SERVER_USER, "--", *argv] if os.geteuid() == 0 else argv


def _run(argv: list[str], *, cwd: Path) -> None:
    command = _as_server_user(argv)
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        output = result.stderr.strip() or result.stdout.strip()
        raise RuntimeError(f"{Path(argv[0]).name} exited {result.returncode}: {output}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_postgres(bindir: Path) -> PostgresServer:
    root = Path(tempfile.mkdtemp(prefix="reckon-pg-"))
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam(SERVER_USER)
        except KeyError:
            raise RuntimeError(
                f"running as root and there is no {SERVER_USER!r} system user to run PostgreSQL"
            ) from None
        os.chown(root, account.pw_uid, account.pw_gid)
    datadir, log = root / "data", root / "server.log"
    # Speed over durability: the cluster lives for one test session.
    initdb = [str(bindir / "initdb"), "-D", str(datadir), "-U", DB_USER, "--auth=trust"]
    _run([*initdb, "-E", "UTF8", "--locale=C", "--no-sync"], cwd=root)
    pg_ctl = [str(bindir / "pg_ctl"), "-D", str(datadir), "-l", str(log), "-w", "-t", "60"]
    fast = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    last_error: Exception | None = None
    for _attempt in range(3):  # another process may take the free port before we bind it
        port = _free_port()
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 {fast}"
        try:
            _run([*pg_ctl, "-o", options, "start"], cwd=root)
        except RuntimeError as error:
            last_error = error
            continue
        return PostgresServer(bindir=bindir, root=root, port=port)
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    shutil.rmtree(root, ignore_errors=True)
    raise RuntimeError(f"{last_error}\n{tail}")


def _stop_postgres(server: PostgresServer) -> None:
    try:
        _run(
            [str(server.bindir / "pg_ctl"), "-D", str(server.datadir), "-m", "immediate", "stop"],
            cwd=server.root,
        )
    finally:
        shutil.rmtree(server.root, ignore_errors=True)


def _postgres_unavailable(reason: str) -> None:
    if os.environ.get("RECKON_REQUIRE_POSTGRES") == "1":
        pytest.fail(
            f"{reason} (RECKON_REQUIRE_POSTGRES=1, so this fails instead of skipping)",
            pytrace=False,
        )
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL server for the whole session, stopped and deleted at the end."""
    bindir = find_postgres_bindir()
    if bindir is None:
        _postgres_unavailable(
            "PostgreSQL is not installed (no pg_ctl under /usr/lib/postgresql/*/bin or on PATH)"
        )
    assert bindir is not None
    try:
        server = _start_postgres(bindir)
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        _postgres_unavailable(f"PostgreSQL from {bindir} would not start: {error}")
        raise  # unreachable: _postgres_unavailable always raises
    try:
        yield server
    finally:
        _stop_postgres(server)


_database_numbers = itertools.count()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database on the session's server, dropped after the test."""
    import psycopg

    name = f"reckon_test_{next(_database_numbers)}"
    with psycopg.connect(postgres_server.admin_dsn(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield postgres_server.url(name)
    finally:
        with psycopg.connect(postgres_server.admin_dsn(), autocommit=True) as admin:
            # FORCE: a test that forgot to close its Ledger must not break the next one.
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def ledger_url(request: pytest.FixtureRequest) -> str:
    """A fresh database URL, once per back end: store tests run on SQLite and PostgreSQL."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return request.getfixturevalue(fixture)


# ---- a fictional document with every kind of finding -------------------------------------
# Invented for the tests (places, people and groups do not exist). Non-ASCII characters
# sit before the spans on purpose: offsets are code points, in Python and in SQL alike.

FICTIONAL_TEXT = (
    "Le Héraut d’Ostrava — 14 March 2031\n"
    "At least 23 villagers were killed on Tuesday when gunmen attacked Mirrenby, a hamlet "
    "in the Oster valley, the regional governor said. The Valdorian Interior Ministry put "
    "the toll at 19 and blamed the Red Lantern Brigade (RLB). Seven people were abducted. "
    "\u201cWe heard the shots before dawn,\u201d said Tessaly Morn, a farmer. "
    "In a second raid, up to 40 people were injured."
)


def fictional_findings(variant: int = 0, *, raw: bytes | None = None) -> DocumentFindings:
    """A hand-built DocumentFindings about a fictional raid; ``variant`` makes the text
    (and so the document id) differ while every span stays valid."""
    text = FICTIONAL_TEXT + (f" Update {variant}." if variant else "")

    def span(words: str, after: int = 0) -> Span:
        start = text.index(words, after)
        return Span(start=start, end=start + len(words))

    governor = Claimant(name="Governor of Oster", span=span("the regional governor"))
    ministry = Claimant(
        name="Valdorian Interior Ministry", span=span("The Valdorian Interior Ministry")
    )
    document = Document(
        text=text,
        raw=raw if raw is not None else ("<html><body>" + text + "</body></html>").encode("utf-8"),
        name=f"mirrenby-heraut-{variant}",
        source=f"/corpus/mirrenby-heraut-{variant}.html",
        url=f"https://heraut.example/2031/03/mirrenby-{variant}",
        retrieved_at=datetime(2031, 3, 15, 8, 30, 5, 120000, tzinfo=UTC),
        title="Raid on Mirrenby",
        author="Ilse Varga",
        outlet="Le Héraut d’Ostrava",
        published="2031-03-14",
        tags=("oster", "raids"),
        media_type="text/html",
        part=variant if variant else None,
    )
    raid = ReportedIncident(
        date="2031-03-11",
        date_span=span("on Tuesday"),
        place=Place(
            name="Mirrenby",
            country="ZZ",
            latitude=48.1234567,
            longitude=-3.5,
            admin1="Oster",
            kind="village",
            span=span("Mirrenby"),
        ),
        counts=(
            Count(
                kind=CountKind.KILLED,
                min=23,
                max=None,
                claimant=governor,
                span=span("At least 23"),
                extractor="reckon.counts.v1",
                victims="villagers",
                quantity_text="At least 23",
            ),
            Count(
                kind=CountKind.KILLED,
                min=19,
                max=19,
                claimant=ministry,
                span=span("19"),
                extractor="reckon.counts.v1",
            ),
            Count(
                kind=CountKind.ABDUCTED,
                min=7,
                max=7,
                claimant=AUTHOR,
                span=span("Seven"),
                extractor="reckon.counts.v1",
                quantity_text="Seven",
            ),
        ),
        perpetrators=(
            Accusation(
                actor="Red Lantern Brigade",
                claimant=ministry,
                span=span("Red Lantern Brigade"),
                extractor="reckon.accusations.v1",
            ),
        ),
        victims=("villagers",),
    )
    second = ReportedIncident(
        date=None,
        place=None,
        counts=(
            Count(
                kind=CountKind.INJURED,
                min=None,
                max=40,
                claimant=AUTHOR,
                span=span("up to 40"),
                extractor="reckon.counts.v1",
            ),
        ),
    )
    return DocumentFindings(
        document=document,
        incidents=(raid, second),
        quotes=(
            Quote(
                speaker="Tessaly Morn",
                text="We heard the shots before dawn,",
                span=span("We heard the shots before dawn,"),
                extractor="reckon.quotes.v1",
            ),
        ),
        actors=(
            Actor(name="Red Lantern Brigade", aliases=("RLB",)),
            Actor(name="Valdorian Interior Ministry"),
        ),
        inconsistencies=(
            Inconsistency(
                description="killed: 23 (governor) vs 19 (ministry)",
                spans=(span("At least 23"), span("19")),
                extractor="reckon.inconsistency.v1",
            ),
        ),
        extractor_version="reckon-test-1",
    )


@contextmanager
def swapped_step(step_id: str, make: Callable[[Callable[..., Any]], Callable[..., Any]]) -> Iterator[Callable[..., Any]]:
    """The extraction step ``step_id`` running ``make(its function)`` instead, for the
    duration (a step that fails on chosen documents); yields the original function."""
    import reckon.extract.run  # noqa: F401 - declares the STEPS
    from reckon.extract.steps import STEPS

    at = next(at for at, item in enumerate(STEPS) if item.id == step_id)
    original = STEPS[at]
    STEPS[at] = replace(original, function=make(original.function))
    try:
        yield original.function
    finally:
        STEPS[at] = original


def count_rows(text: str) -> set[tuple[str, int | None, int | None, str]]:
    """Every count ``reckon.extract`` reads from ``text``, as (kind, min, max, claimant)."""
    from reckon import extract

    return {(str(c.kind), c.min, c.max, c.claimant.name) for i in extract(text).incidents for c in i.counts}

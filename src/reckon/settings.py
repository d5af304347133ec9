"""Settings as one declared table: (name, default, help). Read CLI > RECKON_* env > reckon.toml.

Docs and tests iterate over SETTINGS, so a setting added here is documented by construction.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reckon.errors import ConfigError

__all__ = ["SETTINGS", "Setting", "get_setting"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "RECKON_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting(name="db", default="sqlite:///reckon.db", help="Database URL (SQLite file or postgresql://...)."),
    Setting(name="max_bytes", default=64 * 1024 * 1024, help="Largest single input read, in bytes; larger inputs are refused (R107)."),
    # Extraction reads ~10k characters a second on one core (spaCy on the sentences that need
    # it), so 500k characters is about a minute: far longer than any news story or UN report
    # section, short enough that a mistaken multi-megabyte dump fails at once, not in hours.
    Setting(name="max_text_chars", default=500_000, help="Longest text (characters, after decoding and HTML extraction) read from one input; longer inputs are refused (R110)."),
    Setting(name="max_decompressed_bytes", default=512 * 1024 * 1024, help="Largest size a .gz/.warc.gz may expand to (R109)."),
    Setting(name="http_timeout", default=20.0, help="Seconds to wait for a URL before giving up (R106)."),
    Setting(name="user_agent", default="Reckon/0.1 (+incident-ledger research crawler)", help="User-Agent sent when fetching URLs; its first word (Reckon) is the name robots.txt rules are matched against."),
    Setting(name="fetch_delay", default=1.0, help="Least seconds between two requests to one host when following feeds and sitemaps (a larger robots.txt Crawl-delay wins)."),
    Setting(name="max_redirects", default=10, help="Most redirects followed for one URL (R106 past it)."),
    Setting(name="dask_timeout", default=30.0, help="Seconds to wait for a Dask scheduler (`reckon ingest --dask`) before giving up (R501)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"reckon.toml is not valid TOML: {error}", where=str(path)) from None
    section = data.get("reckon", data)
    unknown = set(section) - set(_BY_NAME)
    if unknown:
        raise ConfigError(f"unknown setting(s) {sorted(unknown)}", where=str(path))
    return section


def get_setting(name: str, override: Any = None, *, config: Path | None = None) -> Any:
    """The value of one setting: an explicit override, else RECKON_<NAME>, else reckon.toml, else the default."""
    if name not in _BY_NAME:
        raise ConfigError(f"unknown setting {name!r}")
    setting = _BY_NAME[name]
    if override is not None:
        return override
    if setting.env in os.environ:
        raw = os.environ[setting.env]
        try:
            return type(setting.default)(raw)
        except ValueError:
            raise ConfigError(f"{setting.env}={raw!r} is not a valid {type(setting.default).__name__}") from None
    section = _read_toml(config or Path("reckon.toml"))
    if name in section:
        return section[name]
    return setting.default

"""Every anticipated failure: a type, a code, and one sentence saying what, where, what next.

Codes: R1xx ingest, R2xx extract, R3xx resolve, R4xx store, R5xx web/CLI. The catalogue
below is the single table the docs and ``tests/test_docs.py`` iterate over.
"""

from __future__ import annotations

__all__ = [
    "CATALOGUE",
    "ConfigError",
    "ExtractError",
    "FetchError",
    "IngestError",
    "ReckonError",
    "ResolveError",
    "ReviewError",
    "StoreError",
]

# code -> (short title, what the user should do next). Declared once; the README's error
# table and the docs test are derived from it.
CATALOGUE: dict[str, tuple[str, str]] = {
    "R101": ("input not found", "check the path or URL"),
    "R102": ("input is empty", "nothing to ingest; remove it from the batch"),
    "R103": ("input is binary, not text or HTML", "only text, HTML and WARC files are read"),
    "R104": ("text encoding could not be decoded", "re-save the file as UTF-8"),
    "R105": ("archive is truncated or corrupt", "re-download the archive; records before the fault were kept"),
    "R106": ("URL could not be fetched", "check the address and your network, then re-run"),
    "R107": ("input is too large", "split it or raise RECKON_MAX_BYTES"),
    "R108": ("HTML has no readable main text", "the page may be a script-only app; save its text instead"),
    "R109": ("decompression limit exceeded", "the archive expands past the limit (a gzip bomb?)"),
    "R110": ("text is too long to extract", "split it into documents or raise RECKON_MAX_TEXT_CHARS"),
    "R120": ("robots.txt disallows the address", "the site asks crawlers to keep out of it; leave it out"),
    "R121": ("feed or sitemap is malformed", "the listing could not be read; tell its publisher or drop it"),
    "R122": ("not a feed or a sitemap", "watch the site's RSS/Atom feed or sitemap, not a page"),
    "R201": ("extraction failed on a document", "report it with the document; the rest of the batch went on"),
    "R202": ("extraction steps are mis-declared", "a step needs what no earlier step gives"),
    "R203": ("data table is malformed", "fix the named line of the data file"),
    "R301": ("incident resolution failed", "report it; the stored findings are intact"),
    "R401": ("database could not be opened", "check --db / RECKON_DB and that the server runs"),
    "R402": ("database schema is out of date", "run `reckon migrate`"),
    "R403": ("no such record", "list records with `reckon incidents`"),
    "R404": ("database write failed", "nothing of this document was written; re-run is safe"),
    "R405": ("backup failed", "check the target path (it must be new) or run the printed pg_dump command"),
    "R501": ("invalid command-line value", "see `reckon --help`"),
    "R502": ("invalid setting", "fix reckon.toml or the RECKON_* variable"),
    "R503": ("invalid web request", "fix the named query parameter or path"),
    "R504": ("invalid review action", "check the claim, incidents or alias named in the form"),
    "R505": ("invalid user account", "see `reckon user add --help`"),
}


class ReckonError(Exception):
    """Base of every error Reckon raises on purpose.

    ``where`` names the input (path, URL, record id, offset) so a batch report can say
    which item failed; ``str(error)`` is the one line shown to the user.
    """

    code = "R000"

    def __init__(self, message: str, *, where: str | None = None, code: str | None = None):
        if code is not None:
            if code not in CATALOGUE:
                raise ValueError(f"unknown error code {code}")
            self.code = code
        # One line whatever the cause says: library messages (urllib's redirect loop,
        # warcio's) carry newlines, and a batch report is one line per failure.
        self.message = " ".join(part.strip() for part in message.splitlines() if part.strip())
        self.where = where
        super().__init__(self.line())

    def line(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message} [{self.code}]"


class IngestError(ReckonError):
    code = "R101"


class FetchError(IngestError):
    """A URL that could not be fetched (R106); ``status`` is the HTTP status when the
    server answered, None when it did not (refused, timed out, redirect loop)."""

    code = "R106"

    def __init__(self, message: str, *, where: str | None = None, code: str | None = None, status: int | None = None):
        super().__init__(message, where=where, code=code)
        self.status = status

    @property
    def is_transient(self) -> bool:
        """Worth trying again later: no answer, a 5xx, 408 (timeout) or 429 (slow down)."""
        return self.code == "R106" and (self.status is None or self.status >= 500 or self.status in (408, 429))


class ExtractError(ReckonError):
    code = "R201"


class ResolveError(ReckonError):
    code = "R301"


class StoreError(ReckonError):
    code = "R401"


class ConfigError(ReckonError):
    code = "R502"


class ReviewError(ReckonError):
    """An editor's action or account that cannot be applied (R504 review, R505 account)."""

    code = "R504"

"""The store stage: the ledger's schema, its migrations, and the Ledger that reads and writes.

SQLite by default (one file, also readable with the sqlite3 module or Datasette),
PostgreSQL for teams; the same schema, views and migrations on both.
"""

from __future__ import annotations

from reckon.store.engine import current_revision, head_revision, migrate, open_engine, parse_db_url
from reckon.store.ledger import Ledger

__all__ = ["Ledger", "current_revision", "head_revision", "migrate", "open_engine", "parse_db_url"]

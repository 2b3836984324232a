"""The catalog of an end-to-end test, wherever it lives: PostgreSQL when
BZPEER_DATABASE_URL names it (tests/e2e/on_postgres.sh), else DATA/catalog.sqlite.
Queries are written once, with SQLite's `?` placeholders; rows come back as tuples.

    import catalog_db; db = catalog_db.connect(data); db.execute("SELECT ...", (x,)).fetchone()
"""
import os
import sqlite3
import sys


def connect(data):
    url = os.environ.get("BZPEER_DATABASE_URL")
    if not url:
        return sqlite3.connect(os.path.join(data, "catalog.sqlite"))
    try:
        import psycopg2
    except ImportError:  # a python3 other than Debian's (Debian's package installs it there)
        sys.path.append("/usr/lib/python3/dist-packages")
        import psycopg2
    return _Postgres(psycopg2.connect(url))


class _Postgres:
    def __init__(self, conn):
        conn.autocommit = True
        self.conn = conn

    def execute(self, sql, params=()):
        cursor = self.conn.cursor()
        if params:
            cursor.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))
        else:
            cursor.execute(sql)
        return cursor

"""The one MetaData every table of the store is declared on, and the column types they share."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Integer, MetaData

# Named constraints and indexes, so a later migration can refer to (and drop) them by name on
# both SQLite and PostgreSQL.
metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
})

# SQLite only autoincrements an INTEGER PRIMARY KEY (the rowid); PostgreSQL gets a bigint.
Id = BigInteger().with_variant(Integer(), "sqlite")
Json = JSON()

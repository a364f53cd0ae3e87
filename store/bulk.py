"""Many rows into one table of the store on PostgreSQL: COPY, about three times the rows per second of
INSERT. Row-level security refuses COPY into a table it guards, so the rows are copied into a table of
the transaction and inserted from it in one statement, which the policies check row by row."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa


def copy_into(connection: sa.Connection, table: str, columns: dict[str, list[Any]]) -> None:
    """`columns` (name → values, all of one length, of the table's types) into `table`, in the
    connection's transaction."""
    quote = connection.dialect.identifier_preparer.quote
    listed = ", ".join(quote(n) for n in columns)
    connection.exec_driver_sql(
        f"CREATE TEMP TABLE import_rows ON COMMIT DROP AS SELECT {listed} FROM {quote(table)} WITH NO DATA"
    )
    driver_connection = connection.connection.driver_connection
    assert driver_connection is not None
    with driver_connection.cursor() as cursor, cursor.copy(f"COPY import_rows ({listed}) FROM STDIN") as copy:
        write = copy.write_row
        for row in zip(*columns.values(), strict=True):
            write(row)
    connection.exec_driver_sql(f"INSERT INTO {quote(table)} ({listed}) SELECT {listed} FROM import_rows")
    connection.exec_driver_sql("DROP TABLE import_rows")

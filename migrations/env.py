"""Alembic environment: runs against the engine the application hands over."""

from __future__ import annotations

from alembic import context

from store.schema import metadata

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    context.run_migrations()

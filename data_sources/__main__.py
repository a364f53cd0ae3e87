"""`python -m data_sources …`: see data_sources/cli.py. An entry point, like dashboard.py: it may hand the
command line what a higher layer makes (the board pack is made from the views' slides)."""

import sys

import sqlalchemy as sa

from data_sources.board_pack import PackDocument
from data_sources.cli import main
from data_sources.meetings import MeetingRecord
from domain.configuration import Config


def make_pack(engine: sa.Engine, config: Config, record: MeetingRecord, made_by: str) -> PackDocument:
    """Loaded only for `pack`: the charts and the slides would weigh on every import run from here."""
    from view_models.board_pack import pack_from_store

    return pack_from_store(engine, config, record, made_by=made_by)


sys.exit(main(make_pack=make_pack))

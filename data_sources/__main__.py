"""`python -m data_sources …`: see data_sources/cli.py. An entry point, like dashboard.py: it may hand the
command line what a higher layer makes (the board pack is made from the views' slides)."""

import sys

from data_sources.cli import main
from view_models.board_pack import pack_from_store

sys.exit(
    main(make_pack=lambda engine, config, record, made_by: pack_from_store(engine, config, record, made_by=made_by))
)

"""The command line of the data contract, an entry point at the top of the stack beside dashboard.py:
import, check, sync, demo, history, undo, mote, pack, backup, restore; and `accounts` (see access/accounts.py). Every
write goes through the door, as the operating-system user. `python -m data_sources …` hands over to it.

Exit codes: 0 success, 1 validation errors (all printed) or a refused undo, 2 usage errors, an
unusable configuration or a store that cannot be opened.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path

import sqlalchemy as sa

from domain.command_words import SwedishParser
from domain.configuration import Config, ConfigError, load_config
from domain.datasets import DATASETS
from domain.formatting import row_words, swedish_datetime, swedish_int
from domain.roles import Actor, operator
from ingest import imports
from ingest.demo import load_example_data
from ingest.imports import ImportResult, import_file
from ingest.sources import sync_sources
from store import backup, batches, meetings
from store.engine import database_url, open_store
from store.scope import scoped

OK, INVALID, USAGE = 0, 1, 2
LOG_FILE = "data/dashboard.log"


def build_parser() -> argparse.ArgumentParser:
    parser = SwedishParser(
        prog="python -m data_sources", description="Importera och granska data till instrumentpanelen."
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=SwedishParser)
    datasets = ", ".join(DATASETS)
    for name, text in (("import", "validera och importera en fil"), ("check", "validera en fil utan att spara")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("dataset", help=f"datamängd: {datasets}")
        sub.add_argument("file", type=Path, help="CSV- eller Excel-fil")
        _organisation_option(sub)
    _organisation_option(commands.add_parser("sync", help="importera alla källor i config/sources.yaml"))
    _organisation_option(commands.add_parser("demo", help="läs in exempeldata"))
    hist = commands.add_parser("history", help="lista importer")
    _organisation_option(hist)
    hist.add_argument("--limit", type=int, default=None, help="visa bara de senaste")
    undo = commands.add_parser("undo", help="ångra en import")
    undo.add_argument("batch", type=int, help="importens nummer (se history)")
    _organisation_option(undo)
    commands.add_parser("accounts", help="hantera lokala konton (python -m data_sources accounts --help)")
    meeting = commands.add_parser("mote", help="protokollför ett möte eller lista mötena")
    meeting_commands = meeting.add_subparsers(dest="meeting_command", required=True, parser_class=SwedishParser)
    add = meeting_commands.add_parser("add", help="protokollför vad nämnden visas, per senaste import")
    add.add_argument("--body", required=True, help="nämnden eller bolaget (id eller namn)")
    add.add_argument("--date", required=True, help="mötesdatum ÅÅÅÅ-MM-DD")
    add.add_argument("--item", required=True, help="ärendets paragraf, till exempel '§ 88'")
    add.add_argument("--quarter", required=True, help="kvartalet som redovisas, till exempel 2025Q4")
    add.add_argument("--title", default="", help="rubrik")
    add.add_argument(
        "--prepared-by", default="", metavar="NAMN", help="den som förberett ärendet (står på försättsbladet)"
    )
    _organisation_option(add)
    _organisation_option(meeting_commands.add_parser("list", help="lista mötena, senaste först"))
    pack = commands.add_parser("pack", help="gör styrelsepaketet för ett möte: PDF och/eller PowerPoint")
    pack.add_argument("meeting", type=int, metavar="MOTE", help="mötesprotokollets nummer (se mote list)")
    pack.add_argument("--pdf", type=Path, metavar="FIL", help="skriv paketet som tillgänglig PDF (PDF/UA-1)")
    pack.add_argument("--pptx", type=Path, metavar="FIL", help="skriv paketet som PowerPoint (16:9)")
    _organisation_option(pack)
    saved = commands.add_parser("backup", help="säkerhetskopiera hela lagret till en ny fil (appen kan vara igång)")
    saved.add_argument("file", type=Path, metavar="FIL", help="den nya filen")
    restored = commands.add_parser("restore", help="läs tillbaka en säkerhetskopia till ett tomt lager")
    restored.add_argument("file", type=Path, metavar="FIL", help="säkerhetskopian")
    return parser


def _organisation_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--org", metavar="ID", default=None, help="organisationens id (behövs när organisation.yaml har flera)"
    )


def _organisation_config(chosen: str | None) -> Config:
    """The configuration of the organisation the command is for; with several, `--org` must say which."""
    config = load_config(organisation=chosen)
    if chosen is None and config.several:
        ids = ", ".join(o.id for o in config.organisations)
        raise ConfigError(f"Installationen har flera organisationer; ange vilken med --org ID ({ids}).")
    return config


def _log_to_file() -> None:
    """Details of an unexpected failure go to a log file, never as a traceback to the person at the prompt."""
    path = Path(os.environ.get("DASHBOARD_LOG_FILE", LOG_FILE))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit code as the data contract says."""
    _log_to_file()
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["accounts"]:
        from access.accounts import main as accounts_main

        return accounts_main(argv[1:])
    args = build_parser().parse_args(argv)
    if args.command in ("import", "check"):
        if args.dataset.casefold() not in DATASETS:
            print(f"Okänd datamängd '{args.dataset}'. Möjliga: {', '.join(DATASETS)}.", file=sys.stderr)
            return USAGE
        if not args.file.is_file():
            print(f"Filen {args.file} finns inte.", file=sys.stderr)
            return USAGE
    if args.command in ("backup", "restore"):
        return _backup_or_restore(args, operator(_user()))
    try:
        config = _organisation_config(args.org)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return USAGE
    engine = open_store()
    with scoped(config.organisation.id):  # every read and write of this command is of this organisation
        return _command(args, engine, config)


def _command(args: argparse.Namespace, engine: sa.Engine, config: Config) -> int:
    actor = operator(_user())
    if args.command in ("import", "check"):
        result = import_file(
            engine, config, args.dataset.casefold(), args.file, actor=actor, dry_run=args.command == "check"
        )
        return _report(result, config)
    if args.command == "sync":
        results = sync_sources(engine, config, actor=actor)
        if not results:
            print("Inga källor är konfigurerade i config/sources.yaml.")
        codes = [_report(r, config) for r in results]
        return max(codes, default=OK)
    if args.command == "demo":
        codes = [_report(r, config) for r in load_example_data(engine, config)]
        return max(codes, default=OK)
    if args.command == "mote":
        return _meeting(args, engine, config, actor)
    if args.command == "pack":
        return _pack(args, engine, config, actor)
    if args.command == "history":
        with engine.connect() as connection:
            rows = batches.history(connection, args.limit)
        if not rows:
            print("Inga importer ännu.")
        for b in rows:
            print(_history_line(b))
        return OK
    try:
        record = imports.undo(engine, args.batch, actor=actor)
    except batches.UndoRefused as exc:
        print(exc, file=sys.stderr)
        return INVALID
    print(
        f"Import {args.batch} är ångrad (nummer {record.id}): {row_words(record.rows_superseded)} togs "
        f"ur bruk och {row_words(record.row_count, 'tidigare')} gäller igen."
    )
    return OK


def _backup_or_restore(args: argparse.Namespace, actor: Actor) -> int:
    """`backup FIL` copies the store (the app may run); `restore FIL` fills an empty store from a copy."""
    try:
        if args.command == "backup":
            held = backup.backup(open_store(), args.file, actor=actor.id, role=actor.role)
            print(f"Säkerhetskopian {args.file} är skriven: {held.words()}.")
        else:
            held = backup.restore(database_url(), args.file, actor=actor.id, role=actor.role)
            print(f"Lagret är återläst från {args.file}: {held.words()}.")
    except backup.BackupError as refused:
        print(refused, file=sys.stderr)
        return INVALID
    return OK


def _user() -> str:
    try:
        return f"{getpass.getuser()} (kommandorad)"
    except (KeyError, OSError):
        return "okänd (kommandorad)"


def _meeting(args: argparse.Namespace, engine: sa.Engine, config: Config, actor: Actor) -> int:
    if args.meeting_command == "list":
        records = meetings.all_records(engine)
        if not records:
            print("Inga möten ännu.")
        for r in records:
            print(
                f"{r.id:>5}  {r.meeting_date.isoformat()}  {config.unit_names.get(r.body, r.body):<36} {r.item:<8} "
                f"{r.quarter}  data per import nr {r.batch_id}  {r.title}"
            )
        return OK
    try:
        record = meetings.create(
            engine,
            config,
            actor,
            body=args.body,
            meeting_date=args.date,
            item=args.item,
            quarter=args.quarter,
            title=args.title,
            prepared_by=args.prepared_by,
        )
    except meetings.MeetingError as exc:
        print(exc, file=sys.stderr)
        return INVALID
    print(record.id)
    return OK


def _pack(args: argparse.Namespace, engine: sa.Engine, config: Config, actor: Actor) -> int:
    """The board pack of a record, read straight from the store; the charts and slides are loaded only here,
    so that an import run from the command line does not wait for them."""
    from outputs.board_pack import both, pdf_bytes, pptx_bytes
    from view_models.board_pack import pack_from_store

    if args.pdf is None and args.pptx is None:
        print("Ange --pdf FIL, --pptx FIL eller båda.", file=sys.stderr)
        return USAGE
    record = meetings.find(engine, args.meeting)
    if record is None:
        print(f"Mötet {args.meeting} finns inte; se python -m data_sources mote list.", file=sys.stderr)
        return INVALID
    try:
        document = pack_from_store(engine, config, record)  # the cover names the record's preparer
        if args.pdf is not None and args.pptx is not None:
            written = dict(zip((args.pdf, args.pptx), both(document), strict=True))
        else:
            written = {args.pdf: pdf_bytes(document)} if args.pdf is not None else {args.pptx: pptx_bytes(document)}
        for path, content in written.items():
            path.write_bytes(content)
            print(f"Skrev {path}")
    except OSError as exc:
        print(f"Kunde inte skriva styrelsepaketet: {exc.strerror or exc}. Inget annat ändrades.", file=sys.stderr)
        return INVALID
    except Exception:
        logging.getLogger(__name__).exception("Styrelsepaketet för möte %s kunde inte göras", args.meeting)
        print(
            f"Styrelsepaketet för möte {args.meeting} kunde inte göras. Detaljerna finns i loggfilen "
            f"({os.environ.get('DASHBOARD_LOG_FILE', LOG_FILE)}).",
            file=sys.stderr,
        )
        return INVALID
    return OK


def _report(result: ImportResult, config: Config) -> int:
    for warning in result.warnings:
        print(f"Varning: {warning}")
    if result.ok:
        print(result.summary())
        if result.preview is not None:
            print("Det här ändras av en import:")
            for line in result.preview.lines(config):
                print(f"  {line}")
        return OK
    for line in result.messages():
        print(line, file=sys.stderr)
    print(result.summary(), file=sys.stderr)
    return INVALID


def _history_line(b: batches.BatchRecord) -> str:
    state = ""
    if b.undone_by_batch_id is not None:
        state = f" [ångrad av {b.undone_by_batch_id}]"
    elif b.kind == "undo":
        state = f" [ångrar {b.undoes_batch_id}]"
    example = " [exempeldata]" if b.is_example else ""
    return (
        f"{b.id:>5}  {swedish_datetime(b.created_at)}  {b.dataset:<22} {swedish_int(b.row_count):>9} rader  "
        f"{b.user_name}  {b.source}{state}{example}"
    )


if __name__ == "__main__":  # `python -m data_sources …` hands over to here, as does `python command_line.py …`
    sys.exit(main())

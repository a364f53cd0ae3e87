"""Accounts: kept in the store so every app process sees a change on its next rerun; seeded from
config/users.yaml whenever that file's users change; Argon2 password hashes, sign-in with lock-out;
changed by an administrator on /konton or with `python -m data_sources accounts`. Every change is
written to the access log in the change's own transaction.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import json
import sys
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from access.access_store import locked_until, record_attempt
from domain import clock
from domain.command_words import SwedishParser
from domain.configuration import ConfigError, User, load_config
from domain.formatting import swedish_datetime
from domain.roles import ROLES, Actor, ensure, operator
from store.access_log import write_event
from store.batches import take_write_lock
from store.schema import account_seeds, accounts

_HASHER = PasswordHasher()
# Verifying against this keeps an unknown user's sign-in as slow as a known one's.
_DUMMY_HASH = _HASHER.hash("ingen användare")
MIN_PASSWORD_LENGTH = 12
SEED_ACTOR = "users.yaml"


class AccountError(Exception):
    """An account change that cannot be made; the message is Swedish."""


@dataclass(frozen=True)
class Account:
    email: str
    name: str
    role: str
    password_hash: str | None
    disabled: bool
    from_file: bool

    @property
    def credential(self) -> str:
        """Changes when the password does: a session signed in with the old one ends."""
        return hashlib.sha256((self.password_hash or "").encode()).hexdigest()[:16]


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _account(row: sa.Row) -> Account:
    return Account(row.email, row.name, row.role, row.password_hash, row.disabled, row.from_file)


def find(engine: sa.Engine, email: str) -> Account | None:
    """One indexed read: how the app checks the account on every rerun."""
    with engine.connect() as connection:
        return _find(connection, email)


def _find(connection: sa.Connection, email: str) -> Account | None:
    row = connection.execute(sa.select(accounts).where(accounts.c.email_key == email.strip().casefold())).first()
    return None if row is None else _account(row)


def all_accounts(engine: sa.Engine) -> list[Account]:
    with engine.connect() as connection:
        return [_account(r) for r in connection.execute(sa.select(accounts).order_by(accounts.c.email_key))]


def any_accounts(engine: sa.Engine) -> bool:
    with engine.connect() as connection:
        return connection.execute(sa.select(accounts.c.id).limit(1)).first() is not None


def authenticate(engine: sa.Engine, username: str, password: str) -> tuple[Account | None, str]:
    """The account and '' on success; otherwise None and a reason for the log (the user sees one message)."""
    username = username.strip()
    if (until := locked_until(engine, username)) is not None:
        return None, f"låst till {swedish_datetime(until)}"
    account = find(engine, username) if username else None
    known = account is not None and account.password_hash is not None and not account.disabled
    stored = account.password_hash if known and account is not None and account.password_hash else _DUMMY_HASH
    ok = password_matches(stored, password) and known
    record_attempt(engine, username, ok)
    if ok:
        return account, ""
    if account is None:
        return None, "okänd användare"
    return None, "kontot är avstängt" if account.disabled else "fel lösenord"


# --- changes -------------------------------------------------------------------------------------


def _values(user: User) -> dict[str, object]:
    return {
        "name": user.name,
        "role": user.role,
        "password_hash": user.password_hash,
        "disabled": user.disabled,
    }


def users_fingerprint(users: tuple[User, ...]) -> str:
    content = json.dumps(sorted(({"email": u.email.casefold(), **_values(u)} for u in users), key=str))
    return hashlib.sha256(content.encode()).hexdigest()


def seed(engine: sa.Engine, users: tuple[User, ...]) -> bool:
    """Apply users.yaml to the store when its users differ from the last applied; True if it did.

    Each user in the file is added or set as the file says. An account the file added earlier and no
    longer lists is disabled. Accounts an administrator added are left as they are.
    """
    fingerprint = users_fingerprint(users)
    with engine.begin() as connection:
        take_write_lock(connection)
        last = connection.execute(
            sa.select(account_seeds.c.sha256).order_by(account_seeds.c.id.desc()).limit(1)
        ).scalar_one_or_none()
        if last == fingerprint:
            return False
        listed = {u.email.casefold() for u in users}
        for user in users:
            _apply(connection, SEED_ACTOR, None, user.email, from_file=True, **_values(user))
        for row in connection.execute(sa.select(accounts).where(accounts.c.from_file.is_(True), ~accounts.c.disabled)):
            if row.email_key not in listed:
                _apply(connection, SEED_ACTOR, None, row.email, from_file=True, disabled=True)
        connection.execute(account_seeds.insert().values(sha256=fingerprint, applied_at=clock.now()))
    return True


def save(engine: sa.Engine, actor: Actor, email: str, *, create: bool = False, **changes: object) -> Account:
    """Add an account (`create`) or change one: name, role, password_hash, disabled."""
    ensure(actor, "manage_accounts")
    if "role" in changes and changes["role"] not in ROLES:
        raise AccountError(f"Okänd roll '{changes['role']}'. Möjliga: {', '.join(ROLES)}.")
    with engine.begin() as connection:
        existing = _find(connection, email)
        if create and existing is not None:
            raise AccountError(f"{email} finns redan.")
        if not create and existing is None:
            raise AccountError(f"Det finns inget konto för {email}.")
        _apply(connection, actor.id, actor.role, email, from_file=False, **changes)
        account = _find(connection, email)
    assert account is not None
    return account


def remove(engine: sa.Engine, actor: Actor, email: str) -> None:
    ensure(actor, "manage_accounts")
    with engine.begin() as connection:
        if _find(connection, email) is None:
            raise AccountError(f"Det finns inget konto för {email}.")
        connection.execute(accounts.delete().where(accounts.c.email_key == email.strip().casefold()))
        write_event(connection, actor.id, actor.role, "account_removed", target=email)


def _apply(
    connection: sa.Connection, by: str, by_role: str | None, email: str, /, *, from_file: bool, **changes: object
) -> None:
    """Insert or update one account and log what changed (never the password hash itself)."""
    key = email.strip().casefold()
    existing = _find(connection, key)
    if existing is None:
        values = {"name": "", "role": "viewer", "password_hash": None, "disabled": False, **changes}
        connection.execute(
            accounts.insert().values(
                email_key=key, email=email.strip(), from_file=from_file, changed_at=clock.now(), **values
            )
        )
        write_event(connection, by, by_role, "account_added", target=email.strip(), detail=f"roll {values['role']}")
        return
    changed = {k: v for k, v in changes.items() if getattr(existing, k) != v}
    if not changed:
        return
    connection.execute(
        accounts.update()
        .where(accounts.c.email_key == key)
        .values(**changed, from_file=from_file, changed_at=clock.now())
    )
    words = []
    if "role" in changed:
        words.append(f"roll {existing.role} → {changed['role']}")
    if "disabled" in changed:
        words.append("avstängt" if changed["disabled"] else "öppnat igen")
    if "password_hash" in changed:
        words.append("nytt lösenord" if changed["password_hash"] else "inloggning bara via OIDC")
    if "name" in changed:
        words.append("nytt namn")
    write_event(connection, by, by_role, "account_changed", target=existing.email, detail=", ".join(words))


# --- the command line ----------------------------------------------------------------------------


def _password(args: argparse.Namespace) -> str:
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Lösenord: ")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise SystemExit(f"Lösenordet måste ha minst {MIN_PASSWORD_LENGTH} tecken.")
    return password


def _parser() -> argparse.ArgumentParser:
    parser = SwedishParser(prog="python -m data_sources accounts", description="Hantera konton.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=SwedishParser)
    add = commands.add_parser("add", help="lägg till en användare")
    add.add_argument("email")
    add.add_argument("--name", default="")
    add.add_argument("--role", required=True, choices=list(ROLES))
    add.add_argument("--no-password", action="store_true", help="för OIDC-inloggning: inget lösenord")
    role = commands.add_parser("role", help="byt roll")
    role.add_argument("email")
    role.add_argument("role", choices=list(ROLES))
    helps = {"passwd": "byt lösenord", "disable": "stäng av", "enable": "öppna", "remove": "ta bort"}
    for name, text in helps.items():
        commands.add_parser(name, help=text).add_argument("email")
    commands.add_parser("list", help="lista användare")
    for sub in (add, commands.choices["passwd"]):
        sub.add_argument("--password-stdin", action="store_true", help="läs lösenordet från standard in")
    return parser


def main(argv: list[str] | None = None) -> int:
    from store.engine import open_store

    args = _parser().parse_args(argv)
    try:
        config = load_config()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    engine = open_store()
    seed(engine, config.users)
    try:
        user = f"{getpass.getuser()} (kommandorad)"
    except (KeyError, OSError):
        user = "okänd (kommandorad)"
    actor = operator(user)
    if args.command == "list":
        for a in all_accounts(engine):
            state = "avstängd" if a.disabled else "aktiv"
            login = "lösenord" if a.password_hash else "OIDC"
            print(f"{a.email:<40} {a.role:<11} {login:<9} {state}  {a.name}")
        return 0
    try:
        if args.command == "add":
            password_hash = None if args.no_password else hash_password(_password(args))
            save(engine, actor, args.email, create=True, name=args.name, role=args.role, password_hash=password_hash)
        elif args.command == "passwd":
            save(engine, actor, args.email, password_hash=hash_password(_password(args)))
        elif args.command == "role":
            save(engine, actor, args.email, role=args.role)
        elif args.command == "remove":
            remove(engine, actor, args.email)
        else:
            save(engine, actor, args.email, disabled=args.command == "disable")
    except AccountError as exc:
        print(exc, file=sys.stderr)
        return 1
    done = {
        "add": "tillagt",
        "passwd": "har fått nytt lösenord",
        "role": f"har fått rollen {getattr(args, 'role', '')}",
    }
    done |= {"disable": "avstängt", "enable": "öppnat", "remove": "borttaget"}
    print(f"Kontot {args.email} är {done.get(args.command, 'ändrat')}; det gäller från användarens nästa klick.")
    return 0

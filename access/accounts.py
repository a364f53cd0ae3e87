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
from domain.configuration import DEFAULT_ORGANISATION, Config, ConfigError, User, load_config
from domain.formatting import swedish_datetime
from domain.roles import ROLES, Actor, ensure, operator
from store.access_log import write_event
from store.batches import take_write_lock
from store.schema import account_roles, account_seeds, accounts, inserted_id
from store.scope import EVERY_ORGANISATION, current_organisation, scoped

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
    roles: tuple[tuple[str, str], ...]  # (organisation, role), one per organisation the account may see
    password_hash: str | None
    disabled: bool
    from_file: bool

    def role_in(self, organisation: str) -> str | None:
        return dict(self.roles).get(organisation)

    @property
    def roles_words(self) -> str:
        return ", ".join(f"{role} i {organisation}" for organisation, role in self.roles)

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


def _account(row: sa.Row, roles: tuple[tuple[str, str], ...]) -> Account:
    return Account(row.email, row.name, roles, row.password_hash, row.disabled, row.from_file)


def _roles(connection: sa.Connection, account_ids: list[int]) -> dict[int, tuple[tuple[str, str], ...]]:
    found: dict[int, list[tuple[str, str]]] = {i: [] for i in account_ids}
    query = (
        sa.select(account_roles.c.account_id, account_roles.c.organisation, account_roles.c.role)
        .where(account_roles.c.account_id.in_(account_ids))
        .order_by(account_roles.c.id)
    )
    for account_id, organisation, role in connection.execute(query):
        found[account_id].append((organisation, role))
    return {i: tuple(r) for i, r in found.items()}


def find(engine: sa.Engine, email: str) -> Account | None:
    """One indexed read: how the app checks the account on every rerun."""
    with engine.connect() as connection:
        return _find(connection, email)


def _find(connection: sa.Connection, email: str) -> Account | None:
    row = connection.execute(sa.select(accounts).where(accounts.c.email_key == email.strip().casefold())).first()
    return None if row is None else _account(row, _roles(connection, [row.id])[row.id])


def all_accounts(engine: sa.Engine, organisation: str | None = None) -> list[Account]:
    """Every account, or those with a role in `organisation`."""
    query = sa.select(accounts).order_by(accounts.c.email_key)
    if organisation is not None:
        query = query.where(
            accounts.c.id.in_(sa.select(account_roles.c.account_id).where(account_roles.c.organisation == organisation))
        )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
        roles = _roles(connection, [r.id for r in rows])
    return [_account(r, roles[r.id]) for r in rows]


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


def _values(user: User, first_organisation: str) -> dict[str, object]:
    roles = ({first_organisation: user.role} if user.role is not None else {}) | dict(user.roles)
    return {
        "name": user.name,
        "roles": roles,
        "password_hash": user.password_hash,
        "disabled": user.disabled,
    }


def users_fingerprint(users: tuple[User, ...], first_organisation: str = DEFAULT_ORGANISATION) -> str:
    content = json.dumps(
        sorted(({"email": u.email.casefold(), **_values(u, first_organisation)} for u in users), key=str)
    )
    return hashlib.sha256(content.encode()).hexdigest()


def seed(engine: sa.Engine, users: tuple[User, ...], first_organisation: str = DEFAULT_ORGANISATION) -> bool:
    """Apply users.yaml to the store when its users differ from the last applied; True if it did.

    Each user in the file is added or set as the file says. An account the file added earlier and no
    longer lists is disabled. Accounts an administrator added are left as they are.
    """
    fingerprint = users_fingerprint(users, first_organisation)
    # The file is the installation's: its changes are logged in each account's own organisation.
    with scoped(EVERY_ORGANISATION), engine.begin() as connection:
        take_write_lock(connection)
        last = connection.execute(
            sa.select(account_seeds.c.sha256).order_by(account_seeds.c.id.desc()).limit(1)
        ).scalar_one_or_none()
        if last == fingerprint:
            return False
        listed = {u.email.casefold() for u in users}
        for user in users:
            _apply(connection, SEED_ACTOR, None, user.email, from_file=True, **_values(user, first_organisation))
        for row in connection.execute(sa.select(accounts).where(accounts.c.from_file.is_(True), ~accounts.c.disabled)):
            if row.email_key not in listed:
                _apply(connection, SEED_ACTOR, None, row.email, from_file=True, disabled=True)
        connection.execute(account_seeds.insert().values(sha256=fingerprint, applied_at=clock.now()))
    return True


def save(
    engine: sa.Engine,
    actor: Actor,
    email: str,
    *,
    create: bool = False,
    organisation: str | None = None,
    **changes: object,
) -> Account:
    """Add an account (`create`) or change one: name, its role in `organisation` (default: the current
    one), password_hash, disabled. An account with a role in `organisation` that is added again gets the
    role (an account may see several organisations, one role in each)."""
    ensure(actor, "manage_accounts")
    where = organisation or current_organisation()
    role = changes.pop("role", None)
    if role is not None and role not in ROLES:
        raise AccountError(f"Okänd roll '{role}'. Möjliga: {', '.join(ROLES)}.")
    with engine.begin() as connection:
        existing = _find(connection, email)
        if create and existing is not None and existing.role_in(where) is not None:
            raise AccountError(f"{email} finns redan.")
        if not create and (existing is None or not _may_manage(actor, existing, where)):
            raise AccountError(f"Det finns inget konto för {email}.")
        if existing is not None and create:
            changes = {}  # an account of another organisation gains a role here; the rest stays its own
        if role is not None:
            changes["roles"] = {where: role}
        _apply(connection, actor.id, actor.role, email, from_file=False, **changes)
        account = _find(connection, email)
    assert account is not None
    return account


def _may_manage(actor: Actor, account: Account, organisation: str) -> bool:
    """An administrator manages the accounts with a role in their organisation; their password and
    whether they are open only when the administrator is one in every organisation the account sees."""
    if not actor.roles:  # the server's command line, open local mode: the installation's operator
        return True
    if account.role_in(organisation) is None:
        return False
    return all(dict(actor.roles).get(o) == "admin" for o, _ in account.roles)


def remove(engine: sa.Engine, actor: Actor, email: str, organisation: str | None = None) -> None:
    """The account's role in `organisation` (default: the current one); the account itself goes with its
    last role."""
    ensure(actor, "manage_accounts")
    where = organisation or current_organisation()
    with engine.begin() as connection:
        existing = _find(connection, email)
        if existing is None or existing.role_in(where) is None:
            raise AccountError(f"Det finns inget konto för {email} i {where}.")
        key = email.strip().casefold()
        if len(existing.roles) == 1:
            connection.execute(accounts.delete().where(accounts.c.email_key == key))
        else:
            account_id = sa.select(accounts.c.id).where(accounts.c.email_key == key).scalar_subquery()
            connection.execute(
                account_roles.delete().where(
                    account_roles.c.account_id == account_id, account_roles.c.organisation == where
                )
            )
        write_event(
            connection, actor.id, actor.role, "account_removed", target=email, detail=f"i {where}", organisation=where
        )


def _apply(
    connection: sa.Connection, by: str, by_role: str | None, email: str, /, *, from_file: bool, **changes: object
) -> None:
    """Insert or update one account and log what changed (never the password hash itself)."""
    key = email.strip().casefold()
    existing = _find(connection, key)
    roles: dict[str, str] = changes.pop("roles", None) or {}  # type: ignore[assignment]
    if existing is None:
        values = {"name": "", "password_hash": None, "disabled": False, **changes}
        account_id = inserted_id(
            connection.execute(
                accounts.insert().values(
                    email_key=key, email=email.strip(), from_file=from_file, changed_at=clock.now(), **values
                )
            )
        )
        _set_roles(connection, account_id, roles)
        added = ", ".join(f"roll {role} i {organisation}" for organisation, role in roles.items())
        write_event(
            connection, by, by_role, "account_added", target=email.strip(), detail=added, organisation=_home(roles)
        )
        return
    changed = {k: v for k, v in changes.items() if getattr(existing, k) != v}
    new_roles = {o: r for o, r in roles.items() if existing.role_in(o) != r}
    if not changed and not new_roles:
        return
    connection.execute(
        accounts.update()
        .where(accounts.c.email_key == key)
        .values(**changed, from_file=from_file, changed_at=clock.now())
    )
    account_id = connection.execute(sa.select(accounts.c.id).where(accounts.c.email_key == key)).scalar_one()
    _set_roles(connection, account_id, new_roles)
    words: list[str] = []
    for organisation, role in new_roles.items():
        before = existing.role_in(organisation)
        words.append(f"roll {before} → {role} i {organisation}" if before else f"roll {role} i {organisation}")
    if "disabled" in changed:
        words.append("avstängt" if changed["disabled"] else "öppnat igen")
    if "password_hash" in changed:
        words.append("nytt lösenord" if changed["password_hash"] else "inloggning bara via OIDC")
    if "name" in changed:
        words.append("nytt namn")
    where = _home(new_roles) or _home(dict(existing.roles))
    write_event(
        connection, by, by_role, "account_changed", target=existing.email, detail=", ".join(words), organisation=where
    )


def _home(roles: dict[str, str]) -> str | None:
    """The organisation whose log records a change of an account: the first it has a role in."""
    return next(iter(roles), None)


def _set_roles(connection: sa.Connection, account_id: int, roles: dict[str, str]) -> None:
    for organisation, role in roles.items():
        done = connection.execute(
            account_roles.update()
            .where(account_roles.c.account_id == account_id, account_roles.c.organisation == organisation)
            .values(role=role)
        ).rowcount
        if not done:
            connection.execute(
                account_roles.insert().values(account_id=account_id, organisation=organisation, role=role)
            )


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
    for sub in (add, role, commands.choices["remove"]):
        sub.add_argument(
            "--org", metavar="ID", default=None, help="organisationen rollen gäller (behövs när det finns flera)"
        )
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
    organisation = getattr(args, "org", None)
    if organisation is None and config.several and args.command in ("add", "role", "remove"):
        ids = ", ".join(o.id for o in config.organisations)
        print(f"Installationen har flera organisationer; ange vilken med --org ID ({ids}).", file=sys.stderr)
        return 2
    if organisation is not None and organisation not in {o.id for o in config.organisations}:
        ids = ", ".join(o.id for o in config.organisations)
        print(f"Organisationen '{organisation}' finns inte; möjliga: {ids}.", file=sys.stderr)
        return 2
    organisation = organisation or config.organisation.id
    engine = open_store()
    with scoped(EVERY_ORGANISATION):  # the installation's operator: each change in its organisation's log
        return _accounts_command(args, engine, config, organisation)


def _accounts_command(args: argparse.Namespace, engine: sa.Engine, config: Config, organisation: str) -> int:
    seed(engine, config.users, config.organisation.id)
    try:
        user = f"{getpass.getuser()} (kommandorad)"
    except (KeyError, OSError):
        user = "okänd (kommandorad)"
    actor = operator(user)
    if args.command == "list":
        for a in all_accounts(engine):
            state = "avstängd" if a.disabled else "aktiv"
            login = "lösenord" if a.password_hash else "OIDC"
            print(f"{a.email:<40} {a.roles_words:<24} {login:<9} {state}  {a.name}")
        return 0
    try:
        if args.command == "add":
            password_hash = None if args.no_password else hash_password(_password(args))
            save(
                engine,
                actor,
                args.email,
                create=True,
                organisation=organisation,
                name=args.name,
                role=args.role,
                password_hash=password_hash,
            )
        elif args.command == "passwd":
            save(engine, actor, args.email, password_hash=hash_password(_password(args)))
        elif args.command == "role":
            save(engine, actor, args.email, organisation=organisation, role=args.role)
        elif args.command == "remove":
            remove(engine, actor, args.email, organisation)
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

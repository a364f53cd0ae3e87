"""Local accounts: Argon2 password hashes in config/users.yaml, sign-in with lock-out, and the command line
that adds, changes and disables users (`python -m data_sources accounts`)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

import sqlalchemy as sa
import yaml
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from data_sources.access_store import locked_until, record_attempt
from domain.configuration import Config, User, config_dir
from domain.formatting import swedish_datetime

_HASHER = PasswordHasher()
# Verifying against this keeps an unknown user's sign-in as slow as a known one's.
_DUMMY_HASH = _HASHER.hash("ingen användare")
MIN_PASSWORD_LENGTH = 12


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(engine: sa.Engine, config: Config, username: str, password: str) -> tuple[User | None, str]:
    """The user and '' on success; otherwise None and a reason for the log (the user sees one message)."""
    username = username.strip()
    if (until := locked_until(engine, username)) is not None:
        return None, f"låst till {swedish_datetime(until)}"
    user = next((u for u in config.users if u.email.casefold() == username.casefold()), None)
    known = user is not None and user.password_hash is not None and not user.disabled
    ok = password_matches(user.password_hash if known else _DUMMY_HASH, password) and known  # type: ignore[union-attr]
    record_attempt(engine, username, ok)
    if ok:
        return user, ""
    if user is None:
        return None, "okänd användare"
    return None, "kontot är avstängt" if user.disabled else "fel lösenord"


# --- the command line ----------------------------------------------------------------------------


def _users_file() -> Path:
    return config_dir() / "users.yaml"


def _read() -> list[dict]:
    path = _users_file()
    if not path.exists():
        return []
    return list((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("users") or [])


def _write(users: list[dict]) -> None:
    path = _users_file()
    header = (
        "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if line.startswith("#"))
        if path.exists()
        else ""
    )
    path.write_text(header + yaml.safe_dump({"users": users}, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _password(args: argparse.Namespace) -> str:
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Lösenord: ")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise SystemExit(f"Lösenordet måste ha minst {MIN_PASSWORD_LENGTH} tecken.")
    return password


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m data_sources accounts", description="Hantera lokala konton i users.yaml."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="lägg till en användare")
    add.add_argument("email")
    add.add_argument("--name", default="")
    add.add_argument("--role", required=True, choices=["admin", "controller", "viewer", "auditor"])
    add.add_argument("--no-password", action="store_true", help="för OIDC-inloggning: ingen lösenordshash")
    for name in ("passwd", "disable", "enable"):
        commands.add_parser(
            name, help={"passwd": "byt lösenord", "disable": "stäng av", "enable": "öppna"}[name]
        ).add_argument("email")
    commands.add_parser("list", help="lista användare")
    for sub in (add, commands.choices["passwd"]):
        sub.add_argument("--password-stdin", action="store_true", help="läs lösenordet från standard in")
    args = parser.parse_args(argv)
    users = _read()
    if args.command == "list":
        for u in users:
            state = "avstängd" if u.get("disabled") else "aktiv"
            login = "lösenord" if u.get("password_hash") else "OIDC"
            print(f"{u['email']:<40} {u.get('role', ''):<11} {login:<9} {state}  {u.get('name', '')}")
        return 0
    match = next((u for u in users if u["email"].casefold() == args.email.casefold()), None)
    if args.command == "add":
        if match is not None:
            print(f"{args.email} finns redan.", file=sys.stderr)
            return 1
        user = {"email": args.email, "name": args.name, "role": args.role}
        if not args.no_password:
            user["password_hash"] = hash_password(_password(args))
        users.append(user)
    elif match is None:
        print(f"{args.email} finns inte i {_users_file()}.", file=sys.stderr)
        return 1
    elif args.command == "passwd":
        match["password_hash"] = hash_password(_password(args))
    else:
        match["disabled"] = args.command == "disable"
    _write(users)
    print(f"{_users_file()} uppdaterad ({args.command} {args.email}).")
    return 0

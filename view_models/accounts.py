"""What the accounts page says: each account, its role in Swedish, how it signs in and whether it may."""

from __future__ import annotations

import pandas as pd

from access.accounts import Account
from domain.roles import ROLE_WORDS


def account_table(accounts: list[Account], organisation: str) -> pd.DataFrame:
    """The accounts with their role in `organisation` (the one the administrator manages now)."""
    return pd.DataFrame(
        [
            {
                "E-post": a.email,
                "Namn": a.name or "–",
                "Roll": ROLE_WORDS.get(role := a.role_in(organisation) or "", role or "–"),
                "Inloggning": "lösenord" if a.password_hash else "kommunens inloggning (OIDC)",
                "Läge": "avstängt" if a.disabled else "aktivt",
                "Senast satt av": "users.yaml" if a.from_file else "administratör",
            }
            for a in accounts
        ],
        columns=["E-post", "Namn", "Roll", "Inloggning", "Läge", "Senast satt av"],
    )

"""What the access log says: each event in Swedish words and Swedish time."""

from __future__ import annotations

import pandas as pd

from domain.formatting import swedish_datetime
from domain.roles import ROLE_WORDS

EVENTS = {
    "login": "inloggning",
    "login_failed": "misslyckad inloggning",
    "login_denied": "inloggning nekad",
    "logout": "utloggning",
    "resumed": "inloggning återupptagen",
    "denied": "nekad sida",
    "link_used": "länk använd",
    "link_refused": "länk nekad",
    "link_view": "vy via länk",
    "link_created": "länk skapad",
    "link_revoked": "länk återkallad",
    "export": "nedladdning",
    "import": "import",
    "undo": "ångring",
    "account_added": "konto tillagt",
    "account_changed": "konto ändrat",
    "account_removed": "konto borttaget",
    "meeting_recorded": "möte protokollfört",
}


def log_table(log: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Tid": [swedish_datetime(t) for t in log["at"]],
            "Vem": log["actor"],
            "Roll": log["role"].map(lambda r: ROLE_WORDS.get(r, r or "–")),
            "Händelse": log["event"].map(lambda e: EVENTS.get(e, e)),
            "Vad": log["target"].fillna("–"),
            "Detalj": log["detail"].fillna("–"),
        }
    )

"""What the link page says: each read-only link, whom it is for, until when, which views, and its state."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from access.access_store import Link
from domain.formatting import swedish_datetime
from domain.roles import MEETING_VIEWS

VIEW_TITLES = {v.path: v.title for v in MEETING_VIEWS}
STATES = {"valid": "gäller", "expired": "utgången", "revoked": "återkallad"}


def link_table(links: list[Link], moment: dt.datetime) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Nr": str(link.id),
                "Mottagare": link.recipient,
                "Skapad": f"{swedish_datetime(link.created_at)} av {link.created_by}",
                "Går ut": swedish_datetime(link.expires_at),
                "Vyer": ", ".join(VIEW_TITLES.get(v, v) for v in link.views) or "alla styrelsevyer",
                "Data": "dagens" if link.meeting_id is None else f"som vid möte nr {link.meeting_id}",
                "Läge": STATES[link.state(moment)],
            }
            for link in links
        ]
    )

"""Incident rules."""

from __future__ import annotations

import datetime as dt

import pandas as pd


def report_completeness(critical: pd.DataFrame) -> pd.Series:
    """Per critical incident: is its report complete (date, incident manager and responsible manager)?

    Checked for whole columns at once, as a view may list thousands of critical incidents.
    """
    if not len(critical):
        return pd.Series(dtype=bool)

    def named(column: str) -> pd.Series:
        return critical[column].map(lambda value: isinstance(value, str) and bool(value))

    return named("incident_manager") & named("responsible_manager") & critical["report_date"].notna()


ON_TIME_TARGET = 100.0  # every deadline met: the law sets no lower bar
# (report column, Swedish name, hours after detection; None: one month after the notification)
DEADLINES = (
    ("early_warning_at", "Tidig varning", 24),
    ("notification_at", "Incidentanmälan", 72),
    ("final_report_at", "Slutrapport", None),
)
IMY = ("imy_reported_at", "Anmälan till IMY", 72)


def reporting_deadlines(reportable: pd.DataFrame, now: dt.datetime) -> pd.DataFrame:
    """One row per incident and deadline that applies: reference, title, unit, detected_at, deadline,
    due, done, state ('met', 'late', 'missing' or 'open') and hours (taken, late by, or left).

    Significant incidents (Cybersecurity Act): early warning within 24 hours and notification within 72
    hours of detection, final report within a month of the notification (of its deadline while none is
    made). Personal-data breaches: IMY within 72 hours of detection."""
    rows = []
    for r in reportable.itertuples():
        detected = pd.Timestamp(r.detected_at)
        significant = r.significant is not None and not pd.isna(r.significant) and bool(r.significant)
        applicable = [*DEADLINES] if significant else []
        if r.category == "personal_data":
            applicable.append(IMY)
        for column, name, hours in applicable:
            if hours is not None:
                due = detected + pd.Timedelta(hours=hours)
            else:
                notified = (
                    r.notification_at if r.notification_at is not None and not pd.isna(r.notification_at) else None
                )
                base = pd.Timestamp(notified) if notified is not None else detected + pd.Timedelta(hours=72)
                due = base + pd.DateOffset(months=1)
            done = getattr(r, column)
            done = None if done is None or pd.isna(done) else pd.Timestamp(done)
            if done is not None:
                state = "met" if done <= due else "late"
                spent = (done - detected) if state == "met" else (done - due)
            elif pd.Timestamp(now) < due:
                state, spent = "open", due - pd.Timestamp(now)
            else:
                state, spent = "missing", pd.Timestamp(now) - due
            rows.append(
                {
                    "reference": r.reference,
                    "title": r.title,
                    "unit": r.unit,
                    "detected_at": detected,
                    "year": detected.year,
                    "deadline": name,
                    "due": due,
                    "done": done,
                    "state": state,
                    "hours": round(spent.total_seconds() / 3600),
                }
            )
    columns = ["reference", "title", "unit", "detected_at", "year", "deadline", "due", "done", "state", "hours"]
    return pd.DataFrame(rows, columns=columns)


def on_time_by_year(deadlines: pd.DataFrame) -> pd.DataFrame:
    """year, met, decided, share: of the deadlines that have passed or been met, the share met on time."""
    decided = deadlines[deadlines["state"] != "open"]
    grouped = decided.groupby("year").agg(met=("state", lambda s: int((s == "met").sum())), decided=("state", "size"))
    grouped = grouped.reset_index()
    grouped["share"] = 100.0 * grouped["met"] / grouped["decided"]
    return grouped

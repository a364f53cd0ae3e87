"""Risker: the risk register as a board reads it — the heat map of likelihood × consequence with the number
of risks in each cell, the risks in the two highest bands by name, every treatment past its due date, and
each risk's move since its previous assessment and since the body's last meeting record (no streamlit)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from charts.risks import risk_heatmap
from domain.configuration import Config, RiskScale
from domain.datasets.risks import DATASET
from domain.formatting import swedish_date, swedish_int
from domain.roles import VIEW_NAMED
from domain.vocabulary import MEASURE_SYMBOLS, MEASURE_WORDS, Tone
from queries import risks as q
from view_models.sections import (
    Ask,
    Chart,
    Figure,
    Figures,
    Line,
    Lines,
    Mark,
    Scope,
    Section,
    Table,
    Text,
    ViewContent,
    scope_label,
)

LATE = "■ Försenad"
ON_A_SLIDE = 8  # listed risks on a slide, the highest first; the view has them all
NAMED = 2  # risks a sentence of the summary names


@dataclass(frozen=True)
class Move:
    """A risk's value then and now: '16 → 9 ▼'."""

    before: int
    now: int

    @property
    def text(self) -> str:
        arrow = "▼" if self.now < self.before else "▲" if self.now > self.before else "(oförändrat)"
        return f"{self.before} → {self.now} {arrow}"

    @property
    def mark(self) -> Mark:
        return "better" if self.now < self.before else "worse" if self.now > self.before else ""


def current(assessed: pd.DataFrame) -> pd.DataFrame:
    """Each risk's latest assessment, with its value and whether its treatment is late (judged later)."""
    rows = assessed[assessed["rank"] == 1].copy()
    rows["value"] = rows["likelihood"] * rows["consequence"]
    return rows


def late(rows: pd.DataFrame, on: dt.date) -> pd.DataFrame:
    """Treatments past their due date on `on` (at a meeting, its date) and not done."""
    due = pd.to_datetime(rows["due_date"])
    return rows[due.notna() & (due < pd.Timestamp(on)) & (rows["treatment_status"] != "done")]


def in_band(rows: pd.DataFrame, scale: RiskScale, band_ids: tuple[str, ...]) -> pd.DataFrame:
    return rows[[scale.band(int(v)).id in band_ids for v in rows["value"]]]


def previous_moves(assessed: pd.DataFrame) -> dict[str, tuple[Move, dt.date]]:
    """Risk id → its move since its previous assessment, and that assessment's date."""
    before = assessed[assessed["rank"] == 2].set_index("risk_id")
    now = assessed[assessed["rank"] == 1].set_index("risk_id")
    return {
        risk: (
            Move(int(b.likelihood * b.consequence), int(now.at[risk, "likelihood"] * now.at[risk, "consequence"])),
            b.assessed_date,
        )
        for risk, b in before.iterrows()
        if risk in now.index
    }


def value_words(value: int, scale: RiskScale) -> str:
    """'12 Mycket hög'."""
    return f"{value} {scale.band(value).name}"


def treatment_words(row: pd.Series, on: dt.date) -> str:
    """'Pågår, slutdatum 2026-06-30 ■ Försenad'."""
    status = row["treatment_status"]
    if not isinstance(status, str) and not isinstance(row["treatment"], str):
        return "ingen åtgärd beslutad"
    words = f"{MEASURE_SYMBOLS[status]} {MEASURE_WORDS[status]}" if isinstance(status, str) else "ingen status"
    due = row["due_date"]
    if due is None or pd.isna(due):
        return words
    flag = f" {LATE}" if status != "done" and pd.Timestamp(due) < pd.Timestamp(on) else ""
    return f"{words}, slutdatum {swedish_date(due)}{flag}"


def _units(rows: pd.DataFrame, config: Config) -> list[str]:
    return [config.unit_names.get(u, u) for u in rows["unit"]]


def register_table(
    rows: pd.DataFrame,
    moves: dict[str, tuple[Move, dt.date]],
    since_meeting: dict[str, Move] | None,
    on: dt.date,
    config: Config,
) -> pd.DataFrame:
    """The risks in words: value and band, each move, owner, treatment and its status and due date."""
    table = pd.DataFrame(
        {
            "Id": rows["risk_id"],
            "Risk": rows["title"],
            "Enhet": _units(rows, config),
            "Bedömd": [swedish_date(d) for d in rows["assessed_date"]],
            "Riskvärde": [value_words(int(v), config.risks) for v in rows["value"]],
            "Sedan förra bedömningen": [
                f"{moves[r][0].text} ({swedish_date(moves[r][1])})" if r in moves else "första bedömningen"
                for r in rows["risk_id"]
            ],
        }
    )
    if since_meeting is not None:
        table["Sedan mötet"] = [since_meeting[r].text if r in since_meeting else "ny" for r in rows["risk_id"]]
    table["Ägare"] = rows["owner"].fillna("–").to_list()
    table["Åtgärd"] = rows["treatment"].fillna("–").to_list()
    table["Åtgärdsstatus"] = [treatment_words(row, on) for _, row in rows.iterrows()]
    return table


def _line(row: pd.Series, moves: dict[str, tuple[Move, dt.date]], on: dt.date, config: Config) -> Line:
    """A listed risk on a slide: value, move, owner, treatment; marked when late or worse."""
    moved = moves.get(row["risk_id"])
    parts = [f"{row['risk_id']} {row['title']}: {value_words(int(row['value']), config.risks)}"]
    if moved is not None:
        parts[0] += f" ({moved[0].text})"
    if isinstance(row["owner"], str):
        parts.append(f"ägare {row['owner']}")
    if isinstance(row["treatment"], str):
        parts.append(f"{row['treatment']}: {treatment_words(row, on)}")
    mark: Mark = "overdue" if LATE in parts[-1] else (moved[0].mark if moved is not None else "")
    return Line(" · ".join(parts), mark)


def heat_map_table(cells: pd.DataFrame, scale: RiskScale) -> pd.DataFrame:
    """Every cell of the map, the highest value first: the table behind the chart."""
    counted = {(int(r.likelihood), int(r.consequence)): int(r.counted) for r in cells.itertuples()}
    rows = [
        (f"{li} {ln}", f"{co} {cn}", li * co, scale.band(li * co).name, counted.get((li, co), 0))
        for li, ln in scale.likelihood.items()
        for co, cn in scale.consequence.items()
    ]
    table = pd.DataFrame(rows, columns=["Sannolikhet", "Konsekvens", "Riskvärde", "Riskklass", "Antal risker"])
    return table.sort_values(["Riskvärde", "Sannolikhet"], ascending=False, kind="stable").reset_index(drop=True)


def band_summary(rows: pd.DataFrame, overdue: int, scale: RiskScale) -> str:
    """'12 risker: 2 med mycket högt riskvärde, 3 med högt riskvärde, …; 1 åtgärd försenad.'"""
    counts = [(b, sum(1 for v in rows["value"] if scale.band(int(v)).id == b.id)) for b in reversed(scale.bands)]
    bands = ", ".join(f"{swedish_int(n)} med {b.phrase}" for b, n in counts if n)
    treatments = "åtgärd försenad" if overdue == 1 else "åtgärder försenade"
    risks = "risk" if len(rows) == 1 else "risker"
    return f"{swedish_int(len(rows))} {risks}: {bands}; {swedish_int(overdue)} {treatments}."


def body_figure(assessed: pd.DataFrame, body: str, on: dt.date, config: Config) -> Figure | None:
    """Lägesbild's key figure: the body's risks in the highest band, and its treatments past due."""
    rows = current(assessed)
    if rows.empty:
        return None
    top = config.risks.bands[-1]
    highest = in_band(rows, config.risks, (top.id,))
    overdue = len(late(rows, on))
    treatments = "åtgärd försenad" if overdue == 1 else "åtgärder försenade"
    tone: Tone
    if overdue:
        note, tone = f"■ {swedish_int(overdue)} {treatments}", "red"
    elif len(highest):
        note, tone = "✓ ingen åtgärd försenad", "amber"
    else:
        note, tone = f"✓ ingen i riskklass {top.name}, ingen åtgärd försenad", "green"
    return Figure(
        f"{config.unit_names.get(body, body)}s risker med {top.phrase}",
        swedish_int(len(highest)),
        (note,),
        tone,
        heading="Risker",
        datasets=(DATASET.name,),
    )


def risk_sentence(assessed: pd.DataFrame, whose: str, on: dt.date, config: Config) -> str | None:
    """Sammanfattning's sentence when a risk is in the highest band or a treatment is late; None otherwise."""
    rows = current(assessed)
    top = config.risks.bands[-1]
    highest = in_band(rows, config.risks, (top.id,))
    overdue = late(rows, on)
    if highest.empty and overdue.empty:
        return None
    parts = []
    if not highest.empty:
        named = "; ".join(f"{r.title}" for r in highest.head(NAMED).itertuples())
        more = f" och {swedish_int(len(highest) - NAMED)} till" if len(highest) > NAMED else ""
        parts.append(f"{swedish_int(len(highest))} med {top.phrase} ({named}{more})")
    if not overdue.empty:
        treatments = "åtgärd försenad" if len(overdue) == 1 else "åtgärder försenade"
        parts.append(f"{swedish_int(len(overdue))} {treatments}")
    return f"Risker för {whose}: {', '.join(parts)}."


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """The register as of the scope's day (a meeting's date): the map, the risks to name, the late
    treatments, and what moved since the last assessment and since the body's last meeting record."""
    view = VIEW_NAMED[DATASET.name]
    whose = scope_label(scope, config.unit_names)
    assessed = ask(q.assessments, scope.units, scope.on)
    rows = current(assessed)
    if rows.empty:
        return ViewContent(view, whose, empty="Inga risker är registrerade ännu.")
    scale = config.risks
    moves = previous_moves(assessed)
    overdue = late(rows, scope.on)
    listed = in_band(rows, scale, tuple(b.id for b in scale.top))
    meeting = ask(q.last_meeting, scope.body, scope.on)
    since_meeting: dict[str, Move] | None = None
    if not meeting.empty:
        record = meeting.iloc[0]
        shown = ask(q.shown_at, scope.units, record["meeting_date"], int(record["batch_id"]))
        then = {r.risk_id: int(r.likelihood * r.consequence) for r in shown.itertuples()}
        since_meeting = {r.risk_id: Move(then[r.risk_id], int(r.value)) for r in rows.itertuples() if r.risk_id in then}
    top, high = scale.top[-1], scale.top[0]
    grid = heat_map_table(ask(q.cells, scope.units, scope.on), scale)
    highest = in_band(rows, scale, (top.id,))
    counted = f"bedömda till och med {swedish_date(scope.on)}"
    sections: list[Section] = [
        Figures(
            "Riskläget",
            (
                Figure(
                    f"Risker med {top.phrase}",
                    swedish_int(len(highest)),
                    (
                        f"■ riskklass {top.name}" if len(highest) else f"✓ ingen i riskklass {top.name}",
                        f"med {high.phrase}: {swedish_int(len(in_band(rows, scale, (high.id,))))}",
                    ),
                    "red" if len(highest) else "green",
                    datasets=(DATASET.name,),
                ),
                Figure(
                    "Åtgärder försenade",
                    swedish_int(len(overdue)),
                    (
                        LATE if len(overdue) else "✓ ingen försenad",
                        f"av {swedish_int(int(rows['treatment'].notna().sum()))} beslutade åtgärder",
                    ),
                    "red" if len(overdue) else "green",
                    datasets=(DATASET.name,),
                ),
                Figure("Risker i registret", swedish_int(len(rows)), (counted,), datasets=(DATASET.name,)),
            ),
        ),
        Chart(
            "Riskkarta: sannolikhet × konsekvens",
            risk_heatmap(grid, scale),
            band_summary(rows, len(overdue), scale),
            grid,
            "riskkarta.csv",
            datasets=(DATASET.name,),
            note="Antalet risker står i varje ruta; riskklassen står under antalet.",
        ),
    ]
    title = f"Risker i klasserna {high.name} och {top.name}"
    titles = dict(zip(rows["risk_id"], rows["title"], strict=True))
    lines = tuple(_line(row, moves, scope.on, config) for _, row in listed.iterrows())
    sections += [
        Table(
            title,
            register_table(listed, moves, since_meeting, scope.on, config),
            "risker-hogst.csv",
            lead=f"{swedish_int(len(listed))} av {swedish_int(len(rows))} risker, det högsta riskvärdet först.",
        ),
        Lines(
            title,
            lines,
            empty=f"Ingen risk är i klasserna {high.name} och {top.name}.",
            at_most=ON_A_SLIDE,
            rest="på sidan Risker",
            on_screen=False,
        ),
        Lines(
            "Åtgärder försenade",
            tuple(
                Line(
                    f"{r['risk_id']} {r['title']}: {r['treatment'] if isinstance(r['treatment'], str) else 'åtgärd'} · "
                    f"{treatment_words(r, scope.on)}",
                    "overdue",
                )
                for _, r in overdue.sort_values("due_date").iterrows()
            ),
            empty="Ingen åtgärd är försenad.",
        ),
        Lines(
            "Sedan förra bedömningen",
            tuple(
                Line(f"{r} {titles[r]}: {m.text} sedan {swedish_date(d)}", m.mark)
                for r, (m, d) in moves.items()
                if m.mark
            ),
            empty="Ingen risk har fått ett annat riskvärde vid sin senaste bedömning.",
        ),
    ]
    if since_meeting is None:
        sections.append(
            Text(
                f"{config.unit_names.get(scope.body, scope.body)} har inget protokollfört möte före "
                f"{swedish_date(scope.on)}; förändringen sedan mötet visas när ett möte är protokollfört.",
                "Sedan förra mötet:",
            )
        )
    else:
        record = meeting.iloc[0]
        moved = [
            Line(f"{r.risk_id} {r.title}: {since_meeting[r.risk_id].text}", since_meeting[r.risk_id].mark)
            for r in rows.itertuples()
            if r.risk_id in since_meeting and since_meeting[r.risk_id].mark
        ]
        moved += [
            Line(f"{r.risk_id} {r.title}: ny, {value_words(int(r.value), scale)}", "info")
            for r in rows.itertuples()
            if r.risk_id not in since_meeting
        ]
        sections.append(
            Lines(
                f"Sedan förra mötet ({swedish_date(record['meeting_date'])}, {record['item']})",
                tuple(moved),
                empty="Inget riskvärde har ändrats sedan mötet.",
            )
        )
    sections.append(
        Table(
            "Riskregistret",
            register_table(rows, moves, since_meeting, scope.on, config),
            "riskregister.csv",
            lead=f"Varje risks senaste bedömning, {counted}.",
        )
    )
    return ViewContent(view, whose, tuple(sections))

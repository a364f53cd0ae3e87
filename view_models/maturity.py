"""What the maturity view says: where the units stand each year and who moved (no streamlit)."""

from __future__ import annotations

import pandas as pd

from charts.maturity import distribution_by_year, step_label, unit_moves
from domain.configuration import Config, MaturityModel
from domain.datasets.maturity import DATASET
from domain.formatting import swedish_int
from domain.roles import VIEW_NAMED
from queries import maturity as maturity_queries
from rules.maturity import most_common_pair, moves
from view_models.sections import Ask, Chart, Figure, Lines, Scope, Section, ViewContent, scope_label

ON_A_SLIDE = 8  # units on a slide, the biggest moves up first


def distribution_summary(distribution: pd.DataFrame, model: MaturityModel) -> str:
    """'2024: de flesta enheterna, 23 av 24, står mellan steg 1 och 2 (Nybörjare och Utforskare).'"""
    if distribution.empty:
        return "Inga mognadsnivåer är registrerade."
    parts = []
    for year in sorted(distribution["year"].unique()):
        lower, upper, units, total = most_common_pair(distribution, int(year))
        if upper > lower:
            where = f"mellan steg {lower} och {upper} ({step_name(lower, model)} och {step_name(upper, model)})"
        else:
            where = f"på steg {lower} ({step_name(lower, model)})"
        parts.append(f"{int(year)}: {swedish_int(units)} av {swedish_int(total)} enheter står {where}")
    return "; ".join(parts) + "."


def step_name(level: int, model: MaturityModel) -> str:
    return model.steps[level - 1] if 0 < level <= len(model.steps) else str(level)


def moves_summary(moved: pd.DataFrame, first: int, last: int, config: Config) -> str:
    """'Från 2024 till 2025: 5 av 24 enheter tog ett steg upp (…), 19 står kvar, ingen gick ned.'"""
    if moved.empty:
        return f"Ingen enhet har en nivå både {first} och {last}."
    up, down = moved[moved["change"] > 0], moved[moved["change"] < 0]
    named = ", ".join(config.unit_names.get(u, u) for u in up["unit"].head(5))
    more = " med flera" if len(up) > 5 else ""
    text = f"Från {first} till {last}: {swedish_int(len(up))} av {swedish_int(len(moved))} enheter gick upp"
    text += f" ({named}{more})" if len(up) else ""
    text += f", {swedish_int(int((moved['change'] == 0).sum()))} står kvar"
    text += f", {swedish_int(len(down))} gick ned." if len(down) else ", ingen gick ned."
    return text


def levels_table(levels: pd.DataFrame, model: MaturityModel, config: Config) -> pd.DataFrame:
    wide = levels.pivot_table(index="unit", columns="year", values="level", aggfunc="max")
    table = wide.apply(lambda col: col.map(lambda v: "–" if pd.isna(v) else step_label(int(v), model.steps)))
    table.columns = [str(c) for c in table.columns]
    table.index = table.index.map(lambda u: config.unit_names.get(u, u))
    return table.reset_index(names="Enhet")


def moves_table(moved: pd.DataFrame, first: int, last: int, model: MaturityModel, config: Config) -> pd.DataFrame:
    def change(n: int) -> str:
        if n == 0:
            return "= Oförändrad"
        return f"▲ Upp {n} steg" if n > 0 else f"▼ Ned {-n} steg"

    return pd.DataFrame(
        {
            "Enhet": moved["unit"].map(lambda u: config.unit_names.get(u, u)),
            str(first): [step_label(int(v), model.steps) for v in moved["before"]],
            str(last): [step_label(int(v), model.steps) for v in moved["after"]],
            "Förändring": [change(int(n)) for n in moved["change"]],
        }
    )


def body_figure(levels: pd.DataFrame, body: str, model: MaturityModel, config: Config) -> Figure | None:
    """The body's step in its latest year on the model, with the step the year before."""
    mine = levels[levels["unit"] == body].sort_values("year")
    if mine.empty:
        return None
    last = mine.iloc[-1]
    notes: tuple[str, ...] = (f"av {len(model.steps)} steg",)
    if len(mine) > 1:
        before = mine.iloc[-2]
        notes = (*notes, f"{int(before['year'])}: {step_label(int(before['level']), model.steps)}")
    return Figure(
        f"{config.unit_names.get(body, body)} i {model.name} {int(last['year'])}",
        step_label(int(last["level"]), model.steps),
        notes,
        heading="Mognad",
        datasets=(DATASET.name,),
    )


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """Per model the units on each step per year, and each unit's move between the last two years: the
    link's model (`model`) on the screen, every model in the deck (where the units that moved come first)."""
    view = VIEW_NAMED[DATASET.name]
    whose = scope_label(scope, config.unit_names)
    models = [config.maturity_models[m] for m in ask(maturity_queries.models) if m in config.maturity_models]
    wanted = scope.filter("model")
    if not scope.in_deck:
        models = [m for m in models if m.id in wanted] or models[:1]
    sections: list[Section] = []
    for model in models:
        distribution = ask(maturity_queries.distribution, model.id, scope.units)
        if distribution.empty:
            continue
        levels = ask(maturity_queries.levels, model.id, scope.units)
        sections.append(
            Chart(
                f"{model.name}: enheter per steg och år",
                distribution_by_year(distribution, model.steps),
                distribution_summary(distribution, model),
                levels_table(levels, model, config),
                f"mognad-{model.id}.csv",
                datasets=(DATASET.name,),
            )
        )
        years = sorted(int(y) for y in levels["year"].unique())
        if len(years) > 1:
            sections += _moves(levels, years[-2], years[-1], model, config, scope.in_deck)
    if not sections:
        return ViewContent(view, whose, empty="Inga mognadsnivåer är registrerade.")
    return ViewContent(view, whose, tuple(sections))  # the chart's sentence is the headline: said once


def _moves(
    levels: pd.DataFrame, first: int, last: int, model: MaturityModel, config: Config, in_deck: bool
) -> list[Section]:
    """Each unit's step in the two years; a slide shows the units that moved, the biggest moves up first."""
    moved = moves(levels, first, last)
    changed = moved[moved["change"] != 0]
    title = f"{model.name}: enheter som bytt steg {first}–{last}"
    summary = moves_summary(moved, first, last, config)
    if in_deck and changed.empty:
        return [Lines(title, (), empty=summary, on_screen=False)]
    shown = changed.head(ON_A_SLIDE)
    return [
        Chart(
            title,
            unit_moves(moved, first, last, model.steps, config.unit_names),
            summary,
            moves_table(moved, first, last, model, config),
            f"mognad-{model.id}-{first}-{last}.csv",
            fit="rows",
            slide_chart=unit_moves(shown, first, last, model.steps, config.unit_names) if in_deck else None,
            heading=f"Varje enhets steg {first} och {last}",
            note="" if len(shown) == len(changed) else f"De {len(shown)} av {len(changed)}; alla finns på Mognad.",
            datasets=(DATASET.name,),
        )
    ]

"""Import (/import): upload a file, see every error before anything is saved, preview, import, undo."""

from __future__ import annotations

import hashlib
from functools import partial
from typing import Any

import streamlit as st

from domain.datasets import DATASETS
from domain.formatting import inert, row_words, swedish_int
from ingest import imports
from ingest.exports import template_csv, template_xlsx
from ingest.sources import sync_sources
from ingest.uploads import upload_file
from store import batches
from ui.app_store import app_config, cached_import_history, current_store, latest_batch
from ui.blocks import table_of
from ui.sign_in import require
from ui.widgets import file_upload
from view_models.data_overview import history_rows
from view_models.import_data import column_help, preview_table, problem_table, too_large

actor = require("import")
config = app_config()
url, engine = current_store()
st.title("Importera data")


def _title(dataset: str) -> str:
    return DATASETS[dataset].title if dataset in DATASETS else dataset


names = list(DATASETS)
wanted = st.query_params.get("dataset")
dataset = st.selectbox(
    "Datamängd",
    names,
    index=names.index(wanted) if wanted in names else 0,
    format_func=_title,  # its Swedish title; the id stays in the link (`dataset`) and on the command line
    key="import_dataset",
    placeholder="Välj",
)
st.query_params["dataset"] = dataset
st.markdown(f"En import ersätter tidigare rader för samma **{DATASETS[dataset].scope_text}**; inget raderas.")
left, middle = st.columns(2)
left.download_button(
    "Ladda ner mall (Excel, med listor)",
    partial(template_xlsx, dataset, config),  # made when clicked
    file_name=f"mall-{dataset}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
    key=f"template_xlsx_{dataset}",
)
middle.download_button(
    "Ladda ner mall (CSV)",
    template_csv(dataset),
    file_name=f"mall-{dataset}.csv",
    mime="text/csv",
    on_click="ignore",
    key=f"template_{dataset}",
)
with st.expander("Kolumnerna och deras tillåtna värden"):
    table_of(column_help(dataset, config))


def _advance(bar: Any, rows: int, total: int) -> None:
    bar.progress(min(1.0, rows / max(1, total)), text=f"{swedish_int(rows)} av {row_words(total)}")


def handle_upload(name: str, data: bytes) -> None:
    """Validate (once per file and store version), preview, and import on confirmation."""
    if message := too_large(len(data), config):
        st.error(message)
        return
    digest = hashlib.sha256(data).hexdigest()
    done = st.session_state.setdefault("imported_uploads", {})
    key = f"{dataset}:{digest}"
    if key in done:
        st.success(inert(done[key]))
        return
    validation_key = (dataset, digest, latest_batch(engine))
    if st.session_state.get("validation", (None,))[0] != validation_key:
        with upload_file(name, data) as path:
            checked = imports.import_file(engine, config, dataset, path, actor=actor, display_name=name, dry_run=True)
        st.session_state["validation"] = (validation_key, checked)
    checked = st.session_state["validation"][1]
    if checked.outcome == "unchanged":  # the same file is already in force: nothing to import
        st.info(
            inert(
                f"{name} är redan importerad (import {checked.same_as_batch}) och gäller fortfarande. "
                "Det finns inget att importera."
            )
        )
        return
    for warning in checked.warnings:
        st.warning(inert(warning))
    if not checked.ok:
        st.error(inert(checked.summary()))
        table_of(problem_table(checked))
        if checked.problem_count > len(checked.problems):
            st.markdown(f"… och {swedish_int(checked.problem_count - len(checked.problems))} fel till.")
        return
    st.success(
        inert(
            f"{name} är korrekt: {row_words(checked.rows)} ({checked.scope_summary}). Importen lägger "
            f"till {row_words(checked.rows)} och ersätter "
            f"{row_words(checked.rows_superseded, 'tidigare')}, som finns kvar i historiken."
        )
    )
    if checked.preview is not None:
        changes = preview_table(checked.preview, config)
        st.markdown(f"**Det här ändras:** {inert(checked.preview.counts())}")
        if not changes.empty:
            table_of(changes)
            if checked.preview.changed > len(changes):
                st.caption(f"… och {checked.preview.changed - len(changes)} ändrade till.")
    confirmed = True
    if checked.questioned:  # values that look wrong but may be right: the controller confirms past them
        confirmed = st.checkbox(
            f"Jag har kontrollerat de {len(checked.questioned)} ifrågasatta värdena ovan och vill importera dem "
            "som de står",
            key=f"questioned_{digest}",
        )
    if st.button("Importera", type="primary", key=f"confirm_{digest}", disabled=not confirmed):
        bar = st.progress(0.0, text="Importerar …")

        def progress(n: int) -> None:
            bar.progress(min(1.0, n / max(1, checked.rows)), text=f"{swedish_int(n)} av {row_words(checked.rows)}")

        with upload_file(name, data) as path:
            result = imports.import_file(
                engine,
                config,
                dataset,
                path,
                actor=actor,
                display_name=name,
                progress=lambda n: _advance(bar, n, checked.rows),
            )
        bar.empty()
        if not result.ok:
            st.error(inert(result.summary()))
            return
        done[key] = result.summary()
        st.rerun()


upload = file_upload("Fil (CSV eller Excel .xlsx)", f"upload_{dataset}", config.app.max_upload_mb)
if upload is not None:
    handle_upload(upload.name, upload.getvalue())

st.header("Senaste importer")
undone = st.session_state.pop("undo_message", None)  # said below the controls, where the controller looks
latest = latest_batch(engine)
history = cached_import_history(url, latest, 20)
if not history:
    st.markdown("Inga importer ännu.")
else:
    table_of(history_rows(history), hide_index=False)
    undoable = [b for b in history if b.kind == "import" and b.undone_by_batch_id is None]

    def forget_pending_undo() -> None:
        st.session_state.pop("undo_pending", None)

    @st.dialog("Ångra import", on_dismiss=forget_pending_undo)
    def confirm_undo(batch: batches.BatchRecord) -> None:
        st.markdown(
            f"Ångra import **nr {batch.id}** ({inert(batch.source)})? Dess rader tas ur bruk och det den "
            "ersatte gäller igen. Inget raderas; ångringen syns i historiken."
        )
        yes, no = st.columns(2)
        if yes.button("Ja, ångra", type="primary"):
            forget_pending_undo()
            try:
                record = imports.undo(engine, batch.id, actor=actor)
            except batches.UndoRefused as refused:
                st.session_state["undo_message"] = ("error", str(refused))
            else:
                st.session_state["undo_message"] = ("success", f"Import {batch.id} är ångrad (nummer {record.id}).")
            st.rerun()
        if no.button("Avbryt"):
            forget_pending_undo()
            st.rerun()

    if undoable:
        choice = st.selectbox(
            "Import att ångra",
            undoable,
            key=f"undo_choice_{latest}",
            format_func=lambda b: f"nr {b.id}: {_title(b.dataset)}, {b.source} ({row_words(b.row_count)})",
            placeholder="Välj",
        )
        if st.button("Ångra vald import …"):
            st.session_state["undo_pending"] = choice.id
    pending = next((b for b in undoable if b.id == st.session_state.get("undo_pending")), None)
    if pending is not None:
        confirm_undo(pending)
if undone is not None:
    kind, message = undone
    (st.success if kind == "success" else st.error)(inert(message))

st.header("Konfigurerade källor")
if not config.sources:
    st.markdown("Inga källor är konfigurerade i `config/sources.yaml`.")
elif st.button("Hämta från alla källor"):
    for result in sync_sources(engine, config, actor=actor):
        (st.success if result.ok else st.error)(
            inert(result.summary() if result.ok else " ".join(result.messages()[:3]))
        )

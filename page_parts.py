"""Pieces every page shows the same way: the example-data banner and empty-store notices."""

from __future__ import annotations

import streamlit as st

from queries.cached import cached_dataset_overview
from queries.store_overview import shows_example_data


def example_data_banner(url: str, latest: int) -> None:
    if latest and shows_example_data(cached_dataset_overview(url, latest)):
        st.warning(
            "**Exempeldata.** Det som visas bygger på offentliga uppgifter från Malmö stad kompletterade med "
            "påhittade detaljer. Importera egna filer under *Data och importer* för att ersätta dem.",
            icon=":material/science:",
        )

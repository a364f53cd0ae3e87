"""Entry point: page setup, configuration check, who is asking and for which organisation, and the
navigation for their role there.

`streamlit run dashboard.py` imports this module, finds `app` and serves the app through the security
headers of ui/server.py; each visitor's run then executes `main()`.
"""

from __future__ import annotations

import streamlit as st

from domain.configuration import ConfigError
from store.scope import set_organisation
from ui.app_store import current_store, installation_config
from ui.navigation import first_view, pages_for, run_page
from ui.organisations import organisation_of_run
from ui.server import middleware, routes
from ui.sign_in import current_actor, sign_out_button
from ui.streamlit_page import swedish_page

CONFIGURATION_BROKEN = "Instrumentpanelen kan inte starta eftersom konfigurationen har fel. Rätta filerna och ladda om."


def main() -> None:
    st.set_page_config(page_title="IT-säkerhet – lägesbild", page_icon="🛡️", layout="wide")
    swedish_page()  # lang="sv" for screen readers, and Streamlit's own texts in Swedish
    st.session_state.pop("_actor", None)
    try:
        installation = installation_config()
    except ConfigError as problem:
        st.error(CONFIGURATION_BROKEN)
        st.code(str(problem), language=None)
        st.stop()
    set_organisation(installation.organisation.id)  # until the visitor's is known: the first one's log
    _, engine = current_store()
    signed_in = current_actor(engine, installation)
    actor = organisation_of_run(signed_in, installation, engine) if signed_in is not None else None
    if actor is None:
        # The page the address points to is kept while the visitor signs in, so they land on it after.
        st.navigation(pages_for(None), position="hidden")
        st.stop()
    st.session_state["_actor"] = actor
    if actor.kind == "open":
        st.sidebar.warning("Öppet läge: ingen inloggning är konfigurerad. Appen nås bara från den här datorn.")
    sign_out_button(actor, engine)
    page = st.navigation(pages_for(actor), expanded=True)  # every page of the role, no English 'View more'
    if st.session_state.pop("link_opened", False) and not actor.sees(page.url_path):
        st.switch_page(first_view(actor).script)  # a link limited to some views opens on the first of them
    run_page(page)


if __name__ == "__main__":  # one run of the app for one visitor
    main()
else:  # imported by `streamlit run` to serve the app
    app = st.App(__file__, middleware=middleware(), routes=routes())

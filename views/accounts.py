"""Konton (/konton): an administrator adds accounts, changes roles, disables, enables and removes them.

Every change is in the store and the access log at once, and takes effect on the user's next click in
every app process.
"""

from __future__ import annotations

import streamlit as st

from access import accounts
from domain.formatting import inert
from domain.roles import ROLE_WORDS, ROLES, ensure
from store.scope import current_organisation
from ui.app_store import current_store
from ui.blocks import table_of
from ui.sign_in import require
from view_models.accounts import account_table

actor = require("konton")
ensure(actor, "manage_accounts")
_, engine = current_store()
st.title("Konton")
st.markdown(
    "Ändringar gäller från användarens nästa klick. `config/users.yaml` läses in igen när filen ändras; "
    "det som ändras här gäller tills filen ändras nästa gång."
)
if message := st.session_state.pop("account_message", None):
    st.success(inert(message))

organisation = actor.organisation or current_organisation()
every = accounts.all_accounts(engine, organisation)
table_of(account_table(every, organisation))

with st.form("new_account", clear_on_submit=True):
    st.header("Nytt konto")
    email = st.text_input("E-post")
    name = st.text_input("Namn")
    role = st.selectbox("Roll", ROLES, format_func=ROLE_WORDS.__getitem__, placeholder="Välj")
    password = st.text_input(
        f"Lösenord (minst {accounts.MIN_PASSWORD_LENGTH} tecken; tomt för kommunens inloggning)", type="password"
    )
    if st.form_submit_button("Lägg till", type="primary"):
        if "@" not in email.strip():
            st.error("Skriv en e-postadress.")
        elif password and len(password) < accounts.MIN_PASSWORD_LENGTH:
            st.error(f"Lösenordet måste ha minst {accounts.MIN_PASSWORD_LENGTH} tecken.")
        else:
            try:
                accounts.save(
                    engine,
                    actor,
                    email.strip(),
                    create=True,
                    name=name.strip(),
                    role=role,
                    password_hash=accounts.hash_password(password) if password else None,
                )
            except accounts.AccountError as refused:
                st.error(inert(str(refused)))
            else:
                st.session_state["account_message"] = f"{email.strip()} är tillagt."
                st.rerun()

if every:
    st.subheader("Ändra ett konto")
    chosen = st.selectbox("Konto", every, format_func=lambda a: a.email, key="account_choice", placeholder="Välj")
    new_role = st.selectbox(
        "Roll",
        ROLES,
        index=ROLES.index(role_now := chosen.role_in(organisation) or "viewer"),
        format_func=ROLE_WORDS.__getitem__,
        key="account_role",
        placeholder="Välj",
    )
    role_col, state_col, remove_col = st.columns(3)
    change: tuple[str, object, str] | None = None
    if role_col.button("Byt roll", disabled=new_role == role_now):
        change = ("role", new_role, f"{chosen.email} har nu rollen {ROLE_WORDS[new_role]}.")
    if state_col.button("Öppna kontot" if chosen.disabled else "Stäng av kontot"):
        change = ("disabled", not chosen.disabled, f"{chosen.email} är {'öppnat' if chosen.disabled else 'avstängt'}.")
    if remove_col.button("Ta bort kontot"):
        accounts.remove(engine, actor, chosen.email)
        st.session_state["account_message"] = f"{chosen.email} är borttaget."
        st.rerun()
    if change is not None:
        field, value, said = change
        if field == "role":
            accounts.save(engine, actor, chosen.email, role=str(value))
        else:
            accounts.save(engine, actor, chosen.email, disabled=bool(value))
        st.session_state["account_message"] = said
        st.rerun()

"""Pure rules and calculations of the domain: no streamlit, no SQL; each unit-tested on small frames."""

"""Altair chart builders: small pure functions from small frames to charts, with one theme."""

from altair.utils import schemapi

# Altair checks each schema object against the Vega-Lite schema as it is made (its "debug mode"): half
# the time of building a chart, on every view's run. The builders are fixed code, and tests/charts
# validates every builder's whole spec against the schema.
schemapi.disable_debug_mode()

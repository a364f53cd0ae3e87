"""Read-only questions to the store, each aggregated in SQL and answered as of a batch (None: now)."""

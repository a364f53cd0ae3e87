"""`python -m data_sources …`: the command line as the data contract names it (see __main__.py). The
product's I/O lives in store/, ingest/ and access/."""

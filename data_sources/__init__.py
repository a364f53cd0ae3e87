"""All I/O of the product: the store, readers, importers and sources."""

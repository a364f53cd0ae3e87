"""An upload as a file for the readers, only while they read it.

The bytes stay in the visitor's session (Streamlit keeps them with the file uploader); each validation or
import writes them to a private folder (0700) as a file only the app's user may read (0600), and removes
folder and file when it ends, whatever happens. Nothing of an upload is left on disk between clicks, and
an abandoned preview leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def upload_file(name: str, data: bytes) -> Iterator[Path]:
    """The upload under a fixed name with the user's suffix (never the user's file name)."""
    folder = Path(tempfile.mkdtemp(prefix="dashboard-upload-"))
    try:
        path = folder / f"upload{Path(name).suffix.casefold()[:8]}"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)

"""Uploaded files kept on disk while the import page validates and imports them."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

UPLOAD_DIR = Path(tempfile.gettempdir()) / "dashboard-uploads"


def keep_upload(name: str, data: bytes) -> Path:
    """Save an upload under its content hash (never under the user's file name) for validation and import."""
    UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    suffix = Path(name).suffix.casefold()[:8]
    path = UPLOAD_DIR / f"{hashlib.sha256(data).hexdigest()}{suffix}"
    if not path.exists():
        path.write_bytes(data)
    return path

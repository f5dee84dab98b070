"""The data directory: where the database, the evidence store and the keys live.

Secrets are generated on first run with file mode 0600, or supplied from outside through an
environment variable or a ``*_FILE`` path. Nothing here imports Django, so the CLI can prepare
a data directory before Django is configured.
"""

from __future__ import annotations

import base64
import os
import secrets
import stat
import sys
import tempfile
from pathlib import Path

from inquiry.errors import ConfigurationError

__all__ = ["data_dir", "read_secret", "ensure_secret_file", "write_private"]

DEFAULT_DIR = "inquiry-data"


def data_dir() -> Path:
    """The data directory, created if missing (``INQUIRY_DATA_DIR`` or ``./inquiry-data``).

    Under pytest with no directory given, a fresh temporary one is used, so a test run never
    touches a real deployment's keys.
    """
    configured = os.environ.get("INQUIRY_DATA_DIR")
    if not configured and "pytest" in sys.modules:
        configured = os.environ["INQUIRY_DATA_DIR"] = tempfile.mkdtemp(prefix="inquiry-test-")
    path = Path(configured or DEFAULT_DIR).expanduser().resolve()
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise ConfigurationError(detail=f"cannot create the data directory {path}: {exc.strerror}") from exc
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by its owner only, atomically (no window with wider permissions)."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def read_secret(name: str) -> str | None:
    """A secret from ``NAME`` or from the file named by ``NAME_FILE``; None when neither is set."""
    value = os.environ.get(name)
    file_name = os.environ.get(f"{name}_FILE")
    if value and file_name:
        raise ConfigurationError(detail=f"set either {name} or {name}_FILE, not both")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigurationError(detail=f"{name}_FILE cannot be read: {exc.strerror}") from exc
    return value or None


def ensure_secret_file(path: Path, *, nbytes: int = 32) -> str:
    """Return the secret stored in ``path``, generating it (0600) on first use."""
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise ConfigurationError(
                detail=f"{path} is readable by other users (mode {mode:o}); run chmod 600 on it"
            )
        return path.read_text(encoding="ascii").strip()
    value = base64.urlsafe_b64encode(secrets.token_bytes(nbytes)).decode("ascii")
    write_private(path, value.encode("ascii") + b"\n")
    return value

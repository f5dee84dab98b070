"""The master key: where it comes from, its versions, and how a new version replaces the old.

The master key never sits in the database. It comes from, in this order:

1. ``INQUIRY_VAULT_KEY`` (the key itself, base64) or ``INQUIRY_VAULT_KEY_FILE`` (a file holding it);
2. otherwise ``settings.VAULT_KEY_FILE`` in the data directory, generated (mode 0600) on first use.

A key file holds one line per version, ``<version> <base64 key>``; a bare base64 line is version 1.
Several lines exist only during a rotation: the new version is added first, everything is re-wrapped,
and then the old lines are destroyed (see :func:`inquiry.vault.services.vault_rotate_key`).
"""

from __future__ import annotations

import base64
import binascii
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from inquiry.datadir import read_secret, write_private
from inquiry.errors import ConfigurationError
from inquiry.vault.crypto import KEY_BYTES, new_key
from inquiry.vault.errors import VaultKeyError

__all__ = ["Keyring", "load_keyring", "key_file_path", "write_keyring"]

ENV_KEY = "INQUIRY_VAULT_KEY"
ENV_KEY_FILE = "INQUIRY_VAULT_KEY_FILE"
_HEADER = (
    "# Inquiry vault master key. Keep a copy apart from the backups: without it no identity and no\n"
    "# evidence can be decrypted, and a backup never contains it. One line per version.\n"
)


@dataclass(frozen=True)
class Keyring:
    versions: dict[int, bytes] = field(repr=False)
    origin: str  # where it came from, for messages (never the key itself)
    path: Path | None  # the file rotation rewrites; None when given literally in the environment

    @property
    def current(self) -> int:
        return max(self.versions)

    def key(self, version: int) -> bytes:
        try:
            return self.versions[version]
        except KeyError:
            raise VaultKeyError(
                detail=(
                    f"this record was wrapped with master key version {version}, which {self.origin} does not hold "
                    f"(it holds {self.describe()}); the version was destroyed after an erasure, or the key "
                    "belongs to another deployment"
                )
            ) from None

    def describe(self) -> str:
        return ", ".join(f"v{v}" for v in sorted(self.versions))


def key_file_path() -> Path:
    return Path(settings.VAULT_KEY_FILE)


def _decode_key(text: str, origin: str) -> bytes:
    try:
        raw = base64.b64decode(
            text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4), validate=True
        )
    except (binascii.Error, ValueError):
        raise ConfigurationError(detail=f"{origin} does not hold a base64 key") from None
    if len(raw) != KEY_BYTES:
        raise ConfigurationError(
            detail=f"{origin} holds a {len(raw)}-byte key; the vault needs {KEY_BYTES} bytes"
        )
    return raw


def parse_keyring(text: str, origin: str) -> dict[int, bytes]:
    versions: dict[int, bytes] = {}
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.replace(":", " ").split()
        if len(parts) == 1:
            version, encoded = 1, parts[0]
        elif len(parts) == 2 and parts[0].isdigit() and int(parts[0]) > 0:
            version, encoded = int(parts[0]), parts[1]
        else:
            raise ConfigurationError(detail=f"{origin} has a line that is not '<version> <base64 key>'")
        if version in versions:
            raise ConfigurationError(detail=f"{origin} holds version {version} twice")
        versions[version] = _decode_key(encoded, origin)
    if not versions:
        raise ConfigurationError(detail=f"{origin} holds no key")
    return versions


def format_keyring(versions: dict[int, bytes]) -> bytes:
    lines = [f"{v} {base64.urlsafe_b64encode(versions[v]).decode('ascii')}" for v in sorted(versions)]
    return (_HEADER + "\n".join(lines) + "\n").encode("ascii")


def _check_private(path: Path) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise ConfigurationError(
            detail=f"{path} is readable by other users (mode {mode:o}); run chmod 600 on it"
        )


def _create_key_file(path: Path) -> None:
    """Create a version-1 key file unless another process won the race (link fails if it exists)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.new")
    write_private(tmp, format_keyring({1: new_key()}))
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)


def _vault_holds_wrapped_keys() -> bool:
    from inquiry.evidence.models import EvidenceFile, WorkingCopy
    from inquiry.vault.models import Witness

    return (
        Witness.objects.filter(wrapped_key__isnull=False).exists()
        or EvidenceFile.objects.filter(wrapped_key__isnull=False).exists()
        or WorkingCopy.objects.filter(wrapped_key__isnull=False).exists()
    )


def load_keyring(*, create: bool = True) -> Keyring:
    """The master keyring, read fresh on every call (tests and rotation change it under our feet)."""
    secret = read_secret(ENV_KEY)
    if secret is not None:
        file_name = os.environ.get(ENV_KEY_FILE)
        if file_name:
            return Keyring(
                parse_keyring(secret, ENV_KEY_FILE), f"{ENV_KEY_FILE} ({file_name})", Path(file_name)
            )
        return Keyring(parse_keyring(secret, ENV_KEY), ENV_KEY, None)
    path = key_file_path()
    if not path.exists():
        if not create:
            raise VaultKeyError(detail=f"there is no key file at {path} and {ENV_KEY} is not set")
        if _vault_holds_wrapped_keys():
            # A fresh key would silently orphan every stored key; the operator must bring the old one back.
            raise VaultKeyError(
                detail=(
                    f"the key file {path} is missing but the database holds wrapped keys; put the deployment's "
                    f"key file back there (or set {ENV_KEY_FILE}) instead of letting a new key be generated"
                )
            )
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _create_key_file(path)
    _check_private(path)
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(detail=f"the vault key file {path} cannot be read: {exc}") from None
    return Keyring(parse_keyring(text, str(path)), str(path), path)


def rotation_target(ring: Keyring) -> Path:
    """The file a rotation will rewrite; refuses, before anything changes, when there is none."""
    if ring.path is None:
        raise ConfigurationError(
            detail=(
                f"the vault master key is given literally in {ENV_KEY}, which this program cannot rewrite, so it "
                "cannot rotate the key; erasing without rotation would leave the witness readable from earlier "
                f"backups. Give the key through {ENV_KEY_FILE} naming a file this service may write (or unset "
                f"{ENV_KEY} to use {key_file_path()}), then try again"
            )
        )
    if not _writable(ring.path):
        raise ConfigurationError(
            detail=(
                f"the vault key file {ring.path} (or its folder) is not writable, so the master key cannot be "
                "rotated; make it writable by this service (a read-only secret mount cannot be rotated), then try again"
            )
        )
    return ring.path


def _writable(path: Path) -> bool:
    """Probe by doing what a rotation does (os.access says yes to root even on a read-only mount)."""
    probe = path.with_name(f"{path.name}.{os.getpid()}.probe")
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_APPEND))
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        probe.unlink()
        return True
    except OSError:
        return False


def write_keyring(path: Path, versions: dict[int, bytes]) -> None:
    try:
        write_private(path, format_keyring(versions))
    except OSError as exc:
        raise ConfigurationError(
            detail=f"the vault key file {path} cannot be written: {exc.strerror}"
        ) from exc

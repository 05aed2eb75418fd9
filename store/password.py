"""The shop's password, needed only when the app is served beyond this computer.

Only a salted hash is kept: scrypt (Percival & Josefsson, RFC 7914) with n=2^14, r=8, p=1, a
memory-hard function that makes each guess cost about 16 MB (128 x r x n bytes). The hash
comes from the environment variable COMPTOIR_PASSWORD_HASH when set (for a server whose files are
read-only), else from the file ``comptoir.password`` beside the database, readable by its owner
only. ``python -m store.password`` asks for a password twice and writes that file.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import os
import secrets
import sys
from pathlib import Path

from store.db import default_path

ENV_VAR = "COMPTOIR_PASSWORD_HASH"
FILE_NAME = "comptoir.password"
N, R, P = 2**14, 8, 1
MIN_LENGTH = 10


def password_file() -> Path:
    return default_path().parent / FILE_NAME


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r, dklen=32)


def hash_password(password: str) -> str:
    """'scrypt$n$r$p$salt$hash' (base64): a fresh random salt every time."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, N, R, P)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def verify(password: str, stored: str) -> bool:
    """Whether ``password`` gives ``stored``; compared in constant time, never raises."""
    try:
        scheme, n, r, p, salt, digest = stored.strip().split("$")
        if scheme != "scrypt":
            return False
        computed = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
        return hmac.compare_digest(computed, base64.b64decode(digest))
    except (ValueError, TypeError):
        return False


def stored_hash() -> str | None:
    """The hash from COMPTOIR_PASSWORD_HASH, else from the password file; None if neither."""
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    path = password_file()
    return path.read_text(encoding="ascii").strip() if path.is_file() else None


def save(password: str, path: Path | None = None) -> Path:
    """Write the hash of ``password`` to the password file, readable by its owner only."""
    target = path or password_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(hash_password(password) + "\n")
    os.chmod(target, 0o600)  # also when the file existed with wider rights
    return target


def main(argv: list[str] | None = None) -> int:
    """``python -m store.password``: ask the shop's password twice and store its hash."""
    if set(argv if argv is not None else sys.argv[1:]) & {"-h", "--help"}:
        print("python -m store.password : choisit le mot de passe demandé quand Comptoir écoute "
              "sur une autre adresse que 127.0.0.1 (il est enregistré haché).")
        return 0
    try:
        first = getpass.getpass("Mot de passe de la boutique : ")
        second = getpass.getpass("Encore une fois : ") if len(first) >= MIN_LENGTH else ""
    except (EOFError, KeyboardInterrupt):
        print("\nAucun mot de passe saisi : rien n'a changé.", file=sys.stderr)
        return 2
    if len(first) < MIN_LENGTH:
        print(f"Choisissez au moins {MIN_LENGTH} caractères.", file=sys.stderr)
        return 2
    if second != first:
        print("Les deux saisies diffèrent : rien n'a changé.", file=sys.stderr)
        return 2
    print(f"Mot de passe enregistré (haché) dans {save(first)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

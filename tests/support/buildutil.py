"""Running the real `dossier` command in a test repository (shared by the build tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def dossier(repo: Path, *args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dossier", *args], cwd=repo, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "DOSSIER_LANG": "en", **(env or {})}, **kwargs)

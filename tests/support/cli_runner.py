"""Running `dossier` commands in-process (click's CliRunner) from a given folder: the one helper
every CLI test uses. Returns (exit code, stdout, stderr)."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner
from dossier.cli import main


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, env=env, input=stdin)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr

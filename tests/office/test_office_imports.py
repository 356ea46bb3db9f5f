"""The office libraries are loaded only by the commands that use them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_validate_and_status_never_import_the_office_libraries(tmp_path: Path) -> None:
    code = ("import sys\nfrom click.testing import CliRunner\nfrom dossier.cli import main\n"
            "for args in (['validate'], ['status', '--format', 'json']):\n"
            "    r = CliRunner().invoke(main, args)\n    assert r.exit_code == 0, r.output\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'openpyxl', 'pythainlp', 'dossier.office')"
            " or m.startswith('dossier.office')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    # the probe sees them when a command does use them
    code = code.replace("(['validate'], ['status', '--format', 'json'])", "(['export', '--to', 'form', '-o', sys.argv[1]],)")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "dossier.office.form" in result.stdout and "openpyxl" not in result.stdout
    assert "pythainlp" not in result.stdout  # words are counted with nlpo3 (pythainlp: tests only)

"""`dossier validate` as users and CI run it: exit codes, formats, languages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support.cli_runner import run

ROOT = Path(__file__).resolve().parents[2]
PROBES = ROOT / "tests" / "load" / "probes"
CASES = ROOT / "tests" / "validate" / "cases"




def test_the_bundled_projects_are_valid_with_a_one_line_summary() -> None:
    code, out, err = run(["validate", "--lang", "en"], ROOT)
    assert code == 0, out
    assert out == ""
    assert err.strip() == "checked 8 files: 8 valid, 0 errors, 0 warnings"


def test_problems_are_located_with_a_hint_and_exit_1(repo: Path) -> None:
    (repo / "projects" / "young.yaml").write_text((CASES / "too-young.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(["validate", "--lang", "th"], repo)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == ("projects/young.yaml:8:1: error: [min-running-time] โครงการนี้เริ่ม ๑ มิ.ย. ๒๕๖๓ "
                        "ดำเนินการมา ๖ เดือน ณ วันตัดยอด ๓๑ ธ.ค. ๒๕๖๓ ต้องไม่น้อยกว่า ๑ ปี")
    assert lines[1].startswith("    วิธีแก้: ")
    assert lines[2].startswith("    ที่มา: ")


def test_json_format_carries_both_languages(repo: Path) -> None:
    (repo / "projects" / "typo.yaml").write_text((CASES / "typo-section-key.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(["validate", "--format", "json"], repo)
    assert code == 1
    items = json.loads(out)
    typo = next(i for i in items if i["code"] == "unknown-key")
    assert (typo["file"], typo["line"], typo["column"], typo["severity"]) == ("projects/typo.yaml", 17, 3, "error")
    assert 'did you mean "background"' in typo["message_en"] and "หมายถึง" in typo["message_th"]


def test_github_format_annotates_the_line(repo: Path) -> None:
    (repo / "projects" / "typo.yaml").write_text((CASES / "typo-section-key.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    _, out, _ = run(["validate", "--format", "github", "--lang", "en"], repo)
    assert "::error file=projects/typo.yaml,line=17,col=3,title=[unknown-key]::unknown key" in out


def test_warnings_pass_unless_strict(repo: Path) -> None:
    (repo / "projects" / "w.yaml").write_text((CASES / "results-level.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert run(["validate"], repo)[0] == 0
    assert run(["validate", "--strict"], repo)[0] == 1


def test_usage_errors_exit_2(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> None:
    assert run(["validate", "no-such-file.yaml"], repo)[0] == 2
    assert run(["validate", "--format", "xml"], repo)[0] == 2
    outside = tmp_path_factory.mktemp("elsewhere")
    code, out, _ = run(["validate", "--lang", "en"], outside)
    assert code == 2 and "no dossier.yaml" in out


def test_an_empty_projects_folder_is_explained(repo: Path) -> None:
    code, out, _ = run(["validate", "--lang", "en"], repo)
    assert code == 1 and "no project files" in out


def test_a_broken_province_file_is_located(repo: Path) -> None:
    (repo / "dossier.yaml").write_text("province: สมุทรสงคราม\nedition: 2564\ncutoff: 31 กุมภาพันธ์ 2563\n", encoding="utf-8")
    code, out, _ = run(["validate", "--lang", "en"], repo)
    assert code == 1 and out.startswith("dossier.yaml:3:9: error: [date-impossible]")


@pytest.mark.parametrize("probe", sorted(p.name for p in PROBES.glob("*.yaml")))
def test_probes_through_the_real_command_never_show_a_traceback(probe: str) -> None:
    result = subprocess.run([sys.executable, "-m", "dossier", "validate", str(PROBES / probe)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert re.match(rf"{re.escape(str(PROBES / probe))}:\d+:\d+: error: \[", result.stdout), result.stdout


def test_validate_never_imports_weasyprint() -> None:
    code = ("import sys\nfrom click.testing import CliRunner\nfrom dossier.cli import main\n"
            "r = CliRunner().invoke(main, ['validate'])\nassert r.exit_code == 0, r.output\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'pydyf', 'fontTools', 'PIL')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_help_explains_with_examples() -> None:
    code, out, _ = run(["validate", "--help"], ROOT)
    assert code == 0 and "Examples / ตัวอย่าง" in out and "dossier validate projects/mangrove.yaml" in out


def test_draft_turns_what_is_still_to_write_into_warnings(repo: Path) -> None:
    (repo / "projects" / "new.yaml").write_text((CASES / "still-to-write.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(["validate", "--lang", "en"], repo)
    assert code == 1 and out.count(": error: [field-to-write]") == 1 and out.count(": error: [section-to-write]") == 1
    code, out, _ = run(["validate", "--lang", "en", "--draft"], repo)
    assert code == 0 and ": warning: [section-to-write]" in out and ": error:" not in out


def test_fix_corrects_thai_typing_in_place_and_only_when_asked(repo: Path) -> None:
    path = repo / "projects" / "typed.yaml"
    typed = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8").replace("ชุมชนร่วมปลูกป่าชายเลน", "ชุมชนเเละน\u0e4d\u0e32")
    path.write_text(typed, encoding="utf-8")
    code, out, _ = run(["validate", "--lang", "en"], repo)
    assert code == 0 and out.count("[thai-typing]") == 2
    assert path.read_text(encoding="utf-8") == typed  # validation alone never writes
    code, out, err = run(["validate", "--lang", "en", "--fix"], repo)
    assert code == 0 and "[thai-typing]" not in out and "fixed projects/typed.yaml: 2 corrections" in err
    assert "summary: ชุมชนและนำ\n" in path.read_text(encoding="utf-8")

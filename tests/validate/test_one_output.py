"""One input, one output: two project files that would write the same PDF, or a project named
like the tool's own outputs (the book, a draft), are located errors before anything renders, in
``dossier validate`` and ``dossier build`` alike. The inputs are tests/hostile/collisions/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.cli_runner import run

COLLISIONS = Path(__file__).parents[1] / "hostile" / "collisions"
EXPECTED = {  # file → the code it must get (mangrove.yaml gets none)
    "projects/twin.yaml": "output-collision",
    "projects/twin.yml": "output-collision",
    "projects/canals.yaml": "output-collision",
    "projects/canals.draft.yaml": "output-reserved",
    "projects/สมุทรสงคราม-2564.yaml": "output-reserved",
}


@pytest.fixture
def crowded(repo: Path) -> Path:
    for path in COLLISIONS.iterdir():
        shutil.copy(path, repo / "projects" / path.name)
    return repo


def located(stdout: str) -> dict[str, str]:
    """file → code of every output-* problem printed, each about the file as a whole (no line)."""
    found = {}
    for line in stdout.splitlines():
        if ": error: [output-" in line:
            place, _, rest = line.partition(": error: [")
            assert not place.endswith(":1:1"), line
            found[place] = rest.split("]")[0]
    return found


def test_validate_names_every_input_that_shares_an_output(crowded: Path) -> None:
    code, out, _err = run(["validate", "--lang", "en"], crowded)
    assert code == 1
    assert located(out) == EXPECTED
    assert "projects/twin.yaml and projects/twin.yml would both write twin.pdf" in out
    assert "projects/canals.yaml and projects/canals.draft.yaml would both write canals.draft.pdf" in out
    assert "would write สมุทรสงคราม-2564.pdf, a name the tool keeps for the province's book" in out
    assert "rename or delete one of them" in out  # the hint


def test_validating_one_file_still_sees_its_twin(crowded: Path) -> None:
    code, out, _err = run(["validate", "--lang", "en", "projects/twin.yml"], crowded)
    assert code == 1 and located(out) == {"projects/twin.yml": "output-collision"}
    code, out, _err = run(["validate", "--lang", "en", "projects/mangrove.yaml"], crowded)
    assert code == 0 and located(out) == {}


def test_thai_message(crowded: Path) -> None:
    code, out, _err = run(["validate", "--lang", "th", "projects/twin.yml"], crowded)
    assert code == 1 and "จะเขียนลงไฟล์ผลลัพธ์เดียวกัน twin.pdf" in out and "เปลี่ยนชื่อไฟล์" in out


def test_build_refuses_before_anything_renders(crowded: Path) -> None:
    code, out, _err = run(["build", "--draft", "-j1", "--lang", "en"], crowded)
    assert code == 1
    assert located(out) == EXPECTED
    assert not list(crowded.glob("build/*.pdf"))  # nothing rendered, nothing replaced


def test_build_of_one_named_twin_is_refused_too(crowded: Path) -> None:
    code, out, _err = run(["build", "-j1", "--no-book", "--lang", "en", "projects/twin.yml"], crowded)
    assert code == 1 and located(out) == {"projects/twin.yml": "output-collision"}
    assert not list(crowded.glob("build/*.pdf"))


def test_names_differing_only_in_case_share_an_output_and_distinct_names_do_not(repo: Path, valid_text: str) -> None:
    for name in ("a.yaml", "b.yml", "a-b.yaml", "draft.yaml", "mangrove.yaml"):
        (repo / "projects" / name).write_text(valid_text, encoding="utf-8")
    code, out, _err = run(["validate", "--lang", "en"], repo)
    assert code == 0, out
    (repo / "projects" / "Mangrove.yaml").write_text(valid_text, encoding="utf-8")
    code, out, _err = run(["validate", "--lang", "en"], repo)
    assert code == 1 and located(out) == {"projects/Mangrove.yaml": "output-collision",
                                          "projects/mangrove.yaml": "output-collision"}

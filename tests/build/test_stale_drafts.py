"""Drafts and finals: a valid project's dossier is one document with or without --draft (made
once), and a fixed project's draft goes away when its final dossier is current (issue 14, item 6).
Real builds of a small repository, read back from the build's outcome and the manifest."""

from __future__ import annotations

import json
from pathlib import Path

from support.buildutil import dossier

from dossier.build.manifest import MANIFEST
from dossier.build.pipeline import Options, Outcome, build
from dossier.workspace import open_workspace

BOOK = "สมุทรสงคราม-2564"


def run(repo: Path, draft: bool) -> Outcome:
    ws = open_workspace(repo)
    return build(ws, ws.project_files(None), Options(repo / "build", draft=draft, jobs=1))


def manifest(repo: Path) -> dict[str, dict]:
    return json.loads((repo / "build" / MANIFEST).read_text(encoding="utf-8"))["entries"]


def test_switching_between_build_and_build_draft_renders_nothing_again(small_repo: Path) -> None:
    first = run(small_repo, draft=False)
    assert sorted(b.rendered.path.name for b in first.built) == ["alpha.pdf", "beta.pdf"]
    assert first.book is not None and first.book.path.name == f"{BOOK}.pdf"
    keys = {name: entry["key"] for name, entry in manifest(small_repo).items()}
    pdfs = {p.name: p.read_bytes() for p in (small_repo / "build").glob("*.pdf")}

    for draft in (True, False, True):
        again = run(small_repo, draft=draft)
        assert again.built == [] and again.book is None, draft  # nothing rendered, the book not merged again
        assert sorted(f.path.name for f in again.fresh) == ["alpha.pdf", "beta.pdf"]
        assert again.book_fresh and again.book_path == small_repo / "build" / f"{BOOK}.pdf"
        assert {name: entry["key"] for name, entry in manifest(small_repo).items()} == keys
        assert {p.name: p.read_bytes() for p in (small_repo / "build").glob("*.pdf")} == pdfs

    # the command line too: `build --draft` after `build` is told up to date without rendering
    done = dossier(small_repo, "build", "--draft", "-j", "1")
    assert done.returncode == 0, done.stderr
    assert "built 0 PDFs" in done.stderr and "2 up to date" in done.stderr, done.stderr


def test_a_fixed_projects_draft_and_the_draft_book_are_removed(small_repo: Path) -> None:
    alpha = small_repo / "projects" / "alpha.yaml"
    good = alpha.read_text(encoding="utf-8")
    alpha.write_text(good.replace("started: 1 มิถุนายน 2561", "started: 1 มิถุนายน 2563"), encoding="utf-8")
    out = small_repo / "build"
    (out).mkdir()
    (out / "beta.draft.pdf").write_bytes(b"a file of the same name the tool did not make")

    broken = run(small_repo, draft=True)
    assert sorted(b.rendered.path.name for b in broken.built) == ["alpha.draft.pdf", "beta.pdf"]
    assert broken.book_path == out / f"{BOOK}.draft.pdf" and broken.removed == []
    assert {"alpha.draft.pdf", f"{BOOK}.draft.pdf"} <= set(manifest(small_repo))

    alpha.write_text(good, encoding="utf-8")  # fixed
    fixed = run(small_repo, draft=True)
    assert [b.rendered.path.name for b in fixed.built] == ["alpha.pdf"]
    assert [f.path.name for f in fixed.fresh] == ["beta.pdf"]
    assert fixed.book_path == out / f"{BOOK}.pdf"
    assert sorted(p.name for p in fixed.removed) == sorted(["alpha.draft.pdf", f"{BOOK}.draft.pdf"])
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(["alpha.pdf", "beta.pdf", "beta.draft.pdf", f"{BOOK}.pdf"])
    assert (out / "beta.draft.pdf").read_bytes().startswith(b"a file of the same name")  # not the tool's: kept
    assert not any(name.endswith(".draft.pdf") for name in manifest(small_repo))
    assert [p.name for p in fixed.current()] == ["alpha.pdf", "beta.pdf", f"{BOOK}.pdf"]


def test_a_draft_goes_away_also_when_the_final_dossier_was_already_up_to_date(small_repo: Path) -> None:
    """valid → broken (draft) → the edit undone: the final dossier is up to date again, not
    rendered, and its draft is removed all the same."""
    run(small_repo, draft=False)
    alpha = small_repo / "projects" / "alpha.yaml"
    good = alpha.read_text(encoding="utf-8")
    alpha.write_text(good.replace("status: ongoing", "status: completed"), encoding="utf-8")
    broken = run(small_repo, draft=True)
    assert [b.rendered.path.name for b in broken.built] == ["alpha.draft.pdf"]
    alpha.write_text(good, encoding="utf-8")
    undone = run(small_repo, draft=True)
    assert undone.built == [] and sorted(f.path.name for f in undone.fresh) == ["alpha.pdf", "beta.pdf"]
    assert undone.book_fresh and sorted(p.name for p in undone.removed) == sorted(["alpha.draft.pdf", f"{BOOK}.draft.pdf"])
    assert sorted(p.name for p in (small_repo / "build").glob("*.pdf")) == sorted(["alpha.pdf", "beta.pdf", f"{BOOK}.pdf"])


def test_the_command_says_which_stale_drafts_it_removed(small_repo: Path) -> None:
    beta = small_repo / "projects" / "beta.yaml"
    good = beta.read_text(encoding="utf-8")
    beta.write_text(good.replace("status: ongoing", "status: completed"), encoding="utf-8")
    done = dossier(small_repo, "build", "--draft", "-j", "1")
    assert done.returncode == 1 and (small_repo / "build" / "beta.draft.pdf").exists(), done.stderr
    beta.write_text(good, encoding="utf-8")
    done = dossier(small_repo, "build", "-j", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "removed the stale draft build/beta.draft.pdf" in done.stderr
    assert f"removed the stale draft build/{BOOK}.draft.pdf" in done.stderr
    assert not list((small_repo / "build").glob("*.draft.pdf"))

"""A build tells what happens through a typed observer (``dossier.build.events``): one method per
event, in the projects' order, and its outcome names every file it left current. Real builds of a
small repository, observed by a subclass that overrides some events and not others."""

from __future__ import annotations

from pathlib import Path

from dossier.build.events import BuildObserver
from dossier.build.outcome import Built, Fresh
from dossier.build.pipeline import Options, build
from dossier.render.pdf import Rendered
from dossier.validate import Checked
from dossier.workspace import open_workspace

BOOK = "สมุทรสงคราม-2564.pdf"


class Recorder(BuildObserver):
    """Every event it is told, except those it leaves to the no-op defaults (tick, failed...)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def checked(self, item: Checked) -> None:
        self.events.append(("checked", Path(item.file).name))

    def fresh(self, fresh: Fresh) -> None:
        self.events.append(("fresh", fresh.path.name))

    def rendering(self, count: int) -> None:
        self.events.append(("rendering", count))

    def rendered(self, built: Built) -> None:
        self.events.append(("rendered", built.rendered.path.name))

    def book(self, rendered: Rendered) -> None:
        self.events.append(("book", rendered.path.name))

    def book_fresh(self, path: Path) -> None:
        self.events.append(("book-fresh", path.name))


def observed(repo: Path) -> tuple[list[tuple[str, object]], list[Path]]:
    ws = open_workspace(repo)
    recorder = Recorder()
    outcome = build(ws, ws.project_files(None), Options(repo / "build", jobs=1), recorder)
    return recorder.events, outcome.current()


def test_a_build_tells_each_step_to_its_observer_in_the_projects_order(small_repo: Path) -> None:
    events, current = observed(small_repo)
    assert events == [("checked", "alpha.yaml"), ("checked", "beta.yaml"), ("rendering", 2),
                      ("rendered", "alpha.pdf"), ("rendered", "beta.pdf"), ("book", BOOK)]
    out = small_repo / "build"
    assert current == [out / "alpha.pdf", out / "beta.pdf", out / BOOK] and all(p.is_file() for p in current)


def test_a_build_with_nothing_to_do_tells_what_it_kept(small_repo: Path) -> None:
    observed(small_repo)
    events, current = observed(small_repo)
    assert events == [("fresh", "alpha.pdf"), ("fresh", "beta.pdf"), ("book-fresh", BOOK)]
    out = small_repo / "build"
    assert current == [out / "alpha.pdf", out / "beta.pdf", out / BOOK]


def test_the_observer_is_optional() -> None:
    assert all(getattr(BuildObserver(), name)(*args) is None for name, args in [
        ("tick", ()), ("rendering", (1,)), ("book_failed", ([],)), ("lock_taken_over", (123,))])

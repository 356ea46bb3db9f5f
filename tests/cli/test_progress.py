"""Progress of a build: a live bar on a terminal, plain lines otherwise, nothing when quiet."""

from __future__ import annotations

import pytest

from dossier.cli.progress import Display


def test_plain_lines_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    screen = Display(quiet=False, live=False)
    screen.start(3, "rendering")
    screen.advance()
    screen.line("✓ projects/a.yaml → build/a.pdf (8 pages, 0.7 s)")
    screen.stop()
    assert capsys.readouterr().err == "✓ projects/a.yaml → build/a.pdf (8 pages, 0.7 s)\n"


def test_quiet_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    screen = Display(quiet=True)
    screen.start(3, "rendering")
    screen.line("anything")
    screen.stop()
    assert capsys.readouterr() == ("", "")


def test_a_terminal_gets_a_bar_and_the_lines_above_it(capsys: pytest.CaptureFixture[str]) -> None:
    screen = Display(quiet=False, live=True)
    screen.start(2, "rendering")
    assert screen._progress is not None  # a rich Progress is running
    screen.advance()
    screen.line("✓ projects/a.yaml")
    screen.advance()
    screen.stop()
    assert "✓ projects/a.yaml" in capsys.readouterr().err

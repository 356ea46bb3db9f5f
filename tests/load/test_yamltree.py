"""The loader: positions, YAML 1.1 traps, and every way a person gets YAML wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.load import Mapping, Scalar, load_source, load_text, locate, to_plain

PROBES = Path(__file__).parent / "probes"


def codes(text: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in load_text(text, "p.yaml").diagnostics]


@pytest.mark.parametrize(
    ("probe", "expected"),
    [
        ("duplicate-key.yaml", (2, 1, "yaml-duplicate-key")),
        ("empty.yaml", (1, 1, "empty-file")),
        ("tab-indent.yaml", (3, 1, "yaml-tab")),
        ("top-level-list.yaml", (1, 1, "not-a-mapping")),
        ("unclosed-quote.yaml", (1, 8, "yaml-unclosed")),
    ],
)
def test_each_shared_probe_gives_a_located_problem(probe: str, expected: tuple[int, int, str]) -> None:
    source = load_source(PROBES / probe, f"probes/{probe}")
    assert [(d.line, d.column, d.code) for d in source.diagnostics] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [1, 2\nb: 3\n", (1, 4, "yaml-unclosed")),
        ("a: {b: 1\n", (1, 4, "yaml-unclosed")),
        ("a: 'oops\n", (1, 4, "yaml-unclosed")),
        ("a: b: c\n", (1, 5, "yaml-syntax")),
        ("a:\n  - x\n b: 2\n", (3, 2, "yaml-syntax")),
        ("x: &a [1]\ny: *a\n", (1, 4, "yaml-alias")),
        ("base: &b {a: 1}\nother:\n  <<: *b\n", (3, 3, "yaml-alias")),
        ("a: 1\n---\nb: 2\n", (3, 1, "yaml-multiple-documents")),
        ("just text\n", (1, 1, "not-a-mapping")),
        ("# only a comment\n", (1, 1, "empty-file")),
        ("~\n", (1, 1, "empty-file")),
        ("[a, b]: 1\n", (1, 1, "yaml-bad-key")),
    ],
)
def test_broken_yaml_is_located(text: str, expected: tuple[int, int, str]) -> None:
    assert codes(text) == [expected]


def test_alias_bomb_is_refused_at_once() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    assert [d.code for d in load_text("\n".join(lines) + "\n", "bomb.yaml").diagnostics] == ["yaml-alias"]


def test_deep_nesting_is_refused_with_the_limit() -> None:
    text = "a: " + "[" * 200 + "]" * 200 + "\n"
    diagnostics = load_text(text, "deep.yaml").diagnostics
    assert [d.code for d in diagnostics] == ["yaml-too-deep"]
    assert diagnostics[0].args["limit"] == 64


def test_yaml_11_traps_stay_text() -> None:
    root = load_text("a: no\nb: 0012\nc: 2563-10-20\nd: 1:30\ne: 1.10\non: yes\nf: ~\n", "t.yaml").root
    assert to_plain(root) == {"a": "no", "b": "0012", "c": "2563-10-20", "d": "1:30", "e": "1.10", "on": "yes", "f": None}


def test_positions_of_keys_and_values() -> None:
    root = load_text("title: x\nsections:\n  model: |\n    text\nlist:\n  - {a: 1}\n", "p.yaml").root
    assert isinstance(root, Mapping)
    assert locate(root, "sections.model").line == 3 and locate(root, "sections.model").column == 3
    assert locate(root, "sections.missing").line == 2  # where the missing key belongs
    assert locate(root, "list[1]").column == 5
    model = root.entries["sections"].value
    assert isinstance(model, Mapping) and isinstance(model.get("model"), Scalar)
    assert model.get("model").plain is False  # a block scalar is never null or a number


def test_crlf_and_bom_are_read(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes("\ufefftitle: ทดสอบ\r\nagency: tnrs\r\n".encode("utf-8"))
    source = load_source(path, "p.yaml")
    assert source.diagnostics == [] and to_plain(source.root) == {"title": "ทดสอบ", "agency": "tnrs"}


def test_a_missing_file_is_a_located_problem(tmp_path: Path) -> None:
    assert [d.code for d in load_source(tmp_path / "nope.yaml").diagnostics] == ["file-not-found"]

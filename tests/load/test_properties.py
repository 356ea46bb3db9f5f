"""Property tests: whatever a person (or a fuzzer) types, the loader and validator answer with
located diagnostics, never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.load.decode import decode
from dossier.errors import DossierError
from dossier.load import load_text
from dossier.validate import check_text
from dossier.workspace import open_workspace

CASES = Path(__file__).parents[1] / "validate" / "cases"
VALID = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")
LINES = VALID.splitlines(keepends=True)
WS = open_workspace(CASES)
NASTY = [":", "- ", "\t", '"', "'", "[", "]", "{", "}", "&a ", "*a", "!!python/object ", "|", ">", "#", "\n",
         "  ", "---\n", "%YAML 1.1\n", "๑", "ำ", "\u200b", "\ufeff", "\x00", "no", "0012", "2563-02-30", "<<: "]


def assert_located(diagnostics, text: str) -> None:
    last_line = sum(text.count(c) for c in "\n\r\x85\u2028\u2029") + 2  # YAML's line breaks
    for d in diagnostics:
        assert 1 <= d.line <= last_line and d.column >= 1, d
        assert d.message("th") and d.message("en")


@st.composite
def mutated(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "swap", "indent"]))
        i = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if op == "insert" and lines:
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            piece = draw(st.sampled_from(NASTY) | st.text(max_size=5))
            lines[i] = line[:at] + piece + line[at:]
        elif op == "delete" and lines:
            del lines[i]
        elif op == "duplicate" and lines:
            lines.insert(i, lines[i])
        elif op == "swap" and len(lines) > 1:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent" and lines:
            lines[i] = draw(st.sampled_from([" ", "  ", "\t", "- "])) + lines[i]
    return "".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_project_files_never_raise(text: str) -> None:
    checked = check_text(text, WS, "m.yaml")
    assert_located(checked.diagnostics, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NASTY) | st.text(max_size=8), max_size=40).map("".join))
def test_arbitrary_text_never_raises(text: str) -> None:
    assert_located(load_text(text, "t.yaml").diagnostics, text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_explain(data: bytes) -> None:
    try:
        decoded = decode(data, "b.yaml")
    except DossierError as exc:
        assert exc.diagnostics and exc.diagnostics[0].code.startswith(("encoding", "file"))
    else:
        assert_located(load_text(decoded.text, "b.yaml").diagnostics, decoded.text)

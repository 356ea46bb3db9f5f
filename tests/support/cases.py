"""The validation cases' expectations, written in the case files as ``# expect: label[@column], ...``."""

from __future__ import annotations

import re
from pathlib import Path

EXPECT = re.compile(r"#\s*expect:\s*(.+)$")


def expectations(path: Path) -> list[tuple[int, str, int | None]]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if m := EXPECT.search(line):
            for token in m[1].split(","):
                label, _, column = token.strip().partition("@")
                found.append((number, label, int(column) if column else None))
    return found

"""Is this checkout as fast as another commit? Both measured in turns, on the same machine minute.

A shared machine's speed changes by up to 1.5× between minutes, so figures taken an hour apart
cannot show that a change left the speed alone. This checks out REV (default: HEAD~1) in a
temporary git worktree and times, in turns (REV, this checkout, REV, ...), the same commands
with this checkout's Python environment:

  - `dossier validate -q` on the bundled projects, in a fresh process (what pre-commit pays);
  - `dossier build --force -q -j 2` of the 8 dossiers and the book, into a temporary folder.

Each side runs its own code (``PYTHONPATH`` and the working directory are its checkout).
Run: .venv/bin/python benchmarks/compare.py [REV] [runs]     (default: HEAD~1, 5 runs)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], root: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(root)}
    start = time.perf_counter()
    subprocess.run(command, cwd=root, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    rev = argv[0] if argv else "HEAD~1"
    runs = int(argv[1]) if len(argv) > 1 else 5
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(other), rev], cwd=ROOT, check=True)
        try:
            sides = {rev: other, "this checkout": ROOT}
            commands = {
                "dossier validate -q (fresh process)": lambda out: [py, "-m", "dossier", "validate", "-q"],
                "dossier build --force -q -j 2 (8 dossiers + book)":
                    lambda out: [py, "-m", "dossier", "build", "--force", "-q", "-j", "2", "-o", out],
            }
            found: dict[tuple[str, str], list[float]] = {}
            for _ in range(runs):
                for label, command in commands.items():
                    for name, root in sides.items():
                        out = str(Path(tmp) / f"out-{len(found)}")
                        found.setdefault((label, name), []).append(timed(command(out), root))
            print(f"{runs} runs each, in turns; load average now {os.getloadavg()[0]:.2f}")
            for label in commands:
                print(label)
                for name in sides:
                    times = found[(label, name)]
                    print(f"  {name:<16} min {min(times):.3f} s   median {statistics.median(times):.3f} s")
                ratio = statistics.median(found[(label, 'this checkout')]) / statistics.median(found[(label, rev)])
                print(f"  this checkout / {rev}: {ratio:.2f}× (median)")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT, check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

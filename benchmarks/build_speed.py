"""How fast is a whole `dossier build`, cold and incremental, and how does it scale?

Prints, in one run on this machine:
  - the naive way: the 8 dossiers' HTML through the `weasyprint` command line, one after another;
  - a cold full build (8 dossiers + the book) with -j1 and -j2, and its ratio to the naive way;
  - a no-op rebuild (nothing changed), and its share of the full build;
  - a rebuild after editing one project, against rendering that project alone;
  - peak memory of the biggest process (a worker with -j2);
  - cold -j2 builds of 8, 32 and 128 generated projects, the time per dossier, and what a
    national run of 2,000 dossiers would take on 2 cores at that rate.
Each figure is the best of `runs` (default 3). The naive way and the cold builds are timed in
turns (naive, -j1, -j2, -j2 without the book; again), so that a shared machine's slow and fast
minutes fall on all of them alike. Run: .venv/bin/python benchmarks/build_speed.py [runs]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1609372800", "DOSSIER_LANG": "en"}


def run(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - start


def best(runs: int, setup, args: list[str], cwd: Path) -> float:
    times = []
    for _ in range(runs):
        setup()
        times.append(run(args, cwd))
    return min(times)


def repo_with(tmp: Path, copies: int) -> Path:
    """A repository with the bundled projects, repeated under new names up to ``copies`` files."""
    repo = tmp / f"repo{copies}"
    (repo / "projects").mkdir(parents=True)
    shutil.copy(ROOT / "dossier.yaml", repo / "dossier.yaml")
    sources = sorted((ROOT / "projects").glob("*.yaml"))
    for n in range(copies):
        source = sources[n % len(sources)]
        shutil.copy(source, repo / "projects" / f"{source.stem}-{n:03d}.yaml")
    return repo


def naive(tmp: Path, repo: Path) -> list[list[str]]:
    """The weasyprint commands of the naive way: the 8 dossiers' HTML, one after another."""
    sys.path.insert(0, str(ROOT))
    import datetime as dt

    from dossier.render.html import Renderer
    from dossier.render.views import build_project_view
    from dossier.validate import check_paths
    from dossier.workspace import open_workspace

    ws = open_workspace(repo)
    renderer = Renderer(ws, dt.date(2021, 1, 1))
    weasyprint = str(Path(PY).parent / "weasyprint")
    same = ["--pdf-variant", "pdf/a-3b", "--pdf-tags"]  # the same PDF standard as dossier's output
    commands = []
    for item in check_paths(ws):
        view = build_project_view(item.slug, item.project, item.award_type, ws, renderer.markdown,
                                  source_path=item.path, file=item.file)
        html = tmp / f"{item.slug}.html"
        html.write_text(renderer.project_html(view), encoding="utf-8")
        commands.append([weasyprint, "-q", *same, "-a", str(repo / "projects" / f"{item.slug}.yaml"), str(html),
                         str(html.with_suffix(".pdf"))])
    return commands


def peak_kb(args: list[str], cwd: Path) -> int:
    """The largest resident size (KB) among the processes of one command (the build and its
    workers), measured in a process of its own so that nothing else counts."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([PY, "-c", probe, *args], cwd=cwd, env=ENV, capture_output=True, text=True, check=True)
    return int(done.stdout.strip())


def timed(commands: list[list[str]], cwd: Path) -> float:
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, check=True, cwd=cwd, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        repo = repo_with(tmp, 8)
        out = repo / "build"

        def clean() -> None:
            shutil.rmtree(out, ignore_errors=True)

        print(f"machine: {os.cpu_count()} CPUs; best of {runs} runs; 8 bundled projects (copies), book included")
        commands = naive(tmp, repo)
        cold = {"naive": [], "j1": [], "j2": [], "nobook": []}
        for _ in range(runs):  # in turns: the machine's drift falls on every figure alike
            cold["naive"].append(timed(commands, tmp))
            for name, args in (("j1", ["-j1"]), ("j2", ["-j2"]), ("nobook", ["-j2", "--no-book"])):
                clean()
                cold[name].append(run([PY, "-m", "dossier", "build", "-q", *args], repo))
        t_naive, t_j1, t_j2, t_nobook = (min(cold[k]) for k in ("naive", "j1", "j2", "nobook"))
        print(f"naive: 8 × `weasyprint --pdf-variant pdf/a-3b --pdf-tags -a x.yaml x.html`, one after another"
              f"  {t_naive:6.2f} s")
        print(f"cold full build -j1 (8 dossiers + book)                 {t_j1:6.2f} s  ({t_j1 / t_naive:.2f}× naive)")
        goal = "met" if t_j2 <= 0.4 * t_naive else "NOT met"
        print(f"cold full build -j2 (8 dossiers + book)                 {t_j2:6.2f} s  ({t_j2 / t_naive:.2f}× naive; goal ≤ 0.40×: {goal})")
        print(f"cold build -j2 without the book (8 dossiers)             {t_nobook:6.2f} s  ({t_nobook / t_naive:.2f}× naive)")
        print("  each run, naive / -j2: " + ", ".join(f"{n:.2f} / {j:.2f} ({j / n:.2f}×)"
                                                       for n, j in zip(cold["naive"], cold["j2"])))
        clean()
        peak = peak_kb([PY, "-m", "dossier", "build", "-q", "-j2"], repo)
        t_noop = best(max(runs, 5), lambda: None, [PY, "-m", "dossier", "build", "-q", "-j2"], repo)
        goal = "met" if t_noop <= 0.3 and t_noop <= 0.05 * t_j2 else "NOT met"
        print(f"no-op rebuild (nothing changed)                         {t_noop:6.2f} s  ({t_noop / t_j2:.1%} of -j2 full; goal ≤ 0.3 s and < 5%: {goal})")
        project = sorted((repo / "projects").glob("*.yaml"))[3]
        original = project.read_text(encoding="utf-8")
        counter = iter(range(1000))

        def edit() -> None:
            project.write_text(original.replace("ความเป็นมา", f"ความเป็นมา{next(counter)}", 1), encoding="utf-8")

        t_edit = best(runs, edit, [PY, "-m", "dossier", "build", "-q", "-j2"], repo)
        alone_out = tmp / "alone"
        t_alone = best(runs, lambda: shutil.rmtree(alone_out, ignore_errors=True),
                       [PY, "-m", "dossier", "build", "-q", "-j1", "-o", str(alone_out), str(project)], repo)
        goal = "met" if t_edit <= 1.5 * t_alone else "NOT met"
        print(f"rebuild after editing one project (dossier + book)      {t_edit:6.2f} s  "
              f"(that project alone: {t_alone:.2f} s → {t_edit / t_alone:.2f}×; goal ≤ 1.5×: {goal})")
        print(f"peak memory of the biggest process (-j2: a worker)      {peak / 1024:6.0f} MB")
        print("scaling, cold -j2 builds with the book:")
        rates = []
        for copies in (8, 32, 128):
            big = repo_with(tmp, copies) if copies != 8 else repo
            t = best(1, lambda: shutil.rmtree(big / "build", ignore_errors=True),
                     [PY, "-m", "dossier", "build", "-q", "-j2"], big)
            rates.append(t / copies)
            print(f"  {copies:4d} projects: {t:7.2f} s  ({t / copies:.3f} s per dossier)")
        rate = rates[-1]
        print(f"growth: {rates[0]:.3f} → {rates[1]:.3f} → {rates[2]:.3f} s per dossier (linear when flat); "
              f"a national run of 2,000 dossiers on 2 cores ≈ {2000 * rate / 60:.0f} min at the 128-project rate")


if __name__ == "__main__":
    main()

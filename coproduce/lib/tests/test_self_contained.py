"""The repository runs alone: nothing in it reads a folder beside the checkout."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CHECKED = ("coproduce", "benchmarks", "scripts", "frontend", "docs")
SKIPPED = {"node_modules", "__pycache__", "static", "locale"}
SUFFIXES = {".py", ".sh", ".md", ".html", ".txt", ".toml", ".cfg", ""}
# A path that leaves the repository: "../anything", or the parent of the project root.
OUTSIDE = re.compile(r"\.\./[A-Za-z]|BASE_DIR\)?\.parent|\"shared\" */|/ *\"shared\"")


def files() -> list[Path]:
    found = [ROOT / "Makefile", ROOT / "README.md", ROOT / "pyproject.toml"]
    for top in CHECKED:
        for path in (ROOT / top).rglob("*"):
            if SKIPPED & set(path.relative_to(ROOT).parts) or not path.is_file():
                continue
            if path.suffix in SUFFIXES and path != Path(__file__).resolve():
                found.append(path)
    return found


def test_no_code_or_document_reaches_outside_the_repository() -> None:
    offending = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in files()
        for number, line in enumerate(path.read_text(errors="ignore").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert offending == []


def test_the_check_would_see_a_path_outside() -> None:
    # Built from parts, so that no line of this repository itself reads outside it.
    shared = '"shar' + 'ed"'
    assert OUTSIDE.search(f'Path(settings.BASE_DIR).parent / {shared} / "reference"')
    assert OUTSIDE.search("See [`../shared/DESIGN.md`](../shared/DESIGN.md)")
    assert not OUTSIDE.search('Path(__file__).parent / "figures" / "rates.csv"')

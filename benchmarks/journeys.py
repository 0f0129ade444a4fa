"""Time and count issue 14's "done when" journeys in Debian's Chromium:

    .venv/bin/python benchmarks/journeys.py

(a) a carer replies to an invitation from its message's link (goal: at most 2 pages);
(b) a carer claims after a meeting (goal: at most 3 pages);
(c) a phone user answers a 5-question survey at 375 px (goal: at most 2 minutes);
(d) a GP refers a carer for a break (goal: at most 3 minutes and 8 questions).

The journeys are the browser tests in coproduce/browser_tests/test_short_journeys.py: each
runs against a live server (pytest-django's, on 127.0.0.1) with its own data, drives
Chromium through Playwright as a person would, asserts the page and field counts, and
prints a line per journey: pages loaded, fields filled, and seconds, which are the real
browser and server time plus a person's time modelled with fixed figures (0.3 s a
character typed, 0.5 s on a phone; 2 s a decision; 3 s to read each page: see
coproduce/browser_tests/journeys.py). This prints those lines, and pytest's verdict.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = "coproduce/browser_tests/test_short_journeys.py"


def main() -> int:
    command = [sys.executable, "-m", "pytest", TESTS, "-m", "browser", "-s", "-q"]
    command += ["-p", "no:cacheprovider", *sys.argv[1:]]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    lines = run.stdout.splitlines()
    for line in lines:
        if "JOURNEY " in line:
            print(line.split("JOURNEY ", 1)[1])
        elif " passed" in line or " failed" in line:
            print(line)
    if run.returncode:
        print(run.stdout[-4000:], run.stderr[-2000:], sep="\n")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())

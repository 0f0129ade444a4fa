"""Measure how fast the main pages are served, with the demo data, behind gunicorn.

    .venv/bin/python benchmarks/pages.py                 # SQLite in a temporary folder
    DATABASE_URL=postgresql://... .venv/bin/python benchmarks/pages.py

It migrates a fresh database, loads the demo, starts gunicorn (2 sync workers, DEBUG
off), signs in as the demo coordinator and carer through the real sign-in pages
(including the security code), then runs `wrk` against each page and prints requests per
second and latency. Figures depend on the machine: compare runs on the same one.
"""

import http.cookiejar
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
DURATION = os.environ.get("BENCH_SECONDS", "10")


def run(*args: str, env: dict[str, str]) -> str:
    return subprocess.run(
        args, cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


class Browser:
    """A cookie-keeping client that signs in the way a person does."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(BASE + path) as response:
            return str(response.read().decode())

    def post(self, path: str, data: dict[str, str]) -> str:
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no CSRF token on {path}"
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token.group(1)}).encode()
        request = urllib.request.Request(BASE + path, data=body, headers={"Referer": BASE + path})
        with self.opener.open(request) as response:
            return str(response.read().decode())

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def sign_in(email: str, env: dict[str, str]) -> Browser:
    browser = Browser()
    page = browser.post("/sign-in/", {"email": email, "password": "coproduce-demo"})
    if "security code" in page.lower():
        code = run(str(ROOT / ".venv/bin/python"), "manage.py", "demo_code", email, env=env).strip()
        browser.post("/two-factor/", {"code": code.split()[-1]})
    return browser


def wrk(path: str, cookie: str = "") -> str:
    args = ["wrk", "-t2", "-c8", f"-d{DURATION}s", "--latency"]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*args, BASE + path], check=True, capture_output=True, text=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if not (rps and p50 and p99):
        raise RuntimeError(f"Could not read wrk's output:\n{out}")
    errors = f"  NON-2xx: {non2xx.group(1)}" if non2xx else ""
    return (
        f"{float(rps.group(1)):8.0f} req/s   p50 {p50.group(1):>8}   p99 {p99.group(1):>8}{errors}"
    )


def main() -> None:
    if shutil.which("wrk") is None:
        print("Installing wrk (Debian package)...")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
    folder = tempfile.mkdtemp(prefix="coproduce-bench-")
    env = {
        **os.environ,
        "COPRODUCE_MODE": "development",
        "DJANGO_DEBUG": "false",
        "AXES_ENABLED": "false",
        "LOG_LEVEL": "WARNING",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    python = str(ROOT / ".venv/bin/python")
    if env["DATABASE_URL"].startswith("postgres"):
        run(python, "manage.py", "flush", "--noinput", env=env)
    run(python, "manage.py", "migrate", "--verbosity", "0", env=env)
    run(python, "manage.py", "load_demo", "--reset", env=env)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "coproduce.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(BASE + "/sign-in/")
                break
            except OSError:
                time.sleep(0.2)
        coordinator = sign_in("coordinator@riverside.example", env)
        carer = sign_in("carer@riverside.example", env)
        person = re.search(r'href="/people/(\d+)/"', coordinator.get("/people/"))
        assert person, "no people listed"
        found = re.search(
            r'href="/projects/(\d+)/">Hospital discharge', coordinator.get("/projects/")
        )
        assert found, "the demo's discharge project is not listed"
        project = found.group(1)
        print(
            f"Database: {env['DATABASE_URL'].split(':')[0]}; wrk 2 threads, 8 connections, {DURATION}s each"
        )
        pages = [
            ("start page (anonymous)", "/", ""),
            ("sign-in page (anonymous)", "/sign-in/", ""),
            ("people list, 203 carers (coordinator)", "/people/", coordinator.cookie_header()),
            ("people search (coordinator)", "/people/?q=jones", coordinator.cookie_header()),
            (
                "a carer's record, audited (coordinator)",
                f"/people/{person.group(1)}/",
                coordinator.cookie_header(),
            ),
            ("your information (carer)", "/you/", carer.cookie_header()),
            ("projects (coordinator)", "/projects/", coordinator.cookie_header()),
            (
                "what people said, a project (coordinator)",
                f"/projects/{project}/contributions/",
                coordinator.cookie_header(),
            ),
            ("contributions waiting (coordinator)", "/contributions/", coordinator.cookie_header()),
            ("decision log (carer)", f"/projects/{project}/decisions/", carer.cookie_header()),
            (
                "You Said, We Did board (carer)",
                f"/projects/{project}/you-said-we-did/",
                carer.cookie_header(),
            ),
            ("surveys (coordinator)", f"/projects/{project}/surveys/", coordinator.cookie_header()),
            (
                "payments and budget (coordinator)",
                f"/projects/{project}/payments/",
                coordinator.cookie_header(),
            ),
            ("your claims (carer)", "/claims/", carer.cookie_header()),
        ]
        for label, path, cookie in pages:
            print(f"{label:44} {wrk(path, cookie)}")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

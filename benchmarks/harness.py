"""The load harness: `make bench` (see README, "Benchmarks").

Against PostgreSQL with generated national-scale data (`BENCH_SCALE`, M by default; S to
try it quickly) plus the demo, it:

1. migrates, loads the demo and generates the data if they are not there yet;
2. starts gunicorn with production settings (DEBUG off, the real middleware, secure
   cookies behind a TLS proxy's `X-Forwarded-Proto`) on 127.0.0.1 only, two sync workers;
3. signs in as a coordinator, a carer and a GP through the real sign-in pages;
4. for each page: one request to read its status, SQL queries (the server's
   `X-Query-Count`), HTML and gzip-compressed bytes; then `wrk` with 16 connections for
   `BENCH_SECONDS` (10): requests/s, p50, p95, p99 and errors; and the ratio to a trivial
   view (`/ping/`, the ceiling) measured by the same server in the same run;
5. runs concurrent writes (carers answering a survey, replying to an invitation, giving
   positions on a proposal, GPs referring) and counts the rows stored against the 2xx
   answers: nothing may be lost;
6. prints each worker's peak memory and the machine's load average.

Figures depend on the machine and on what else runs on it: compare pages with the ceiling
measured in the same run, not with figures from another day.
"""

import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv/bin/python")
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8766"))
SECONDS = os.environ.get("BENCH_SECONDS", "10")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
SCALE = os.environ.get("BENCH_SCALE", "M")  # BENCH_REGENERATE=1 makes the data afresh
WRITERS = int(os.environ.get("BENCH_WRITERS", "16"))
WRITES_EACH = int(os.environ.get("BENCH_WRITES_EACH", "10"))
DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://coproduce:coproduce@127.0.0.1:5432/coproduce_bench"
)
# The server's queries stop after this long: a page too slow at this scale fails with an
# error (and is reported so) instead of holding the database for minutes after gunicorn's
# 30-second timeout killed its worker, which would slow every page measured after it.
STATEMENT_TIMEOUT_MS = int(os.environ.get("BENCH_STATEMENT_TIMEOUT_MS", "25000"))
WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")
PASSWORD = "coproduce-demo"
FORWARDED = {"X-Forwarded-Proto": "https"}  # as the TLS proxy in front of it would say


def setup_env() -> dict[str, str]:
    """Settings for the data commands (development mode: the demo and generator refuse
    production) on the benchmark's database."""
    return {**os.environ, "COPRODUCE_MODE": "development", "DATABASE_URL": DATABASE_URL}


def with_statement_timeout(url: str, milliseconds: int) -> str:
    """`url` with libpq's options asking PostgreSQL to stop any statement after
    `milliseconds` (dj-database-url passes the query string on as connection options)."""
    parsed = urllib.parse.urlparse(url)
    query = urllib.parse.parse_qsl(parsed.query)
    query.append(("options", f"-c statement_timeout={milliseconds}"))
    return parsed._replace(query=urllib.parse.urlencode(query)).geturl()


def redis_url() -> str:
    """`REDIS_URL`, or the machine's own Redis if one answers on 127.0.0.1:6379: production
    runs with a shared cache (public pages are kept in it), so the harness does too."""
    if os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL"):
        return os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
    try:
        socket.create_connection((HOST, 6379), timeout=1).close()
    except OSError:
        print("No Redis on 127.0.0.1:6379: measuring without a shared cache", flush=True)
        return ""
    return f"redis://{HOST}:6379/3"


def server_env() -> dict[str, str]:
    return {
        **os.environ,
        "REDIS_URL": redis_url(),
        "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}",  # nothing kept from a last run
        "COPRODUCE_MODE": "production",
        "DATABASE_URL": with_statement_timeout(DATABASE_URL, STATEMENT_TIMEOUT_MS),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": HOST,
        "CSRF_TRUSTED_ORIGINS": f"https://{HOST}:{PORT}",
        "SITE_URL": f"https://{HOST}:{PORT}",
        "COPRODUCE_QUERY_COUNT_HEADER": "true",
        "LOG_LEVEL": "WARNING",
        "AXES_ENABLED": "false",  # many sign-ins from one address are the harness, not an attack
        # Production's deployment checks want real email and GOV.UK Notify settings. The
        # pages measured send nothing; no worker runs, so queued messages stay queued.
        "DEFAULT_FROM_EMAIL": "bench@example.org",
        "NOTIFY_API_KEY": os.environ.get(
            "NOTIFY_API_KEY",
            "bench-00000000-0000-0000-0000-000000000000-00000000-0000-0000-0000-000000000000",
        ),
        "NOTIFY_EMAIL_TEMPLATE_ID": "00000000-0000-0000-0000-000000000001",
        "NOTIFY_SMS_TEMPLATE_ID": "00000000-0000-0000-0000-000000000002",
        "NOTIFY_LETTER_TEMPLATE_ID": "00000000-0000-0000-0000-000000000003",
        "STATIC_ROOT": str(ROOT / "staticfiles"),
    }


def manage(*args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=setup_env(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def create_database() -> None:
    """Create the benchmark's database if it is missing (the role needs CREATEDB)."""
    parsed = urllib.parse.urlparse(DATABASE_URL)
    name = parsed.path.lstrip("/")
    import psycopg

    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare() -> None:
    if not DATABASE_URL.startswith("postgres"):
        sys.exit("The harness measures PostgreSQL: set DATABASE_URL=postgresql://...")
    if shutil.which("wrk") is None:
        print("Installing wrk (Debian package)...", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
    create_database()
    manage("migrate", "--verbosity", "0")
    subprocess.run(  # production serves hashed static files from a manifest
        [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=server_env(),
        check=True,
    )
    manage("load_demo")
    have, wanted = manage("shell", "--no-imports", "-c", COUNT_GENERATED % SCALE).split()
    if have != wanted or os.environ.get("BENCH_REGENERATE"):
        print(f"Generating scale {SCALE} data (once; M takes several minutes)...", flush=True)
        started = time.perf_counter()
        out = manage("generate_data", "--scale", SCALE, "--reset")
        print(out.strip().splitlines()[-1], f"({time.perf_counter() - started:.0f} s)")


COUNT_GENERATED = (
    "from coproduce.demo.scale import SCALES, generated_organisations;"
    "print(generated_organisations().count(), SCALES['%s'].organisations)"
)

# Ids of the pages to measure, found in the database once.
FIND_IDS = """
import json
from django.db.models import Count
from coproduce.accountability.models import BoardSettings
from coproduce.activities.models import Invitation
from coproduce.breaks.models import Scheme
from coproduce.decisions.models import Proposal
from coproduce.projects.models import Project
from coproduce.recruitment.models import Brief
from coproduce.surveys.models import Survey
from coproduce.demo.scale import SLUG_PREFIX, EMAIL_DOMAIN
org = SLUG_PREFIX + "001"
project = (Project.objects.filter(organisation__slug=org)
    .annotate(n=Count("contributions")).order_by("-n").first())
proposal = (Proposal.objects.filter(project=project)
    .annotate(n=Count("positions")).order_by("-n").first())
carer = "carer.001.00@" + EMAIL_DOMAIN
invitation = Invitation.objects.filter(person__user__email=carer).order_by("-pk").first()
print(json.dumps({
    "coordinator": "coordinator.001@" + EMAIL_DOMAIN,
    "carer": carer,
    "gp": "gp.001.00@" + EMAIL_DOMAIN,
    "project": project.pk,
    "proposal": proposal.pk,
    "activity": invitation.activity_id if invitation else None,
    "scheme": Scheme.objects.filter(partnership__lead__slug=org).first().pk,
    "brief": str(Brief.objects.exclude(published_at=None).first().public_id),
    "board": str(BoardSettings.objects.filter(public=True).first().public_id),
    "survey": str(Survey.objects.filter(results_published=True).first().public_id),
}))
"""


# --- HTTP ---------------------------------------------------------------------------------


@dataclass
class Session:
    """A signed-in person: cookies kept by hand (they are Secure; we speak plain HTTP on
    loopback behind a pretend TLS proxy, as the app server does in production)."""

    cookies: dict[str, str] = field(default_factory=dict)
    # One carer's session is shared by several writer threads.
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def header(self) -> str:
        with self.lock:
            return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
        headers = {**FORWARDED, "Host": HOST, "Referer": f"https://{HOST}:{PORT}{path}"}
        if self.cookies:
            headers["Cookie"] = self.header()
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                with self.lock:
                    self.cookies[key] = rest.split(";", 1)[0]
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data

    def get(self, path: str) -> bytes:
        status, headers, data = self.request("GET", path)
        if status in (301, 302, 303):
            return self.get(urllib.parse.urlparse(headers["location"]).path)
        return data

    def post(
        self, path: str, form: dict[str, str], page_path: str = ""
    ) -> tuple[int, dict[str, str], bytes]:
        """Post `form` to `path`, with the CSRF token and the one-time form token (`@once`)
        of the form on `page_path` (or path), as a browser would."""
        page = self.get(page_path or path).decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if not token:
            raise RuntimeError(f"No form on {path}")
        sent = {**form, "csrfmiddlewaretoken": token.group(1)}
        once = re.search(r'name="form_token" value="([0-9a-f]{32})"', page)
        if once:
            sent["form_token"] = once.group(1)
        return self.request("POST", path, sent)


def sign_in(email: str) -> Session:
    session = Session()
    _, headers, _ = session.post("/sign-in/", {"email": email, "password": PASSWORD})
    if "two-factor" in headers.get("location", ""):
        code = manage("demo_code", email).strip().split()[-1]
        session.post("/two-factor/", {"code": code})
    if "sessionid" not in session.cookies:
        raise RuntimeError(f"Could not sign in as {email}")
    return session


# --- Measuring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    session: Session | None


@dataclass(frozen=True)
class Measured:
    label: str
    status: int
    queries: str
    html: int
    compressed: int
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int


def wrk(path: str, session: Session | None) -> dict[str, float]:
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s"]
    args += ["-s", str(WRK_SCRIPT), "-H", "X-Forwarded-Proto: https"]
    if session is not None:
        args += ["-H", f"Cookie: {session.header()}"]
    out = subprocess.run(
        [*args, f"http://{HOST}:{PORT}{path}"], check=True, capture_output=True, text=True
    ).stdout
    found = re.search(r"^REPORT (\{.*\})$", out, re.MULTILINE)
    if not found:
        raise RuntimeError(f"Could not read wrk's report:\n{out}")
    report: dict[str, float] = json.loads(found.group(1))
    return report


def measure(page: Page) -> Measured:
    """One request for the page's status, queries and size, then `wrk`; a page whose first
    request fails or errors (too slow at this scale: see STATEMENT_TIMEOUT_MS) is reported
    with its status and not loaded further."""
    session = page.session or Session()
    started = time.perf_counter()
    try:
        status, headers, body = session.request("GET", page.path)
    except OSError:
        status, headers, body = 0, {}, b""
    if status != 200:
        seconds = time.perf_counter() - started
        print(f"  {page.label}: status {status} after {seconds:.1f} s; not loaded", flush=True)
        return Measured(page.label, status, "?", len(body), 0, 0, 0, 0, 0, 1)
    report = wrk(page.path, page.session)
    measured = Measured(
        page.label,
        status,
        headers.get("x-query-count", "?"),
        len(body),
        len(gzip.compress(body, 6)),
        report["rps"],
        report["p50"] / 1000,
        report["p95"] / 1000,
        report["p99"] / 1000,
        int(report["errors"]),
    )
    print(f"  {page.label}: {measured.rps:.0f} req/s, p95 {measured.p95:.0f} ms", flush=True)
    return measured


def table(rows: Sequence[Measured], ceiling: float) -> str:
    lines = [
        f"{'page':46} {'status':>6} {'SQL':>4} {'HTML KB':>8} {'gzip KB':>8} {'req/s':>7} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6} {'of ceiling':>10}"
    ]
    for row in rows:
        lines.append(
            f"{row.label:46} {row.status:>6} {row.queries:>4} {row.html / 1024:>8.1f} "
            f"{row.compressed / 1024:>8.1f} {row.rps:>7.0f} {row.p50:>7.1f} {row.p95:>7.1f} "
            f"{row.p99:>7.1f} {row.errors:>6} {row.rps / ceiling:>10.1%}"
        )
    return "\n".join(lines)


# --- Writes -------------------------------------------------------------------------------


@dataclass
class WriteResult:
    label: str
    answered: int = 0
    failed: int = 0
    stored: int = 0


def concurrent(work: Callable[[int], bool], total: int) -> tuple[int, int]:
    """Run `work(i)` for i < total on WRITERS threads; count 2xx/3xx and failures."""
    ok = failed = 0
    lock = threading.Lock()
    counter = iter(range(total))

    def worker() -> None:
        nonlocal ok, failed
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            try:
                success = work(index)
            except Exception:
                success = False
            with lock:
                if success:
                    ok += 1
                else:
                    failed += 1

    threads = [threading.Thread(target=worker) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return ok, failed


def count_rows(snippet: str) -> int:
    return int(manage("shell", "--no-imports", "-c", snippet).strip())


REFERRALS = "from coproduce.breaks.models import Referral;print(Referral.objects.count())"
# Fresh targets for the carers' writes (coproduce/demo/load_writes.py), and what they stored.
PREPARE_TARGETS = (
    "import json;from coproduce.demo import load_writes;"
    "print(json.dumps(load_writes.prepare(%d).as_dict()))"
)
STORED = (
    "import json;from coproduce.demo import load_writes;print(json.dumps(load_writes.stored(%d)))"
)


def shell_json(snippet: str) -> dict[str, object]:
    found: dict[str, object] = json.loads(
        manage("shell", "--no-imports", "-c", snippet).strip().splitlines()[-1]
    )
    return found


def redirected(status: int, headers: dict[str, str]) -> str | None:
    """Where a successful POST sent the browser (its path), or None if it did not."""
    if status not in (302, 303):
        return None
    return urllib.parse.urlparse(headers["location"]).path


# A GP's referral: its three pages, then "Send the referral" on the check page. The
# eligibility answers are those of the default questions the generated schemes use.
REFERRAL_PAGES = (
    (
        "carer",
        {
            "carer_name": "Load Test Carer",
            "carer_date_of_birth-day": "3",
            "carer_date_of_birth-month": "2",
            "carer_date_of_birth-year": "1950",
            "carer_language": "en",
        },
    ),
    ("contact", {"preferred_channel": "email", "carer_email": "load.test@scale.example"}),
    (
        "eligibility",
        {
            "answer_necessary_care": "yes",
            "answer_effect_of_caring": "health_at_risk",
            "answer_significant_impact": "yes",
            "carer_consent": "yes",
        },
    ),
)


def referral_writes(total: int) -> WriteResult:
    """GPs sending referrals at once (each its three pages and the check): each send
    answered 2xx/3xx must be a stored referral. One referral at a time per GP, as a GP
    would (the pages' answers are kept in the GP's session until it is sent)."""
    gps = [sign_in(f"gp.001.{k:02d}@scale.example") for k in range(10)]
    starts = []
    for gp in gps:
        found = re.search(r'href="(/breaks/refer/\d+)/carer/"', gp.get("/breaks/").decode())
        if not found:
            raise RuntimeError("No practice to refer from on /breaks/")
        starts.append(found.group(1))
    locks = [threading.Lock() for _ in gps]
    before = count_rows(REFERRALS)

    def refer(index: int) -> bool:
        k = index % len(gps)
        with locks[k]:
            for page, answers in REFERRAL_PAGES:
                status, _, _ = gps[k].post(f"{starts[k]}/{page}/", answers)
                if status not in (302, 303):
                    return False
            status, _, _ = gps[k].post(f"{starts[k]}/check/", {})
            return status in (302, 303)

    ok, failed = concurrent(refer, total)
    stored = count_rows(REFERRALS) - before
    return WriteResult(f"GP referrals sent ({WRITERS} writers, 10 GPs)", ok, failed, stored)


def carer_writes(total: int) -> list[WriteResult]:
    """Carers at once: answering one public survey (each through the public link, without
    an account: start, answer, send), replying to invitations and giving positions on
    proposals (signed in; each carer one reply per activity and one position per proposal,
    so every 2xx/3xx must be a new row)."""
    rounds = -(-total // 10)
    targets = shell_json(PREPARE_TARGETS % rounds)
    emails = targets["carers"]
    assert isinstance(emails, list)
    carers = [sign_in(str(email)) for email in emails]
    survey, question = targets["survey"], targets["question"]
    proposals, activities = targets["proposals"], targets["activities"]
    assert isinstance(proposals, list)
    assert isinstance(activities, list)
    project = int(str(targets["project"]))

    def answer_survey(index: int) -> bool:
        anyone = Session()
        answers = redirected(*anyone.post(f"/surveys/{survey}/", {})[:2])
        if answers is None:
            return False
        check = redirected(*anyone.post(answers, {f"q{question}": f"Answer {index}"})[:2])
        if check is None:
            return False
        done = redirected(*anyone.post(check, {})[:2])
        return done is not None and done.endswith("/thank-you/")

    def reply(index: int) -> bool:
        carer, activity = carers[index % len(carers)], activities[index // len(carers)]
        path = f"/activities/{activity}/reply/"
        return redirected(*carer.post(path, {"reply": "coming"})[:2]) is not None

    def position(index: int) -> bool:
        carer, proposal = carers[index % len(carers)], proposals[index // len(carers)]
        path = f"/decisions/{proposal}/"
        return redirected(*carer.post(path, {"stance": "agree"})[:2]) is not None

    total = min(total, len(carers) * rounds)
    results = []
    for label, kind, work in (
        ("carers answering a public survey", "survey", answer_survey),
        ("carers replying to invitations", "replies", reply),
        ("carers giving positions on proposals", "positions", position),
    ):
        ok, failed = concurrent(work, total)
        stored = shell_json(STORED % project)[kind]
        assert isinstance(stored, int)
        results.append(WriteResult(f"{label} ({WRITERS} writers)", ok, failed, stored))
    return results


def writes() -> list[WriteResult]:
    total = WRITERS * WRITES_EACH
    return [referral_writes(total), *carer_writes(total)]


# --- Server -------------------------------------------------------------------------------


def start_server() -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "coproduce.wsgi",
            "--workers",
            "2",
            "--bind",
            f"{HOST}:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env(),
    )
    for _ in range(100):
        try:
            if Session().request("GET", "/ping/")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not answer on /ping/")


def worker_memory(server: subprocess.Popen[bytes]) -> list[int]:
    """Peak resident memory (kB) of each gunicorn worker."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        found = re.search(r"VmHWM:\s+(\d+) kB", status)
        if found:
            peaks.append(int(found.group(1)))
    return peaks


def main() -> None:
    prepare()
    ids = json.loads(manage("shell", "--no-imports", "-c", FIND_IDS))
    server = start_server()
    try:
        coordinator = sign_in(ids["coordinator"])
        carer = sign_in(ids["carer"])
        gp = sign_in(ids["gp"])
        project = ids["project"]
        pages = [
            Page("public brief (anonymous)", f"/briefs/{ids['brief']}/", None),
            Page(
                "public You Said We Did board (anonymous)",
                f"/you-said-we-did/{ids['board']}/",
                None,
            ),
            Page(
                "published survey results (anonymous)", f"/surveys/{ids['survey']}/results/", None
            ),
            Page("carer's home (carer)", "/", carer),
            Page("your claims (carer)", "/claims/", carer),
            Page("project page (coordinator)", f"/projects/{project}/", coordinator),
            Page(
                "what people said (coordinator)", f"/projects/{project}/contributions/", coordinator
            ),
            Page("contributions waiting (coordinator)", "/contributions/", coordinator),
            Page(
                "decision with positions (coordinator)",
                f"/decisions/{ids['proposal']}/",
                coordinator,
            ),
            Page("activities (coordinator)", f"/projects/{project}/activities/", coordinator),
            Page(
                "payments and budget (coordinator)", f"/projects/{project}/payments/", coordinator
            ),
            Page("organisation dashboard (coordinator)", "/insight/", coordinator),
            Page("project dashboard (coordinator)", f"/projects/{project}/insight/", coordinator),
            Page("GP's breaks page, to start a referral (GP)", "/breaks/", gp),
            Page("break referrals queue (coordinator)", "/breaks/queue/", coordinator),
            Page("breaks report (coordinator)", f"/breaks/schemes/{ids['scheme']}/", coordinator),
            Page(
                "breaks figures CSV (coordinator)",
                f"/breaks/schemes/{ids['scheme']}/figures.csv",
                coordinator,
            ),
        ]
        if ids["activity"]:
            pages.insert(
                4, Page("invitation reply (carer)", f"/activities/{ids['activity']}/reply/", carer)
            )
        load = os.getloadavg()
        ceiling = measure(Page("trivial view, the ceiling (anonymous)", "/ping/", None))
        rows = [ceiling, *(measure(page) for page in pages)]
        print(
            f"\nScale {SCALE}, PostgreSQL, gunicorn 2 sync workers, wrk {CONNECTIONS} "
            f"connections x {SECONDS}s, cache: {'Redis' if redis_url() else 'per process'}; "
            f"load average before: {load[0]:.1f}, after: "
            f"{os.getloadavg()[0]:.1f}\n"
        )
        print(table(rows, ceiling.rps))
        print()
        for result in writes():
            lost = result.answered - result.stored
            print(
                f"{result.label:46} answered {result.answered}, failed {result.failed}, "
                f"stored {result.stored}, lost {max(lost, 0)}"
            )
        peaks = worker_memory(server)
        print("\nPeak memory per worker: " + ", ".join(f"{kb / 1024:.0f} MB" for kb in peaks))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()

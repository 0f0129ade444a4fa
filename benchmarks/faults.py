"""Break things on purpose and print what happened: the "Faults" figures of
docs/reliability.md.

    .venv/bin/python benchmarks/faults.py worker     # kill the task worker while it sends
    FAULTS_DATABASE_URL=postgresql://coproduce:coproduce@127.0.0.1:5432/coproduce_faults \\
        .venv/bin/python benchmarks/faults.py postgres   # cut every database connection

`worker` (SQLite in a temporary folder): an activity starting tomorrow with FAULTS_PEOPLE
people coming (reminders due) and one that ended a week ago (follow-ups due). A fake GOV.UK
Notify on 127.0.0.1 records every message it is given. The real `manage.py db_worker` runs
the schedule and the sends; it is killed (SIGKILL, no chance to tidy up) at random moments
and, at every FAULTS_KILL_EVERY-th message, just after Notify took the message but before
the worker could record that: the worst moment. Each time it is started again. Then the
clock is moved on past `STUCK_AFTER` (by back-dating the lost attempts, instead of waiting
15 minutes), the schedule runs once more, and the script checks that every reminder and
follow-up was sent, each exactly once.

`postgres` (a PostgreSQL database of its own, which it creates and drops): gunicorn serves
the public feedback form while a client posts to it without pause; every
FAULTS_CUT_SECONDS every connection of the service to its database is cut with
`pg_terminate_backend` (what a restart or failover does to them). It prints the failed
requests, how long the service took to answer again, and checks that every write it
acknowledged is in the database. It runs twice: with the settings as they are (persistent
connections) and with CONN_HEALTH_CHECKS on. It never restarts PostgreSQL itself: run it
against a server you may restart and do that by hand to see the same.
"""

import http.server
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PEOPLE = int(os.environ.get("FAULTS_PEOPLE", "40"))
KILL_EVERY = int(os.environ.get("FAULTS_KILL_EVERY", "7"))
API_KEY = "faults-11111111-1111-1111-1111-111111111111-22222222-2222-2222-2222-222222222222"


# --- A fake GOV.UK Notify ----------------------------------------------------------------


class FakeNotify(http.server.ThreadingHTTPServer):
    """Takes every message (201, with an id) and answers look-ups by reference. `on_post`
    runs after a message is taken and before the answer goes back."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), NotifyHandler)
        self.lock = threading.Lock()
        self.taken: list[dict[str, Any]] = []
        self.lookups = 0
        self.on_post: Any = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class NotifyHandler(http.server.BaseHTTPRequestHandler):
    server: FakeNotify

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def answer(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        sent = json.loads(self.rfile.read(length))
        notification = {"id": str(uuid.uuid4()), "reference": sent.get("reference")}
        with self.server.lock:
            self.server.taken.append(notification)
            number = len(self.server.taken)
        if self.server.on_post is not None:
            self.server.on_post(number)
        self.answer(201, {"id": notification["id"]})

    def do_GET(self) -> None:
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        reference = query.get("reference", [""])[0]
        with self.server.lock:
            self.server.lookups += 1
            found = [n for n in self.server.taken if n["reference"] == reference]
        self.answer(200, {"notifications": found[:1], "links": {}})


# --- Killing the worker ------------------------------------------------------------------


def django_env(database_url: str, notify_url: str = "") -> dict[str, str]:
    return {
        **os.environ,
        "COPRODUCE_MODE": "development",
        "DJANGO_DEBUG": "false",
        "TASKS_IMMEDIATE": "false",
        "DATABASE_URL": database_url,
        "NOTIFY_API_KEY": API_KEY,
        "NOTIFY_BASE_URL": notify_url or "http://127.0.0.1:9",
        "NOTIFY_EMAIL_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000001",
        "NOTIFY_SMS_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000002",
        "NOTIFY_LETTER_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000003",
        "DJANGO_SETTINGS_MODULE": "coproduce.settings",
    }


def manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def seed(people: int) -> None:
    """An activity tomorrow with `people` coming, and one a week ago they came to."""
    from django.utils import timezone

    from coproduce.activities.models import Invitation, Reply
    from coproduce.activities.tests.factories import ActivityFactory
    from coproduce.people.tests.factories import CarerFactory
    from coproduce.projects.tests.factories import ProjectFactory
    from coproduce.tenancy.tests.factories import OrganisationFactory

    now = timezone.now()
    organisation = OrganisationFactory.create(name="Riverside Carers", slug="riverside")
    project = ProjectFactory.create(organisation=organisation)
    soon = ActivityFactory.create(project=project, starts_at=now + timedelta(hours=12))
    past = ActivityFactory.create(
        project=project,
        starts_at=now - timedelta(days=organisation.follow_up_days, hours=6),
    )
    for number in range(people):
        person = CarerFactory.create(organisation=organisation, email=f"carer{number}@example.org")
        for activity in (soon, past):
            Invitation.objects.create(activity=activity, person=person, reply=Reply.COMING)
    Invitation.objects.update(created_at=now - timedelta(days=30))


def run_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start `manage.py db_worker` and return once it is ready to work."""
    process = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--interval", "0.05", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if b"Starting worker" in line:
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    ready.wait(timeout=60)
    return process


def worker() -> int:
    folder = Path(tempfile.mkdtemp(prefix="coproduce-faults-"))
    notify = FakeNotify()
    threading.Thread(target=notify.serve_forever, daemon=True).start()
    env = django_env(f"sqlite:///{folder / 'db.sqlite3'}", notify.url)
    os.environ.update(env)
    try:
        manage("migrate", env=env)
        import django

        django.setup()
        from django_tasks_db.models import DBTaskResult

        from coproduce.activities.models import Invitation
        from coproduce.notifications import rules
        from coproduce.notifications.models import Message, Status

        seed(PEOPLE)
        expected = 2 * PEOPLE  # a reminder and a follow-up each
        started = time.monotonic()
        current: dict[str, subprocess.Popen[bytes]] = {}
        kills = {"after Notify took a message": 0, "at a random moment": 0}

        def kill(reason: str) -> None:
            process = current.get("worker")
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills[reason] += 1

        notify.on_post = lambda n: (
            kill("after Notify took a message") if n % KILL_EVERY == 0 else None
        )
        manage("run_schedule", env=env)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            current["worker"] = run_worker(env)
            try:
                current["worker"].wait(timeout=random.uniform(0.05, 1.0))
            except subprocess.TimeoutExpired:
                kill("at a random moment")
            current["worker"].wait()
            done = Message.objects.filter(status=Status.SENT).count()
            if done >= expected or not DBTaskResult.objects.ready().exists():
                break
        notify.on_post = None
        # Fifteen minutes later: the lost attempts are old enough to be resumed, and the
        # hourly schedule runs again (reminders, follow-ups and resuming unsent messages).
        lost = Message.objects.filter(status=Status.SENDING).count()
        Message.objects.filter(status=Status.SENDING).update(
            attempted_at=time_ago(rules.STUCK_AFTER + timedelta(minutes=1))
        )
        Message.objects.filter(status=Status.QUEUED).update(
            created_at=time_ago(rules.STUCK_AFTER + timedelta(minutes=1))
        )
        manage("run_schedule", env=env)
        subprocess.run(
            [PYTHON, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        elapsed = time.monotonic() - started

        messages = Message.objects.all()
        references = [n["reference"] for n in notify.taken]
        twice = len(references) - len(set(references))
        sent = messages.filter(status=Status.SENT).count()
        followed_up = Invitation.objects.exclude(follow_up_sent_at=None).count()
        orphans = DBTaskResult.objects.filter(status="RUNNING").count()
        print(
            f"People: {PEOPLE}; messages due: {expected} ({PEOPLE} reminders, {PEOPLE} follow-ups)"
        )
        for reason, count in kills.items():
            print(f"Worker killed {reason}: {count}")
        print(f"Messages left 'sending' by a killed worker, resumed later: {lost}")
        print(f"Messages written: {messages.count()}; sent: {sent}")
        print(f"Messages Notify was given: {len(references)}; given twice: {twice}")
        print(f"Look-ups by reference before a second attempt: {notify.lookups}")
        print(f"Follow-ups claimed: {followed_up}")
        print(f"Task results left 'running' by killed workers (harmless): {orphans}")
        print(f"Time, kills and recovery included: {elapsed:.1f} s")
        ok = messages.count() == sent == expected == len(set(references)) and twice == 0
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        notify.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


def time_ago(delta: timedelta) -> Any:
    from django.utils import timezone

    return timezone.now() - delta


# --- Cutting PostgreSQL connections ------------------------------------------------------

PORT = 8766
FEEDBACK = f"http://127.0.0.1:{PORT}/feedback/riverside/"


class Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any) -> None:
        return None


def post_feedback(text: str) -> int:
    """The public feedback form, as a browser fills it in. The status of the POST: 302 to
    the thanks page is the acknowledgement (0 if the service did not answer)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(), Stay())
    try:
        with opener.open(FEEDBACK, timeout=10) as page:
            html = page.read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert token is not None
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1), "text": text, "privacy": "anonymous"}
        ).encode()
        request = urllib.request.Request(FEEDBACK, data=body, headers={"Referer": FEEDBACK})
        with opener.open(request, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        if error.code == 302 and "thank-you" not in error.headers.get("Location", ""):
            return -302
        return int(error.code)
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return 0


def cut_connections(admin_url: str, database: str) -> int:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (database,),
        ).fetchall()
    return len(rows)


def postgres_round(url: str, health_checks: bool, seconds: float, cut_every: float) -> bool:
    import psycopg

    database = urllib.parse.urlparse(url).path.lstrip("/")
    env = django_env(url)
    env["DATABASE_CONN_MAX_AGE"] = "60"
    application = "benchmarks.faults_wsgi" if health_checks else "coproduce.wsgi"
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            application,
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if post_feedback("Faultsprobe warming up") == 302:
                break
            time.sleep(0.1)
        acknowledged: list[str] = []
        failures: list[tuple[float, int]] = []
        cuts = 0
        started = time.monotonic()
        next_cut = started + cut_every
        number = 0
        streak = longest = 0  # failed requests in a row: how long recovery took
        while time.monotonic() - started < seconds:
            if time.monotonic() >= next_cut:
                cuts += cut_connections(url, database)
                next_cut += cut_every
            number += 1
            text = f"Faultsview{number} {uuid.uuid4().hex}"
            status = post_feedback(text)
            if status == 302:
                acknowledged.append(text)
                streak = 0
            else:
                failures.append((time.monotonic() - started, status))
                streak += 1
                longest = max(longest, streak)
        with psycopg.connect(url) as connection:
            stored = {
                row[0]
                for row in connection.execute(
                    "SELECT text FROM contributions_contribution WHERE text LIKE 'Faultsview%%'"
                )
            }
        lost = [text for text in acknowledged if text not in stored]
        label = "with CONN_HEALTH_CHECKS" if health_checks else "settings as they are"
        print(f"PostgreSQL, {label}: {number} writes in {seconds:.0f} s, {cuts} connections cut")
        print(f"  failed requests: {len(failures)} {sorted({s for _, s in failures})}")
        print(f"  most failed requests in a row before it answered again: {longest}")
        print(f"  acknowledged: {len(acknowledged)}; lost: {len(lost)}")
        return not lost
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()


def postgres() -> int:
    url = os.environ.get("FAULTS_DATABASE_URL", "")
    if not url.startswith("postgresql://") or "coproduce_faults" not in url:
        print("Set FAULTS_DATABASE_URL to a database of its own, named coproduce_faults*")
        return 2
    seconds = float(os.environ.get("FAULTS_SECONDS", "20"))
    cut_every = float(os.environ.get("FAULTS_CUT_SECONDS", "2"))
    env = django_env(url)
    manage("migrate", env=env)
    os.environ.update(env)
    import django

    django.setup()
    from coproduce.tenancy.models import Organisation
    from coproduce.tenancy.tests.factories import OrganisationFactory

    if not Organisation.objects.filter(slug="riverside").exists():
        OrganisationFactory.create(name="Riverside Carers", slug="riverside")
    from django.db import connection

    connection.close()
    ok = all(postgres_round(url, checks, seconds, cut_every) for checks in (False, True))
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    choice = sys.argv[1] if len(sys.argv) > 1 else ""
    if choice == "worker":
        sys.exit(worker())
    if choice == "postgres":
        sys.exit(postgres())
    print(__doc__)
    sys.exit(2)

"""Two app servers behind one address, on one PostgreSQL and one Redis, with two task
workers: `make two-servers` (see README, "Several app servers").

    make two-servers      # or: .venv/bin/python benchmarks/two_servers.py

On this machine only (127.0.0.1), it:

1. makes a fresh database (DATABASE_URL's name, by default `coproduce`, with a
   `_two_servers` suffix; the role needs CREATEDB), migrates it and adds an organisation,
   a coordinator with an authenticator, a project whose group has TWO_SERVERS_PEOPLE
   carers (by email) and TWO_SERVERS_ACTIVITIES meetings, and an API token;
2. starts two gunicorn app servers (production settings, 2 sync workers each) on two
   ports, a round-robin TCP proxy in front of them on a third (no sticky sessions: each
   connection goes to the next server), two `manage.py db_worker` processes and a fake
   GOV.UK Notify that counts every message it is given by its reference;
3. signs the coordinator in through one server and gives the security code to the other,
   then, through the proxy (each request to the other server), invites the group to every
   meeting, twice (the second time must send nothing more);
4. asks the API more often than its limit allows, through both servers: with the limit
   counted in Redis exactly the limit is let through (a per-process count would let
   through up to four times as many);
5. reads pages through the proxy with `wrk` for TWO_SERVERS_SECONDS (10) while the workers
   send;
6. waits for the queue to empty and prints: each task run exactly once and by which
   worker, each message given to Notify exactly once, requests/s and errors through the
   proxy, and /health/ from each server. It exits non-zero if any check failed.

REDIS_URL names the Redis (redis://127.0.0.1:6379/0 by default); the run's keys get a
prefix of their own. Workers run in development mode (without DEBUG) because production
refuses a Notify address that is not https, and the fake Notify speaks plain HTTP on
loopback.
"""

import asyncio
import hashlib
import hmac
import http.client
import http.server
import json
import os
import re
import secrets
import shutil
import signal
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv/bin/python")
HOST = "127.0.0.1"
PEOPLE = int(os.environ.get("TWO_SERVERS_PEOPLE", "20"))
ACTIVITIES = int(os.environ.get("TWO_SERVERS_ACTIVITIES", "15"))
SECONDS = int(os.environ.get("TWO_SERVERS_SECONDS", "10"))
API_LIMIT = 40
DEFAULT_DATABASE = "postgresql://coproduce:coproduce@127.0.0.1:5432/coproduce"
PASSWORD = "two-servers-password"
COORDINATOR = "coordinator@two-servers.example"
FORWARDED = {"X-Forwarded-Proto": "https"}  # as the TLS proxy in front would say
NOTIFY_TEMPLATES = {
    "NOTIFY_EMAIL_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000001",
    "NOTIFY_SMS_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000002",
    "NOTIFY_LETTER_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000003",
}
NOTIFY_KEY = "two-11111111-1111-1111-1111-111111111111-22222222-2222-2222-2222-222222222222"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


# --- The round-robin proxy (one address in front of both servers) -------------------------


def run_proxy(port: int, backends: list[int], log: str) -> None:
    """Forward each connection to the next backend in turn; write its port to `log`."""
    turn = 0
    record = open(log, "a", buffering=1)  # noqa: SIM115 (open for the proxy's life)

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()

    async def handle(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        nonlocal turn
        backend = backends[turn % len(backends)]
        turn += 1
        record.write(f"{backend}\n")
        try:
            server_r, server_w = await asyncio.open_connection(HOST, backend)
        except OSError:
            client_w.close()
            return
        await asyncio.gather(pipe(client_r, server_w), pipe(server_r, client_w))

    async def main() -> None:
        server = await asyncio.start_server(handle, HOST, port, backlog=512)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


# --- A fake GOV.UK Notify that counts what it is given --------------------------------------


class FakeNotify(http.server.ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__((HOST, 0), NotifyHandler)
        self.lock = threading.Lock()
        self.posts: Counter[str] = Counter()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}"


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
        sent = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        with self.server.lock:
            self.server.posts[sent.get("reference", "")] += 1
        self.answer(201, {"id": str(uuid.uuid4())})

    def do_GET(self) -> None:  # a look-up by reference (only after a lost answer)
        self.answer(200, {"notifications": [], "links": {}})


# --- Settings for each process ------------------------------------------------------------


class Setup:
    def __init__(self, database_url: str, redis_url: str) -> None:
        self.database_url = database_url
        self.redis_url = redis_url
        self.secret = secrets.token_urlsafe(64)
        self.prefix = f"two-servers-{secrets.token_hex(4)}"
        self.proxy = free_port()
        self.servers = [free_port(), free_port()]

    def common(self) -> dict[str, str]:
        return {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "CACHE_KEY_PREFIX": self.prefix,
            "SECRET_KEY": self.secret,
            "API_REQUESTS_PER_MINUTE": str(API_LIMIT),
            "TASKS_IMMEDIATE": "false",
            "NOTIFY_API_KEY": NOTIFY_KEY,
            **NOTIFY_TEMPLATES,
            "STATIC_ROOT": str(ROOT / "staticfiles"),
            "LOG_LEVEL": "WARNING",
        }

    def server(self) -> dict[str, str]:
        """Production: the real middleware, secure cookies behind the pretend TLS proxy."""
        return {
            **self.common(),
            "COPRODUCE_MODE": "production",
            "ALLOWED_HOSTS": HOST,
            "CSRF_TRUSTED_ORIGINS": f"https://{HOST}:{self.proxy}",
            "SITE_URL": f"https://{HOST}:{self.proxy}",
            "DEFAULT_FROM_EMAIL": "two-servers@example.org",
        }

    def worker(self, notify_url: str) -> dict[str, str]:
        return {
            **self.common(),
            "COPRODUCE_MODE": "development",
            "DJANGO_DEBUG": "false",
            "NOTIFY_BASE_URL": notify_url,
        }


# --- Inside Django (run as `two_servers.py --seed` / `--report`) ---------------------------


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings")
    import django

    django.setup()


def seed() -> None:
    django_setup()
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from coproduce.activities.tests.factories import ActivityFactory
    from coproduce.api import actions as api_actions
    from coproduce.api import rules as api_rules
    from coproduce.conftest import make_member
    from coproduce.decisions.tests.factories import carer_in, project_with
    from coproduce.tenancy.models import Role
    from coproduce.tenancy.tests.factories import OrganisationFactory

    organisation = OrganisationFactory.create(name="Two Servers Carers", slug="two-servers")
    coordinator = make_member(organisation, Role.COORDINATOR, "Dylan Coordinator", COORDINATOR)
    coordinator.user.set_password(PASSWORD)
    coordinator.user.save()
    key = secrets.token_hex(20)
    TOTPDevice.objects.create(user=coordinator.user, name="app", key=key, confirmed=True)
    project = project_with(coordinator)
    for number in range(PEOPLE):
        person = carer_in(project, f"Carer {number:03d}")
        person.email = f"carer{number}@two-servers.example"
        person.save(update_fields=["email"])
        person.carer_profile.preferred_channel = "email"
        person.carer_profile.save(update_fields=["preferred_channel"])
    activities = [ActivityFactory.create(project=project).pk for _ in range(ACTIVITIES)]
    reads = [api_rules.scope(area, api_rules.Level.READ) for area in api_rules.Area]
    token = api_actions.create_token(organisation, "Load test", reads, None).text
    print(json.dumps({"key": key, "activities": activities, "token": token}))


def report() -> None:
    """What the database says afterwards, as JSON."""
    django_setup()
    from django_tasks_db.models import DBTaskResult

    from coproduce.lib import health
    from coproduce.notifications.models import Message

    tasks = list(DBTaskResult.objects.values_list("status", "worker_ids", "task_path"))
    messages = list(Message.objects.values_list("idempotency_key", "status"))
    waiting = health.check().oldest_task_waiting
    print(json.dumps({"tasks": tasks, "messages": messages, "waiting": waiting}))


# --- HTTP as a browser would ---------------------------------------------------------------


class Browser:
    """One signed-in person: cookies kept by hand (they are Secure; we speak plain HTTP on
    loopback behind a pretend TLS proxy, as an app server does in production)."""

    def __init__(self, setup: Setup, log: Path) -> None:
        self.setup = setup
        self.log = log
        self.cookies: dict[str, str] = {}
        self.served_by: list[str] = []

    def names(self) -> dict[int, str]:
        first, second = self.setup.servers
        return {first: "A", second: "B"}

    def request(
        self, method: str, path: str, form: Any = None, port: int | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        via_proxy = port is None
        lines_before = len(self.log.read_text().splitlines()) if via_proxy else 0
        connection = http.client.HTTPConnection(HOST, port or self.setup.proxy, timeout=60)
        headers = {
            **FORWARDED,
            "Host": HOST,
            "Referer": f"https://{HOST}:{self.setup.proxy}{path}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        connection.close()
        if via_proxy:
            self.served_by.append(
                self.names()[int(self.log.read_text().splitlines()[lines_before])]
            )
        else:
            self.served_by.append(self.names()[port or 0])
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data

    def form(self, path: str, port: int | None = None) -> dict[str, Any]:
        """The hidden fields of the page's form (CSRF and one-time tokens)."""
        status, _, page = self.request("GET", path, port=port)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        text = page.decode()
        fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', text))
        if "csrfmiddlewaretoken" not in fields:
            raise RuntimeError(f"No form on {path}")
        return {**fields, "_page": text}


def totp(hex_key: str, at: float | None = None) -> str:
    """The authenticator's six digits now (RFC 6238, as django-otp checks them)."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(bytes.fromhex(hex_key), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


# --- The run ----------------------------------------------------------------------------


def fresh_database(url: str) -> None:
    import psycopg

    parsed = urllib.parse.urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def this_script(env: dict[str, str], flag: str) -> Any:
    out = subprocess.run(
        [PYTHON, __file__, flag], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def quiet_refusals(server: subprocess.Popen[bytes]) -> None:
    """Pass on what a server logs, except the API refusals this run asks for."""

    def read() -> None:
        assert server.stderr is not None
        for line in server.stderr:
            if b"Too Many Requests" not in line:
                sys.stderr.write(line.decode(errors="replace"))

    threading.Thread(target=read, daemon=True).start()


def wait_for(port: int, path: str = "/ping/") -> None:
    for _ in range(300):
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request("GET", path, headers={**FORWARDED, "Host": HOST})
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Nothing answered on port {port}")


def health_of(port: int) -> str:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.request("GET", "/health/", headers={**FORWARDED, "Host": HOST})
    response = connection.getresponse()
    return f"{response.status} {response.read().decode()}"


def wrk(setup: Setup, path: str, cookies: dict[str, str]) -> dict[str, float]:
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    args = ["wrk", "-t2", "-c8", f"-d{SECONDS}s", "--timeout", "10s"]
    args += ["-s", str(ROOT / "benchmarks/wrk_report.lua"), "-H", "X-Forwarded-Proto: https"]
    args += ["-H", f"Cookie: {cookie}", f"http://{HOST}:{setup.proxy}{path}"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    found = re.search(r"^REPORT (\{.*\})$", out, re.MULTILINE)
    if not found:
        raise RuntimeError(f"Could not read wrk's report:\n{out}")
    result: dict[str, float] = json.loads(found.group(1))
    return result


def main() -> int:
    base = os.environ.get("DATABASE_URL", DEFAULT_DATABASE)
    if not base.startswith("postgres"):
        sys.exit("Two servers share one PostgreSQL: set DATABASE_URL=postgresql://...")
    if shutil.which("wrk") is None:
        print("Installing wrk (Debian package)...", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
    setup = Setup(base + "_two_servers", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    print(f"Database {urllib.parse.urlparse(setup.database_url).path[1:]} (fresh), Redis "
          f"{setup.redis_url} (keys under {setup.prefix}), {PEOPLE} carers, "
          f"{ACTIVITIES} meetings", flush=True)  # fmt: skip
    fresh_database(setup.database_url)
    dev = setup.worker("http://127.0.0.1:9")
    manage(dev, "migrate", "--verbosity", "0")
    manage(setup.server(), "collectstatic", "--noinput", "--verbosity", "0")
    seeded = this_script(dev, "--seed")

    notify = FakeNotify()
    threading.Thread(target=notify.serve_forever, daemon=True).start()
    log = Path(f"/tmp/coproduce-two-servers-{os.getpid()}.log")
    log.write_text("")
    processes: list[subprocess.Popen[bytes]] = []
    failures: list[str] = []
    try:
        for port in setup.servers:
            gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "coproduce.wsgi", "--workers", "2"]
            gunicorn += ["--bind", f"{HOST}:{port}", "--log-level", "warning"]
            processes.append(
                subprocess.Popen(gunicorn, cwd=ROOT, env=setup.server(), stderr=subprocess.PIPE)
            )
            quiet_refusals(processes[-1])
        for number in (1, 2):
            worker = [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"]
            worker += ["--no-startup-delay", "--worker-id", f"worker-{number}"]
            processes.append(
                subprocess.Popen(
                    worker,
                    cwd=ROOT,
                    env=setup.worker(notify.url),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        proxy = [PYTHON, __file__, "--proxy", str(setup.proxy), str(log)]
        proxy += [str(port) for port in setup.servers]
        processes.append(subprocess.Popen(proxy, cwd=ROOT))
        for port in [*setup.servers, setup.proxy]:
            wait_for(port)
        first, second = setup.servers

        # Sign in on server A, give the security code to server B.
        browser = Browser(setup, log)
        fields = browser.form("/sign-in/", port=first)
        status, headers, _ = browser.request(
            "POST", "/sign-in/",
            {"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "email": COORDINATOR,
             "password": PASSWORD},
            port=first,
        )  # fmt: skip
        if "two-factor" not in headers.get("location", ""):
            raise RuntimeError(f"Signing in did not ask for the security code ({status})")
        fields = browser.form("/two-factor/", port=second)
        status, headers, _ = browser.request(
            "POST", "/two-factor/",
            {"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "code": totp(seeded["key"])},
            port=second,
        )  # fmt: skip
        signed_in = status in (302, 303) and "two-factor" not in headers.get("location", "")
        home = browser.request("GET", "/", port=first)[0]
        print(f"\nSigned in on server A, security code on B, home page on A: {home}")
        if not signed_in or home != 200:
            failures.append("signing in across two servers")

        # Invite the group to every meeting, twice, through the proxy.
        browser.served_by.clear()
        statuses: Counter[int] = Counter()
        started = time.perf_counter()
        for _attempt in (1, 2):
            for activity in seeded["activities"]:
                path = f"/activities/{activity}/invite/"
                fields = browser.form(path)
                people = re.findall(r'name="people"[^>]*value="(\d+)"', fields.pop("_page"))
                status = browser.request("POST", path, {**fields, "people": people})[0]
                statuses[status] += 1
        took = time.perf_counter() - started
        posts = 2 * len(seeded["activities"])
        served = Counter(browser.served_by)
        print(
            f"Invited {PEOPLE} carers to {ACTIVITIES} meetings, twice: {posts} posts (and "
            f"their pages) in {took:.1f} s, answered {dict(statuses)}; requests served by "
            f"A {served['A']}, by B {served['B']}, alternating: "
            f"{''.join(browser.served_by[:12])}..."
        )
        if set(statuses) - {302, 303}:
            failures.append("inviting")
        print("/health/ while the workers send:")
        for name, port in (("A", first), ("B", second)):
            print(f"  {name} {health_of(port)}")

        # The API's rate limit, counted in Redis, across both servers and four processes.
        window_left = 60 - time.time() % 60
        if window_left < 20:
            time.sleep(window_left + 0.5)
        api: Counter[int] = Counter()
        for _ in range(API_LIMIT + 20):
            connection = http.client.HTTPConnection(HOST, setup.proxy, timeout=30)
            connection.request(
                "GET", "/api/v1/projects",
                headers={**FORWARDED, "Host": HOST, "Authorization": f"Bearer {seeded['token']}"},
            )  # fmt: skip
            response = connection.getresponse()
            response.read()
            api[response.status] += 1
        print(
            f"API: {API_LIMIT + 20} requests a minute allowed {API_LIMIT}, through both "
            f"servers: {api[200]} answered, {api[429]} refused (429)"
        )
        if api[200] != API_LIMIT or api[429] != 20:
            failures.append("the API's rate limit across servers")

        # Pages through the proxy while the workers send.
        log_before = len(log.read_text().splitlines())
        load = wrk(setup, f"/activities/{seeded['activities'][0]}/invitations/", browser.cookies)
        spread = Counter(log.read_text().splitlines()[log_before:])
        print(
            f"Through the proxy, a meeting's invitations page, wrk 8 connections x {SECONDS} s: "
            f"{load['rps']:.0f} requests/s, p50 {load['p50'] / 1000:.0f} ms, p99 "
            f"{load['p99'] / 1000:.0f} ms, errors {int(load['errors'])}; connections to A "
            f"{spread[str(first)]}, to B {spread[str(second)]}; load average "
            f"{os.getloadavg()[0]:.1f}"
        )
        if load["errors"]:
            failures.append("errors under load")

        # Wait for the workers to empty the queue.
        deadline = time.monotonic() + 180
        while True:
            found = this_script(dev, "--report")
            tasks = found["tasks"]
            finished = [t for t in tasks if t[0] in ("SUCCESSFUL", "FAILED")]
            if len(finished) == len(tasks) or time.monotonic() > deadline:
                break
            time.sleep(1)
        runs = Counter(len(t[1]) for t in tasks)
        by_worker = Counter(w for t in tasks for w in t[1])
        states = Counter(t[0] for t in tasks)
        print(
            f"\nTasks: {len(tasks)} ({dict(states)}); run once: {runs[1]}, more than once: "
            f"{sum(n for k, n in runs.items() if k > 1)}, never: {runs[0]}; by worker: "
            f"{dict(sorted(by_worker.items()))}"
        )
        if runs[1] != len(tasks) or states.get("SUCCESSFUL") != len(tasks):
            failures.append("tasks run exactly once")
        messages = dict(found["messages"])
        message_states = Counter(messages.values())
        given = notify.posts
        twice = [ref for ref, n in given.items() if n > 1]
        missing = [key for key in messages if key not in given]
        print(
            f"Messages: {len(messages)} written ({dict(message_states)}), expected "
            f"{PEOPLE * ACTIVITIES}; Notify was given {sum(given.values())} for "
            f"{len(given)} references: more than once {len(twice)}, never {len(missing)}"
        )
        expected = PEOPLE * ACTIVITIES
        if len(messages) != expected or twice or missing or len(given) != expected:
            failures.append("each message given to Notify exactly once")
        print("\n/health/ from each server:")
        for name, port in (("A", first), ("B", second), ("proxy", setup.proxy)):
            print(f"  {name:5} {health_of(port)}")
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        notify.shutdown()
        log.unlink(missing_ok=True)
    print("\n" + ("All checks passed." if not failures else "FAILED: " + ", ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    if "--seed" in sys.argv:
        seed()
    elif "--report" in sys.argv:
        report()
    elif "--proxy" in sys.argv:
        index = sys.argv.index("--proxy")
        port, log, *backends = sys.argv[index + 1 :]
        run_proxy(int(port), [int(b) for b in backends], log)
    else:
        sys.exit(main())

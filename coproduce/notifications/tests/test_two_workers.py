"""Two task workers on one PostgreSQL queue (as two machines, or two processes, would run
`manage.py db_worker`): every task runs once, by one worker, and every message reaches
GOV.UK Notify once. Notify is faked at its HTTP edge by a server on 127.0.0.1 that counts
what it is given by reference; the workers are the real command in their own processes."""

import http.server
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection, transaction
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pytest_django import Settings

from coproduce.notifications import actions
from coproduce.notifications.models import Message, Status
from coproduce.people.tests.factories import CarerFactory
from coproduce.tenancy.tests.factories import OrganisationFactory

ROOT = Path(__file__).resolve().parents[3]
MESSAGES = 40
API_KEY = "test-11111111-1111-1111-1111-111111111111-22222222-2222-2222-2222-222222222222"
TEMPLATES = {
    "NOTIFY_EMAIL_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000001",
    "NOTIFY_SMS_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000002",
    "NOTIFY_LETTER_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000003",
}

pytestmark = pytest.mark.slow


class CountingNotify(http.server.ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.given: Counter[str] = Counter()


class Handler(http.server.BaseHTTPRequestHandler):
    server: CountingNotify

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        sent = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        time.sleep(0.02)  # as long as a real send takes, or longer: both workers get some
        with self.server.lock:
            self.server.given[sent["reference"]] += 1
        body = json.dumps({"id": str(uuid.uuid4())}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def notify() -> Iterator[CountingNotify]:
    server = CountingNotify()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def database_url() -> str:
    """The test database, for the workers' processes."""
    found = connection.settings_dict
    user = quote(found["USER"] or "", safe="")
    password = quote(found["PASSWORD"] or "", safe="")
    return (
        f"postgresql://{user}:{password}@{found['HOST'] or '127.0.0.1'}:{found['PORT'] or 5432}"
        f"/{found['NAME']}"
    )


def start_worker(name: str, notify_url: str) -> tuple[subprocess.Popen[bytes], threading.Event]:
    environment = {
        k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CACHE_URL", "DJANGO_DEBUG"}
    }
    environment.update(
        COPRODUCE_MODE="development",
        DJANGO_DEBUG="false",
        DATABASE_URL=database_url(),
        TASKS_IMMEDIATE="false",
        NOTIFY_API_KEY=API_KEY,
        NOTIFY_BASE_URL=notify_url,
        **TEMPLATES,
    )
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.05"]
    command += ["--no-startup-delay", "--worker-id", name]
    worker = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    ready = threading.Event()

    def read() -> None:
        assert worker.stdout is not None
        for line in worker.stdout:
            if b"Starting worker" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    return worker, ready


@pytest.mark.django_db(transaction=True)
def test_two_workers_on_one_queue_run_each_task_once_and_send_each_message_once(
    settings: Settings, notify: CountingNotify
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "the workers are other processes, which cannot see SQLite's test database "
            "(it lives in this process's memory); they share a queue through PostgreSQL"
        )
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    organisation = OrganisationFactory.create()
    people = [
        CarerFactory.create(organisation=organisation, email=f"carer{n}@example.org")
        for n in range(MESSAGES)
    ]
    url = f"http://127.0.0.1:{notify.server_address[1]}"
    workers = [start_worker(name, url) for name in ("worker-1", "worker-2")]
    try:
        for _worker, ready in workers:
            assert ready.wait(timeout=45), "a worker did not start"
        with transaction.atomic():  # every send is queued when this commits
            for number, person in enumerate(people):
                actions.notify(person, "example", "example", {}, idempotency_key=f"two.{number}")
        deadline = time.monotonic() + 45
        while DBTaskResult.objects.exclude(
            status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
        ).exists():
            assert time.monotonic() < deadline, "the workers did not empty the queue"
            time.sleep(0.1)
    finally:
        for worker, _ready in workers:
            worker.terminate()
        for worker, _ready in workers:
            worker.wait(timeout=20)

    tasks = list(DBTaskResult.objects.values_list("status", "worker_ids"))
    assert len(tasks) == MESSAGES
    assert {status for status, _ids in tasks} == {TaskResultStatus.SUCCESSFUL}
    assert all(len(ids) == 1 for _status, ids in tasks), "a task was run twice"
    ran = Counter(ids[0] for _status, ids in tasks)
    assert set(ran) == {"worker-1", "worker-2"}, ran
    assert set(Message.objects.values_list("status", flat=True)) == {Status.SENT}
    assert notify.given == {f"two.{number}": 1 for number in range(MESSAGES)}

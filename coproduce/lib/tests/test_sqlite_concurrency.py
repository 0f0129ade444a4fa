"""SQLite under concurrent writes: parallel requests wait their turn instead of failing.

Carers submitting claims at the same moment once gave a 500 ("database is locked"): with
SQLite's default deferred transactions, two requests that have both read cannot both
start writing, and SQLite refuses one at once instead of waiting. The settings start
every transaction IMMEDIATE (the write lock is taken first, waiting up to the timeout)
and use WAL, so readers never block the writer.

The test copies its database to a file (the test database is otherwise in memory, where
SQLite locks differently) and posts from several threads at once, each with its own
connection, as a threaded server's requests would.
"""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member, make_member, signed_in
from coproduce.payments import actions
from coproduce.payments.models import Claim, Status
from coproduce.payments.tests.setup import attended, past_meeting, policy_for
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory
from coproduce.tenancy.models import Role

CARERS = 6

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="what SQLite does with concurrent writes"
)


@pytest.fixture
def on_a_file(transactional_db: None, tmp_path: Path) -> Iterator[Path]:
    """An SQLite file that connections opened from now on use (the test copies its data
    there with `move_to_file`). This thread's in-memory connection is left as it is."""
    original = connection.settings_dict["NAME"]
    yield tmp_path / "concurrent.sqlite3"
    connection.settings_dict["NAME"] = original


def move_to_file(path: Path) -> None:
    """Copy the committed test data to the file and send new connections there."""
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    connection.settings_dict["NAME"] = str(path)


def carers_with_claims_ready(coordinator: Member) -> list[tuple[Member, Claim]]:
    project = ProjectFactory.create(
        organisation=coordinator.organisation, coordinator=coordinator.person
    )
    policy_for(coordinator)
    meeting = past_meeting(project, 10)
    carers = [
        make_member(coordinator.organisation, Role.CARER, f"Carer {n}", f"carer{n}@example.org")
        for n in range(CARERS)
    ]
    for carer in carers:
        ProjectMemberFactory.create(project=project, person=carer.person)
        attended(meeting, carer, minutes=60)
    actions.draft_claims(project, None)
    ready = []
    for carer in carers:
        claim = Claim.objects.get(person=carer.person, project=project)
        actions.choose_method(
            claim, carer.user, {"method": "voucher", "voucher_send_to": "m@example.org"}
        )
        ready.append((carer, claim))
    return ready


def test_parallel_claim_submissions_on_an_sqlite_file_all_succeed(
    on_a_file: Path, coordinator: Member
) -> None:
    ready = carers_with_claims_ready(coordinator)
    clients = [signed_in(Client(raise_request_exception=False), carer.user) for carer, _ in ready]
    move_to_file(on_a_file)
    start = threading.Barrier(len(ready))
    statuses: list[int] = []

    def submit(client: Client, claim: Claim) -> None:
        try:
            start.wait()
            response = client.post(reverse("payments:submit", args=[claim.pk]))
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=submit, args=(client, claim))
        for client, (_, claim) in zip(clients, ready, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * len(ready)
    with closing(sqlite3.connect(on_a_file)) as database:
        stored = database.execute("SELECT status FROM payments_claim").fetchall()
    assert stored == [(Status.SUBMITTED,)] * len(ready)

"""The load harness's write targets: made fresh each run, writable through the real pages
with the forms the harness posts, and counted."""

import re

import pytest
from django.test import Client

from coproduce.accounts.models import User
from coproduce.conftest import signed_in
from coproduce.demo import load_writes, scale
from coproduce.demo.tests.test_scale import TINY, quiet

pytestmark = pytest.mark.django_db


def test_each_run_gets_its_own_targets_for_every_carer_with_an_account() -> None:
    scale.generate(TINY, report=quiet)
    first = load_writes.prepare(rounds=3)
    second = load_writes.prepare(rounds=3)

    assert first.project != second.project
    assert len(first.carers) == scale.CARERS_WITH_ACCOUNTS
    assert all(email.endswith("@" + scale.EMAIL_DOMAIN) for email in first.carers)
    assert len(first.proposals) == len(first.activities) == 3
    assert load_writes.stored(first.project) == {"survey": 0, "replies": 0, "positions": 0}


def test_the_harness_forms_store_a_row_each_and_the_counts_see_them() -> None:
    scale.generate(TINY, report=quiet)
    targets = load_writes.prepare(rounds=2)
    carer = signed_in(Client(), User.objects.get(email=targets.carers[0]))

    # A position and a reply, as the harness posts them.
    response = carer.post(f"/decisions/{targets.proposals[1]}/", {"stance": "agree"})
    assert response.status_code == 302
    response = carer.post(f"/activities/{targets.activities[0]}/reply/", {"reply": "coming"})
    assert response.status_code == 302
    # The same position again changes it: still one row.
    carer.post(f"/decisions/{targets.proposals[1]}/", {"stance": "stand_aside"})

    # An anonymous answer to the public survey: start, answer, send.
    anyone = Client()
    started = anyone.post(f"/surveys/{targets.survey}/", {})
    assert started.status_code == 302
    answers = started["Location"]
    answered = anyone.post(answers, {f"q{targets.question}": "More evening sessions"})
    assert answered.status_code == 302
    sent = anyone.post(answered["Location"], {})
    assert sent.status_code == 302
    assert re.search(r"/thank-you/$", sent["Location"])

    assert load_writes.stored(targets.project) == {"survey": 1, "replies": 1, "positions": 1}

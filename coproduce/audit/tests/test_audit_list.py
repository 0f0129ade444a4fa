from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.audit import actions as audit
from coproduce.audit.models import AuditAction, DataCategory
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory


def test_admin_sees_who_saw_what_in_their_organisation_only(
    admin_client_a: Client,
    coordinator_client: Client,
    carer: Member,
    carer_b: Member,
    staff_b: Member,
) -> None:
    coordinator_client.get(reverse("people:person", args=[carer.person.pk]))
    audit.record(
        actor=staff_b.user,
        person=carer_b.person,
        action=AuditAction.VIEWED,
        categories=[DataCategory.HEALTH],
    )
    html = admin_client_a.get(reverse("audit:list")).content.decode()
    assert carer.person.full_name in html
    assert "coordinator.org-a@example.org" in html
    assert carer_b.person.full_name not in html


def test_coordinators_and_carers_cannot_read_the_audit_log(
    coordinator_client: Client, carer_client: Client
) -> None:
    assert coordinator_client.get(reverse("audit:list")).status_code == 403
    assert carer_client.get(reverse("audit:list")).status_code == 403


@pytest.mark.parametrize("events", [2, 120])
def test_the_audit_log_runs_a_fixed_number_of_queries(
    admin_client_a: Client, admin: Member, events: int, django_assert_num_queries: Any
) -> None:
    people = CarerFactory.create_batch(5, organisation=admin.organisation)
    for n in range(events):
        audit.record(
            actor=admin.user,
            person=people[n % 5],
            action=AuditAction.VIEWED,
            categories=[DataCategory.CARING],
        )
    # session, user, membership, OTP device, count, page
    with django_assert_num_queries(6):
        response = admin_client_a.get(reverse("audit:list"), {"page": 2 if events > 50 else 1})
    assert response.status_code == 200

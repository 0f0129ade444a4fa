"""The demo's self-assessment (coproduce.demo.selfassessment): Riverside has two rounds
answered by staff and carers, to compare, and an action plan; Margaret is invited to answer."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.conftest import signed_in
from coproduce.demo import named
from coproduce.selfassessment.models import PlanAction, Round, Submission

pytestmark = pytest.mark.django_db


def test_riverside_has_two_rounds_answered_by_staff_and_carers_with_a_plan(
    built_demo: str,
) -> None:
    rounds = list(Round.objects.filter(organisation__slug=named.RIVERSIDE).order_by("opened_at"))
    assert len(rounds) == 2
    assert not rounds[0].is_open
    assert rounds[0].results_published
    assert rounds[1].is_open
    for round_ in rounds:
        sides = set(Submission.objects.filter(round=round_).values_list("side", flat=True))
        assert sides == {"staff", "carers"}
        assert Submission.objects.filter(round=round_, side="carers").count() >= 5
    assert {"paper", "phone", "web"} <= set(
        Submission.objects.filter(round__in=rounds).values_list("channel", flat=True)
    )
    assert PlanAction.objects.filter(round=rounds[0]).count() == 4
    assert "Self-assessment: 2 rounds" in built_demo

    client = signed_in(Client(), User.objects.get(email=named.COORDINATOR_EMAIL))
    body = client.get(reverse("selfassessment:round", args=[rounds[1].pk])).content.decode()
    assert "Staff since last round" in body
    assert "Where staff and carers disagree most" in body
    assert "Pay involvement claims within 10 working days" not in body  # last year's plan

    carer = signed_in(Client(), User.objects.get(email=named.CARER_EMAIL))
    home = carer.get(reverse("pages:home")).content.decode()
    assert f"{rounds[1].title} is open" in home
    published = carer.get(reverse("selfassessment:round", args=[rounds[0].pk])).content.decode()
    assert "Pay involvement claims within 10 working days" in published

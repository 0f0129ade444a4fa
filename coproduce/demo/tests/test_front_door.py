"""The demo's public front doors: both carers' organisations say how to reach them, and
Riverside's lists what it has open."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.demo import named
from coproduce.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


def test_both_demo_organisations_say_how_to_reach_them(built_demo: str) -> None:
    for slug in (named.RIVERSIDE, named.HILLSIDE):
        organisation = Organisation.objects.get(slug=slug)
        assert organisation.phone
        assert organisation.email.endswith(".example")
        assert organisation.postal_address
        assert organisation.opening_hours
        assert organisation.opening_hours_cy
        assert organisation.visit_address
        assert organisation.premises_access
        assert organisation.premises_access_cy


def test_the_signed_out_home_leads_to_riversides_front_door_and_what_is_open(
    built_demo: str, client: Client
) -> None:
    home = client.get(reverse("pages:home")).content.decode()
    door = reverse("pages:front-door", args=[named.RIVERSIDE])
    assert door in home
    html = client.get(door).content.decode()
    assert "Young carers: help schools understand" in html  # the open brief
    assert "Easy read" in html
    assert "Coming home from hospital" in html  # the public survey and its results
    assert "Hospital discharge that works for carers" in html  # the public board
    assert "01632 960 123" in html

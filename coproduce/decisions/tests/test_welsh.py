"""A proposal in Welsh: written when it is put, or by staff afterwards, and read in Welsh."""

import html

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.decisions.models import Proposal
from coproduce.decisions.tests.factories import project_with, proposal_of
from coproduce.decisions.tests.test_propose import proposal_data
from coproduce.people.models import Language, Person


def test_a_proposal_is_put_with_its_welsh(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, coordinator, carer)
    url = reverse("decisions:propose", args=[project.pk])
    assert "In Welsh (optional)" in carer_client.get(url).content.decode()
    carer_client.post(url, proposal_data(title_cy="Defnyddio'r rhestr", options_cy="Ie, neu na."))
    proposal = Proposal.objects.get()
    assert (proposal.title_cy, proposal.background_cy, proposal.options_cy) == (
        "Defnyddio'r rhestr",
        "",
        "Ie, neu na.",
    )


def test_staff_write_the_welsh_of_a_proposal_and_members_read_it(
    coordinator_client: Client, carer_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, coordinator, carer))
    url = reverse("decisions:welsh", args=[proposal.pk])
    assert carer_client.get(url).status_code in (403, 404)
    data = {"title_cy": "Cynnig", "background_cy": "Cefndir", "options_cy": "Dewisiadau"}
    response = coordinator_client.post(url, data)
    assert response["Location"] == reverse("decisions:proposal", args=[proposal.pk])
    proposal.refresh_from_db()
    assert (proposal.title_cy, proposal.background_cy) == ("Cynnig", "Cefndir")
    Person.objects.filter(pk=carer.person.pk).update(preferred_language=Language.WELSH)
    page = html.unescape(
        carer_client.get(reverse("decisions:proposal", args=[proposal.pk])).content.decode()
    )
    assert '<h1 class="govuk-heading-l">Cynnig</h1>' in page
    assert '<p class="govuk-body app-preserve-lines" lang="cy">Dewisiadau</p>' in page
    assert "app-welsh-missing" not in page


def test_other_organisations_cannot_write_the_welsh(
    staff_b_client: Client, coordinator: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, coordinator))
    url = reverse("decisions:welsh", args=[proposal.pk])
    assert staff_b_client.post(url, {"title_cy": "Na"}).status_code == 404

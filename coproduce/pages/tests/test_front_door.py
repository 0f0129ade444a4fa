"""The public front door of each organisation (/o/<slug>/) and the directory of
organisations on the signed-out home page: only what is already public, in a fixed number
of queries."""

import datetime
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.accountability.models import BoardSettings
from coproduce.evaluation.models import Review
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.recruitment.tests.factories import (
    BriefFactory,
    EasyReadLineFactory,
    PublishedBriefFactory,
)
from coproduce.surveys.models import Audience, SurveyStatus
from coproduce.surveys.tests.factories import SurveyFactory
from coproduce.tenancy.models import Organisation, Partnership
from coproduce.tenancy.tests.factories import OrganisationFactory

TODAY = timezone.localdate()
NOW = timezone.now()


def front_door(client: Client, organisation: Organisation) -> str:
    response = client.get(reverse("pages:front-door", args=[organisation.slug]))
    assert response.status_code == 200
    return response.content.decode()


def open_things(organisation: Organisation, n: int, tag: str = "Open") -> None:
    """`n` of each public thing an organisation can have: a brief open now (with an
    easy-read line), an open public survey, a public board and published results."""
    for i in range(n):
        project = ProjectFactory.create(organisation=organisation, title=f"{tag} project {i}")
        brief = PublishedBriefFactory.create(project=project, title=f"{tag} brief {i}")
        EasyReadLineFactory.create(brief=brief, text="We want to hear from you.")
        SurveyFactory.create(project=project, title=f"{tag} survey {i}", audience=Audience.PUBLIC)
        SurveyFactory.create(
            project=project,
            title=f"{tag} results {i}",
            audience=Audience.PUBLIC,
            status=SurveyStatus.CLOSED,
            results_published=True,
        )
        BoardSettings.objects.create(project=project, public=True)
        Review.objects.create(
            project=project, outcomes="Outcomes", updated_at=timezone.now(), published_at=NOW
        )
        draft = ProjectFactory.create(organisation=organisation, title=f"{tag} drafting {i}")
        Review.objects.create(project=draft, outcomes="Not yet", updated_at=timezone.now())


def test_the_front_door_shows_what_is_open_and_public(client: Client, org_a: Organisation) -> None:
    open_things(org_a, 1)
    html = front_door(client, org_a)
    brief = org_a.projects.get(title="Open project 0").briefs.get()
    assert "Open brief 0" in html
    assert reverse("recruitment:public-brief", args=[brief.public_id]) in html
    assert reverse("recruitment:public-easy-read", args=[brief.public_id]) in html
    assert "Open survey 0" in html
    assert "Results of Open results 0" in html
    assert "Open project 0" in html  # its public You Said, We Did board
    assert reverse("contributions:open-door", args=[org_a.slug]) in html
    published = Review.objects.get(project__title="Open project 0")
    assert "Final review of Open project 0" in html
    assert reverse("evaluation:public-review-pdf", args=[published.public_id]) in html
    assert "Open drafting 0" not in html  # a review still being written


def test_the_front_door_never_shows_what_is_not_public(
    client: Client, org_a: Organisation, org_b: Organisation
) -> None:
    project = ProjectFactory.create(organisation=org_a, title="Hidden board project")
    BriefFactory.create(project=project, title="Draft brief")
    PublishedBriefFactory.create(
        project=project,
        title="Closed brief",
        opens_on=TODAY - datetime.timedelta(days=30),
        closes_on=TODAY - datetime.timedelta(days=1),
    )
    PublishedBriefFactory.create(
        project=project,
        title="Future brief",
        opens_on=TODAY + datetime.timedelta(days=1),
        closes_on=TODAY + datetime.timedelta(days=30),
    )
    SurveyFactory.create(
        project=project, title="Draft survey", audience=Audience.PUBLIC, status="draft"
    )
    SurveyFactory.create(
        project=project, title="Closed survey", audience=Audience.PUBLIC, status="closed"
    )
    SurveyFactory.create(
        project=project,
        title="Past closing survey",
        audience=Audience.PUBLIC,
        closes_at=timezone.now() - datetime.timedelta(hours=1),
    )
    SurveyFactory.create(
        project=project,
        title="Members survey",
        audience=Audience.MEMBERS,
        results_published=True,
    )
    SurveyFactory.create(
        project=project,
        title="Draft results",
        audience=Audience.PUBLIC,
        results_published=True,
        status="draft",
    )
    BoardSettings.objects.create(project=project, public=False)
    open_things(org_b, 1, tag="Zebedee-B")
    html = front_door(client, org_a)
    for hidden in (
        "Draft brief",
        "Closed brief",
        "Future brief",
        "Draft survey",
        "Closed survey",
        "Past closing survey",
        "Members survey",
        "Draft results",
        "Hidden board project",
        "Zebedee-B",
    ):
        assert hidden not in html, hidden
    assert "Nothing is open to join at the moment." in html
    assert "There are no surveys open at the moment." in html


def test_closed_public_survey_results_are_shown_but_not_as_open(
    client: Client, org_a: Organisation
) -> None:
    SurveyFactory.create(
        project=ProjectFactory.create(organisation=org_a),
        title="Finished survey",
        audience=Audience.PUBLIC,
        status="closed",
        results_published=True,
    )
    html = front_door(client, org_a)
    assert "Results of Finished survey" in html
    assert "There are no surveys open at the moment." in html


def test_a_partners_shared_project_shows_on_each_partners_front_door(
    client: Client, org_a: Organisation, org_b: Organisation
) -> None:
    partnership = Partnership.objects.create(name="Shared", lead=org_a)
    partnership.organisations.add(org_a, org_b)
    project = ProjectFactory.create(organisation=org_a, partnership=partnership)
    PublishedBriefFactory.create(project=project, title="Shared brief")
    assert "Shared brief" in front_door(client, org_a)
    assert "Shared brief" in front_door(client, org_b)


def test_an_unknown_organisation_has_no_front_door(client: Client, db: None) -> None:
    assert client.get(reverse("pages:front-door", args=["nobody"])).status_code == 404


def test_the_front_door_shows_how_to_reach_the_organisation_in_welsh(
    client: Client, db: None
) -> None:
    organisation = OrganisationFactory.create(
        name="Hillside Carers",
        name_cy="Gofalwyr Ochr y Bryn",
        slug="hillside",
        phone="029 2018 0456",
        email="helo@hillside.example",
        postal_address="4 Heol y Bryn\nCaerdydd",
        opening_hours="Monday to Thursday",
        opening_hours_cy="Dydd Llun i ddydd Iau",
        visit_address="4 Heol y Bryn",
        premises_access="Step-free",
        premises_access_cy="Heb risiau",
    )
    html = front_door(client, organisation)
    assert 'href="tel:02920180456"' in html
    assert "mailto:helo@hillside.example" in html
    assert "4 Heol y Bryn<br>Caerdydd" in html
    assert "Monday to Thursday" in html
    assert "Step-free" in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    welsh = client.get(reverse("pages:front-door", args=[organisation.slug]))
    body = welsh.content.decode()
    assert "Gofalwyr Ochr y Bryn" in body
    assert "Dydd Llun i ddydd Iau" in body
    assert "Heb risiau" in body


def test_an_organisation_without_contact_details_says_so(
    client: Client, org_a: Organisation
) -> None:
    assert "has not published its contact details yet" in front_door(client, org_a)


def test_only_the_organisations_own_admin_is_offered_to_change_its_details(
    admin_client_a: Client,
    coordinator_client: Client,
    staff_b_client: Client,
    org_a: Organisation,
) -> None:
    change = reverse("tenancy:contact-details")
    assert change in front_door(admin_client_a, org_a)
    assert change not in front_door(coordinator_client, org_a)
    assert change not in front_door(staff_b_client, org_a)


@pytest.mark.parametrize("count", [1, 6])
def test_the_front_door_runs_a_fixed_number_of_queries(
    client: Client, org_a: Organisation, count: int, django_assert_num_queries: Any
) -> None:
    open_things(org_a, count)
    # The organisation; open briefs (with whether each has an easy read); open surveys;
    # public boards (with their projects); published results; published reviews.
    with django_assert_num_queries(6):
        html = front_door(client, org_a)
    assert html.count("Results of Open results") == count
    assert html.count("Final review of Open project") == count


def test_the_signed_out_home_lists_every_organisations_front_door(
    client: Client, org_a: Organisation, org_b: Organisation
) -> None:
    html = client.get(reverse("pages:home")).content.decode()
    assert reverse("pages:front-door", args=[org_a.slug]) in html
    assert reverse("pages:front-door", args=[org_b.slug]) in html


def test_signed_in_people_get_their_own_home_not_the_directory(
    carer_client: Client, org_b: Organisation
) -> None:
    html = carer_client.get(reverse("pages:home")).content.decode()
    assert reverse("pages:front-door", args=[org_b.slug]) not in html


@pytest.mark.parametrize("count", [3, 40])
def test_the_directory_is_paged_and_runs_a_fixed_number_of_queries(
    client: Client, db: None, count: int, django_assert_num_queries: Any
) -> None:
    OrganisationFactory.create_batch(count)
    # The count of organisations and one page of them.
    with django_assert_num_queries(2):
        html = client.get(reverse("pages:home")).content.decode()
    assert html.count('href="/o/') == min(count, 25)
    if count > 25:
        second = client.get(reverse("pages:home") + "?page=2").content.decode()
        assert second.count('href="/o/') == count - 25

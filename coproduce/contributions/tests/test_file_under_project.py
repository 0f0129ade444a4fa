"""Open-door feedback filed under the project it is about: staff file it, and it shows on
the project's evaluation plan as evidence, as each viewer may see it (ADR 0005)."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.conftest import Member
from coproduce.contributions.models import Contribution, ContributionChannel, Privacy
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


def open_door(
    organisation: Organisation, text: str = "zq-open-door", **fields: object
) -> Contribution:
    """Feedback given through "Tell us what you think": about no project, linked to nobody."""
    fields = {"privacy": Privacy.ANONYMOUS, "project": None, **fields}
    contribution: Contribution = ContributionFactory.create(
        organisation=organisation,
        stage="",
        channel=ContributionChannel.OPEN_DOOR,
        text=text,
        **fields,
    )
    return contribution


def evaluation_page(client: Client, project: Project) -> str:
    return client.get(reverse("evaluation:project", args=[project.pk])).content.decode()


def test_staff_file_open_door_feedback_under_a_project_and_the_group_sees_it_as_evidence(
    coordinator_client: Client, carer_client: Client, project: Project
) -> None:
    feedback = open_door(project.organisation, "The meetings are too early for me")
    url = reverse("contributions:file-under-project", args=[feedback.pk])
    contribution_page = reverse("contributions:contribution", args=[feedback.pk])
    assert url in coordinator_client.get(contribution_page).content.decode()
    assert coordinator_client.get(url).status_code == 200
    assert "too early" not in evaluation_page(carer_client, project)

    response = coordinator_client.post(url, {"project": str(project.pk)})

    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.project, feedback.privacy, feedback.person) == (
        project,
        Privacy.ANONYMOUS,
        None,
    )
    assert "The meetings are too early for me" in evaluation_page(carer_client, project)
    assert "The meetings are too early for me" in evaluation_page(coordinator_client, project)
    # And it can go back to being about no project.
    coordinator_client.post(url, {"project": ""})
    feedback.refresh_from_db()
    assert feedback.project is None


def test_confidential_words_and_names_are_shown_only_as_the_privacy_rules_allow(
    coordinator_client: Client, carer_client: Client, project: Project
) -> None:
    someone = CarerFactory.create(organisation=project.organisation, full_name="Zoe Zqname")
    open_door(
        project.organisation,
        "zq-said-in-confidence",
        project=project,
        privacy=Privacy.CONFIDENTIAL,
        person=someone,
    )
    open_door(
        project.organisation,
        "zq-staff-know-who",
        project=project,
        privacy=Privacy.ANONYMOUS_TO_GROUP,
        person=someone,
    )

    carer_sees = evaluation_page(carer_client, project)
    assert "zq-said-in-confidence" not in carer_sees
    assert "zq-staff-know-who" in carer_sees
    assert "Zoe Zqname" not in carer_sees
    assert "zq-said-in-confidence" in evaluation_page(coordinator_client, project)


def test_only_open_door_feedback_is_filed_and_only_under_the_organisations_projects(
    coordinator_client: Client, project: Project, staff_b: Member
) -> None:
    given_in_a_meeting = ContributionFactory.create(project=project)
    url = reverse("contributions:file-under-project", args=[given_in_a_meeting.pk])
    assert coordinator_client.post(url, {"project": ""}).status_code == 404
    given_in_a_meeting.refresh_from_db()
    assert given_in_a_meeting.project == project

    feedback = open_door(project.organisation)
    b_project = ProjectFactory.create(organisation=staff_b.organisation)
    url = reverse("contributions:file-under-project", args=[feedback.pk])
    response = coordinator_client.post(url, {"project": str(b_project.pk)})
    assert response.status_code == 400
    assert "Select one of the projects shown" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.project is None


def test_carers_other_organisations_and_signed_out_visitors_cannot_file_feedback(
    carer_client: Client, staff_b_client: Client, client: Client, project: Project
) -> None:
    feedback = open_door(project.organisation)
    url = reverse("contributions:file-under-project", args=[feedback.pk])
    sent = {"project": str(project.pk)}

    assert carer_client.post(url, sent).status_code in (403, 404)
    assert staff_b_client.post(url, sent).status_code == 404
    assert client.post(url, sent).status_code == 302
    feedback.refresh_from_db()
    assert feedback.project is None


@pytest.mark.parametrize("rows", [1, 15])
def test_the_evaluation_page_takes_the_same_queries_however_much_feedback(
    coordinator_client: Client,
    project: Project,
    rows: int,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    for n in range(rows):
        open_door(project.organisation, f"zq-feedback-{n}", project=project)
    url = reverse("evaluation:project", args=[project.pk])
    with django_assert_num_queries(13):
        body = coordinator_client.get(url).content.decode()
    assert "zq-feedback-0" in body or rows > 10
    assert ("All open-door feedback about the project" in body) == (rows > 10)

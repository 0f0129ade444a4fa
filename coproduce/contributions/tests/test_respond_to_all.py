from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.contributions.models import Privacy, ResponseStatus
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.projects.models import Project


def test_a_surveys_waiting_answers_get_one_response_and_nothing_else_changes(
    coordinator_client: Client, project: Project
) -> None:
    answers = ContributionFactory.create_batch(3, project=project, channel="survey")
    answered = ContributionFactory.create(
        project=project, channel="survey", status=ResponseStatus.ACTED_ON, response="Done"
    )
    phoned = ContributionFactory.create(project=project, channel="phone")
    url = reverse("contributions:respond-to-all", args=[project.pk])
    form = coordinator_client.get(url, {"channel": "survey"}).content.decode()
    assert "the 3 contributions still waiting" in form
    response = coordinator_client.post(
        url, {"channel": "survey", "status": "considered", "response": "Discussed on 3 May"}
    )
    assert response.status_code == 302
    for contribution in answers:
        contribution.refresh_from_db()
        assert (contribution.status, contribution.response) == ("considered", "Discussed on 3 May")
    answered.refresh_from_db()
    assert answered.response == "Done"
    phoned.refresh_from_db()
    assert phoned.status == ResponseStatus.NEW


def test_not_taking_them_forward_needs_a_reason_and_keeps_the_choice(
    coordinator_client: Client, project: Project
) -> None:
    ContributionFactory.create(project=project)
    url = reverse("contributions:respond-to-all", args=[project.pk])
    response = coordinator_client.post(url, {"status": "not_taken_forward"})
    assert response.status_code == 400
    assert "Say why it is not taken forward" in response.content.decode()


def test_an_admin_cannot_respond_to_confidential_views_they_cannot_read(
    admin_client_a: Client, giver: Member, project: Project
) -> None:
    secret = ContributionFactory.create(
        project=project, person=giver.person, privacy=Privacy.CONFIDENTIAL
    )
    url = reverse("contributions:respond-to-all", args=[project.pk])
    admin_client_a.post(url, {"status": "considered", "response": "Seen"})
    secret.refresh_from_db()
    assert secret.status == ResponseStatus.NEW


def test_only_staff_of_the_project_respond_to_all(
    carer_client: Client, staff_b_client: Client, project: Project
) -> None:
    url = reverse("contributions:respond-to-all", args=[project.pk])
    assert carer_client.post(url, {"status": "considered"}).status_code == 403
    assert staff_b_client.post(url, {"status": "considered"}).status_code == 404

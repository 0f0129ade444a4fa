from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.contributions import actions
from coproduce.contributions.models import Privacy, ResponseStatus
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.projects.models import Project


def test_the_giver_sees_the_response_and_can_make_it_more_private(
    giver_client: Client, giver: Member, coordinator: Member, project: Project
) -> None:
    contribution = ContributionFactory.create(project=project, person=giver.person)
    actions.respond(
        contribution, ResponseStatus.PLANNED, "We will move the meetings", coordinator.user
    )
    page = giver_client.get(reverse("contributions:contribution", args=[contribution.pk]))
    assert "We will move the meetings" in page.content.decode()
    url = reverse("contributions:privacy", args=[contribution.pk])
    assert giver_client.post(url, {"privacy": Privacy.IDENTIFIABLE}).status_code == 302
    refused = giver_client.post(url, {"privacy": "nonsense"})
    assert refused.status_code == 400
    giver_client.post(url, {"privacy": Privacy.CONFIDENTIAL})
    contribution.refresh_from_db()
    assert contribution.privacy == Privacy.CONFIDENTIAL
    back = giver_client.post(url, {"privacy": Privacy.IDENTIFIABLE})
    assert back.status_code == 400
    contribution.refresh_from_db()
    assert contribution.privacy == Privacy.CONFIDENTIAL


def test_only_the_giver_changes_their_privacy(
    carer_client: Client, coordinator_client: Client, giver: Member, project: Project
) -> None:
    contribution = ContributionFactory.create(project=project, person=giver.person)
    url = reverse("contributions:privacy", args=[contribution.pk])
    assert carer_client.post(url, {"privacy": Privacy.CONFIDENTIAL}).status_code == 403
    assert coordinator_client.post(url, {"privacy": Privacy.CONFIDENTIAL}).status_code == 403


def test_the_coordinator_responds_and_a_reason_is_needed_to_not_take_it_forward(
    coordinator_client: Client, project: Project
) -> None:
    contribution = ContributionFactory.create(project=project)
    url = reverse("contributions:respond", args=[contribution.pk])
    refused = coordinator_client.post(url, {"status": ResponseStatus.NOT_TAKEN_FORWARD})
    assert refused.status_code == 400
    assert "Say why it is not taken forward" in refused.content.decode()
    ok = coordinator_client.post(
        url, {"status": ResponseStatus.NOT_TAKEN_FORWARD, "response": "Outside our control"}
    )
    assert ok.status_code == 302
    contribution.refresh_from_db()
    assert contribution.response == "Outside our control"


def test_members_cannot_respond_or_theme(carer_client: Client, project: Project) -> None:
    contribution = ContributionFactory.create(project=project)
    for name in ("contributions:respond", "contributions:theme"):
        assert carer_client.post(reverse(name, args=[contribution.pk])).status_code == 403


def test_the_coordinator_gives_themes(coordinator_client: Client, project: Project) -> None:
    contribution = ContributionFactory.create(project=project)
    url = reverse("contributions:theme", args=[contribution.pk])
    assert coordinator_client.post(url, {"themes": "Transport, money"}).status_code == 302
    assert sorted(t.name for t in contribution.themes.all()) == ["Transport", "money"]


def test_another_member_cannot_open_a_confidential_view_or_its_files(
    carer_client: Client, coordinator_client: Client, giver: Member, project: Project
) -> None:
    contribution = ContributionFactory.create(
        project=project, person=giver.person, privacy=Privacy.CONFIDENTIAL, text="Private words"
    )
    file = actions.add_attachment(
        contribution, SimpleUploadedFile("note.png", b"\x89PNG\r\n\x1a\nxx", "image/png")
    )
    url = reverse("contributions:contribution", args=[contribution.pk])
    assert carer_client.get(url).status_code == 404
    download = reverse("contributions:attachment", args=[contribution.pk, file.pk])
    assert carer_client.get(download).status_code == 404
    assert "Private words" in coordinator_client.get(url).content.decode()


def test_the_admin_reaches_a_confidential_view_only_as_a_count(
    admin_client_a: Client, giver: Member, project: Project
) -> None:
    contribution = ContributionFactory.create(
        project=project, person=giver.person, privacy=Privacy.CONFIDENTIAL
    )
    assert (
        admin_client_a.get(
            reverse("contributions:contribution", args=[contribution.pk])
        ).status_code
        == 404
    )


def test_other_organisations_get_not_found(staff_b_client: Client, project: Project) -> None:
    contribution = ContributionFactory.create(project=project)
    url = reverse("contributions:contribution", args=[contribution.pk])
    assert staff_b_client.get(url).status_code == 404

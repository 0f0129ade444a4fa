import html

from django.test import Client
from django.urls import reverse

from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.decisions.models import PositionChannel, Stance
from coproduce.decisions.tests.factories import (
    PositionFactory,
    carer_in,
    days_from_now,
    project_with,
    proposal_of,
)


def test_staff_record_a_position_given_by_phone_for_a_member(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    gwen = carer_in(project, "Gwen Morgan")
    proposal = proposal_of(project)
    url = reverse("decisions:record", args=[proposal.pk])
    body = coordinator_client.get(url).content.decode()
    assert "Gwen Morgan" in body
    assert "Margaret Carer" in body
    response = coordinator_client.post(
        url,
        {"person": gwen.pk, "stance": "agree", "comment": "Said yes", "channel_given": "phone"},
    )
    assert response.status_code == 302
    position = proposal.positions.get()
    assert (position.person, position.channel, position.stance) == (
        gwen,
        PositionChannel.PHONE,
        Stance.AGREE,
    )
    assert position.recorded_by == coordinator.user
    assert AuditEvent.objects.filter(person=gwen).exists()


def test_a_block_recorded_without_a_comment_asks_for_one_keeping_the_rest(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    url = reverse("decisions:record", args=[proposal.pk])
    response = coordinator_client.post(
        url, {"person": carer.person.pk, "stance": "block", "channel_given": "writing"}
    )
    body = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "Write down why they are blocking the proposal" in body
    assert 'value="writing" checked' in body
    assert f'value="{carer.person.pk}" selected' in body
    empty = coordinator_client.post(url, {})
    empty_body = empty.content.decode()
    for message in (
        "Select the member whose position it is",
        "Select how they gave their position",
    ):
        assert message in empty_body
    assert not proposal.positions.exists()


def test_only_current_members_can_have_a_position_recorded(
    coordinator_client: Client, coordinator: Member, carer: Member, carer_b: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    url = reverse("decisions:record", args=[proposal.pk])
    response = coordinator_client.post(
        url, {"person": carer_b.person.pk, "stance": "agree", "channel_given": "phone"}
    )
    assert response.status_code == 400
    assert "Select a member of the group" in response.content.decode()


def test_no_position_is_recorded_after_the_deadline(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer), deadline=days_from_now(-1))
    url = reverse("decisions:record", args=[proposal.pk])
    data = {"person": carer.person.pk, "stance": "agree", "channel_given": "phone"}
    response = coordinator_client.post(url, data, follow=True)
    assert "The deadline has passed" in response.content.decode()
    assert not proposal.positions.exists()


def test_members_cannot_record_for_others_and_other_organisations_get_not_found(
    carer_client: Client, staff_b_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    url = reverse("decisions:record", args=[proposal.pk])
    data = {"person": carer.person.pk, "stance": "agree", "channel_given": "phone"}
    assert carer_client.get(url).status_code == 403
    assert carer_client.post(url, data).status_code == 403
    assert staff_b_client.get(url).status_code == 404
    assert staff_b_client.post(url, data).status_code == 404
    assert not proposal.positions.exists()


def test_after_the_deadline_staff_record_a_member_withdrawing_their_block(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    gwen = carer_in(project, "Gwen Morgan")
    proposal = proposal_of(project, deadline=days_from_now(-1))
    PositionFactory.create(proposal=proposal, person=gwen, stance=Stance.BLOCK, comment="No")
    PositionFactory.create(proposal=proposal, person=carer.person, stance=Stance.AGREE)
    detail = coordinator_client.get(reverse("decisions:proposal", args=[proposal.pk]))
    assert "Record a member withdrawing their block" in detail.content.decode()
    url = reverse("decisions:record", args=[proposal.pk])
    form = html.unescape(coordinator_client.get(url).content.decode())
    assert "Gwen Morgan" in form
    assert "Margaret Carer" not in form  # only members who block can change now
    assert 'value="block"' not in form
    data = {"person": str(carer.person.pk), "stance": "stand_aside", "channel_given": "phone"}
    assert coordinator_client.post(url, data).status_code == 400
    data["person"] = str(gwen.pk)
    assert coordinator_client.post(url, data).status_code == 302
    assert proposal.positions.get(person=gwen).stance == Stance.STAND_ASIDE
    # No block stands now: the page is closed again.
    assert coordinator_client.get(url).status_code == 302

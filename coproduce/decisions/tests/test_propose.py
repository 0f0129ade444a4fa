import datetime
import html
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member, signed_in
from coproduce.decisions.models import Outcome, Proposal, ProposalStatus
from coproduce.decisions.tests.factories import days_from_now, project_with, proposal_of
from coproduce.notifications.models import Message
from coproduce.people.models import CarerProfile

LONDON = ZoneInfo("Europe/London")


def deadline_fields(moment: datetime.datetime, time: str = "5pm") -> dict[str, str]:
    local = moment.astimezone(LONDON)
    return {
        "date-day": str(local.day),
        "date-month": str(local.month),
        "date-year": str(local.year),
        "time": time,
    }


def proposal_data(**fields: str) -> dict[str, str]:
    return {
        "title": "Use the revised checklist on two wards",
        "background": "Carers said the first one was too long.",
        "options": "Use it, or keep the leaflet.",
        **deadline_fields(days_from_now(30)),
        "hide_positions_until_deadline": "true",
        **fields,
    }


def test_a_member_puts_a_proposal_and_the_rest_of_the_group_is_told(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, coordinator, carer)
    url = reverse("decisions:propose", args=[project.pk])
    assert carer_client.get(url).status_code == 200
    response = carer_client.post(url, proposal_data())
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("decisions:proposal", args=[proposal.pk])
    assert (proposal.proposed_by, proposal.hide_positions_until_deadline) == (carer.person, True)
    assert not proposal.allow_anonymous_positions
    assert proposal.deadline.astimezone(LONDON).hour == 17
    told = Message.objects.filter(kind="decisions.proposed")
    assert [m.person_id for m in told] == [coordinator.person.pk]


def test_a_deadline_in_the_past_is_refused_keeping_what_was_typed(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    url = reverse("decisions:propose", args=[project.pk])
    response = coordinator_client.post(url, proposal_data(**deadline_fields(days_from_now(-2))))
    body = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "The deadline must be in the future" in body
    assert "Carers said the first one was too long." in body
    assert 'value="Use the revised checklist on two wards"' in body
    assert not Proposal.objects.exists()


def test_empty_missing_and_huge_texts_each_get_a_specific_error(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    url = reverse("decisions:propose", args=[project.pk])
    huge = "word " * 1200
    response = coordinator_client.post(
        url,
        {"title": "  ", "background": huge, "options": "", "date-day": "31", "date-month": "2"},
    )
    body = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "Enter what you are proposing" in body
    assert "This must be 5000 characters or fewer: it has 5999." in body
    assert "Enter the options, including what happens if the group does not agree" in body
    assert "Deadline date must include a year" in body
    assert huge.strip()[:200] in body
    missing_time = coordinator_client.post(url, proposal_data(time=""))
    assert "Enter the deadline time, like 5pm or 17:00" in html.unescape(
        missing_time.content.decode()
    )
    nonsense = coordinator_client.post(url, proposal_data(time="25pm"))
    assert "Enter a real time" in nonsense.content.decode()
    assert not Proposal.objects.exists()


def test_a_revised_proposal_starts_from_the_one_it_revises_and_links_to_it(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    first = proposal_of(
        project,
        title="Adopt the checklist",
        status=ProposalStatus.CLOSED,
        outcome=Outcome.REVISED,
        decided_at=days_from_now(-1),
    )
    url = reverse("decisions:propose", args=[project.pk]) + f"?revises={first.pk}"
    page = html.unescape(coordinator_client.get(url).content.decode())
    assert 'value="Adopt the checklist"' in page
    assert "This re-proposes “Adopt the checklist”" in page
    coordinator_client.post(url, proposal_data(title="Adopt the shorter checklist"))
    assert Proposal.objects.get(title="Adopt the shorter checklist").revises == first
    open_one = proposal_of(project)
    bad = reverse("decisions:propose", args=[project.pk]) + f"?revises={open_one.pk}"
    assert coordinator_client.get(bad).status_code == 404


def test_only_staff_and_the_group_may_put_a_proposal(
    staff_b_client: Client, client: Client, coordinator: Member, professional: Member
) -> None:
    project = project_with(coordinator)
    url = reverse("decisions:propose", args=[project.pk])
    assert staff_b_client.get(url).status_code == 404
    assert staff_b_client.post(url, proposal_data()).status_code == 404
    assert signed_in(Client(), professional.user).post(url, proposal_data()).status_code == 404
    assert client.get(url).status_code == 302
    assert not Proposal.objects.exists()


def test_a_deadline_shorter_than_a_members_notice_needs_a_reason_and_is_reported(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    CarerProfile.objects.filter(person=carer.person).update(notice_days=21)
    url = reverse("decisions:propose", args=[project.pk])
    short = proposal_data(**deadline_fields(days_from_now(10)))
    response = coordinator_client.post(url, short)
    body = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "Short notice for positions." in body
    assert "Margaret Carer needs 21 days' notice." in body
    assert "Give a reason for the short notice, or choose a later deadline" in body
    assert 'value="Use the revised checklist on two wards"' in body
    assert not Proposal.objects.exists()
    reason = "The trust board decides on 12 March"
    assert coordinator_client.post(url, {**short, "short_notice_reason": reason}).status_code == 302
    proposal = Proposal.objects.get()
    assert (proposal.short_notice, proposal.short_notice_reason) == (True, reason)
    assert (proposal.notice_days, proposal.required_notice_days) == (10, 21)
    page = html.unescape(
        coordinator_client.get(reverse("decisions:proposal", args=[proposal.pk])).content.decode()
    )
    assert "members needed 21. Reason: The trust board decides on 12 March" in page


def test_a_deadline_giving_everyone_their_notice_needs_no_reason(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    CarerProfile.objects.filter(person=carer.person).update(notice_days=21)
    url = reverse("decisions:propose", args=[project.pk])
    response = coordinator_client.post(url, proposal_data(**deadline_fields(days_from_now(22))))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert (proposal.short_notice, proposal.short_notice_reason) == (False, "")


def test_a_carers_proposal_reaches_staff_outside_the_group(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)  # the coordinator is not in the group
    response = carer_client.post(reverse("decisions:propose", args=[project.pk]), proposal_data())
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.proposed_by == carer.person
    told = Message.objects.filter(kind="decisions.proposed")
    assert [m.person_id for m in told] == [coordinator.person.pk]
    log = reverse("decisions:log", args=[project.pk])
    assert proposal.title in html.unescape(carer_client.get(log).content.decode())


def test_a_carer_of_another_project_or_organisation_cannot_propose(
    carer_client: Client, carer_b: Member, coordinator: Member, carer: Member
) -> None:
    other_project = project_with(coordinator)  # the carer is not in this group
    url = reverse("decisions:propose", args=[other_project.pk])
    assert carer_client.get(url).status_code == 404
    assert carer_client.post(url, proposal_data()).status_code == 404
    mine = project_with(coordinator, carer)
    carer_b_client = signed_in(Client(), carer_b.user)
    mine_url = reverse("decisions:propose", args=[mine.pk])
    assert carer_b_client.get(mine_url).status_code == 404
    assert carer_b_client.post(mine_url, proposal_data()).status_code == 404
    assert not Proposal.objects.exists()


def test_a_carer_who_left_the_group_can_no_longer_propose(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    project.members.filter(person=carer.person).update(left_on=days_from_now(-1).date())
    url = reverse("decisions:propose", args=[project.pk])
    assert carer_client.post(url, proposal_data()).status_code == 404
    assert not Proposal.objects.exists()

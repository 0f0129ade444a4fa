"""The staff home: what is waiting for a coordinator or admin today, each kind of work from
its own app's door, scoped to their organisation and the projects they reach."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.activities.models import Invitation, OtherWay, Reply
from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory
from coproduce.breaks.models import Referral, ReferralStatus
from coproduce.breaks.tests.factories import PracticeFactory, SchemeFactory
from coproduce.conftest import BreaksScheme, Member
from coproduce.contributions.models import Contribution, ResponseStatus
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.notifications.models import Message, Status
from coproduce.payments.models import Claim
from coproduce.payments.models import Status as ClaimStatus
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.recruitment.tests.factories import ExpressionFactory
from coproduce.tenancy.models import Organisation

HOME = reverse("pages:home")


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def days_ahead(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def work_waiting(organisation: Organisation, label: str, count: int = 1) -> Project:
    """`count` of each kind of work waiting in `organisation`, each named with `label`."""
    project: Project = ProjectFactory.create(organisation=organisation, title=f"{label} project")
    for n in range(count):
        carer = CarerFactory.create(organisation=organisation, full_name=f"{label} carer {n}")
        contribution = ContributionFactory.create(
            project=project, person=carer, channel="phone", text=f"{label} view {n}"
        )
        Contribution.objects.filter(pk=contribution.pk).update(recorded_at=days_ago(10 + n))
        soon = ActivityFactory.create(
            project=project, title=f"{label} meeting {n}", starts_at=days_ahead(30 + n)
        )
        InvitationFactory.create(
            activity=soon,
            person=carer,
            reply=Reply.COMING,
            replacement_care_needed=True,
            travel_needed=True,
            travel_arranged="Taxi booked",
        )
        ActivityFactory.create(
            project=project, title=f"{label} uninvited {n}", starts_at=days_ahead(10 + n)
        )
        Claim.objects.create(
            organisation=organisation,
            project=project,
            person=carer,
            status=ClaimStatus.SUBMITTED,
            method="bank",
            submitted_at=days_ago(4 + n),
        )
        ExpressionFactory.create(
            brief__project=project, brief__title=f"{label} brief {n}", person=carer
        )
        Message.objects.create(
            organisation=organisation,
            person=carer,
            channel="email",
            kind="test",
            subject=f"{label} subject {n}",
            body="Body",
            recipient="x@example.org",
            status=Status.FAILED,
            idempotency_key=f"test.{label}.{n}",
        )
    return project


def refer(organisation: Organisation, label: str, count: int = 1) -> None:
    """`count` sent break referrals to a scheme `organisation` pays for."""
    scheme = SchemeFactory.create(payment_organisation=organisation)
    practice = PracticeFactory.create(scheme=scheme, name=f"{label} surgery")
    for n in range(count):
        Referral.objects.create(
            scheme=scheme,
            practice=practice,
            carer_name=f"{label} referred {n}",
            status=ReferralStatus.SUBMITTED,
            submitted_at=days_ago(3 + n),
        )


def test_the_coordinator_sees_each_kind_of_work_waiting_with_links_to_do_it(
    coordinator_client: Client, coordinator: Member, breaks: BreaksScheme
) -> None:
    work_waiting(coordinator.organisation, "Ours")
    refer(coordinator.organisation, "Ours")

    html = coordinator_client.get(HOME).content.decode()

    contribution = Contribution.objects.get(text="Ours view 0")
    assert "1 contribution waiting for a response" in html
    assert reverse("contributions:contribution", args=[contribution.pk]) in html
    assert "Waiting 10 days" in html
    assert reverse("contributions:queue") in html
    invitation = Invitation.objects.get(person__full_name="Ours carer 0")
    assert reverse("activities:invitation", args=[invitation.activity_id, invitation.pk]) in html
    assert "To arrange: replacement care." in html
    uninvited = ActivityFactory._meta.model.objects.get(title="Ours uninvited 0")
    assert "1 activity at risk of short notice" in html
    assert reverse("activities:invite", args=[uninvited.pk]) in html
    claim = Claim.objects.get(person__full_name="Ours carer 0")
    assert "1 claim to approve" in html
    assert reverse("payments:review", args=[claim.pk]) in html
    assert "1 expression of interest to screen" in html
    assert "Ours brief 0" in html
    assert "1 break referral waiting" in html
    assert "Ours referred 0" in html
    assert reverse("breaks:queue") in html
    assert "1 message that could not be sent" in html
    assert "Ours subject 0" in html
    assert reverse("notifications:not-delivered") in html
    # Nobody's words are on the home page, only where to go to read them.
    assert "Ours view 0" not in html


def test_the_staff_home_shows_nothing_of_another_organisation(
    coordinator_client: Client, coordinator: Member, staff_b: Member
) -> None:
    work_waiting(staff_b.organisation, "Theirs", count=2)
    refer(staff_b.organisation, "Theirs")

    html = coordinator_client.get(HOME).content.decode()

    assert "Theirs" not in html
    assert "Nothing is waiting for you today." in html


def test_another_organisations_staff_see_only_their_own_work(
    staff_b_client: Client, coordinator: Member, staff_b: Member
) -> None:
    work_waiting(coordinator.organisation, "Ours")
    work_waiting(staff_b.organisation, "Theirs")

    html = staff_b_client.get(HOME).content.decode()

    assert "Theirs carer 0" in html
    assert "Ours" not in html


def test_work_already_done_is_not_waiting(coordinator_client: Client, coordinator: Member) -> None:
    work_waiting(coordinator.organisation, "Ours")
    Contribution.objects.update(status=ResponseStatus.ACTED_ON, response="Done")
    Invitation.objects.update(replacement_care_arranged="Sitter booked")
    Claim.objects.update(status=ClaimStatus.APPROVED)
    Message.objects.update(status=Status.SENT)
    for activity in ActivityFactory._meta.model.objects.filter(title__contains="uninvited"):
        InvitationFactory.create(activity=activity)
    from coproduce.recruitment.models import ExpressionOfInterest, State

    ExpressionOfInterest.objects.update(state=State.SCREENED)

    html = coordinator_client.get(HOME).content.decode()

    assert "Nothing is waiting for you today." in html
    assert "Ours" not in html


def test_activities_far_off_or_past_are_not_at_risk(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = ProjectFactory.create(organisation=coordinator.organisation)
    ActivityFactory.create(project=project, title="Far off", starts_at=days_ahead(60))
    ActivityFactory.create(project=project, title="Last week", starts_at=days_ago(7))

    html = coordinator_client.get(HOME).content.decode()

    assert "Far off" not in html
    assert "Last week" not in html


def test_someone_taking_part_another_way_is_to_follow_up(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = ProjectFactory.create(organisation=coordinator.organisation)
    invitation = InvitationFactory.create(
        activity__project=project,
        reply=Reply.ANOTHER_WAY,
        other_way=OtherWay.PHONE,
        person__full_name="Phone-call Pat",
    )

    html = coordinator_client.get(HOME).content.decode()

    assert "Phone-call Pat" in html
    assert "another way to take part: a phone call at another time" in html
    invitation.other_way_followed_up_at = timezone.now()
    invitation.save()
    assert "Phone-call Pat" not in coordinator_client.get(HOME).content.decode()


def test_break_referrals_show_only_for_the_organisation_that_pays(
    coordinator_client: Client, coordinator: Member, staff_b: Member
) -> None:
    refer(staff_b.organisation, "Theirs")
    html = coordinator_client.get(HOME).content.decode()
    assert "break referral" not in html


def test_a_long_list_shows_the_oldest_few_and_how_many_more(
    coordinator_client: Client, coordinator: Member
) -> None:
    work_waiting(coordinator.organisation, "Ours", count=7)

    html = coordinator_client.get(HOME).content.decode()

    assert "7 contributions waiting for a response" in html
    assert "Waiting 16 days" in html  # the oldest
    assert "Waiting 10 days" not in html.split("claims to approve")[0]  # the newest two wait
    assert "7 claims to approve" in html
    assert "2 more" in html


def test_carers_never_see_the_staff_home(
    carer_client: Client, carer: Member, coordinator: Member
) -> None:
    work_waiting(coordinator.organisation, "Ours")
    html = carer_client.get(HOME).content.decode()
    assert "waiting for a response" not in html
    assert "claims to approve" not in html
    assert "Ours carer" not in html
    assert "Your invitations" in html


def test_the_staff_home_is_in_welsh(coordinator_client: Client, coordinator: Member) -> None:
    work_waiting(coordinator.organisation, "Ours")
    coordinator_client.post(reverse("accounts:language"), {"language": "cy"})
    html = coordinator_client.get(HOME).content.decode()
    assert '<html lang="cy"' in html
    assert "1 cyfraniad yn aros am ymateb" in html
    assert "Yn aros ers 10 diwrnod" in html
    assert "waiting" not in html.lower()


@pytest.mark.parametrize("count", [1, 8])
def test_the_staff_home_runs_a_fixed_number_of_queries(
    coordinator_client: Client,
    coordinator: Member,
    breaks: BreaksScheme,
    count: int,
    django_assert_num_queries: Any,
) -> None:
    work_waiting(coordinator.organisation, "Ours", count=count)
    refer(coordinator.organisation, "Ours", count=count)
    # session, user, security device, membership, pays for a scheme, memberships,
    # practices, the viewer's own record (contribution privacy); then the first few of each
    # of the seven kinds of work, each with how many there are
    with django_assert_num_queries(8 + 7):
        response = coordinator_client.get(HOME)
    html = response.content.decode()
    assert f"{count} break referral" in html
    assert f"{count} claim" in html
    assert f"{count} contribution" in html
    assert "Ours carer 0" in html


def test_the_messages_not_sent_page_lists_the_organisations_own(
    coordinator_client: Client, coordinator: Member, staff_b: Member
) -> None:
    work_waiting(coordinator.organisation, "Ours")
    work_waiting(staff_b.organisation, "Theirs")

    html = coordinator_client.get(reverse("notifications:not-delivered")).content.decode()

    assert "Ours subject 0" in html
    assert "Theirs" not in html


def test_only_staff_see_the_messages_not_sent(carer_client: Client, client: Client) -> None:
    url = reverse("notifications:not-delivered")
    assert carer_client.get(url).status_code == 403
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("count", [1, 8])
def test_the_messages_not_sent_page_runs_a_fixed_number_of_queries(
    coordinator_client: Client, coordinator: Member, count: int, django_assert_num_queries: Any
) -> None:
    work_waiting(coordinator.organisation, "Ours", count=count)
    # session, user, security device, membership; the count and the page of messages
    with django_assert_num_queries(6):
        response = coordinator_client.get(reverse("notifications:not-delivered"))
    assert response.content.decode().count("Mark as dealt with") == count


def test_a_message_dealt_with_leaves_the_list_and_the_home(
    coordinator_client: Client, coordinator: Member
) -> None:
    work_waiting(coordinator.organisation, "Ours")
    message = Message.objects.get(subject="Ours subject 0")

    response = coordinator_client.post(reverse("notifications:deal-with", args=[message.pk]))

    assert response.status_code == 302
    message.refresh_from_db()
    assert message.dealt_with_at is not None
    page = coordinator_client.get(reverse("notifications:not-delivered")).content.decode()
    assert "Every message has been sent." in page
    assert "message that could not be sent" not in coordinator_client.get(HOME).content.decode()


def test_nobody_else_deals_with_an_organisations_message(
    carer_client: Client, staff_b_client: Client, coordinator: Member
) -> None:
    work_waiting(coordinator.organisation, "Ours")
    message = Message.objects.get(subject="Ours subject 0")
    url = reverse("notifications:deal-with", args=[message.pk])

    assert staff_b_client.post(url).status_code == 404
    assert carer_client.post(url).status_code == 403
    message.refresh_from_db()
    assert message.dealt_with_at is None


def test_a_partners_project_is_in_reach_and_its_other_projects_are_not(
    coordinator_client: Client, coordinator: Member, staff_b: Member
) -> None:
    from coproduce.tenancy.tests.factories import PartnershipFactory

    partnership = PartnershipFactory.create(lead=staff_b.organisation)
    partnership.organisations.set([staff_b.organisation, coordinator.organisation])
    shared = ProjectFactory.create(organisation=staff_b.organisation, partnership=partnership)
    own = ProjectFactory.create(organisation=staff_b.organisation)
    ActivityFactory.create(project=shared, title="Shared workshop", starts_at=days_ahead(12))
    ActivityFactory.create(project=own, title="Their own workshop", starts_at=days_ahead(12))

    html = coordinator_client.get(HOME).content.decode()

    assert "Shared workshop" in html
    assert "Their own workshop" not in html

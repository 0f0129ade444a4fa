"""The panel the activity page includes: counts and links for staff, a reply link for
people invited."""

from typing import Any

from django.template import engines
from django.test import RequestFactory

from coproduce.activities.models import Activity, ActivityStatus, Reply
from coproduce.activities.tests.invitation_setup import group_activity, invited
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory
from coproduce.tenancy.models import Membership


def panel(
    activity: Activity, member: Member, membership: Membership | None = None, **extra: Any
) -> str:
    request = RequestFactory().get("/")
    request.user = member.user
    membership = membership or Membership.objects.get(user=member.user)
    context: dict[str, Any] = {
        "activity": activity,
        "membership": membership,
        "request": request,
        "register_open": True,
        "check_in_open": True,
        **extra,
    }
    template = engines["jinja2"].get_template("activities/invitation_panel.html")
    return template.render(context)


def test_staff_see_the_replies_so_far_and_the_invitation_pages_in_one_query(
    coordinator: Member, carer: Member, django_assert_num_queries: Any
) -> None:
    others = CarerFactory.create_batch(3, organisation=coordinator.organisation)
    activity = group_activity(coordinator, carer.person, *others)
    invited(activity, carer.person, reply=Reply.COMING)
    for person, reply in zip(others, [Reply.COMING, Reply.WAITING, Reply.NOT_COMING], strict=True):
        invited(activity, person, reply=reply)
    membership = Membership.objects.get(user=coordinator.user)
    with django_assert_num_queries(1):
        html = panel(activity, coordinator, membership)
    assert "4 invited. Coming: 2. Waiting list: 0. Not replied yet: 1." in html
    assert f"/activities/{activity.pk}/invite/" in html
    assert f"/activities/{activity.pk}/invitations/" in html
    assert f"/activities/{activity.pk}/register/" in html


def test_an_invited_member_sees_their_reply_and_the_check_in_link(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, check_in_code="ROSE42")
    invited(activity, carer.person, reply=Reply.COMING)
    html = panel(activity, carer)
    assert "Your reply: Coming" in html
    assert f"/activities/{activity.pk}/reply/" in html
    assert f"/activities/{activity.pk}/check-in/" in html


def test_a_member_not_invited_sees_nothing_about_invitations(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, status=ActivityStatus.SCHEDULED)
    assert "Invitation" not in panel(activity, carer)


def test_the_register_and_check_in_links_are_not_offered_while_they_are_closed(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, check_in_code="ROSE42")
    invited(activity, carer.person, reply=Reply.COMING)
    staff_panel = panel(activity, coordinator, register_open=False, check_in_open=False)
    carer_panel = panel(activity, carer, register_open=False, check_in_open=False)
    assert f"/activities/{activity.pk}/register/" not in staff_panel
    assert f"/activities/{activity.pk}/check-in/" not in carer_panel

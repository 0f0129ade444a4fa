import pytest
from django.test import Client
from django.urls import reverse

from coproduce.activities import actions
from coproduce.activities.models import ActivityLead, Format, LeadRole, Reply
from coproduce.activities.tests.invitation_setup import invited
from coproduce.activities.tests.planning_setup import activity_of, days_ahead, project_with
from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.tests.factories import ProjectMemberFactory


def needs(member: Member) -> None:
    profile = member.person.carer_profile
    profile.access_needs = ["bsl", "large_print"]
    profile.replacement_care_needs = "Someone to sit with my husband"
    profile.save()


def test_staff_see_details_leads_needs_and_the_change_history(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    needs(carer)
    activity = activity_of(
        project_with(coordinator, carer),
        title="Checklist workshop",
        format=Format.HYBRID,
        joining_details="https://meet.example.org/abc",
        other_ways=["phone", "written"],
        agenda="Welcome\nThe checklist",
    )
    ActivityLead.objects.create(activity=activity, person=carer.person, role=LeadRole.CARER_LED)
    actions.move_activity(coordinator.user, activity, days_ahead(3), "The room flooded")
    response = coordinator_client.get(reverse("activities:activity", args=[activity.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Checklist workshop",
        "Riverside Carers",
        "Step-free access",
        "Hearing loop",
        "https://meet.example.org/abc",
        "A phone call at another time",
        "Leads (carer-led)",
        "British Sign Language interpreter",
        "Someone to sit with my husband",
        "The room flooded",
        "Short notice",
        "The checklist",
        "7 days before, 1 day before",
    ):
        assert text in html, text
    assert AuditEvent.objects.filter(person=carer.person, actor=coordinator.user).exists()


def test_group_members_see_the_details_but_not_others_needs_or_the_history(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    other = CarerFactory.create(organisation=coordinator.organisation, full_name="Olive Other")
    other.carer_profile.replacement_care_needs = "Sitter for Dad"
    other.carer_profile.save()
    project = project_with(coordinator, carer)
    ProjectMemberFactory.create(project=project, person=other)
    activity = activity_of(project, title="Checklist workshop")
    actions.move_activity(coordinator.user, activity, days_ahead(3), "The room flooded")
    response = carer_client.get(reverse("activities:activity", args=[activity.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Checklist workshop" in html
    assert "Sitter for Dad" not in html
    assert "The room flooded" not in html
    assert reverse("activities:move", args=[activity.pk]) not in html


def test_people_outside_the_group_and_other_organisations_get_not_found(
    carer_client: Client, staff_b_client: Client, coordinator: Member
) -> None:
    url = reverse("activities:activity", args=[activity_of(project_with(coordinator)).pk])
    assert carer_client.get(url).status_code == 404
    assert staff_b_client.get(url).status_code == 404
    assert carer_client.get(reverse("activities:activity", args=[999999])).status_code == 404


def test_needs_raised_in_a_reply_are_shown_to_arrange(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer))
    invited(activity, carer.person, reply=Reply.COMING, replacement_care_needed=True)
    travelling = CarerFactory.create(organisation=coordinator.organisation, full_name="Tom Travel")
    invited(
        activity,
        travelling,
        reply=Reply.COMING,
        travel_needed=True,
        travel_arranged="Taxi booked",
        needs_notes="Needs a seat near the door",
    )
    html = coordinator_client.get(reverse("activities:activity", args=[activity.pk])).content
    page = html.decode()
    needs_section = page[page.index("Needs to arrange before the day") : page.index(">Changes<")]
    assert "Margaret Carer" in needs_section
    assert "To arrange" in needs_section
    assert "Tom Travel" in needs_section
    assert "arranged: Taxi booked" in needs_section
    assert "Needs a seat near the door" in needs_section


def test_the_page_reads_naturally_lengths_notice_and_support(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(
        project_with(coordinator, carer),
        duration_minutes=150,
        pre_brief_offered=True,
        de_brief_offered=True,
    )
    actions.move_activity(coordinator.user, activity, days_ahead(30), "")
    html = coordinator_client.get(reverse("activities:activity", args=[activity.pk])).content
    page = html.decode()
    assert "2 hours 30 minutes" in page
    assert "days&#39; notice (" in page or "days' notice (" in page
    assert " of 14 days" not in page
    assert "A pre-brief beforehand<br>A de-brief after" in page


def test_a_cancelled_activity_does_not_read_as_if_it_will_happen(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer))
    invited(activity, carer.person, reply=Reply.COMING)
    actions.cancel_activity(coordinator.user, activity, "The venue closed", {})
    page = coordinator_client.get(reverse("activities:activity", args=[activity.pk])).content
    html = page.decode()
    assert "Had said they were coming: 1" in html
    assert "Coming: 1" not in html
    assert "Reminders" not in html
    assert reverse("activities:register", args=[activity.pk]) not in html


def test_the_register_link_is_offered_once_the_activity_has_started(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    soon = activity_of(project_with(coordinator, carer), starts_at=days_ahead(3))
    begun = activity_of(project_with(coordinator, carer), starts_at=days_ahead(-1))
    for activity, shown in ((soon, False), (begun, True)):
        html = coordinator_client.get(reverse("activities:activity", args=[activity.pk])).content
        assert (reverse("activities:register", args=[activity.pk]) in html.decode()) is shown


@pytest.mark.parametrize("members", [1, 15])
def test_the_page_runs_a_fixed_number_of_queries_however_big_the_group(
    coordinator_client: Client,
    coordinator: Member,
    members: int,
    django_assert_num_queries: object,
) -> None:
    project = project_with(coordinator)
    for _ in range(members):
        ProjectMemberFactory.create(
            project=project, person=CarerFactory.create(organisation=coordinator.organisation)
        )
    activity = activity_of(project)
    for days in (30, 31):
        actions.move_activity(coordinator.user, activity, days_ahead(days), "")
    # session, user, membership, OTP device, activity, leads, changes, names,
    # invitations (none yet), the group, the audit events, the replies' needs,
    # the invitations panel's replies, the agenda, the suggestions waiting
    with django_assert_num_queries(15):  # type: ignore[operator]
        response = coordinator_client.get(reverse("activities:activity", args=[activity.pk]))
    assert response.status_code == 200

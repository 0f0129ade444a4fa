import pytest
from django.test import Client
from django.urls import reverse

from coproduce.activities import actions
from coproduce.activities.models import ActivityLead, Format, LeadRole
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
    # invitations (none yet), the group, the audit events, the invitations panel's replies
    with django_assert_num_queries(12):  # type: ignore[operator]
        response = coordinator_client.get(reverse("activities:activity", args=[activity.pk]))
    assert response.status_code == 200

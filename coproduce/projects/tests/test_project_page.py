import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from coproduce.activities.models import ActivityLead, ActivityStatus, LeadRole
from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects import actions
from coproduce.projects.models import GroupRole, Project, Stage
from coproduce.projects.tests.factories import (
    BudgetLineFactory,
    MilestoneFactory,
    ProjectFactory,
    ProjectMemberFactory,
)
from coproduce.tenancy.tests.factories import PartnershipFactory


def url(project: Project) -> str:
    return reverse("projects:detail", args=[project.pk])


def held(**fields: object) -> dict[str, object]:
    """An activity that took place: scheduled, and started a week ago."""
    return {"starts_at": timezone.now() - datetime.timedelta(days=7), **fields}


def stage_row(page: str, label: str) -> str:
    start = page.index(f'<th scope="row" class="govuk-table__header">{label}</th>')
    return page[start : page.index("</tr>", start)]


def test_staff_see_the_summary_links_and_everything_they_can_change(
    coordinator_client: Client, project: Project
) -> None:
    page = coordinator_client.get(url(project)).content.decode()
    assert "Dylan Coordinator, accountable to the group" in page
    assert reverse("recruitment:briefs", args=[project.pk]) in page
    assert reverse("activities:list", args=[project.pk]) in page
    assert reverse("projects:stage", args=[project.pk]) in page
    assert reverse("projects:make-up", args=[project.pk]) in page
    assert "The group: 1 member" in page


def test_a_carer_in_the_group_sees_the_project_but_cannot_change_it(
    carer_client: Client, project: Project
) -> None:
    response = carer_client.get(url(project))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hospital discharge that works for carers" in page
    assert reverse("projects:stage", args=[project.pk]) not in page
    assert reverse("projects:make-up", args=[project.pk]) not in page


def test_a_carer_outside_the_group_gets_not_found(
    carer_client: Client, coordinator: Member
) -> None:
    other = ProjectFactory.create(organisation=coordinator.organisation)
    assert carer_client.get(url(other)).status_code == 404


def test_another_organisations_project_is_not_found(
    coordinator_client: Client, b_project: Project
) -> None:
    response = coordinator_client.get(url(b_project))
    assert response.status_code == 404
    assert "Zebedee-B" not in response.content.decode()


def test_partnership_and_partner_organisations_are_shown(
    coordinator_client: Client, project: Project, staff_b: Member
) -> None:
    partnership = PartnershipFactory.create(
        name="Surrey Carers' Partnership", lead=project.organisation
    )
    partnership.organisations.set([project.organisation, staff_b.organisation])
    project.partnership = partnership
    project.save()
    page = coordinator_client.get(url(project)).content.decode()
    assert "Surrey Carers&#39; Partnership" in page
    assert "Hillside Carers" in page


def test_carers_took_part_is_derived_from_attendance_and_leading(
    coordinator_client: Client, project: Project, coordinator: Member, carer: Member
) -> None:
    actions.move_stage(coordinator.user, project, Stage.PLANNING, "", "Recorded late")
    consulting = ActivityFactory.create(project=project, **held(stage=Stage.CONSULTING))
    InvitationFactory.create(activity=consulting, person=carer.person, attended=True)
    planning = ActivityFactory.create(project=project, **held(stage=Stage.PLANNING))
    InvitationFactory.create(activity=planning, person=carer.person, attended=False)
    # A professional partner attending does not make it carers' involvement.
    professional = ProjectMemberFactory.create(project=project, role=GroupRole.PROFESSIONAL)
    InvitationFactory.create(activity=planning, person=professional.person, attended=True)
    page = coordinator_client.get(url(project)).content.decode()
    assert "a carer member attended an activity" in stage_row(page, "Consulting")
    assert ">No<" in stage_row(page, "Planning").replace("\n", "").replace(" ", "")
    assert "Current stage" in stage_row(page, "Planning")
    assert "Not reached yet" in stage_row(page, "Delivery")


def test_a_carer_member_co_facilitating_counts_as_taking_part(
    coordinator_client: Client, project: Project, carer: Member
) -> None:
    activity = ActivityFactory.create(project=project, **held(stage=Stage.CONSULTING))
    ActivityLead.objects.create(
        activity=activity, person=carer.person, role=LeadRole.CO_FACILITATOR
    )
    page = coordinator_client.get(url(project)).content.decode()
    assert "led or co-facilitated" in stage_row(page, "Consulting")


def test_activities_that_have_not_happened_or_were_cancelled_are_not_evidence(
    coordinator_client: Client, project: Project, carer: Member
) -> None:
    upcoming = ActivityFactory.create(project=project, stage=Stage.CONSULTING)
    ActivityLead.objects.create(activity=upcoming, person=carer.person, role=LeadRole.CARER_LED)
    InvitationFactory.create(activity=upcoming, person=carer.person, attended=True)
    cancelled = ActivityFactory.create(
        project=project, **held(stage=Stage.CONSULTING, status=ActivityStatus.CANCELLED)
    )
    ActivityLead.objects.create(activity=cancelled, person=carer.person, role=LeadRole.CARER_LED)
    InvitationFactory.create(activity=cancelled, person=carer.person, attended=True)
    row = stage_row(coordinator_client.get(url(project)).content.decode(), "Consulting")
    assert "led or co-facilitated" not in row
    assert "attended an activity" not in row
    assert ">No<" in row.replace("\n", "").replace(" ", "")


def test_milestones_budget_and_stage_history_are_shown(
    coordinator_client: Client, project: Project, coordinator: Member
) -> None:
    today = timezone.localdate()
    MilestoneFactory.create(
        project=project, title="Late one", due_on=today - datetime.timedelta(days=1)
    )
    MilestoneFactory.create(project=project, title="Done one", done_on=today)
    BudgetLineFactory.create(project=project, amount=Decimal("1200.00"))
    BudgetLineFactory.create(project=project, kind="venue", amount=Decimal("80.50"))
    actions.move_stage(coordinator.user, project, Stage.FUNDING, "funding fell through")
    page = coordinator_client.get(url(project)).content.decode()
    assert "Overdue" in page
    assert "Done on" in page
    assert "£1,280.50" in page
    assert "Consulting to Funding" in page
    assert "funding fell through" in page


@pytest.mark.parametrize("rows", [1, 10])
def test_the_project_page_takes_the_same_queries_however_much_it_holds(
    coordinator_client: Client,
    project: Project,
    coordinator: Member,
    carer: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
    rows: int,
) -> None:
    partnership = PartnershipFactory.create(lead=project.organisation)
    partnership.organisations.set([project.organisation])
    project.partnership = partnership
    project.save()
    for i in range(rows):
        MilestoneFactory.create(project=project)
        BudgetLineFactory.create(project=project)
        actions.move_stage(
            coordinator.user,
            project,
            Stage.PLANNING if i % 2 == 0 else Stage.CONSULTING,
            "again",
            "Carers were away",
        )
        activity = ActivityFactory.create(project=project, **held())
        InvitationFactory.create(activity=activity, person=carer.person, attended=True)
        ProjectMemberFactory.create(
            project=project, person=CarerFactory.create(organisation=project.organisation)
        )
    # 12 of its own (the stage history with the names of who moved it; 2 the evidence of
    # carers' part, both shared with the ladder rung), and 2 for the summaries evaluation
    # registers (the rung's counts, 1; where the final review is, 1).
    with django_assert_num_queries(14):
        response = coordinator_client.get(url(project))
    assert response.status_code == 200


def test_the_project_page_shows_what_higher_apps_summarise(
    coordinator_client: Client, project: Project
) -> None:
    """Evaluation registers its summary (the rung of the ladder) in its AppConfig.ready()."""
    from coproduce.projects import extensions

    assert "rung" in extensions.SUMMARIES

    body = coordinator_client.get(url(project)).content.decode()

    assert "How far carers were involved" in body
    assert "Educating" in body  # a carer in the group, nothing said yet
    assert f"/projects/{project.pk}/evaluation/" in body


def test_the_stage_history_names_who_moved_it_but_never_an_erased_person(
    coordinator_client: Client, project: Project, coordinator: Member
) -> None:
    actions.move_stage(coordinator.user, project, Stage.FUNDING, "funding fell through")
    page = coordinator_client.get(url(project)).content.decode()
    history = page[page.index('id="history"') :]
    assert coordinator.person.full_name in history

    coordinator.person.erased_at = timezone.now()
    coordinator.person.save()
    page = coordinator_client.get(url(project)).content.decode()
    history = page[page.index('id="history"') :]
    assert coordinator.person.full_name not in history
    assert "A member of staff" in history


# --- What carers see: where the project is, not how it is run -----------------------------


def _budget_and_history(project: Project, coordinator: Member) -> None:
    BudgetLineFactory.create(
        project=project, description="Venue hire for the autumn workshops", amount=Decimal("950")
    )
    actions.move_stage(coordinator.user, project, Stage.FUNDING, "funding fell through")
    actions.move_stage(
        coordinator.user, project, Stage.CONSULTING, "funding came back", "Carers were away"
    )


def test_a_carer_sees_where_the_project_is_without_budget_or_stage_history(
    carer_client: Client, project: Project, coordinator: Member
) -> None:
    _budget_and_history(project, coordinator)
    ActivityFactory.create(project=project, title="Autumn workshop", **held())
    ActivityFactory.create(
        project=project,
        title="Discharge checklist meeting",
        starts_at=timezone.now() + datetime.timedelta(days=10),
    )
    page = carer_client.get(url(project)).content.decode()
    assert "Where the project is" in page
    assert "We are asking carers and others what they think" in page
    assert "Next, the group plans what to do about what people said." in page
    assert "Discharge checklist meeting" in page
    assert "Autumn workshop" not in page  # already held: not what comes next
    for staff_only in (
        "Venue hire for the autumn workshops",
        "£950",
        "Budget",
        "Stage history",
        "funding fell through",
        "Carers took part",
        "How far carers were involved",
    ):
        assert staff_only not in page, staff_only
    # The group reads, comments on and agrees the final review: carers see where it is.
    assert "Final review" in page
    assert "Not written yet" in page


def test_staff_still_see_the_budget_and_stage_history(
    coordinator_client: Client, project: Project, coordinator: Member
) -> None:
    _budget_and_history(project, coordinator)
    page = coordinator_client.get(url(project)).content.decode()
    assert "Venue hire for the autumn workshops" in page
    assert "funding fell through" in page
    assert "Stage history" in page
    assert "Where the project is" not in page


def test_a_carer_sees_a_time_still_being_found_or_that_nothing_is_planned(
    carer_client: Client, project: Project
) -> None:
    page = carer_client.get(url(project)).content.decode()
    assert "Nothing is planned yet" in page
    ActivityFactory.create(
        project=project,
        title="First meeting",
        status=ActivityStatus.FINDING_A_TIME,
        starts_at=None,
    )
    page = carer_client.get(url(project)).content.decode()
    assert "First meeting" in page
    assert "We are finding a time that suits the group." in page


@pytest.mark.parametrize("rows", [1, 10])
def test_the_carers_project_page_takes_the_same_queries_however_much_it_holds(
    carer_client: Client,
    project: Project,
    coordinator: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
    rows: int,
) -> None:
    for _ in range(rows):
        MilestoneFactory.create(project=project)
        BudgetLineFactory.create(project=project)
        ActivityFactory.create(project=project)
    # 7, and 1 for where the final review is (the one summary carers see too).
    with django_assert_num_queries(8):
        response = carer_client.get(url(project))
    assert response.status_code == 200


def test_a_welsh_speaking_carer_reads_where_the_project_is_in_welsh(
    carer_client: Client, project: Project, carer: Member
) -> None:
    carer.person.preferred_language = "cy"
    carer.person.save()
    page = carer_client.get(url(project), HTTP_ACCEPT_LANGUAGE="cy").content.decode()
    assert "Ble mae’r prosiect" in page
    assert "Does dim wedi’i drefnu eto." in page

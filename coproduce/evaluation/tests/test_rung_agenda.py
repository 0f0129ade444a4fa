"""Carers leading an item on an activity's agenda count as carers co-delivering it."""

import pytest

from coproduce.activities import agenda_actions
from coproduce.activities.models import ActivityLead, AgendaItem
from coproduce.activities.tests.factories import ActivityFactory
from coproduce.conftest import Member
from coproduce.evaluation import rung
from coproduce.evaluation.tests.factories import climb, held
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import Project, Stage
from coproduce.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def almost(coordinator: Member, carer: Member) -> Project:
    """A project with every piece of co-production evidence but carers leading."""
    project: Project = ProjectFactory.create(
        organisation=coordinator.organisation, coordinator=coordinator.person
    )
    climb(project, carer.person, "co_production")
    ActivityLead.objects.filter(activity__project=project).delete()
    assert rung.assessment_of(project).rung.key == "co_design"
    return project


def suggested(project: Project, carer: Member) -> AgendaItem:
    """A carer's suggestion, offering to lead it, for an activity held last week."""
    activity = held(project, Stage.CONSULTING)
    return agenda_actions.suggest_item(activity, carer.person, "Carers' stories", "", True)


def test_a_carer_leading_an_agenda_item_they_suggested_is_carers_co_delivering(
    almost: Project, carer: Member, coordinator: Member
) -> None:
    item = suggested(almost, carer)
    agenda_actions.accept(coordinator.user, item, let_them_lead=True)

    assert rung.facts_of(almost).activities_carers_led == 1
    assert rung.assessment_of(almost).rung.key == "co_production"


def test_an_item_accepted_without_the_carer_leading_it_is_not_carers_leading(
    almost: Project, carer: Member, coordinator: Member
) -> None:
    item = suggested(almost, carer)
    agenda_actions.accept(coordinator.user, item, let_them_lead=False)

    assert rung.facts_of(almost).activities_carers_led == 0


def test_an_agenda_item_led_by_someone_outside_the_group_or_not_yet_accepted_does_not_count(
    almost: Project, carer: Member
) -> None:
    outsider = CarerFactory.create(organisation=almost.organisation)
    activity = held(almost, Stage.CONSULTING)
    AgendaItem.objects.create(activity=activity, title="Outside", led_by=outsider)
    AgendaItem.objects.create(
        activity=activity, title="Waiting", led_by=carer.person, status="suggested"
    )
    # An upcoming activity has not been held yet.
    later = ActivityFactory.create(project=almost, stage=Stage.CONSULTING)
    AgendaItem.objects.create(activity=later, title="Later", led_by=carer.person)

    assert rung.facts_of(almost).activities_carers_led == 0

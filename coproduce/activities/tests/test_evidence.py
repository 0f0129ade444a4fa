"""The evidence of carers' part in each stage that activities register with projects."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coproduce.activities import evidence
from coproduce.activities.models import ActivityLead, LeadRole
from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import GroupRole, Stage
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory


def test_each_stage_comes_back_once_in_one_row_however_many_carers_attended(
    coordinator: Member,
) -> None:
    project = ProjectFactory.create(organisation=coordinator.organisation)
    week_ago = timezone.now() - datetime.timedelta(days=7)
    for stage in (Stage.PLANNING, Stage.PLANNING, Stage.CONSULTING):
        activity = ActivityFactory.create(project=project, stage=stage, starts_at=week_ago)
        for _ in range(3):
            carer = CarerFactory.create(organisation=coordinator.organisation)
            ProjectMemberFactory.create(project=project, person=carer, role=GroupRole.CARER)
            InvitationFactory.create(activity=activity, person=carer, attended=True)
            ActivityLead.objects.create(activity=activity, person=carer, role=LeadRole.CARER_LED)
    for stages_of in (evidence.attended, evidence.led):
        with CaptureQueriesContext(connection) as queries:
            stages = stages_of(project, timezone.now())
        assert stages == {Stage.PLANNING, Stage.CONSULTING}
        assert len(queries) == 1
        # One row per stage: no row id in the SELECT list defeats the DISTINCT.
        select_list = queries[0]["sql"].split(" FROM ")[0]
        assert select_list.count(",") == 0, select_list

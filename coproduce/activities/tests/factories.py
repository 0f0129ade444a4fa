import datetime

import factory
from django.utils import timezone

from coproduce.activities.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Format,
    Invitation,
    Slot,
)
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.tests.factories import ProjectFactory


class ActivityFactory(factory.django.DjangoModelFactory[Activity]):
    class Meta:
        model = Activity

    project = factory.SubFactory(ProjectFactory)
    stage = factory.SelfAttribute("project.stage")
    kind = ActivityKind.MEETING
    title = factory.Sequence(lambda n: f"Group meeting {n}")
    format = Format.IN_PERSON
    status = ActivityStatus.SCHEDULED
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=21)).replace(
            hour=10, minute=30, second=0, microsecond=0
        )
    )
    venue_name = "Riverside Carers' Centre"
    venue_address = "1 Mill Lane, Guildford GU1 1AA"
    step_free = True
    hearing_loop = True
    parking = False
    accessible_toilet = True
    quiet_room = True
    reminder_days = factory.LazyFunction(lambda: [7, 1])


class InvitationFactory(factory.django.DjangoModelFactory[Invitation]):
    class Meta:
        model = Invitation

    activity = factory.SubFactory(ActivityFactory)
    person = factory.SubFactory(
        PersonFactory, organisation=factory.SelfAttribute("..activity.project.organisation")
    )


class SlotFactory(factory.django.DjangoModelFactory[Slot]):
    class Meta:
        model = Slot

    activity = factory.SubFactory(
        ActivityFactory, status=ActivityStatus.FINDING_A_TIME, starts_at=None
    )
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=28)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
    )

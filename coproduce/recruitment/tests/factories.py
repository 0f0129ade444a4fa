import datetime

import factory
from django.utils import timezone

from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.recruitment.models import Brief, EasyReadLine, ExpressionOfInterest

TODAY = datetime.date.today()


class BriefFactory(factory.django.DjangoModelFactory[Brief]):
    """A draft brief, open from a week ago for another month."""

    class Meta:
        model = Brief

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Help us improve hospital discharge {n}")
    work = "Meet with ward staff to design a discharge checklist."
    time_commitment = "Four two-hour meetings"
    dates = "Tuesdays in March"
    where_and_how = "At the Riverside Centre, or by phone"
    support = factory.LazyFunction(lambda: ["travel", "replacement_care"])
    payment = "£20 an hour"
    who_for = "Carers of people who have been in hospital"
    opens_on = factory.LazyFunction(lambda: TODAY - datetime.timedelta(days=7))
    closes_on = factory.LazyFunction(lambda: TODAY + datetime.timedelta(days=30))


class PublishedBriefFactory(BriefFactory):
    published_at = factory.LazyFunction(timezone.now)


class EasyReadLineFactory(factory.django.DjangoModelFactory[EasyReadLine]):
    class Meta:
        model = EasyReadLine

    brief = factory.SubFactory(BriefFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = "We want to hear from carers."


class ExpressionFactory(factory.django.DjangoModelFactory[ExpressionOfInterest]):
    class Meta:
        model = ExpressionOfInterest

    brief = factory.SubFactory(PublishedBriefFactory)
    person = factory.SubFactory(
        CarerFactory, organisation=factory.SelfAttribute("..brief.project.organisation")
    )
    why = "I have been through discharge three times with my dad."
    preferred_channel = "email"
    received_at = factory.LazyFunction(timezone.now)

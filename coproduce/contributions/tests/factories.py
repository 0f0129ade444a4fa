import datetime

import factory

from coproduce.contributions.models import Contribution, ContributionChannel, Privacy
from coproduce.projects.tests.factories import ProjectFactory


class ContributionFactory(factory.django.DjangoModelFactory[Contribution]):
    class Meta:
        model = Contribution

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SelfAttribute("project.organisation")
    stage = factory.SelfAttribute("project.stage")
    channel = ContributionChannel.MEETING
    privacy = Privacy.IDENTIFIABLE
    person = None
    text = factory.Sequence(lambda n: f"The discharge letter arrived after my husband was home {n}")
    given_on = datetime.date(2026, 11, 2)

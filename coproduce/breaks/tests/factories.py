import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from coproduce.breaks.models import Practice, Scheme
from coproduce.tenancy.tests.factories import OrganisationFactory, PartnershipFactory


class SchemeFactory(factory.django.DjangoModelFactory[Scheme]):
    class Meta:
        model = Scheme

    partnership = factory.SubFactory(PartnershipFactory)
    payment_organisation = factory.SubFactory(OrganisationFactory)
    name = "Carers' breaks 2026 to 2027"
    starts_on = datetime.date(2026, 4, 1)
    ends_on = datetime.date(2027, 3, 31)
    budget = Decimal("150000.00")
    standard_payment = Decimal("300.00")
    maximum_payment = Decimal("500.00")


class PracticeFactory(factory.django.DjangoModelFactory[Practice]):
    class Meta:
        model = Practice

    scheme = factory.SubFactory(SchemeFactory)
    name = factory.Sequence(lambda n: f"Riverside Surgery {n}")
    code = factory.Sequence(lambda n: f"H8{n:04d}")
    signed_up_at = factory.LazyFunction(timezone.now)

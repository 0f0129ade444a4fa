import factory

from coproduce.people.models import CaredFor, CarerProfile, Person, Relationship
from coproduce.tenancy.tests.factories import OrganisationFactory


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    organisation = factory.SubFactory(OrganisationFactory)
    full_name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "07700 900982"
    postcode = "GU1 1AA"


class CarerProfileFactory(factory.django.DjangoModelFactory[CarerProfile]):
    class Meta:
        model = CarerProfile

    person = factory.SubFactory(PersonFactory)
    caring_situation = "I look after my husband, who has dementia."


class CarerFactory(PersonFactory):
    """A person with a carer profile."""

    class Meta:
        skip_postgeneration_save = True

    profile = factory.RelatedFactory(CarerProfileFactory, factory_related_name="person")


class CaredForFactory(factory.django.DjangoModelFactory[CaredFor]):
    class Meta:
        model = CaredFor

    profile = factory.SubFactory(CarerProfileFactory)
    name = "Bill"
    relationship = Relationship.PARTNER
    conditions = factory.LazyFunction(lambda: ["dementia"])

"""The tenancy trio every test can use: a coordinator and a carer in organisation A,
a coordinator in organisation B, plus an admin in A. Staff clients are signed in with
their second factor completed, as staff always are."""

from dataclasses import dataclass

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import User
from coproduce.people.models import Person
from coproduce.people.tests.factories import CarerFactory, PersonFactory
from coproduce.tenancy.models import STAFF_ROLES, Organisation, Role
from coproduce.tenancy.tests.factories import MembershipFactory, OrganisationFactory, UserFactory


@dataclass
class Member:
    user: User
    person: Person
    role: Role

    @property
    def organisation(self) -> Organisation:
        return self.person.organisation


def make_member(
    organisation: Organisation, role: Role, name: str, email: str | None = None
) -> Member:
    user = UserFactory.create(email=email or f"{role}.{organisation.slug}@example.org")
    MembershipFactory.create(user=user, organisation=organisation, role=role)
    factory = PersonFactory if role in STAFF_ROLES else CarerFactory
    person: Person = factory.create(
        organisation=organisation, user=user, full_name=name, email=user.email
    )
    return Member(user=user, person=person, role=role)


def signed_in(client: Client, user: User) -> Client:
    """Sign in as a user would: staff with a confirmed authenticator and the code accepted."""
    client.force_login(user)
    if user.memberships.filter(role__in=STAFF_ROLES).exists():
        device = TOTPDevice.objects.filter(
            user=user, confirmed=True
        ).first() or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def org_a(db: None) -> Organisation:
    return OrganisationFactory.create(name="Riverside Carers", slug="org-a")


@pytest.fixture
def org_b(db: None) -> Organisation:
    return OrganisationFactory.create(name="Hillside Carers", slug="org-b")


@pytest.fixture
def coordinator(org_a: Organisation) -> Member:
    return make_member(org_a, Role.COORDINATOR, "Dylan Coordinator")


@pytest.fixture
def admin(org_a: Organisation) -> Member:
    return make_member(org_a, Role.ADMIN, "Amira Admin")


@pytest.fixture
def carer(org_a: Organisation) -> Member:
    return make_member(org_a, Role.CARER, "Margaret Carer")


@pytest.fixture
def professional(org_a: Organisation) -> Member:
    return make_member(org_a, Role.PROFESSIONAL, "Priya Professional")


@pytest.fixture
def staff_b(org_b: Organisation) -> Member:
    return make_member(org_b, Role.COORDINATOR, "Bea Other-Organisation")


@pytest.fixture
def carer_b(org_b: Organisation) -> Member:
    return make_member(org_b, Role.CARER, "Bob Other-Carer")


@pytest.fixture
def coordinator_client(coordinator: Member) -> Client:
    return signed_in(Client(), coordinator.user)


@pytest.fixture
def admin_client_a(admin: Member) -> Client:
    return signed_in(Client(), admin.user)


@pytest.fixture
def carer_client(carer: Member) -> Client:
    return signed_in(Client(), carer.user)


@pytest.fixture
def staff_b_client(staff_b: Member) -> Client:
    return signed_in(Client(), staff_b.user)

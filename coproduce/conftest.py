"""The tenancy trio every test can use: a coordinator and a carer in organisation A,
a coordinator in organisation B, plus an admin in A. Staff clients are signed in with
their second factor completed, as staff always are.

Also what several apps' tests share: A's project with A's carer in its group, and a running
carers' breaks scheme (organisation A pays; a GP refers from a practice)."""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import User
from coproduce.breaks.models import Practice, PracticeMember, Scheme
from coproduce.breaks.tests.factories import PracticeFactory, SchemeFactory
from coproduce.people.models import Person
from coproduce.people.tests.factories import CarerFactory, PersonFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory
from coproduce.tenancy.models import STAFF_ROLES, Organisation, Role
from coproduce.tenancy.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _site_language() -> Iterator[None]:
    """Each test starts in the site's language. A request activates its reader's language
    for the rest of the thread (as every request does in production, where the next
    request activates its own), so without this a Welsh page in one test would leave the
    next test in the same worker reading Welsh."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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


@pytest.fixture
def professional_client(professional: Member) -> Client:
    """A professional of organisation A (in no project's group unless a test adds them)."""
    return signed_in(Client(), professional.user)


# --- A project -------------------------------------------------------------------------


@pytest.fixture
def project(coordinator: Member, carer: Member) -> Project:
    """A project of organisation A, coordinated by A's coordinator, with A's carer in its
    group."""
    project: Project = ProjectFactory.create(
        organisation=coordinator.organisation,
        coordinator=coordinator.person,
        title="Hospital discharge that works for carers",
    )
    ProjectMemberFactory.create(project=project, person=carer.person)
    return project


# --- A carers' breaks scheme -----------------------------------------------------------


@dataclass
class BreaksScheme:
    scheme: Scheme
    practice: Practice
    gp: Member


@pytest.fixture
def surgery_org(db: None) -> Organisation:
    return OrganisationFactory.create(name="Riverside Medical Group", slug="riverside-medical")


@pytest.fixture
def breaks(org_a: Organisation, surgery_org: Organisation) -> BreaksScheme:
    """A running carers' breaks scheme: the partnership is led by organisation A, which
    also pays; Riverside Surgery has signed up and Dr Priya Shah (a professional partner at
    the surgery, so no second factor) refers."""
    partnership = PartnershipFactory.create(name="Riverside Carers' Partnership", lead=org_a)
    partnership.organisations.set([org_a, surgery_org])
    scheme = SchemeFactory.create(partnership=partnership, payment_organisation=org_a)
    practice = PracticeFactory.create(scheme=scheme, name="Riverside Surgery", code="H81001")
    gp = make_member(surgery_org, Role.PROFESSIONAL, "Dr Priya Shah")
    PracticeMember.objects.create(practice=practice, user=gp.user, job_title="GP")
    return BreaksScheme(scheme=scheme, practice=practice, gp=gp)

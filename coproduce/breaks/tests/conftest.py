"""A running scheme: the carers' centre of organisation A pays; a GP refers from a practice."""

from dataclasses import dataclass

import pytest
from django.test import Client

from coproduce.breaks.models import Practice, PracticeMember, Scheme
from coproduce.breaks.tests.factories import PracticeFactory, SchemeFactory
from coproduce.conftest import Member, make_member, signed_in
from coproduce.tenancy.models import Organisation, Role
from coproduce.tenancy.tests.factories import OrganisationFactory, PartnershipFactory


@dataclass
class Setting:
    scheme: Scheme
    practice: Practice
    gp: Member


@pytest.fixture
def surgery_org(db: None) -> Organisation:
    return OrganisationFactory.create(name="Riverside Medical Group", slug="riverside-medical")


@pytest.fixture
def breaks(org_a: Organisation, surgery_org: Organisation) -> Setting:
    partnership = PartnershipFactory.create(name="Riverside Carers' Partnership", lead=org_a)
    partnership.organisations.set([org_a, surgery_org])
    scheme = SchemeFactory.create(partnership=partnership, payment_organisation=org_a)
    practice = PracticeFactory.create(scheme=scheme, name="Riverside Surgery", code="H81001")
    gp = make_member(surgery_org, Role.PROFESSIONAL, "Dr Priya Shah")
    PracticeMember.objects.create(practice=practice, user=gp.user, job_title="GP")
    return Setting(scheme=scheme, practice=practice, gp=gp)


@pytest.fixture
def gp_client(breaks: Setting) -> Client:
    return signed_in(Client(), breaks.gp.user)

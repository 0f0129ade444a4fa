import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from coproduce.conftest import Member
from coproduce.people.models import Person
from coproduce.tenancy import access
from coproduce.tenancy.models import Membership, Organisation, Role
from coproduce.tenancy.tests.factories import MembershipFactory
from coproduce.tenancy.tests.requests import request_as


def test_one_finds_a_row_only_inside_the_scoped_queryset(carer: Member, carer_b: Member) -> None:
    ours = Person.objects.filter(organisation_id=carer.organisation.pk)
    assert access.one(ours, pk=carer.person.pk) == carer.person
    with pytest.raises(Http404):
        access.one(ours, pk=carer_b.person.pk)
    with pytest.raises(Http404):
        access.one(ours, pk=10**9)


def test_of_organisation_follows_a_path_to_the_owning_row(
    coordinator: Member, carer: Member, carer_b: Member
) -> None:
    membership = access.membership_for(request_as(coordinator.user))
    people = Person.objects.filter(access.of_organisation(membership))
    assert carer.person in people
    assert carer_b.person not in people
    memberships = Membership.objects.filter(
        access.of_organisation(membership, "organisation__memberships__user__people")
    )
    assert memberships.exists()


def test_nothing_matches_no_row(carer: Member) -> None:
    assert not Person.objects.filter(access.NOTHING).exists()
    assert Person.objects.filter(access.NOTHING | Q(pk=carer.person.pk)).count() == 1


def test_roles_are_checked_before_anything_is_fetched(
    coordinator: Member, admin: Member, carer: Member
) -> None:
    assert access.is_staff(request_as(coordinator.user))
    assert access.is_admin(request_as(admin.user))
    assert not access.is_staff(request_as(carer.user))
    assert not access.is_admin(request_as(coordinator.user))
    with pytest.raises(PermissionDenied):
        access.require_staff(request_as(carer.user))


def test_anonymous_visitors_are_asked_to_sign_in(db: None) -> None:
    with pytest.raises(access.SignInRequired):
        access.membership_for(request_as(None))
    with pytest.raises(access.SignInRequired):
        access.user_for(request_as(None))


def test_a_public_organisation_is_found_by_its_address_only(carer: Member) -> None:
    organisation: Organisation = carer.organisation
    assert access.public_organisation(organisation.slug) == organisation
    with pytest.raises(Http404):
        access.public_organisation("no-such-organisation")


def test_a_user_in_two_organisations_acts_for_the_chosen_one(carer: Member, org_b) -> None:  # type: ignore[no-untyped-def]
    MembershipFactory.create(user=carer.user, organisation=org_b, role=Role.COORDINATOR)
    chosen = access.membership_for(request_as(carer.user, organisation_id=org_b.pk))
    assert isinstance(chosen, Membership)
    assert chosen.organisation == org_b
    assert chosen.role == Role.COORDINATOR


def test_a_forged_organisation_in_the_session_is_ignored(carer: Member, org_b) -> None:  # type: ignore[no-untyped-def]
    request = request_as(carer.user, organisation_id=org_b.pk)
    assert access.membership_for(request).organisation == carer.organisation

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from coproduce.accounts.models import User
from coproduce.audit.access import audit_events_for
from coproduce.conftest import Member
from coproduce.people.access import (
    cared_for_of,
    erasure_requests_for,
    own_person,
    people_for,
    person_for,
)
from coproduce.tenancy.middleware import SESSION_KEY, current_membership
from coproduce.tenancy.models import Membership, Role
from coproduce.tenancy.tests.factories import MembershipFactory


def request_as(user: User | None, organisation_id: int | None = None):  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore

    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    request.session = SessionStore()
    if organisation_id:
        request.session[SESSION_KEY] = organisation_id
    request.membership = current_membership(request)  # type: ignore[attr-defined]
    return request


def test_coordinator_sees_people_of_their_own_organisation_only(
    coordinator: Member, carer: Member, carer_b: Member
) -> None:
    people = people_for(request_as(coordinator.user))
    assert carer.person in people
    assert carer_b.person not in people


def test_another_organisations_person_is_not_found_not_forbidden(
    coordinator: Member, carer_b: Member
) -> None:
    with pytest.raises(Http404):
        person_for(request_as(coordinator.user), carer_b.person.pk)


def test_carer_and_professional_may_not_list_people(carer: Member, professional: Member) -> None:
    for member in (carer, professional):
        with pytest.raises(PermissionDenied):
            people_for(request_as(member.user))


def test_anonymous_visitors_have_no_membership(db: None) -> None:
    with pytest.raises(PermissionDenied):
        people_for(request_as(None))
    with pytest.raises(PermissionDenied):
        own_person(request_as(None))


def test_only_admins_see_the_audit_log_and_erasure_requests(
    coordinator: Member, admin: Member
) -> None:
    with pytest.raises(PermissionDenied):
        audit_events_for(request_as(coordinator.user))
    with pytest.raises(PermissionDenied):
        erasure_requests_for(request_as(coordinator.user))
    assert audit_events_for(request_as(admin.user)).count() == 0


def test_own_person_is_the_users_record_in_the_current_organisation(carer: Member) -> None:
    assert own_person(request_as(carer.user)) == carer.person


def test_erased_people_are_not_listed(coordinator: Member, carer: Member) -> None:
    carer.person.erased_at = carer.person.created_at
    carer.person.save()
    assert carer.person not in people_for(request_as(coordinator.user))
    with pytest.raises(Http404):
        own_person(request_as(carer.user))


def test_a_user_in_two_organisations_acts_for_the_chosen_one(carer: Member, org_b) -> None:  # type: ignore[no-untyped-def]
    MembershipFactory.create(user=carer.user, organisation=org_b, role=Role.COORDINATOR)
    chosen = request_as(carer.user, organisation_id=org_b.pk).membership
    assert isinstance(chosen, Membership)
    assert chosen.organisation == org_b
    assert chosen.role == Role.COORDINATOR


def test_a_forged_organisation_in_the_session_is_ignored(carer: Member, org_b) -> None:  # type: ignore[no-untyped-def]
    request = request_as(carer.user, organisation_id=org_b.pk)
    assert request.membership.organisation == carer.organisation


def test_cared_for_of_another_person_is_not_found(carer: Member, carer_b: Member) -> None:
    from coproduce.people.tests.factories import CaredForFactory

    theirs = CaredForFactory.create(profile=carer_b.person.carer_profile)
    with pytest.raises(Http404):
        cared_for_of(carer.person, theirs.pk)

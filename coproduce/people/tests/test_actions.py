from datetime import date

import pytest

from coproduce.audit.models import AuditAction, AuditEvent
from coproduce.conftest import Member
from coproduce.people import actions
from coproduce.people.models import (
    CaredFor,
    CarerProfile,
    Consent,
    ConsentKind,
    EqualityMonitoring,
    ErasureRequest,
    Person,
)
from coproduce.people.tests.factories import CaredForFactory


def registration(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "full_name": "Sunita Patel",
        "known_as": "Sunny",
        "email": "",
        "phone": "07700 900123",
        "address": "",
        "postcode": "GU2 7XH",
        "date_of_birth": date(1961, 5, 2),
        "preferred_channel": "phone",
        "preferred_language": "en",
        "consent_data_use": True,
        "consent_contact": True,
    }
    data.update(overrides)
    return data


def test_registering_a_carer_creates_profile_consents_and_an_audit_entry(
    coordinator: Member,
) -> None:
    person = actions.register_carer(coordinator.user, coordinator.organisation, registration())
    assert person.organisation == coordinator.organisation
    assert person.registered_by == coordinator.user
    assert CarerProfile.objects.get(person=person).preferred_channel == "phone"
    kinds = set(Consent.objects.filter(person=person, given=True).values_list("kind", flat=True))
    assert kinds == {ConsentKind.DATA_USE, ConsentKind.CONTACT}
    assert AuditEvent.objects.filter(
        person=person, actor=coordinator.user, action=AuditAction.CHANGED
    ).exists()


def test_consent_is_recorded_only_when_it_changes(carer: Member) -> None:
    first = actions.save_consents(carer.user, carer.person, {"contact": True, "data_use": True})
    again = actions.save_consents(carer.user, carer.person, {"contact": True, "data_use": True})
    withdrawn = actions.save_consents(
        carer.user, carer.person, {"contact": False, "data_use": True}
    )
    assert len(first) == 2
    assert again == []
    assert [(c.kind, c.given) for c in withdrawn] == [("contact", False)]


def test_equality_answers_are_kept_only_with_consent(carer: Member) -> None:
    answers = {
        "consent": True,
        "age_band": "65_74",
        "ethnic_group": "white_irish",
        "young_carer": "no",
    }
    saved = actions.save_equality(carer.user, carer.person, answers)
    assert saved is not None
    assert saved.ethnic_group == "white_irish"
    assert saved.young_carer is False
    actions.save_equality(carer.user, carer.person, {"consent": False})
    assert not EqualityMonitoring.objects.filter(person=carer.person).exists()
    latest = Consent.objects.filter(person=carer.person, kind=ConsentKind.EQUALITY).first()
    assert latest is not None
    assert latest.given is False


def test_asking_for_erasure_twice_keeps_one_open_request(carer: Member) -> None:
    first = actions.request_erasure(carer.user, carer.person, "Moving away")
    second = actions.request_erasure(carer.user, carer.person, "Again")
    assert first.pk == second.pk
    assert ErasureRequest.objects.filter(person=carer.person).count() == 1


def test_erasure_really_removes_personal_data_and_closes_sign_in(
    carer: Member, admin: Member
) -> None:
    CaredForFactory.create(profile=carer.person.carer_profile, name="Bill")
    actions.save_equality(
        carer.user, carer.person, {"consent": True, "ethnic_group": "asian_indian"}
    )
    actions.save_consents(carer.user, carer.person, {"contact": True, "data_use": True})
    request = actions.request_erasure(
        carer.user, carer.person, "Please delete me, I moved to Leeds"
    )
    assert actions.erase_person(admin.user, request) is True

    person = Person.objects.get(pk=carer.person.pk)
    assert person.full_name == actions.ERASED_NAME
    assert (person.email, person.phone, person.address, person.postcode) == ("", "", "", "")
    assert person.date_of_birth is None
    assert person.user is None
    assert person.erased_at is not None
    assert not CarerProfile.objects.filter(person=person).exists()
    assert not CaredFor.objects.filter(name="Bill").exists()
    assert not EqualityMonitoring.objects.filter(person=person).exists()
    assert not Consent.objects.filter(person=person).exists()
    assert ErasureRequest.objects.get(pk=request.pk).reason == ""
    carer.user.refresh_from_db()
    assert not carer.user.is_active
    assert not carer.user.has_usable_password()
    assert carer.user.email.endswith("@erased.invalid")
    assert not carer.user.memberships.exists()
    assert AuditEvent.objects.filter(
        person=person, action=AuditAction.ERASED, actor=admin.user
    ).exists()


def test_erasure_happens_once(carer: Member, admin: Member) -> None:
    request = actions.request_erasure(carer.user, carer.person, "")
    assert actions.erase_person(admin.user, request) is True
    assert actions.erase_person(admin.user, request) is False
    assert AuditEvent.objects.filter(action=AuditAction.ERASED).count() == 1


@pytest.mark.parametrize("given", [True, False])
def test_consent_records_keep_the_wording_version(
    carer: Member, given: bool, settings: object
) -> None:
    consent = actions.record_consent(carer.user, carer.person, ConsentKind.CONTACT, given)
    assert consent.wording_version == "2026-11"
    assert consent.given is given

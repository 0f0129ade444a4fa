"""Everything held about a person, as plain data: for the download and the readable page."""

from typing import Any

from coproduce.people import personal_data
from coproduce.people.models import CarerProfile, Person


def person_data(person: Person, *, on_behalf: bool = False) -> dict[str, Any]:
    """All personal data the platform holds about `person`, in one JSON-ready dictionary
    (`on_behalf`: as staff may see it, downloading it for the person)."""
    return {
        **own_data(person),
        **personal_data.exported(person, on_behalf=on_behalf),
        "erasure_requests": [
            {"requested_at": r.requested_at.isoformat(), "completed": r.completed_at is not None}
            for r in person.erasure_requests.all()
        ],
    }


def own_data(person: Person) -> dict[str, Any]:
    """What the person's own record holds (the people app's models), for the profile page
    and the start of the download."""
    profile: CarerProfile | None = getattr(person, "carer_profile", None)
    equality = getattr(person, "equality", None)
    return {
        "organisation": person.organisation.name,
        "details": {
            "full_name": person.full_name,
            "known_as": person.known_as,
            "email": person.email,
            "phone": person.phone,
            "address": person.address,
            "postcode": person.postcode,
            "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
            "preferred_language": person.preferred_language,
            "registered_on": person.created_at.isoformat(),
        },
        "carer_profile": None
        if profile is None
        else {
            "caring_situation": profile.caring_situation,
            "needs_care_themselves": profile.needs_care_themselves,
            "replacement_care_needs": profile.replacement_care_needs,
            "access_needs": profile.access_needs,
            "access_needs_other": profile.access_needs_other,
            "interpreter_language": profile.interpreter_language,
            "preferred_channel": profile.preferred_channel,
            "do_not_contact": [
                name
                for name, flag in (
                    ("email", profile.no_email),
                    ("sms", profile.no_sms),
                    ("letter", profile.no_letter),
                    ("phone", profile.no_phone),
                )
                if flag
            ],
            "notice_days": profile.notice_days,
            "availability": profile.availability,
            "default_anonymity": profile.default_anonymity,
            "cared_for": [
                {
                    "name": c.name,
                    "relationship": c.relationship,
                    "conditions": c.conditions,
                    "lives_with_carer": c.lives_with_carer,
                    "notes": c.notes,
                }
                for c in profile.cared_for.all()
            ],
        },
        "equality_monitoring": equality.as_dict() if equality is not None else None,
        "consents": [
            {
                "kind": c.kind,
                "given": c.given,
                "wording_version": c.wording_version,
                "recorded_at": c.recorded_at.isoformat(),
            }
            for c in person.consents.all()
        ],
    }


def visible_data(person: Person, *, on_behalf: bool) -> dict[str, Any]:
    """What the person's download, readable page and PDF show: staff downloading for the
    person never see equality answers, only that some exist (nor words given in
    confidence: see `on_behalf` in personal_data)."""
    data = person_data(person, on_behalf=on_behalf)
    if on_behalf:
        data["equality_monitoring"] = {"answered": True} if data["equality_monitoring"] else None
    return data

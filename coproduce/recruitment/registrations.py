"""What recruitment adds to the apps below them, registered when the app starts
(RecruitmentConfig.ready): the person's answers to briefs, with what screening noted about
them (safeguarding notes included) and every move of each answer, in their download. On
erasure the words go: why they were interested, the screening and safeguarding notes, a
guardian's name, the reasons and notes, and the keys that matched their contact details.
The state stays, so a brief's counts still add up."""

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from coproduce.people import personal_data
from coproduce.people.models import Channel, Person
from coproduce.projects.models import GroupRole
from coproduce.recruitment.models import (
    ExpressionOfInterest,
    GuardianConsentHow,
    State,
    StateChange,
)


def expressions(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = (
        ExpressionOfInterest.objects.filter(person=person)
        .select_related("brief")
        .prefetch_related(Prefetch("history", queryset=StateChange.objects.order_by("pk")))
        .order_by("received_at", "pk")
    )
    return [
        {
            "brief": e.brief.title,
            "received_at": e.received_at.isoformat(),
            "state": e.state,
            "why": e.why,
            "preferred_channel": e.preferred_channel,
            "under_18": e.under_18,
            "genuine_carer": e.genuine_carer,
            "genuine_carer_note": e.genuine_carer_note,
            "safeguarding_notes": e.safeguarding_notes,
            "screened_at": e.screened_at.isoformat() if e.screened_at else None,
            "guardian_name": e.guardian_name,
            "guardian_consent_how": e.guardian_consent_how,
            "guardian_consent_on": e.guardian_consent_on.isoformat()
            if e.guardian_consent_on
            else None,
            "decline_reason": e.decline_reason,
            "group_role": e.group_role,
            "history": [
                {
                    "from": c.from_state,
                    "to": c.to_state,
                    "at": c.changed_at.isoformat(),
                    "note": c.note,
                }
                for c in e.history.all()
            ],
        }
        for e in theirs
    ]


def forget_expressions(person: Person) -> None:
    theirs = ExpressionOfInterest.objects.filter(person=person)
    theirs.update(
        why=personal_data.REMOVED,
        genuine_carer_note="",
        safeguarding_notes="",
        email_key="",
        phone_key="",
    )
    # Kept non-empty where the database requires a reason or a guardian's name.
    theirs.exclude(decline_reason="").update(decline_reason=personal_data.REMOVED)
    theirs.exclude(guardian_name="").update(guardian_name=personal_data.REMOVED)
    StateChange.objects.filter(expression__person=person).update(note="")


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "expressions_of_interest",
            expressions,
            forget_expressions,
            ("recruitment.ExpressionOfInterest", "recruitment.StateChange"),
            title=_("Your answers to calls for carers"),
            labels={
                "brief": _("Call for carers"),
                "received_at": _("Received"),
                "state": _("Where it is"),
                "why": _("Why you are interested"),
                "genuine_carer_note": _("How we know you are a carer"),
                "safeguarding_notes": _("Safeguarding notes"),
                "guardian_name": _("Parent or guardian's name"),
                "decline_reason": _("Reason"),
                "history": _("What happened"),
                "preferred_channel": _("How you prefer to be contacted"),
                "under_18": _("Under 18"),
                "genuine_carer": _("Confirmed as a carer"),
                "screened_at": _("Screened"),
                "guardian_consent_how": _("How your parent or guardian gave consent"),
                "guardian_consent_on": _("Date consent was given"),
                "group_role": _("Role in the group"),
                "from": _("From"),
                "to": _("To"),
                "at": _("When"),
                "note": _("Note"),
            },
            choices={
                "state": State,
                "from": State,
                "to": State,
                "preferred_channel": Channel,
                "guardian_consent_how": GuardianConsentHow,
                "group_role": GroupRole,
            },
        )
    )

"""What the carers' breaks scheme adds to the apps below them, registered when the app
starts (BreaksConfig.ready): the person's break referrals, in their download. On erasure
the referral forgets who the carer is (name, date of birth, contact details, address) and
the words written about them; the figures the scheme reports on stay (status, kind of
break, amount, eligibility, dates, wellbeing scores), now about nobody."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from coproduce.breaks.models import BreakKind, Referral, ReferralStatus, WellbeingMoment
from coproduce.people import personal_data
from coproduce.people.models import Channel, Person, Relationship


def referrals(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = (
        Referral.objects.filter(person=person)
        .select_related("practice")
        .prefetch_related("wellbeing")
        .order_by("created_at", "pk")
    )
    return [
        {
            "practice": r.practice.name,
            "status": r.status,
            "submitted_at": r.submitted_at.isoformat() if r.submitted_at else None,
            "carer_name": r.carer_name,
            "carer_date_of_birth": r.carer_date_of_birth.isoformat()
            if r.carer_date_of_birth
            else None,
            "carer_email": r.carer_email,
            "carer_phone": r.carer_phone,
            "carer_address": r.carer_address,
            "carer_postcode": r.carer_postcode,
            "preferred_channel": r.preferred_channel,
            "relationship": r.relationship,
            "carer_consent": r.carer_consent,
            "wellbeing_consent": r.wellbeing_consent,
            "answers": r.answers,
            "break_kind": r.break_kind,
            "break_description": r.break_description,
            "eligible": r.eligible,
            "amount": str(r.amount) if r.amount is not None else None,
            "decline_reason": r.decline_reason,
            "wellbeing": [
                {
                    "moment": w.moment,
                    "life_satisfaction": w.life_satisfaction,
                    "worthwhile": w.worthwhile,
                    "happiness": w.happiness,
                    "anxiety": w.anxiety,
                }
                for w in r.wellbeing.all()
            ],
        }
        for r in theirs
    ]


def forget_referrals(person: Person) -> None:
    Referral.objects.filter(person=person).update(
        carer_name="",
        carer_date_of_birth=None,
        carer_email="",
        carer_phone="",
        carer_address="",
        carer_postcode="",
        break_description="",
        decline_reason="",
    )


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "break_referrals",
            referrals,
            forget_referrals,
            ("breaks.Referral",),
            title=_("Referrals for a carer's break"),
            labels={
                "practice": _("Referred by"),
                "status": _("Status"),
                "submitted_at": _("Sent"),
                "carer_name": _("Full name"),
                "carer_date_of_birth": _("Date of birth"),
                "carer_email": _("Email address"),
                "carer_phone": _("Phone number"),
                "carer_address": _("Postal address"),
                "carer_postcode": _("Postcode"),
                "break_kind": _("Kind of break"),
                "break_description": _("About the break"),
                "amount": _("Amount"),
                "decline_reason": _("Reason"),
                "wellbeing": _("Wellbeing answers"),
                "answers": _("Answers about eligibility"),
                "eligible": _("Eligible"),
                "preferred_channel": _("Preferred way to contact"),
                "relationship": _("Relationship to the person cared for"),
                "carer_consent": _("Agreed to be referred"),
                "wellbeing_consent": _("Agreed to answer about wellbeing"),
                "moment": _("When"),
                "life_satisfaction": _("Satisfied with life (0 to 10)"),
                "worthwhile": _("Things you do are worthwhile (0 to 10)"),
                "happiness": _("Happy yesterday (0 to 10)"),
                "anxiety": _("Anxious yesterday (0 to 10)"),
            },
            choices={
                "status": ReferralStatus,
                "break_kind": BreakKind,
                "moment": WellbeingMoment,
                "preferred_channel": Channel,
                "relationship": Relationship,
            },
        )
    )

"""What payments add to the apps below them, registered when the app starts
(PaymentsConfig.ready): a person's claims and benefits in their download, and erasure of
their benefits and bank details."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from coproduce.payments.benefit_actions import forget_bank_details, forget_benefits
from coproduce.payments.models import (
    Benefit,
    BenefitRecord,
    Claim,
    ClaimEvent,
    LineKind,
    Method,
    Status,
)
from coproduce.people import personal_data
from coproduce.people.models import Person


def _payee(claim: Claim) -> dict[str, str]:
    return {
        "account_name": claim.account_name,
        "sort_code": claim.sort_code,
        "account_number": claim.account_number,
        "voucher_send_to": claim.voucher_send_to,
        "in_kind_note": claim.in_kind_note,
    }


def claims(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = (
        Claim.objects.filter(person=person)
        .select_related("project")
        .prefetch_related("lines__activity", "events")
        .order_by("pk")
    )
    return [
        {
            "reference": claim.reference,
            "project": claim.project.title,
            "status": claim.status,
            "method": claim.method,
            # Only the person sees how to reach their money: staff who pay it see it where
            # they record the payment, not in a download.
            "payee": None if on_behalf else _payee(claim),
            "query_message": claim.query_message,
            "lines": [
                {
                    "for": line.kind,
                    "activity": line.activity.title,
                    "description": line.description,
                    "receipt": line.receipt_name,
                    "amount": str(line.amount),
                }
                for line in claim.lines.all()
            ],
            "events": [
                {"what": e.what, "at": e.at.isoformat(), "message": e.message}
                for e in claim.events.all()
            ],
        }
        for claim in theirs
    ]


def forget_claim_details(person: Person) -> None:
    """How to reach their money goes, and the messages written about their claims."""
    forget_bank_details(person)
    Claim.objects.filter(person=person).exclude(query_message="").update(query_message="")
    ClaimEvent.objects.filter(claim__person=person).exclude(message="").update(message="")


def benefits(person: Person, on_behalf: bool) -> Any:
    records = BenefitRecord.objects.filter(person=person).values_list("benefits", flat=True)
    return next(iter(records), None)


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "claims",
            claims,
            forget_claim_details,
            ("payments.Claim", "payments.Line", "payments.ClaimEvent"),
            title=_("Claims for payment"),
            labels={
                "reference": _("Reference"),
                "project": _("Project"),
                "status": _("Status"),
                "payee": _("How you are paid"),
                "query_message": _("Our question about the claim"),
                "lines": _("What for"),
                "events": _("What happened"),
                "method": _("How you would like to be paid"),
                "account_name": _("Name on the account"),
                "sort_code": _("Sort code"),
                "account_number": _("Account number"),
                "voucher_send_to": _("Where to send the voucher"),
                "in_kind_note": _("What you would like instead"),
                "for": _("For"),
                "activity": _("Activity"),
                "description": _("What it was for"),
                "receipt": _("Receipt"),
                "amount": _("Amount"),
                "what": _("What"),
                "at": _("When"),
                "message": _("Message"),
            },
            choices={"status": Status, "method": Method, "for": LineKind},
        )
    )
    personal_data.register(
        personal_data.PersonalData(
            "benefits",
            benefits,
            forget_benefits,
            ("payments.BenefitRecord",),
            title=_("Benefits you receive"),
            choices={"value": Benefit},
        )
    )

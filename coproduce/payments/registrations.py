"""What payments add to the apps below them, registered when the app starts
(PaymentsConfig.ready): a person's claims and benefits in their download, and erasure of
their benefits and bank details."""

from typing import Any

from coproduce.payments.benefit_actions import forget_bank_details, forget_benefits
from coproduce.payments.models import BenefitRecord, Claim
from coproduce.people import personal_data
from coproduce.people.models import Person


def claims(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = (
        Claim.objects.filter(person=person)
        .select_related("project")
        .prefetch_related("lines__activity")
    )
    return [
        {
            "reference": claim.reference,
            "project": claim.project.title,
            "status": claim.status,
            "method": claim.method,
            "lines": [
                {"for": line.kind, "activity": line.activity.title, "amount": str(line.amount)}
                for line in claim.lines.all()
            ],
        }
        for claim in theirs
    ]


def benefits(person: Person, on_behalf: bool) -> Any:
    records = BenefitRecord.objects.filter(person=person).values_list("benefits", flat=True)
    return next(iter(records), None)


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "claims", claims, forget_bank_details, ("payments.Claim", "payments.Line")
        )
    )
    personal_data.register(
        personal_data.PersonalData(
            "benefits", benefits, forget_benefits, ("payments.BenefitRecord",)
        )
    )

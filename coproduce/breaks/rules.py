"""Pure decisions for the breaks scheme: eligibility, duplicates and amounts.

Eligibility is data on each scheme (`Scheme.eligibility`), in this shape::

    {"source": "...", "questions": [
        {"key": "...", "kind": "yes_no", "text": "...", "hint": "...",
         "met": "reason shown when the answer meets the rule",
         "not_met": "reason shown when it does not"},
        {"key": "...", "kind": "any_of", "text": "...", "options": [{"value": "...", "text": "..."}],
         "none_value": "none", "met": "...", "not_met": "..."},
    ]}

Every question must be met for the carer to be eligible: a `yes_no` question by "yes", an
`any_of` question by at least one option other than its `none_value`.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# The default follows the carers' eligibility criteria in the Care and Support (Eligibility
# Criteria) Regulations 2015, regulation 3: all three conditions must hold.
DEFAULT_ELIGIBILITY: dict[str, Any] = {
    "source": gettext_noop(
        "Care and Support (Eligibility Criteria) Regulations 2015, regulation 3"
    ),
    "questions": [
        {
            "key": "necessary_care",
            "kind": "yes_no",
            "text": gettext_noop("Does the carer provide necessary care to an adult?"),
            "hint": gettext_noop(
                "Care the adult needs because of their physical or mental condition, which they "
                "would otherwise go without. Young carers looking after a parent count."
            ),
            "met": gettext_noop("The need arises from providing necessary care to an adult."),
            "not_met": gettext_noop(
                "The need must arise from providing necessary care to an adult."
            ),
        },
        {
            "key": "effect_of_caring",
            "kind": "any_of",
            "text": gettext_noop("Because of caring, which of these apply to the carer?"),
            "hint": gettext_noop(
                "‘Unable’ includes only with help, only with significant pain, distress or "
                "anxiety, or only by putting themselves or others at risk. Select all that apply."
            ),
            "options": [
                {
                    "value": "health_at_risk",
                    "text": gettext_noop(
                        "Their physical or mental health is getting worse or is at risk"
                    ),
                },
                {
                    "value": "child",
                    "text": gettext_noop("Unable to look after a child they are responsible for"),
                },
                {
                    "value": "others",
                    "text": gettext_noop("Unable to look after other people they care for"),
                },
                {
                    "value": "home",
                    "text": gettext_noop("Unable to keep their home safe to live in"),
                },
                {"value": "nutrition", "text": gettext_noop("Unable to eat properly")},
                {
                    "value": "relationships",
                    "text": gettext_noop("Unable to keep up family or personal relationships"),
                },
                {
                    "value": "work",
                    "text": gettext_noop("Unable to work, train, study or volunteer"),
                },
                {
                    "value": "local_services",
                    "text": gettext_noop("Unable to use local facilities or services"),
                },
                {
                    "value": "recreation",
                    "text": gettext_noop("Unable to take part in leisure or recreation"),
                },
                {"value": "none", "text": gettext_noop("None of these")},
            ],
            "none_value": "none",
            "met": gettext_noop(
                "Caring puts their health at risk or leaves them unable to achieve an outcome."
            ),
            "not_met": gettext_noop(
                "Caring must put their health at risk or leave them unable to achieve at least "
                "one of the outcomes."
            ),
        },
        {
            "key": "significant_impact",
            "kind": "yes_no",
            "text": gettext_noop(
                "As a result, is there, or is there likely to be, a significant impact on the "
                "carer's wellbeing?"
            ),
            "met": gettext_noop(
                "There is, or is likely to be, a significant impact on their wellbeing."
            ),
            "not_met": gettext_noop(
                "There must be, or be likely to be, a significant impact on their wellbeing."
            ),
        },
    ],
}


def stored_text(text: str) -> str:
    """Translate text kept in a scheme's data (the defaults above are in the catalogue)."""
    return _(text)


@dataclass(frozen=True)
class Outcome:
    eligible: bool
    reasons: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)


def question_met(question: dict[str, Any], answer: Any) -> bool | None:
    """True or False for an answered question, None if it has no answer yet."""
    if question["kind"] == "yes_no":
        if answer not in ("yes", "no"):
            return None
        return bool(answer == "yes")
    if question["kind"] == "any_of":
        if not answer:
            return None
        chosen = set(answer)
        return bool(chosen - {question.get("none_value")})
    raise ValueError(f"Unknown kind of eligibility question: {question['kind']!r}")


def evaluate(eligibility: dict[str, Any], answers: dict[str, Any]) -> Outcome:
    """Whether the answers meet every question of the scheme, and why (in the active language)."""
    reasons: list[str] = []
    unanswered: list[str] = []
    eligible = True
    for question in eligibility["questions"]:
        met = question_met(question, answers.get(question["key"]))
        if met is None:
            unanswered.append(question["key"])
            eligible = False
            continue
        reasons.append(stored_text(question["met"] if met else question["not_met"]))
        eligible = eligible and met
    return Outcome(eligible=eligible and not unanswered, reasons=reasons, unanswered=unanswered)


def waiting_for_carer(status: str, break_kind: str) -> bool:
    """A sent referral still waiting for the carer's own answers (the break they want, who
    they look after, their wellbeing): the GP's three-minute referral leaves them to the
    carer. Referrals made before that asked the GP, so they have a kind of break already."""
    return status in ("submitted", "approved") and not break_kind


def may_approve(status: str, break_kind: str) -> bool:
    """Approving pays for a break, so it waits for the carer to say which break they want
    (by the link in their message, or by phone to the staff); declining need not wait."""
    return status == "submitted" and not waiting_for_carer(status, break_kind)


def same_carer_key(name: str, date_of_birth: date | None) -> str:
    """A loose key for spotting the same carer referred twice: name letters plus birth date."""
    letters = re.sub(r"[^a-z]", "", name.lower())
    return f"{letters}|{date_of_birth.isoformat() if date_of_birth else ''}"


def repeat_too_soon(last_paid_on: date | None, today: date, repeat_after_days: int) -> bool:
    """A carer paid within the scheme's repeat period may not be paid again yet."""
    return last_paid_on is not None and today - last_paid_on < timedelta(days=repeat_after_days)


def amount_problem(amount: Decimal, maximum: Decimal) -> str | None:
    """Why an amount cannot be paid, or None."""
    if amount <= 0:
        return _("The amount must be more than £0")
    if amount > maximum:
        return _("The amount must be £%(maximum)s or less, the most this scheme pays") % {
            "maximum": maximum
        }
    if amount != amount.quantize(Decimal("0.01")):
        return _("The amount must be in pounds and pence, like 250.00")
    return None


# An NHS ODS code for a GP practice: one letter, then five digits (like B82005).
PRACTICE_CODE = re.compile(r"[A-Z][0-9]{5}")


def normalise_practice_code(text: str) -> str | None:
    """The practice code as the NHS writes it (upper case, no spaces), or None if it is not
    one letter followed by five digits."""
    code = re.sub(r"\s+", "", text).upper()
    return code if PRACTICE_CODE.fullmatch(code) else None


def referrers_organisation_id(lead_id: int, partner_ids: list[int], payer_id: int) -> int:
    """Which organisation a professional joining a practice becomes a member of.

    Referrers belong with the scheme's health partner, not with the organisation that pays
    carers and keeps their records (least privilege): the partnership's lead if it is not the
    payer, else its first other partner, else (a partnership of one) the payer itself.
    """
    others = sorted(pk for pk in {lead_id, *partner_ids} if pk != payer_id)
    if lead_id in others:
        return lead_id
    return others[0] if others else payer_id


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def joining_email_problem(email: str, practice_email: str) -> str | None:
    """Why this address may not join a practice, or None.

    A joining link can be passed on (or leak), and joining shows the practice's referrals,
    which hold carers' details. So only an address at the same email domain as the
    practice's contact address may join (for NHS practices, nhs.net); owning the address is
    then proved by the set-password email.
    """
    if not practice_email:
        return "no_practice_email"
    if email_domain(email) != email_domain(practice_email):
        return "other_domain"
    return None

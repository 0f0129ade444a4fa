"""The carers' breaks direct-payment scheme: GP practices refer carers, a payment support
organisation pays them a sum to spend on a break of their own choosing."""

import copy
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.breaks.rules import DEFAULT_ELIGIBILITY
from coproduce.people.models import Channel, Language, Person, Relationship
from coproduce.people.personal_data import personal
from coproduce.tenancy.models import Organisation, Partnership


def default_eligibility() -> dict[str, Any]:
    return copy.deepcopy(DEFAULT_ELIGIBILITY)


class Scheme(models.Model):
    """One breaks scheme, run by a partnership; money is paid by its support organisation."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="schemes")
    payment_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="payment_schemes"
    )
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("funding starts"))
    ends_on = models.DateField(_("funding ends"))
    budget = models.DecimalField(_("budget"), max_digits=12, decimal_places=2)
    standard_payment = models.DecimalField(_("standard payment"), max_digits=8, decimal_places=2)
    maximum_payment = models.DecimalField(_("maximum payment"), max_digits=8, decimal_places=2)
    repeat_after_days = models.PositiveSmallIntegerField(
        _("days before a carer may have another break"), default=365
    )
    includes_young_carers = models.BooleanField(_("young carers can be referred"), default=True)
    eligibility = models.JSONField(
        _("eligibility questions"),
        default=default_eligibility,
        help_text=_("The questions and the rule for each: see coproduce/breaks/rules.py"),
    )

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(standard_payment__gt=0)
                & Q(standard_payment__lte=models.F("maximum_payment")),
                name="scheme_standard_within_maximum",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="scheme_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(budget__gte=0), name="scheme_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name


class Practice(models.Model):
    """A GP practice (or other referring service) taking part in a scheme."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="practices")
    name = models.CharField(_("practice name"), max_length=200)
    code = models.CharField(
        _("practice code"), max_length=10, help_text=_("The NHS ODS code, like H81001")
    )
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    signed_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"], name="one_practice_code_per_scheme")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def is_signed_up(self) -> bool:
        return self.signed_up_at is not None


class PracticeMember(models.Model):
    """A GP or other professional who refers on behalf of a practice."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practices"
    )
    job_title = models.CharField(_("job title"), max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["practice", "user"], name="one_membership_per_practice")
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.practice}"


class BreakKind(models.TextChoices):
    SHORT_BREAK = "short_break", _("A short break away")
    DAY_OUT = "day_out", _("A day out")
    ACTIVITY = "activity", _("A class, hobby or activity")
    REST_AT_HOME = "rest_at_home", _("Time to rest at home, with someone else caring")
    OTHER = "other", _("Something else")


class ReferralStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for a decision")
    APPROVED = "approved", _("Approved, waiting for payment")
    DECLINED = "declined", _("Declined")
    PAID = "paid", _("Paid")


class Referral(models.Model):
    """A professional's short referral of a carer who needs a break."""

    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="referrals")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="referrals")
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.DRAFT
    )
    carer_name = personal(models.CharField(_("carer's full name"), max_length=200, blank=True))
    carer_date_of_birth = personal(
        models.DateField(_("carer's date of birth"), null=True, blank=True)
    )
    carer_email = personal(models.EmailField(_("email address"), blank=True))
    carer_phone = personal(models.CharField(_("phone number"), max_length=30, blank=True))
    carer_address = personal(models.TextField(_("postal address"), blank=True))
    carer_postcode = personal(models.CharField(_("postcode"), max_length=10, blank=True))
    preferred_channel = models.CharField(max_length=10, choices=Channel.choices, blank=True)
    carer_language = models.CharField(
        _("the carer's language"), max_length=2, choices=Language.choices, blank=True
    )
    relationship = models.CharField(max_length=20, choices=Relationship.choices, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    break_kind = models.CharField(max_length=20, choices=BreakKind.choices, blank=True)
    break_description = personal(models.TextField(blank=True))
    carer_consent = models.BooleanField(null=True)
    wellbeing_consent = models.BooleanField(null=True)
    eligible = models.BooleanField(null=True)
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="break_referrals",
        help_text=_("The carer's record at the payment support organisation"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decline_reason = models.TextField(blank=True)
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["scheme", "status", "submitted_at"], name="referral_queue"),
            models.Index(fields=["practice", "-created_at"], name="referral_practice"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gt=0), name="referral_amount_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"Referral {self.pk} ({self.status})"


class PaymentMethod(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    CHEQUE = "cheque", _("Cheque")
    PREPAID_CARD = "prepaid_card", _("Prepaid card")
    VOUCHER = "voucher", _("Voucher")


class BreakPayment(models.Model):
    """The payment to the carer. One per referral, enforced by the database."""

    referral = models.OneToOneField(Referral, on_delete=models.PROTECT, related_name="payment")
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    method = models.CharField(max_length=20, choices=PaymentMethod.choices)
    paid_on = models.DateField()
    reference = models.CharField(max_length=100)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=Decimal("0")), name="break_payment_positive"
            )
        ]

    def __str__(self) -> str:
        return f"£{self.amount} for referral {self.referral_id}"


class WellbeingMoment(models.TextChoices):
    AT_REFERRAL = "at_referral", _("When referred")
    AFTER_BREAK = "after_break", _("After the break")


class WellbeingResponse(models.Model):
    """The four ONS personal wellbeing questions, each 0 to 10."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="wellbeing")
    moment = models.CharField(max_length=12, choices=WellbeingMoment.choices)
    life_satisfaction = models.PositiveSmallIntegerField()
    worthwhile = models.PositiveSmallIntegerField()
    happiness = models.PositiveSmallIntegerField()
    anxiety = models.PositiveSmallIntegerField()
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["referral", "moment"], name="one_wellbeing_per_moment"),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__lte": 10}), name=f"wellbeing_{name}_0_to_10"
                )
                for name in ("life_satisfaction", "worthwhile", "happiness", "anxiety")
            ],
        ]

    def __str__(self) -> str:
        return f"Wellbeing {self.moment} for referral {self.referral_id}"

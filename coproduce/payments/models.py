"""Reciprocity: what an organisation pays carers for their time and costs, the claims drafted
from what happened, their approval and payment (once), and the dated figures behind the
benefits-awareness warnings."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.activities.models import Activity
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.tenancy.models import Organisation

# No single line or claim is ever this much: larger amounts are typing mistakes.
MAX_AMOUNT = Decimal("5000.00")
MAX_MILES = Decimal("1000")


class ReferenceFigure(models.Model):
    """A dated public figure (an earnings limit, a benefit rate). A row applies from its
    date until a later row with the same key. Admins add rows for new tax years."""

    key = models.CharField(max_length=100)
    value = models.DecimalField(max_digits=10, decimal_places=2)
    unit = models.CharField(max_length=50)
    applies_from = models.DateField()
    source_note = models.TextField(blank=True)

    class Meta:
        ordering = ["key", "-applies_from"]
        constraints = [
            models.UniqueConstraint(fields=["key", "applies_from"], name="one_figure_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.value} from {self.applies_from}"


class Basis(models.TextChoices):
    HOUR = "hour", _("Per hour")
    HALF_DAY = "half_day", _("Per half day (up to 4 hours)")
    DAY = "day", _("Per day")
    ACTIVITY = "activity", _("Per activity")


class Method(models.TextChoices):
    BANK = "bank", _("Bank transfer")
    VOUCHER = "voucher", _("Voucher or gift card")
    IN_KIND = "in_kind", _("Payment in kind")
    DECLINE = "decline", _("No payment, thank you")
    DONATE = "donate", _("Donate it to the organisation")


# Methods that pay the carer nothing.
UNPAID_METHODS = frozenset({Method.DECLINE, Method.DONATE})


class PaymentPolicy(models.Model):
    """An organisation's rates from a date. A new policy applies to activities on or after
    its date; lines keep the rate they were drafted with, so past claims never change."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="payment_policies"
    )
    applies_from = models.DateField(_("applies to activities from"))
    involvement_basis = models.CharField(
        _("pay for time"), max_length=20, choices=Basis.choices, default=Basis.HOUR
    )
    involvement_rate = models.DecimalField(_("rate for time"), max_digits=7, decimal_places=2)
    another_way_minutes = models.PositiveSmallIntegerField(
        _("time paid for taking part another way, in minutes"), default=60
    )
    mileage_rate = models.DecimalField(
        _("mileage rate per mile"), max_digits=5, decimal_places=2, default=Decimal("0.45")
    )
    replacement_care_cap = models.DecimalField(
        _("most we pay for replacement care per activity"), max_digits=7, decimal_places=2
    )
    methods = models.JSONField(_("payment methods offered"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "-applies_from"]
        verbose_name_plural = "payment policies"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "applies_from"], name="one_policy_per_date"
            ),
            models.CheckConstraint(
                condition=Q(involvement_rate__gte=0)
                & Q(mileage_rate__gte=0)
                & Q(replacement_care_cap__gte=0),
                name="policy_rates_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} rates from {self.applies_from}"


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for approval")
    QUERIED = "queried", _("Question from the coordinator")
    APPROVED = "approved", _("Approved")
    PAID = "paid", _("Paid")


class BenefitChoice(models.TextChoices):
    GO_AHEAD = "go_ahead", _("Pay me as claimed")
    SPREAD = "spread", _("Spread the payment over several weeks")
    VOUCHER = "voucher", _("Pay me with a voucher instead")
    EXPENSES_ONLY = "expenses_only", _("Pay my expenses only, not my time")
    DECLINE = "decline", _("Do not pay me for this")


class Claim(models.Model):
    """One person's claim for one project: lines drafted from what happened, reviewed and
    submitted by the person (or staff for them), approved, then paid."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="claims")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="claims")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    method = models.CharField(
        _("how you would like to be paid"), max_length=20, choices=Method.choices, blank=True
    )
    # Payee details for the chosen method (only what that method needs).
    account_name = models.CharField(_("name on the account"), max_length=100, blank=True)
    sort_code = models.CharField(_("sort code"), max_length=8, blank=True)
    account_number = models.CharField(_("account number"), max_length=8, blank=True)
    voucher_send_to = models.CharField(_("where to send the voucher"), max_length=300, blank=True)
    in_kind_note = models.CharField(_("what you would like instead"), max_length=300, blank=True)
    benefit_warning = models.BooleanField(default=False)
    benefit_choice = models.CharField(max_length=20, choices=BenefitChoice.choices, blank=True)
    expenses_only = models.BooleanField(default=False)
    query_message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["project", "status"], name="claim_project_status"),
            models.Index(fields=["person", "-created_at"], name="claim_person_recent"),
            models.Index(fields=["organisation", "status"], name="claim_org_status"),
        ]
        constraints = [
            # Only one claim at a time is being drafted per person and project.
            models.UniqueConstraint(
                fields=["project", "person"],
                condition=Q(status="draft"),
                name="one_draft_claim_per_person_project",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | ~Q(method=""), name="claim_sent_has_method"
            ),
        ]

    def __str__(self) -> str:
        return f"Claim {self.pk} by {self.person_id}"

    @property
    def reference(self) -> str:
        return f"CLM-{self.pk:06d}"


class LineKind(models.TextChoices):
    INVOLVEMENT = "involvement", _("Your time")
    PREPARATION = "preparation", _("Preparation time")
    TRAVEL = "travel", _("Travel")
    REPLACEMENT_CARE = "replacement_care", _("Replacement care")
    OTHER = "other", _("Other expenses")
    CANCELLATION = "cancellation", _("Costs of a cancelled activity")


# Lines that pay for time (earnings, for benefits); the rest repay costs.
TIME_KINDS = frozenset({LineKind.INVOLVEMENT, LineKind.PREPARATION})


class TravelMode(models.TextChoices):
    MILEAGE = "mileage", _("I drove: pay mileage")
    FARES = "fares", _("I paid fares (bus, train, taxi)")
    NONE = "none", _("Nothing to claim")


class Line(models.Model):
    """One thing claimed for one activity. Never twice: one line per person, activity and
    kind, whichever claim it is on."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="claim_lines")
    kind = models.CharField(max_length=20, choices=LineKind.choices)
    description = models.CharField(_("what it was for"), max_length=300, blank=True)
    minutes = models.PositiveIntegerField(null=True, blank=True)
    rate = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    basis = models.CharField(max_length=20, choices=Basis.choices, blank=True)
    travel_mode = models.CharField(max_length=20, choices=TravelMode.choices, blank=True)
    miles = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    amount = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))
    receipt = models.FileField(upload_to="receipts/%Y/%m/", blank=True)
    receipt_name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["activity__starts_at", "activity_id", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "activity", "kind"], name="one_line_per_person_activity_kind"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0) & Q(amount__lte=MAX_AMOUNT),
                name="line_amount_sensible",
            ),
            models.CheckConstraint(
                condition=~Q(travel_mode="mileage") | Q(miles__gt=0),
                name="line_mileage_has_miles",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.activity_id}: £{self.amount}"


class ClaimEvent(models.Model):
    """Every change of a claim's state: who, when, and any message."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    what = models.CharField(max_length=100)
    message = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["claim", "at"], name="claimevent_claim_at")]

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.what}"


class Payment(models.Model):
    """What is to be paid for an approved claim, made when it is approved; finance records
    the date and reference when it goes out. One per claim, by the database."""

    claim = models.OneToOneField(Claim, on_delete=models.PROTECT, related_name="payment")
    amount = models.DecimalField(max_digits=9, decimal_places=2)
    method = models.CharField(max_length=20, choices=Method.choices)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField()
    paid_on = models.DateField(_("date paid"), null=True, blank=True)
    reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-approved_at", "-pk"]
        indexes = [models.Index(fields=["paid_on"], name="payment_paid_on")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="payment_not_negative"),
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True) | ~Q(reference=""),
                name="payment_paid_has_reference",
            ),
        ]

    def __str__(self) -> str:
        return f"Payment for claim {self.claim_id}: £{self.amount}"


class Benefit(models.TextChoices):
    CARERS_ALLOWANCE = "carers_allowance", _("Carer's Allowance")
    UNIVERSAL_CREDIT = "universal_credit", _("Universal Credit")
    PENSION_CREDIT = "pension_credit", _("Pension Credit")
    ESA = "esa", _("Employment and Support Allowance")
    JSA = "jsa", _("Jobseeker's Allowance")
    INCOME_SUPPORT = "income_support", _("Income Support")
    HOUSING_BENEFIT = "housing_benefit", _("Housing Benefit")
    OTHER = "other", _("Another benefit that depends on income")


class BenefitRecord(models.Model):
    """Which benefits a carer receives, kept only while they consent, to warn them when a
    payment might affect one. Staff views are audited."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="benefits")
    benefits = models.JSONField(_("benefits you receive"), default=list, blank=True)
    consent_given_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Benefits of {self.person_id}"

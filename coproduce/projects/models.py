"""Projects: one piece of co-production work, its stages, budget, milestones and group."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.people.models import Person
from coproduce.tenancy.models import Organisation, Partnership


class Stage(models.TextChoices):
    """Where a project is. The order is the usual path; going back (revision) is allowed."""

    FUNDING = "funding", _("Funding")
    MEMBERSHIP = "membership", _("Membership")
    CONSULTING = "consulting", _("Consulting")
    PLANNING = "planning", _("Planning")
    REVISION = "revision", _("Revision")
    DELIVERY = "delivery", _("Delivery")
    EVALUATION = "evaluation", _("Evaluation")
    REVIEW = "review", _("Review")


class Project(models.Model):
    """Owned by one organisation; co-owned by a partnership's members when it has one."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="projects"
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="projects", null=True, blank=True
    )
    # The texts with a Welsh twin `<name>_cy` (coproduce.lib.bilingual).
    TRANSLATED = ("title", "aims")

    title = models.CharField(_("project name"), max_length=200)
    aims = models.TextField(_("aims"))
    title_cy = models.CharField(_("project name in Welsh"), max_length=200, blank=True)
    aims_cy = models.TextField(_("aims in Welsh"), blank=True)
    scope = models.TextField(_("scope"), blank=True)
    coordinator = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="coordinated_projects",
        verbose_name=_("coordinator"),
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.FUNDING)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "title"]
        indexes = [models.Index(fields=["organisation", "stage"], name="project_org_stage")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(stage__in=[s.value for s in Stage]), name="project_stage_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class StageChange(models.Model):
    """Every move between stages, forwards or back, with who, when and why.

    A move on from a stage in which carers took no part is marked `carers_absent`, with the
    reason given for moving on without them (it counts against the project's rung)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    note = models.TextField(_("note"), blank=True)
    carers_absent = models.BooleanField(default=False)
    carers_absent_reason = models.TextField(_("reason for moving on without carers"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [models.Index(fields=["project", "changed_at"], name="stagechange_project_at")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(carers_absent=False, carers_absent_reason="")
                | (models.Q(carers_absent=True) & ~models.Q(carers_absent_reason="")),
                name="stagechange_carers_absent_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.from_stage} to {self.to_stage}"


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due date"))
    done_on = models.DateField(_("date done"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class BudgetKind(models.TextChoices):
    CARERS_TIME = "carers_time", _("Carers' time")
    TRAVEL = "travel", _("Travel")
    REPLACEMENT_CARE = "replacement_care", _("Replacement care")
    VENUE = "venue", _("Venue")
    ACCESS = "access", _("Access costs (for example BSL interpreters)")
    REFRESHMENTS = "refreshments", _("Refreshments")
    OTHER = "other", _("Other")


class BudgetLine(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budget_lines")
    kind = models.CharField(_("kind of cost"), max_length=20, choices=BudgetKind.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("amount"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="budget_line_amount_not_negative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} £{self.amount}"


class GroupRole(models.TextChoices):
    CARER = "carer", _("Carer member")
    PROFESSIONAL = "professional", _("Professional partner")
    COORDINATOR = "coordinator", _("Coordinator")


class ProjectMember(models.Model):
    """A person in the project's group (recruited through a brief, or added by staff)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="project_memberships")
    role = models.CharField(_("role in the group"), max_length=20, choices=GroupRole.choices)
    joined_on = models.DateField(_("joined"))
    left_on = models.DateField(_("left"), null=True, blank=True)

    class Meta:
        ordering = ["joined_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "person"], name="one_membership_per_project")
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.project}"

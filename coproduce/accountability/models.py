"""You Said, We Did: what the organisation did ("We did") because of what people said
("You said"), with its history, the group's comments, and whether the project shows its
board to the public."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.contributions.models import Contribution
from coproduce.decisions.models import Proposal
from coproduce.people.models import Person
from coproduce.projects.models import Project

MAX_COMMENT_LENGTH = 2_000
MAX_DESCRIPTION_LENGTH = 5_000
MAX_NAME_LENGTH = 100
MAX_QUOTE_LENGTH = 2_000


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_POSSIBLE = "not_possible", _("Not possible")


class Action(models.Model):
    """One thing done, or to be done, in answer to contributions (and decisions)."""

    # The texts with a Welsh twin `<name>_cy` (coproduce.lib.bilingual).
    TRANSLATED = ("title", "description")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="we_did")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("what we did or will do"), max_length=MAX_DESCRIPTION_LENGTH, blank=True
    )
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    description_cy = models.TextField(
        _("what we did or will do, in Welsh"), max_length=MAX_DESCRIPTION_LENGTH, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus, default=ActionStatus.PLANNED
    )
    reason = models.TextField(_("why it is not possible"), max_length=2_000, blank=True)
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), max_length=2_000, blank=True)
    evidence_link = models.URLField(_("link to the evidence"), blank=True)
    contributions = models.ManyToManyField(Contribution, blank=True, related_name="answered_by")
    proposals = models.ManyToManyField(Proposal, blank=True, related_name="answered_by")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["project", "-updated_at"], name="action_project_updated"),
            models.Index(fields=["project", "status"], name="action_project_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="not_possible") | ~models.Q(reason=""),
                name="action_not_possible_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="done") | models.Q(done_on__isnull=False),
                name="action_done_has_date",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in ActionStatus]),
                name="action_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ActionUpdate(models.Model):
    """One change of an action's status: who, when, from what, to what and why."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=20, choices=ActionStatus, blank=True)
    to_status = models.CharField(max_length=20, choices=ActionStatus)
    note = models.TextField(_("note"), max_length=2_000, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [models.Index(fields=["action", "changed_at"], name="action_update_history")]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be checked")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")


class Comment(models.Model):
    """A comment on an action: from a group member or staff on the members' board, or
    from anyone (no account, a name only if they give one) on the public board. Staff
    read each before it shows (`status`); staff's own comments show at once."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="comments")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="action_comments"
    )
    text = models.TextField(_("comment"), max_length=MAX_COMMENT_LENGTH)
    # Given on the public board: no person, perhaps a name the visitor chose to give.
    public = models.BooleanField(default=False)
    name = models.CharField(_("name"), max_length=MAX_NAME_LENGTH, blank=True)
    show_name = models.BooleanField(_("show my name"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=CommentStatus, default=CommentStatus.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["action", "created_at"], name="comment_action_created"),
            models.Index(fields=["status", "created_at"], name="comment_status_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(text=""),
                name="comment_has_text",
            ),
            # A comment from the public board is linked to nobody.
            models.CheckConstraint(
                condition=models.Q(public=False) | models.Q(person__isnull=True),
                name="comment_public_has_no_person",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in CommentStatus]),
                name="comment_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on action {self.action_id}"


class QuoteKind(models.TextChoices):
    # The contributor's own words (perhaps with other people's names taken out), shown
    # only once they approve them.
    QUOTE = "quote", _("Their words, approved by them")
    # Staff's own words about what was said, for a contributor who cannot be asked.
    PARAPHRASE = "paraphrase", _("In our words")


class QuoteStatus(models.TextChoices):
    AWAITING = "awaiting", _("Waiting for their approval")
    APPROVED = "approved", _("Approved")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Quote(models.Model):
    """What the public board shows as the "You said" of one contribution to one action.
    The contribution's own words stay private; `text` is what was sent for approval
    (with other people's names taken out) or what its giver changed it to."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="quotes")
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="quotes")
    # Who was asked: the contribution's giver, for a quote; nobody, for a paraphrase.
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="quotes"
    )
    kind = models.CharField(max_length=20, choices=QuoteKind)
    text = models.TextField(_("words to show"), max_length=MAX_QUOTE_LENGTH)
    status = models.CharField(max_length=20, choices=QuoteStatus)
    # Each time the words are sent to be approved (so a changed quote is asked about again).
    version = models.PositiveIntegerField(default=1)
    asked_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["action", "status"], name="quote_action_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "contribution"], name="quote_one_per_action_contribution"
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="quote_has_text"),
            models.CheckConstraint(
                condition=models.Q(kind__in=[k.value for k in QuoteKind]),
                name="quote_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in QuoteStatus]),
                name="quote_status_valid",
            ),
            # A paraphrase is staff's own words: nobody is asked, and it shows at once.
            models.CheckConstraint(
                condition=~models.Q(kind="paraphrase")
                | (models.Q(person__isnull=True) & models.Q(status="approved")),
                name="quote_paraphrase_not_asked",
            ),
        ]

    def __str__(self) -> str:
        return f"Quote {self.pk} ({self.status})"


class DifferenceAnswer(models.TextChoices):
    YES = "yes", _("Yes, it made a difference")
    A_LITTLE = "a_little", _("A little")
    NO = "no", _("No, it made no difference")


class Difference(models.Model):
    """An answer to "Did it make a difference?" about a done action. The answer itself is
    a contribution of the project (kept as private as its giver chose), so it is
    considered like any other view; this row says which action it is about."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="differences")
    contribution = models.OneToOneField(
        Contribution, on_delete=models.CASCADE, related_name="difference"
    )
    answer = models.CharField(
        _("did it make a difference?"), max_length=20, choices=DifferenceAnswer
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(answer__in=[a.value for a in DifferenceAnswer]),
                name="difference_answer_valid",
            )
        ]

    def __str__(self) -> str:
        return f"Difference {self.pk} ({self.answer})"


class BoardSettings(models.Model):
    """Whether a project shows its board to the public, at /you-said-we-did/<public_id>/."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="board")
    public = models.BooleanField(_("show the board to the public"), default=False)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "board settings"

    def __str__(self) -> str:
        return f"Board of project {self.project_id}"

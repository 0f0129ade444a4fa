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


class Comment(models.Model):
    """A group member's or staff member's comment on an action, as part of evaluation."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="comments")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="action_comments")
    text = models.TextField(_("comment"), max_length=MAX_COMMENT_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["action", "created_at"], name="comment_action_created")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(text=""),
                name="comment_has_text",
            )
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on action {self.action_id}"


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

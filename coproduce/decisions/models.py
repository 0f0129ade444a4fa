"""Decisions by consensus: a proposal put to a project's group, each member's position on
it, and the outcome the group reached."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.people.models import Person
from coproduce.projects.models import Project

# Limits on what people type, said on every form that asks for them.
TITLE_LIMIT = 200
TEXT_LIMIT = 5000
COMMENT_LIMIT = 2000
STATEMENT_LIMIT = 20000


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Decided")


class Outcome(models.TextChoices):
    AGREED = "agreed", _("Agreed")
    AGREED_WITH_RESERVATIONS = "agreed_with_reservations", _("Agreed with reservations")
    NOT_AGREED = "not_agreed", _("Not agreed")
    REVISED = "revised", _("Revised and re-proposed")


class Stance(models.TextChoices):
    AGREE = "agree", _("Agree")
    AGREE_WITH_RESERVATIONS = "agree_with_reservations", _("Agree with reservations")
    STAND_ASIDE = "stand_aside", _("Stand aside")
    BLOCK = "block", _("Block")


class PositionChannel(models.TextChoices):
    ONLINE = "online", _("Online")
    PHONE = "phone", _("By phone")
    WRITING = "writing", _("In writing")
    MEETING = "meeting", _("In the meeting")


class RuleKind(models.TextChoices):
    CONSENSUS = "consensus", _("Full consensus")
    CONSENSUS_MINUS_ONE = "consensus_minus_one", _("Consensus minus one")
    FALLBACK_VOTE = "fallback_vote", _("Consensus, with a vote as a fallback")


# A fallback vote may come after 1 to this many rounds of a proposal.
MOST_ROUNDS = 10


class DecisionRule(models.Model):
    """How a project's group decides: by full consensus (no block may stand), consensus
    minus one (one block may stand), or consensus with a vote as a fallback once a proposal
    has been through `vote_after_rounds` rounds (the first proposal and its revisions).
    A project without a row decides by full consensus (`access.decision_rule_of`)."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="decision_rule")
    kind = models.CharField(
        _("decision rule"), max_length=30, choices=RuleKind.choices, default=RuleKind.CONSENSUS
    )
    vote_after_rounds = models.PositiveSmallIntegerField(_("rounds before a vote"), default=2)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=[k.value for k in RuleKind]),
                name="decisionrule_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(vote_after_rounds__gte=1, vote_after_rounds__lte=MOST_ROUNDS),
                name="decisionrule_rounds_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.kind}"


class Proposal(models.Model):
    # The texts with a Welsh twin `<name>_cy` (coproduce.lib.bilingual).
    TRANSLATED = ("title", "background", "options")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(_("proposal"), max_length=TITLE_LIMIT)
    background = models.TextField(_("background"))
    options = models.TextField(_("options"))
    title_cy = models.CharField(_("proposal in Welsh"), max_length=TITLE_LIMIT, blank=True)
    background_cy = models.TextField(_("background in Welsh"), blank=True)
    options_cy = models.TextField(_("options in Welsh"), blank=True)
    deadline = models.DateTimeField(_("deadline for positions"))
    hide_positions_until_deadline = models.BooleanField(default=False)
    allow_anonymous_positions = models.BooleanField(default=False)
    proposed_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="proposals_put", null=True, blank=True
    )
    proposed_at = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    outcome_statement = models.TextField(_("outcome statement"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    revises = models.ForeignKey(
        "self", on_delete=models.SET_NULL, related_name="revisions", null=True, blank=True
    )
    # 1 for a first proposal, one more for each revision (for the fallback vote).
    round = models.PositiveSmallIntegerField(default=1)
    # A deadline giving less notice than a member needs, and why (reported, like activities).
    notice_days = models.PositiveIntegerField(default=0)
    required_notice_days = models.PositiveIntegerField(default=0)
    short_notice = models.BooleanField(default=False)
    short_notice_reason = models.TextField(_("reason for short notice"), blank=True)
    # Why the group went ahead although a block stood (needed to record "agreed" over it).
    block_reason = models.TextField(_("why the group went ahead despite a block"), blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        indexes = [
            models.Index(fields=["project", "-proposed_at"], name="proposal_project_at"),
            models.Index(fields=["status", "deadline"], name="proposal_status_deadline"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in ProposalStatus]),
                name="proposal_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome__in=["", *[o.value for o in Outcome]]),
                name="proposal_outcome_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status=ProposalStatus.OPEN, outcome="")
                | (
                    models.Q(status=ProposalStatus.CLOSED, decided_at__isnull=False)
                    & ~models.Q(outcome="")
                ),
                name="proposal_closed_has_outcome",
            ),
            models.CheckConstraint(
                condition=models.Q(short_notice=False) | ~models.Q(short_notice_reason=""),
                name="proposal_short_notice_has_reason",
            ),
            models.CheckConstraint(condition=models.Q(round__gte=1), name="proposal_round_from_1"),
        ]

    def __str__(self) -> str:
        return self.title


class Position(models.Model):
    """One member's position on a proposal; changing it before the deadline updates it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="positions")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="decision_positions")
    stance = models.CharField(_("position"), max_length=30, choices=Stance.choices)
    comment = models.TextField(_("comment"), blank=True)
    channel = models.CharField(max_length=10, choices=PositionChannel.choices)
    anonymous_to_group = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "person"], name="one_position_per_member"),
            models.CheckConstraint(
                condition=~models.Q(stance=Stance.BLOCK) | ~models.Q(comment=""),
                name="position_block_has_comment",
            ),
            models.CheckConstraint(
                condition=models.Q(stance__in=[s.value for s in Stance]),
                name="position_stance_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(channel__in=[c.value for c in PositionChannel]),
                name="position_channel_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} on {self.proposal}: {self.stance}"

"""Pure decisions about the evaluation plan: no writes, no request."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from coproduce.decisions.models import Outcome, ProposalStatus
from coproduce.evaluation.models import Agreement, EvaluationQuestion, Review
from coproduce.lib import bilingual
from coproduce.lib.bilingual import Shown as Shown  # what `shown` answers
from coproduce.projects.models import Stage

AGREED_OUTCOMES = (Outcome.AGREED, Outcome.AGREED_WITH_RESERVATIONS)
# Members need two to three weeks' notice: the deadline offered for agreeing the plan.
NOTICE_DAYS = 21

# Where a question stands, from the decision it was put to the group in.
PROPOSED = "proposed"
WITH_THE_GROUP = "with_the_group"
AGREED = "agreed"
NOT_AGREED = "not_agreed"
STATUS_NAMES = {
    PROPOSED: _("Proposed"),
    WITH_THE_GROUP: _("With the group to agree"),
    AGREED: _("Agreed"),
    NOT_AGREED: _("Not agreed"),
}
STATUS_TAGS = {
    PROPOSED: "govuk-tag--grey",
    WITH_THE_GROUP: "govuk-tag--blue",
    AGREED: "govuk-tag--green",
    NOT_AGREED: "govuk-tag--red",
}

# Questions the group agreed (a filter on EvaluationQuestion).
AGREED_Q = Q(proposal__status=ProposalStatus.CLOSED, proposal__outcome__in=AGREED_OUTCOMES)
# Questions still to put to the group: never put, or put and not agreed (to try again).
TO_PUT_Q = Q(proposal__isnull=True) | (
    Q(proposal__status=ProposalStatus.CLOSED) & ~Q(proposal__outcome__in=AGREED_OUTCOMES)
)


def status_of(question: EvaluationQuestion) -> str:
    """Proposed, with the group, agreed or not agreed (its proposal loaded with it)."""
    proposal = question.proposal
    if proposal is None:
        return PROPOSED
    if proposal.status == ProposalStatus.OPEN:
        return WITH_THE_GROUP
    return AGREED if proposal.outcome in AGREED_OUTCOMES else NOT_AGREED


def default_deadline(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=NOTICE_DAYS)


# --- The final review ------------------------------------------------------------------------

# The written sections of a review, in the order read, each with its Welsh twin `<name>_cy`.
REVIEW_SECTIONS: tuple[tuple[str, StrOrPromise], ...] = (
    ("outcomes", _("Outcomes against the project's aims")),
    ("changed_for_carers", _("What changed for carers")),
    ("learnt_by_carers", _("What carers learnt")),
    ("learnt_by_professionals", _("What professionals learnt")),
    ("recommendations", _("Recommendations")),
    ("costs_note", _("About the costs")),
    ("next_time", _("What to do next time")),
)


def shown(review: Review, name: str, language: str) -> Shown:
    """A section's text in the reader's language, and whether it is the English text shown
    because the Welsh is missing (the page says so, and marks it `lang="en"`)."""
    return bilingual.shown(review, name, language)


def publish_problem(stage: str) -> str | None:
    """Why the review cannot be published now, or None. The review is the last stage's work:
    it is published once the project is in Review (where every view was considered and every
    agreed evaluation question asked before it could start)."""
    if stage != Stage.REVIEW:
        return str(
            _(
                "The review can be published only when the project is at the Review stage. "
                "Move the project to Review first."
            )
        )
    return None


@dataclass(frozen=True)
class Agreed:
    """Where the group stands on the current draft: each member's latest say counts."""

    agree: int
    not_yet: int
    members: int

    @property
    def silent(self) -> int:
        return max(self.members - self.agree - self.not_yet, 0)


def agreement_of(latest: dict[int, tuple[str, int]], members: set[int], version: int) -> Agreed:
    """From each person's latest (agreement, version), counted only for current members and
    only for the current `version` of the draft."""
    on_current = [
        agreement for person, (agreement, v) in latest.items() if person in members and v == version
    ]
    return Agreed(
        agree=on_current.count(Agreement.AGREE),
        not_yet=on_current.count(Agreement.NOT_YET),
        members=len(members),
    )


NO_REVIEW = _("Write the review before publishing it.")

"""Pure decisions about the evaluation plan: no writes, no request."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.decisions.models import Outcome, ProposalStatus
from coproduce.evaluation.models import EvaluationQuestion

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

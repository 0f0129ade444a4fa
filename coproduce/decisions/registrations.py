"""What decisions add to the apps below them, registered when the app starts
(DecisionsConfig.ready): the person's positions on proposals and the proposals they put, in
their download. On erasure the comments they gave with a position go (their stance stays,
so the group's count still adds up) and the proposals they put stop naming them: a
proposal is the group's record of a decision, so its words stay."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from coproduce.decisions.models import Position, Proposal, Stance
from coproduce.people import personal_data
from coproduce.people.models import Person


def positions(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = Position.objects.filter(person=person).select_related("proposal")
    return [
        {
            "proposal": p.proposal.title,
            "stance": p.stance,
            "comment": p.comment,
            "anonymous_to_group": p.anonymous_to_group,
            "recorded_at": p.recorded_at.isoformat(),
        }
        for p in theirs.order_by("recorded_at", "pk")
    ]


def forget_comments(person: Person) -> None:
    Position.objects.filter(person=person).exclude(comment="").update(comment=personal_data.REMOVED)


def proposals(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = Proposal.objects.filter(proposed_by=person).order_by("proposed_at", "pk")
    return [{"proposal": p.title, "proposed_at": p.proposed_at.isoformat()} for p in theirs]


def unname_proposals(person: Person) -> None:
    Proposal.objects.filter(proposed_by=person).update(proposed_by=None)


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "positions",
            positions,
            forget_comments,
            ("decisions.Position",),
            title=_("Your positions on proposals"),
            labels={
                "proposal": _("Proposal"),
                "stance": _("Position"),
                "comment": _("Comment"),
                "anonymous_to_group": _("Hidden from the group"),
                "recorded_at": _("Recorded"),
            },
            choices={"stance": Stance},
        )
    )
    personal_data.register(
        personal_data.PersonalData(
            "proposals",
            proposals,
            unname_proposals,
            ("decisions.Proposal",),
            title=_("Proposals you put to the group"),
            labels={"proposal": _("Proposal"), "proposed_at": _("Put")},
        )
    )

"""What accountability adds to the apps below them, registered when the app starts
(AccountabilityConfig.ready): the person's comments on "We did" actions and the words of
theirs the public board shows (or asked to), in their download; on erasure their words go
(a comment's row stays, so the action's comments still count; a quote is withdrawn)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from coproduce.accountability.models import Comment, Quote, QuoteStatus
from coproduce.people import personal_data
from coproduce.people.models import Person


def comments(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = Comment.objects.filter(person=person).select_related("action")
    return [
        {"action": c.action.title, "written_at": c.created_at.isoformat(), "text": c.text}
        for c in theirs.order_by("created_at", "pk")
    ]


def forget_comments(person: Person) -> None:
    Comment.objects.filter(person=person).update(text=personal_data.REMOVED)


def quotes(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = Quote.objects.filter(person=person).select_related("action")
    return [
        {"action": q.action.title, "text": q.text, "status": q.status}
        for q in theirs.order_by("created_at", "pk")
    ]


def forget_quotes(person: Person) -> None:
    """Their words leave the public board: withdrawn, removed and unlinked."""
    Quote.objects.filter(person=person).update(
        text=personal_data.REMOVED, status=QuoteStatus.WITHDRAWN, person=None
    )


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "board_quotes",
            quotes,
            forget_quotes,
            ("accountability.Quote",),
            title=_("Your words on the public You said, we did board"),
            labels={"action": _("Action"), "text": _("Words"), "status": _("Status")},
            choices={"status": QuoteStatus},
        )
    )
    personal_data.register(
        personal_data.PersonalData(
            "action_comments",
            comments,
            forget_comments,
            ("accountability.Comment",),
            title=_("Your comments on what we did"),
            labels={"action": _("Action"), "written_at": _("Written"), "text": _("Comment")},
        )
    )

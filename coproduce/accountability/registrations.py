"""What accountability adds to the apps below them, registered when the app starts
(AccountabilityConfig.ready): the person's comments on "We did" actions, in their
download; on erasure their words go (the row stays, so the action's comments still count)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from coproduce.accountability.models import Comment
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


def register() -> None:
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

"""What contributions add to the apps below them, registered when the app starts
(ContributionsConfig.ready): the person's contributions in their download and erasure; the
rule that every view is considered before a project's Review; and after-meeting follow-up
replies becoming contributions."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coproduce.activities.models import FollowUpReply
from coproduce.activities.signals import follow_up_received
from coproduce.contributions.actions import contribution_from_follow_up, forget_contributions
from coproduce.contributions.models import (
    Contribution,
    ContributionChannel,
    Privacy,
    ResponseStatus,
)
from coproduce.people import personal_data
from coproduce.people.models import Person
from coproduce.projects import extensions
from coproduce.projects.models import Project, Stage


def exported(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    """What the person has said. Words given in confidence are for the coordinator and the
    person, not every member of staff: a download on someone's behalf says only that they
    exist."""
    given = person.contributions.select_related("project").order_by("given_on", "pk")
    return [
        {
            "given_on": c.given_on.isoformat(),
            "project": c.project.title if c.project else None,
            "channel": c.channel,
            "privacy": c.privacy,
            "text": None if on_behalf and c.privacy == Privacy.CONFIDENTIAL else c.text,
            "response_status": c.status,
            "response": c.response,
        }
        for c in given
    ]


def unconsidered(project: Project) -> int:
    """Contributions to the project that nobody has responded to yet."""
    return Contribution.objects.filter(project=project, status=ResponseStatus.NEW).count()


def _refusal(waiting: int) -> str:
    return ngettext(
        "%(num)s contribution has not been considered yet. Respond to it before the review.",
        "%(num)s contributions have not been considered yet. Respond to them before the review.",
        waiting,
    ) % {"num": waiting}


def _warning(waiting: int) -> str:
    return ngettext(
        "%(num)s contribution is waiting to be considered. The project cannot move to Review until every contribution has a response.",
        "%(num)s contributions are waiting to be considered. The project cannot move to Review until every contribution has a response.",
        waiting,
    ) % {"num": waiting}


def _link(project: Project, waiting: int) -> tuple[str, str]:
    text = ngettext(
        "See the contribution waiting", "See the %(num)s contributions waiting", waiting
    ) % {"num": waiting}
    return text, reverse("contributions:project", args=[project.pk]) + "?status=new"


def _follow_up_received(sender: Any, reply: FollowUpReply, **kwargs: Any) -> None:
    contribution_from_follow_up(reply)


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "contributions",
            exported,
            forget_contributions,
            ("contributions.Contribution", "contributions.Attachment"),
            title=_("What you have told us"),
            labels={
                "given_on": _("Given on"),
                "project": _("Project"),
                "privacy": _("Who can see it"),
                "text": _("What you said"),
                "response_status": _("Response"),
                "response": _("Our response"),
                "channel": _("How it was given"),
            },
            choices={
                "privacy": Privacy,
                "response_status": ResponseStatus,
                "channel": ContributionChannel,
            },
        )
    )
    extensions.add_gate(
        extensions.Gate(
            "unconsidered",
            Stage.REVIEW,
            waiting=unconsidered,
            refusal=_refusal,
            warning=_warning,
            link=_link,
        )
    )
    follow_up_received.connect(_follow_up_received, dispatch_uid="contributions.follow_up")

"""Pure decisions for You Said, We Did: what an action's status means for the
contributions it answers, who is told, and what the board may show of each contribution.

The board never shows a confidential contribution's words, to anyone: it counts them.
Names appear only where `contributions.rules.may_see_name` allows, and never publicly.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from coproduce.accountability.models import ActionStatus
from coproduce.contributions import rules as contribution_rules
from coproduce.contributions.models import Privacy, ResponseStatus
from coproduce.tenancy.models import Role

# Contributions still waiting for an answer, or answered only by a plan so far.
OPEN_RESPONSES = frozenset({ResponseStatus.NEW, ResponseStatus.CONSIDERED})
UNDER_WAY = frozenset({ActionStatus.PLANNED, ActionStatus.IN_PROGRESS})

# The order actions are shown in on the board: what was done first.
BOARD_ORDER = {
    ActionStatus.DONE: 0,
    ActionStatus.IN_PROGRESS: 1,
    ActionStatus.PLANNED: 2,
    ActionStatus.NOT_POSSIBLE: 3,
}


class Event:
    """What a contributor is told about: an action answering them is recorded, is done,
    or turned out not to be possible."""

    RECORDED = "recorded"
    DONE = "done"
    NOT_POSSIBLE = "not_possible"


def needs_reason(status: str) -> bool:
    return status == ActionStatus.NOT_POSSIBLE


def response_for(current: str, statuses: Iterable[str]) -> str | None:
    """The response a contribution should now have, given the statuses of every action
    linked to it; None to leave it as it is.

    Something done answers it ("acted on"), whatever it said before. Something planned or
    under way answers one still waiting ("planned"). If everything linked turned out not
    to be possible, one that was waiting or planned is "not taken forward"."""
    statuses = set(statuses)
    if not statuses:
        return None
    if ActionStatus.DONE in statuses:
        return None if current == ResponseStatus.ACTED_ON else ResponseStatus.ACTED_ON
    if statuses & UNDER_WAY:
        if current in OPEN_RESPONSES or current == ResponseStatus.NOT_TAKEN_FORWARD:
            return ResponseStatus.PLANNED
        return None
    if current in OPEN_RESPONSES or current == ResponseStatus.PLANNED:
        return ResponseStatus.NOT_TAKEN_FORWARD
    return None


def response_text(title: str, description: str, status: str, reason: str) -> str:
    """What the contributor reads as our response: the action itself, in the words staff
    wrote it in (or why it could not be done)."""
    if status == ActionStatus.NOT_POSSIBLE:
        return f"{title}: {reason}".strip()
    return f"{title}: {description}".strip().removesuffix(":")


def event_for(status: str) -> str | None:
    """Which event a change to `status` tells contributors about, if any."""
    if status == ActionStatus.DONE:
        return Event.DONE
    if status == ActionStatus.NOT_POSSIBLE:
        return Event.NOT_POSSIBLE
    return None


def may_be_told(privacy: str, person_id: int | None) -> bool:
    """Anyone linked to their contribution may be told: the message goes only to them,
    so even confidential contributors are told. Anonymous ones are linked to no one."""
    return person_id is not None and privacy != Privacy.ANONYMOUS


def may_see_commenters(viewer: contribution_rules.Viewer, owner_id: int) -> bool:
    """Who wrote each comment is seen only by those who may know who gave every view,
    even confidential ones (the owning organisation's coordinators): a comment could
    otherwise point to the giver of a view kept from the viewer."""
    return viewer.role == Role.COORDINATOR and viewer.organisation_id == owner_id


@dataclass(frozen=True)
class Said:
    """One "You said" as a viewer may see it: the words and perhaps a name, or, for a
    confidential contribution, nothing but that it exists."""

    pk: int
    text: str
    name: str
    confidential: bool


def said_for(
    viewer: contribution_rules.Viewer,
    *,
    pk: int,
    privacy: str,
    person_id: int | None,
    owner_id: int,
    text: str,
    name: str,
    public: bool,
) -> Said:
    """How one contribution appears on a board. Confidential words never appear on a
    board (the contributor and coordinator see them on the contribution itself);
    names only where the rules allow, and never on the public board."""
    if not contribution_rules.may_publish(privacy):
        return Said(pk=pk, text="", name="", confidential=True)
    shows_name = not public and contribution_rules.may_see_name(
        viewer, privacy, person_id, owner_id
    )
    return Said(pk=pk, text=text, name=name if shows_name else "", confidential=False)


def label_for_choice(
    viewer: contribution_rules.Viewer,
    *,
    privacy: str,
    person_id: int | None,
    owner_id: int,
    text: str,
    name: str,
) -> tuple[str, str]:
    """The words and name staff see when choosing which contributions an action answers:
    as the contribution rules allow them ("" for what they may not see)."""
    words = text if contribution_rules.may_see_text(viewer, privacy, person_id, owner_id) else ""
    shown = name if contribution_rules.may_see_name(viewer, privacy, person_id, owner_id) else ""
    return words, shown

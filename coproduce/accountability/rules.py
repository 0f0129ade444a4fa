"""Pure decisions for You Said, We Did: what an action's status means for the
contributions it answers, who is told, and what the board may show of each contribution.

The board never shows a confidential contribution's words, to anyone: it counts them.
Names appear only where `contributions.rules.may_see_name` allows, and never publicly.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from coproduce.accountability.models import ActionStatus, CommentStatus, QuoteKind, QuoteStatus
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
    # Staff's words about what was said, not the giver's own (shown without quotation marks).
    paraphrase: bool = False


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


# --- Quotes on the public board -----------------------------------------------------------

# Channels by which a contributor can be sent the quote and a link to answer it. Someone
# reachable only by phone cannot open the link (staff would read it out and decide for
# them), so for the board they count as someone who cannot be asked.
ASKING_CHANNELS = frozenset({"email", "sms", "letter"})
# A paraphrase may not copy this many words in a row from what was said.
VERBATIM_RUN = 6
REDACTED = "[name]"


def may_be_quoted(privacy: str) -> bool:
    """Confidential words never reach a board, in any words."""
    return contribution_rules.may_publish(privacy)


def may_be_asked(privacy: str, person_id: int | None, erased: bool, channel: str | None) -> bool:
    """Whether a contribution's giver can be asked to approve their words: known (not
    anonymous, not erased), not confidential, and reachable by a channel that carries
    the link."""
    return (
        may_be_quoted(privacy)
        and privacy != Privacy.ANONYMOUS
        and person_id is not None
        and not erased
        and channel in ASKING_CHANNELS
    )


def quote_kind_for(
    privacy: str, person_id: int | None, erased: bool, channel: str | None
) -> QuoteKind | None:
    """How a contribution may appear on the public board: their own words once they
    approve them; staff's paraphrase where nobody can be asked (anonymous, erased,
    unreachable), since words nobody agreed to publish are not published verbatim;
    not at all if it was confidential (None)."""
    if not may_be_quoted(privacy):
        return None
    if may_be_asked(privacy, person_id, erased, channel):
        return QuoteKind.QUOTE
    return QuoteKind.PARAPHRASE


def shows_publicly(status: str) -> bool:
    return status == QuoteStatus.APPROVED


def may_answer(status: str) -> bool:
    """A withdrawn quote stays withdrawn; any other may be approved, changed or withdrawn."""
    return status != QuoteStatus.WITHDRAWN


def redact(text: str, names: Iterable[str]) -> str:
    """`text` with each of `names` (other people named in it) replaced by "[name]",
    whole words only, whatever their case, including a possessive "Tom's"."""
    result = text
    for name in sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True):
        result = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", REDACTED, result, flags=re.IGNORECASE)
    return result


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def is_verbatim(original: str, text: str, run: int = VERBATIM_RUN) -> bool:
    """Whether `text` copies the original words: all of them, or `run` words in a row."""
    said, written = _words(original), _words(text)
    if not written:
        return False
    if said == written:
        return True
    runs = {tuple(said[i : i + run]) for i in range(len(said) - run + 1)}
    return any(tuple(written[i : i + run]) in runs for i in range(len(written) - run + 1))


# --- Comments ------------------------------------------------------------------------------


def comment_status_for(staff: bool) -> CommentStatus:
    """Staff's own comments show at once; everyone else's wait for staff to read them."""
    return CommentStatus.PUBLISHED if staff else CommentStatus.PENDING


def comment_shows(status: str, comment_public: bool, on_public_board: bool) -> bool:
    """A comment shows once published; the public board shows only comments given on it
    (the group's stay with the group)."""
    return status == CommentStatus.PUBLISHED and (comment_public or not on_public_board)


def comment_author(
    *,
    public: bool,
    name: str,
    show_name: bool,
    person_name: str,
    sees_everyone: bool,
) -> str:
    """The name shown with a comment ("" for none): a public comment's own name, if one
    was given; a member's name if they chose to show it, or to those who may know who
    gave every view. (Their own comments say "You" to them.)"""
    if public:
        return name
    if show_name or sees_everyone:
        return person_name
    return ""

"""The open API's pure decisions: what a scope is and allows, how a token is told apart
and checked, what a cursor means, and where a token stands in its rate-limit window."""

import datetime
import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum

from django.core import signing
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coproduce.contributions.models import Privacy
from coproduce.contributions.rules import Viewer
from coproduce.tenancy.models import Role

TOKEN_START = "cpd"
CURSOR_SALT = "coproduce.api.cursor"
PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
WINDOW_SECONDS = 60


class Area(StrEnum):
    PEOPLE = "people"
    PROJECTS = "projects"
    ACTIVITIES = "activities"
    CONTRIBUTIONS = "contributions"
    ACTIONS = "actions"
    CLAIMS = "claims"
    REFERRALS = "referrals"


class Level(StrEnum):
    READ = "read"
    WRITE = "write"


AREA_NAMES: dict[Area, Promise] = {
    Area.PEOPLE: _("People"),
    Area.PROJECTS: _("Projects"),
    Area.ACTIVITIES: _("Activities"),
    Area.CONTRIBUTIONS: _("Contributions"),
    Area.ACTIONS: _("You said, we did actions"),
    Area.CLAIMS: _("Claims"),
    Area.REFERRALS: _("Break referrals"),
}
LEVEL_NAMES: dict[Level, Promise] = {Level.READ: _("read"), Level.WRITE: _("write")}


def scope(area: Area, level: Level) -> str:
    """A scope as stored and shown: "people:read"."""
    return f"{area.value}:{level.value}"


ALL_SCOPES = [scope(area, level) for area in Area for level in Level]


def allows(scopes: list[str], area: Area, level: Level) -> bool:
    """Whether a token with `scopes` may `level` (read or write) `area`. Each is granted on
    its own: a write scope does not read, a read scope never writes."""
    return scope(area, level) in scopes


def hash_secret(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_text(prefix: str, secret: str) -> str:
    return f"{TOKEN_START}_{prefix}_{secret}"


def prefix_of(token: str) -> str | None:
    """The public part of a token as sent, or None when it is not one of ours."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_START or not parts[1].isalnum():
        return None
    return parts[1]


def secret_matches(token: str, secret_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(token), secret_hash)


class BadCursor(ValueError):
    """A cursor this service did not give out (or one changed on the way)."""


def cursor_after(pk: int) -> str:
    """An opaque cursor for "the rows after `pk`" (signed, so it cannot be made up)."""
    return signing.dumps(pk, salt=CURSOR_SALT)


def pk_after(cursor: str) -> int:
    try:
        pk = signing.loads(cursor, salt=CURSOR_SALT)
    except signing.BadSignature as error:
        raise BadCursor(cursor) from error
    if not isinstance(pk, int) or isinstance(pk, bool):
        raise BadCursor(cursor)
    return pk


@dataclass(frozen=True)
class Window:
    """A token's place in the current fixed rate-limit window."""

    key: str
    retry_after: int


def window_for(token_id: int, now: float, seconds: int = WINDOW_SECONDS) -> Window:
    start = int(now // seconds)
    left = seconds - int(now - start * seconds)
    return Window(key=f"api-rate:{token_id}:{start}", retry_after=max(left, 1))


def viewer_of(organisation_id: int) -> Viewer:
    """Whom a token counts as for the contribution privacy rules: its organisation's staff
    with the admin role (not a coordinator), so it sees what an admin's pages show: others'
    confidential views never, anonymous ones without anyone's name."""
    return Viewer(organisation_id=organisation_id, role=Role.ADMIN, person_id=None)


def problem_with_contribution(
    *,
    text: str,
    privacy: str,
    person_given: bool,
    activity_project_id: int | None,
    project_id: int | None,
    given_on: datetime.date | None,
    today: datetime.date,
) -> str | None:
    """Why a contribution sent to the API cannot be recorded, in words; None if it can."""
    if not text.strip():
        return "text must say something"
    if "\x00" in text:
        return "text must not contain NUL characters"
    if privacy == Privacy.ANONYMOUS and person_given:
        return "An anonymous contribution is linked to nobody: leave out person_id"
    if None not in (activity_project_id, project_id) and activity_project_id != project_id:
        return "That activity is not part of that project"
    if given_on is not None and given_on > today:
        return "given_on cannot be in the future"
    return None

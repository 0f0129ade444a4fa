"""Who may know what about a contribution. Pure decisions: every page, export and feed
that shows a contribution asks these, so the privacy promise is kept in one place.

- identifiable: name and words shown to the project group and staff;
- anonymous to the group: staff (of the owning or a partner organisation) and the
  contributor know who; the group sees the words without a name;
- anonymous: linked to nobody, so no name can ever be shown;
- confidential: the words and the name are seen only by the coordinators of the owning
  organisation and by the contributor; everyone else sees at most a count.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coproduce.contributions.models import Privacy, ResponseStatus
from coproduce.tenancy.models import STAFF_ROLES, Role

if TYPE_CHECKING:
    from coproduce.contributions.models import Contribution

# From least to most private. A contributor may only move their choice to the right.
PRIVACY_ORDER = [
    Privacy.IDENTIFIABLE,
    Privacy.ANONYMOUS_TO_GROUP,
    Privacy.ANONYMOUS,
    Privacy.CONFIDENTIAL,
]


@dataclass(frozen=True)
class Viewer:
    """Who is looking. `person_id` is the viewer's own record in `organisation_id`;
    an anonymous visitor to a public page has neither."""

    organisation_id: int | None = None
    role: str | None = None
    person_id: int | None = None

    @property
    def staff(self) -> bool:
        """Whether the viewer acts as staff (an admin or coordinator) of their organisation."""
        return self.role in STAFF_ROLES


PUBLIC = Viewer()


def is_own(viewer: Viewer, person_id: int | None) -> bool:
    return person_id is not None and viewer.person_id == person_id


def may_see_text(viewer: Viewer, privacy: str, person_id: int | None, owner_id: int) -> bool:
    """`owner_id` is the organisation the contribution was given to."""
    if privacy != Privacy.CONFIDENTIAL:
        return True
    if is_own(viewer, person_id):
        return True
    return viewer.role == Role.COORDINATOR and viewer.organisation_id == owner_id


def may_see_name(viewer: Viewer, privacy: str, person_id: int | None, owner_id: int) -> bool:
    if person_id is None:
        return False
    if is_own(viewer, person_id):
        return True
    if privacy == Privacy.IDENTIFIABLE:
        return viewer.role is not None
    if privacy == Privacy.ANONYMOUS_TO_GROUP:
        return viewer.staff
    if privacy == Privacy.CONFIDENTIAL:
        return may_see_text(viewer, privacy, person_id, owner_id)
    return False


def may_publish(privacy: str) -> bool:
    """Only identifiable or anonymous words may appear on public pages, without names."""
    return privacy != Privacy.CONFIDENTIAL


def may_change_privacy(current: str, wanted: str) -> bool:
    """Once shared, a choice may only become more private."""
    return PRIVACY_ORDER.index(Privacy(wanted)) >= PRIVACY_ORDER.index(Privacy(current))


def privacy_choices_from(current: str) -> list[Privacy]:
    """The choices a contributor may still make. Choosing "anonymous" unlinks the
    contribution from them for good (they will no longer see it among theirs)."""
    return PRIVACY_ORDER[PRIVACY_ORDER.index(Privacy(current)) :]


def needs_reason(status: str) -> bool:
    return status == ResponseStatus.NOT_TAKEN_FORWARD


def is_waiting(status: str) -> bool:
    return status == ResponseStatus.NEW


@dataclass(frozen=True)
class Shown:
    """What one viewer sees of one contribution: None means "not for you"."""

    name: str | None
    text: str | None


def shown(viewer: Viewer, contribution: "Contribution") -> Shown:
    person = contribution.person
    person_id = contribution.person_id
    owner = contribution.organisation_id
    privacy = contribution.privacy
    name_visible = person is not None and may_see_name(viewer, privacy, person_id, owner)
    return Shown(
        name=person.full_name if name_visible and person is not None else None,
        text=contribution.text if may_see_text(viewer, privacy, person_id, owner) else None,
    )


class AgeBand:
    YOUNG = "young"
    WORKING_AGE = "working_age"
    OLDER = "older"


def age_band(age: int | None) -> str | None:
    if age is None:
        return None
    if age < 18:
        return AgeBand.YOUNG
    if age < 65:
        return AgeBand.WORKING_AGE
    return AgeBand.OLDER


def one_group_only(bands: list[str | None], all_bands: set[str]) -> str | None:
    """The one age group a view comes from, when at least two people whose age we know
    said it, all from one group, while the project hears from more than one group."""
    known = [b for b in bands if b is not None]
    if len(known) < 2 or len(set(known)) != 1 or len(all_bands) < 2:
        return None
    return known[0]

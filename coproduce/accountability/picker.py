"""Finding the views an action answers: a project's contributions narrowed by words,
theme, channel and response, newest first, leaving out those already linked.

The words are searched only among contributions that came through
`contributions.access.contributions_of`, that is only among words the viewer may read
(others' confidential views never match), so a search cannot reveal what a view says."""

from dataclasses import dataclass

from django.db.models import QuerySet

from coproduce.accountability.models import Action
from coproduce.contributions.models import Contribution

PAGE_SIZE = 20


@dataclass(frozen=True)
class Search:
    words: str = ""
    theme: int | None = None
    channel: str = ""
    status: str = ""

    @property
    def empty(self) -> bool:
        return self == Search()


def matching(
    contributions: QuerySet[Contribution], search: Search, action: Action
) -> QuerySet[Contribution]:
    """`contributions` (reachable ones of the action's project) matching `search`, not yet
    linked to `action`, newest first."""
    found = contributions.exclude(answered_by=action)
    if search.words:
        found = found.filter(text__icontains=search.words)
    if search.theme is not None:
        found = found.filter(themes=search.theme)
    if search.channel:
        found = found.filter(channel=search.channel)
    if search.status:
        found = found.filter(status=search.status)
    return found.order_by("-given_on", "-pk")

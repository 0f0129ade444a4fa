"""Merging the contributions that used to be made one per survey answer into one per
response (the data migration `0002_one_contribution_per_response` runs
`merge_response_contributions` once).

`merge` is a pure decision over the parts of one response; `merge_response_contributions`
reads the parts, applies the decision and deletes the merged-away parts. It takes an app
registry (the migration's historical one, or Django's own in tests), so it imports no
models and keeps working however the models change later.

What is kept from the parts:
- the words: the survey's title, then each part's words in question order (a part whose
  giver was erased keeps only the removal notice);
- privacy: the most private choice made for any part (a contributor may have made one
  answer more private since), and no person at all when that choice is anonymous or the
  parts disagree on who gave them;
- the response: the furthest-along status of the parts that were answered (new only if
  none was), every different response text in order, and the latest response time;
- every theme, every You Said, We Did action and every attachment of any part.
"""

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# Kept here rather than imported, so the migration keeps its meaning whatever changes.
REMOVED = "[Removed at the person's request]"
PRIVACY_ORDER = ["identifiable", "anonymous_to_group", "anonymous", "confidential"]
# A response that was answered in any way wins over one not taken forward, and acted on
# wins over planned over considered.
STATUS_ORDER = ["new", "not_taken_forward", "considered", "planned", "acted_on"]


@dataclass(frozen=True)
class Part:
    """One per-answer contribution of a response, with the position of its question."""

    pk: int
    position: int
    text: str
    privacy: str
    person_id: int | None
    status: str
    response: str
    responded_at: datetime.datetime | None
    responded_by_id: int | None
    given_on: datetime.date
    theme_ids: frozenset[int] = frozenset()
    action_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Merged:
    keep: int
    remove: list[int]
    text: str
    privacy: str
    person_id: int | None
    status: str
    response: str
    responded_at: datetime.datetime | None
    responded_by_id: int | None
    given_on: datetime.date
    theme_ids: frozenset[int] = field(default_factory=frozenset)
    action_ids: frozenset[int] = field(default_factory=frozenset)


def merged_text(title: str, texts: Sequence[str]) -> str:
    if texts and all(text == REMOVED for text in texts):
        return REMOVED
    return "\n\n".join([title, *texts])


def merge(title: str, parts: Sequence[Part]) -> Merged:
    """One contribution for the parts of one response (at least one part)."""
    if not parts:
        raise ValueError("Nothing to merge")
    ordered = sorted(parts, key=lambda p: (p.position, p.pk))
    keep = ordered[0]
    privacy = max((p.privacy for p in ordered), key=PRIVACY_ORDER.index)
    people = {p.person_id for p in ordered}
    person_id = keep.person_id if len(people) == 1 and privacy != "anonymous" else None
    answered = [p for p in ordered if p.status != "new"]
    status = max((p.status for p in answered), key=STATUS_ORDER.index, default="new")
    responses: list[str] = []
    for part in ordered:
        if part.response.strip() and part.response not in responses:
            responses.append(part.response)
    latest = max(
        (p for p in answered if p.responded_at is not None),
        key=lambda p: p.responded_at or datetime.datetime.min,
        default=None,
    )
    return Merged(
        keep=keep.pk,
        remove=[p.pk for p in ordered[1:]],
        text=merged_text(title, [p.text for p in ordered]),
        privacy=privacy,
        person_id=person_id,
        status=status,
        response="\n\n".join(responses),
        responded_at=latest.responded_at if latest else None,
        responded_by_id=latest.responded_by_id if latest else None,
        given_on=min(p.given_on for p in ordered),
        theme_ids=frozenset().union(*(p.theme_ids for p in ordered)),
        action_ids=frozenset().union(*(p.action_ids for p in ordered)),
    )


def merge_response_contributions(apps: Any) -> int:
    """Merge, for every submitted response, the contributions of its answers into one.
    Returns how many contributions were merged away. Running it again changes nothing."""
    Answer = apps.get_model("surveys", "Answer")
    Contribution = apps.get_model("contributions", "Contribution")
    Attachment = apps.get_model("contributions", "Attachment")
    Themed = Contribution.themes.through
    Action = apps.get_model("accountability", "Action")
    Answered = Action.contributions.through

    rows = (
        Answer.objects.filter(contribution__isnull=False)
        .order_by("response_id", "question__position", "pk")
        .values_list("response_id", "question__position", "contribution_id")
    )
    by_response: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for response_id, position, contribution_id in rows:
        by_response[response_id].append((position, contribution_id))
    titles = dict(
        Answer.objects.filter(response_id__in=list(by_response))
        .values_list("response_id", "response__survey__title")
        .distinct()
    )
    removed = 0
    for response_id, placed in by_response.items():
        positions: dict[int, int] = {}
        for position, contribution_id in placed:
            positions.setdefault(contribution_id, position)
        if len(positions) < 2:
            continue
        themes: dict[int, set[int]] = defaultdict(set)
        for contribution_id, theme_id in Themed.objects.filter(
            contribution_id__in=list(positions)
        ).values_list("contribution_id", "theme_id"):
            themes[contribution_id].add(theme_id)
        linked: dict[int, set[int]] = defaultdict(set)
        for contribution_id, action_id in Answered.objects.filter(
            contribution_id__in=list(positions)
        ).values_list("contribution_id", "action_id"):
            linked[contribution_id].add(action_id)
        parts = [
            Part(
                pk=c.pk,
                position=positions[c.pk],
                text=c.text,
                privacy=c.privacy,
                person_id=c.person_id,
                status=c.status,
                response=c.response,
                responded_at=c.responded_at,
                responded_by_id=c.responded_by_id,
                given_on=c.given_on,
                theme_ids=frozenset(themes[c.pk]),
                action_ids=frozenset(linked[c.pk]),
            )
            for c in Contribution.objects.filter(pk__in=list(positions))
        ]
        merged = merge(titles[response_id], parts)
        Contribution.objects.filter(pk=merged.keep).update(
            text=merged.text,
            privacy=merged.privacy,
            person_id=merged.person_id,
            status=merged.status,
            response=merged.response,
            responded_at=merged.responded_at,
            responded_by_id=merged.responded_by_id,
            given_on=merged.given_on,
        )
        Themed.objects.bulk_create(
            [Themed(contribution_id=merged.keep, theme_id=t) for t in sorted(merged.theme_ids)],
            ignore_conflicts=True,
        )
        Answered.objects.bulk_create(
            [Answered(contribution_id=merged.keep, action_id=a) for a in sorted(merged.action_ids)],
            ignore_conflicts=True,
        )
        Attachment.objects.filter(contribution_id__in=merged.remove).update(
            contribution_id=merged.keep
        )
        Answer.objects.filter(response_id=response_id).update(contribution_id=merged.keep)
        Contribution.objects.filter(pk__in=merged.remove).delete()
        removed += len(merged.remove)
    return removed

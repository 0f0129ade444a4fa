"""The tenancy core: who is asking, in which organisation and with which role, and the
primitives every app's own access module is built from. It names no other app's models.

Each domain app has an `access.py` beside the models it guards (`projects/access.py`,
`payments/access.py`, ...). Views fetch tenant objects only through those modules. Every
access function returns an object, or a queryset already scoped to the user's organisation
and role, or raises:

- PermissionDenied (403) when the user's role may not do this kind of thing at all;
- Http404 when the object does not exist *for this user*: whether it belongs to another
  organisation or does not exist is never revealed (`one` makes that the only outcome).
"""

from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest

from coproduce.tenancy.models import STAFF_ROLES, Membership, Organisation, Partnership, Role

if TYPE_CHECKING:
    from coproduce.accounts.models import User

Need = Literal["view", "edit"]
M = TypeVar("M", bound=Model)


class SignInRequired(PermissionDenied):
    """Nobody is signed in: TenancyMiddleware sends them to sign in and back."""


# Which roles may see and change other people's records in their organisation.
PEOPLE_ROLES = STAFF_ROLES
ADMIN_ROLES = frozenset({Role.ADMIN})
NOTHING = Q(pk__in=[])


# --- Who is asking ------------------------------------------------------------------------


def membership_for(request: HttpRequest) -> Membership:
    """The membership (organisation and role) the signed-in user is acting under."""
    if not request.user.is_authenticated:
        raise SignInRequired("Sign in first")
    membership = cast(Membership | None, getattr(request, "membership", None))
    if membership is None:
        raise PermissionDenied("You are not a member of any organisation")
    return membership


def user_for(request: HttpRequest) -> "User":
    if not request.user.is_authenticated:
        raise SignInRequired("Sign in first")
    return request.user


def require_role(request: HttpRequest, roles: frozenset[Role]) -> Membership:
    """The user's membership, if its role is one of `roles`; else PermissionDenied."""
    membership = membership_for(request)
    if membership.role not in roles:
        raise PermissionDenied("Your role cannot do this")
    return membership


def require_staff(request: HttpRequest) -> Membership:
    return require_role(request, PEOPLE_ROLES)


def is_staff(request: HttpRequest) -> bool:
    """Whether the user acts as staff (an admin or coordinator) of their organisation."""
    return membership_for(request).role in PEOPLE_ROLES


def is_admin(request: HttpRequest) -> bool:
    return membership_for(request).role in ADMIN_ROLES


def memberships_for(request: HttpRequest) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user_for(request)).select_related("organisation")


# --- Scoping primitives -------------------------------------------------------------------


def one(queryset: "QuerySet[M]", **lookup: Any) -> M:
    """The one row of an already scoped `queryset` matching `lookup`, or Http404 - whether
    the row belongs to someone else or does not exist at all."""
    try:
        return queryset.get(**lookup)
    except ObjectDoesNotExist:
        raise Http404(f"No such {queryset.model._meta.verbose_name}") from None


def prefixed(path: str, **lookup: Any) -> dict[str, Any]:
    """`lookup` with every field reached through `path` ("" for the model itself)."""
    return {f"{path}__{field}" if path else field: value for field, value in lookup.items()}


def of_organisation(membership: Membership, path: str = "") -> Q:
    """Rows owned by the member's organisation (`path` leads to the owning row)."""
    return Q(**prefixed(path, organisation_id=membership.organisation_id))


def of_organisation_or_partnership(membership: Membership, path: str = "") -> Q:
    """Rows owned by the member's organisation or by a partnership it belongs to."""
    organisation = membership.organisation_id
    return Q(**prefixed(path, organisation_id=organisation)) | Q(
        **prefixed(path, partnership__organisations=organisation)
    )


def partnerships_of(organisation_id: int) -> QuerySet[Partnership]:
    """Partnerships an organisation (already reached through an access module) belongs to."""
    return Partnership.objects.filter(organisations=organisation_id).distinct()


def public_organisation(slug: str) -> Organisation:
    """Any organisation's public pages (open-door feedback, its front door): they reveal
    its name and the contact details it publishes, and nothing else of it."""
    return one(Organisation.objects.all(), slug=slug)


def public_organisations() -> QuerySet[Organisation]:
    """Every organisation, for the service's directory: names and front doors only."""
    return Organisation.objects.order_by("name", "pk")


def own_organisation_to_change(request: HttpRequest) -> Organisation:
    """The admin's own organisation, to change how people reach it."""
    membership = require_role(request, ADMIN_ROLES)
    return one(Organisation.objects.all(), pk=membership.organisation_id)

"""The door to API tokens: an organisation's admins list, make and revoke its own; a
request's token is found by its public prefix and checked against the stored hash."""

from django.db.models import QuerySet
from django.http import HttpRequest

from coproduce.api import rules
from coproduce.api.models import ApiToken
from coproduce.tenancy.access import ADMIN_ROLES, of_organisation, one, require_role


def tokens_for(request: HttpRequest) -> QuerySet[ApiToken]:
    membership = require_role(request, ADMIN_ROLES)
    return ApiToken.objects.filter(of_organisation(membership))


def token_for(request: HttpRequest, pk: int) -> ApiToken:
    return one(tokens_for(request).select_related("organisation"), pk=pk)


def token_sent(text: str) -> ApiToken | None:
    """The token `text` names, revoked or not, if its secret matches; else None."""
    prefix = rules.prefix_of(text)
    if prefix is None:
        return None
    token = ApiToken.objects.select_related("organisation").filter(prefix=prefix).first()
    if token is None or not rules.secret_matches(text, token.secret_hash):
        return None
    return token

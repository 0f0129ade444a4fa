"""API pages: an organisation's admins make and revoke API tokens (a new token's secret is
shown once, on the next page); anyone may read what the API offers."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.api import access, actions, forms, rules
from coproduce.api.endpoints import operations
from coproduce.lib.once import once
from coproduce.lib.views import posted, render_page
from coproduce.tenancy.access import ADMIN_ROLES, require_role, user_for

NEW_TOKEN = "api_new_token"


@once
def tokens(request: HttpRequest) -> HttpResponse:
    membership = require_role(request, ADMIN_ROLES)
    form = forms.TokenForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        new = actions.create_token(
            membership.organisation, data["name"], data["scopes"], user_for(request)
        )
        request.session[NEW_TOKEN] = new.text
        return redirect("api:tokens")
    context = {
        "section": "api",
        "tokens": list(access.tokens_for(request)),
        "new_token": request.session.pop(NEW_TOKEN, None),
        "scope_names": dict(forms.scope_choices()),
    }
    return render_page(request, "api/tokens.html", context, form=form)


@require_POST
@once
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = access.token_for(request, pk)
    if actions.revoke_token(token, user_for(request)):
        messages.success(request, _("The token “%(name)s” is revoked") % {"name": token.name})
    return redirect("api:tokens")


def docs(request: HttpRequest) -> HttpResponse:
    context = {
        "section": "api",
        "operations": list(operations()),
        "areas": [(area.value, rules.AREA_NAMES[area]) for area in rules.Area],
        "page_size": rules.PAGE_SIZE,
        "max_page_size": rules.MAX_PAGE_SIZE,
    }
    return render_page(request, "api/docs.html", context)

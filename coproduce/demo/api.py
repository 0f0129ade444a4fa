"""The demo's API token: Riverside's own case-management system reads every area and
records contributions. Its text is published (like the demo's password), so the README's
curl example works on a fresh demo; any other token's secret is random and shown once."""

from coproduce.accounts.models import User
from coproduce.api import actions, rules
from coproduce.api.models import ApiToken
from coproduce.tenancy.models import Organisation

TOKEN = "cpd_demoriverside_coproduce-demo-token-not-a-secret"
NAME = "Riverside's case-management system"
SCOPES = [rules.scope(area, rules.Level.READ) for area in rules.Area] + [
    rules.scope(rules.Area.CONTRIBUTIONS, rules.Level.WRITE)
]
API_URL = "http://127.0.0.1:8000/api/v1/"


def build(*, centre: Organisation, admin: User) -> ApiToken:
    return actions.create_token(centre, NAME, SCOPES, admin, text=TOKEN).token


def token_lines() -> str:
    return "\n".join(
        [
            "",
            f"API token of Riverside Carers (reads every area, records contributions): {TOKEN}",
            f"    curl -H 'Authorization: Bearer {TOKEN}' {API_URL}projects",
            f"    what the API offers: {API_URL.removesuffix('v1/')}",
        ]
    )

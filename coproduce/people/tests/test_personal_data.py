"""Every app that keeps rows about a person registers them for subject access and erasure
(coproduce.people.personal_data), or is listed here with the reason it has not yet."""

from django.apps import apps

from coproduce.people import personal_data
from coproduce.people.models import Person

# Rows about a person that are not yet in the person's download nor erased with them. The
# trust issue (complete access and erasure) works through this list; a new model that
# refers to a person fails the test below until it is registered or added here.
NOT_YET_REGISTERED = {
    "audit.AuditEvent": "the audit trail outlives erasure by design",
    "breaks.Referral": "trust issue: complete access and erasure",
    "projects.Project": "a coordinator's name on a project (staff, not a carer's data)",
    "projects.ProjectMember": "trust issue: complete access and erasure",
    "recruitment.ExpressionOfInterest": "trust issue: complete access and erasure",
    "activities.ActivityLead": "trust issue: complete access and erasure",
    "activities.Invitation": "trust issue: complete access and erasure",
    "activities.SlotAnswer": "trust issue: complete access and erasure",
    "surveys.Response": "trust issue: complete access and erasure",
    "surveys.LateAnswer": "trust issue: complete access and erasure",
    "decisions.Proposal": "trust issue: complete access and erasure",
    "decisions.Position": "trust issue: complete access and erasure",
    "accountability.Comment": "trust issue: complete access and erasure",
    "notifications.Message": "trust issue: complete access and erasure",
}


def models_about_a_person() -> set[str]:
    return {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label != "people"
        for field in model._meta.get_fields()
        if field.concrete and getattr(field, "related_model", None) is Person
    }


def test_every_model_about_a_person_is_registered_or_listed_with_a_reason() -> None:
    unaccounted = models_about_a_person() - personal_data.covered_models()
    assert unaccounted == set(NOT_YET_REGISTERED)


def test_contributions_claims_and_benefits_are_registered() -> None:
    assert {"contributions", "claims", "benefits"} <= set(personal_data.REGISTERED)
    assert {
        "contributions.Contribution",
        "payments.Claim",
        "payments.BenefitRecord",
    } <= personal_data.covered_models()

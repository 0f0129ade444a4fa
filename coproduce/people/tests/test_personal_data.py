"""Every app that keeps rows about a person registers them for subject access and erasure
(coproduce.people.personal_data), or is listed here with the lasting reason it need not."""

from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

from coproduce.accounts.models import User
from coproduce.people import personal_data
from coproduce.people.personal_data import holds_personal_data, personal

# The rows that link to a person or a sign-in and are rightly neither in the person's
# download nor erased with them. A new model that holds personal data fails the test below
# until it is registered (its app's registrations.py) or listed here with a lasting reason.
WHO_DID_IT = (
    "names only the sign-in that did it (staff, or the person); erasure closes that sign-in "
    "and replaces its email address, so the link then names nobody"
)
NOT_REGISTERED = {
    "audit.AuditEvent": "the audit trail keeps who and when (no content) and outlives erasure",
    "projects.Project": "a coordinator's name on a project (staff, not a carer's data)",
    "tenancy.Membership": "people.actions.erase_person deletes the person's memberships",
    "otp_totp.TOTPDevice": "people.actions.erase_person deletes the closed sign-in's devices",
    "admin.LogEntry": "people.actions.erase_person blanks what the admin log says about them",
    "breaks.PracticeMember": "a professional's job at a practice (staff, not a carer's data)",
    "accountability.Action": WHO_DID_IT,
    "accountability.ActionUpdate": WHO_DID_IT,
    "accountability.BoardSettings": WHO_DID_IT,
    "activities.ActivityChange": WHO_DID_IT,
    "breaks.BreakPayment": WHO_DID_IT,
    "payments.Payment": WHO_DID_IT,
    "payments.PaymentPolicy": WHO_DID_IT,
    "projects.StageChange": WHO_DID_IT,
    "recruitment.Brief": WHO_DID_IT,
    "decisions.DecisionRule": WHO_DID_IT,
    "evaluation.Asking": WHO_DID_IT,
    "evaluation.Review": WHO_DID_IT,
    "imports.ImportRun": (
        "an import's file is deleted as it finishes and its row problems 30 days later "
        "(imports.importing.forget_old_rows); otherwise it names only the admin who ran it"
    ),
}


def models_holding_personal_data() -> set[str]:
    """Outside the people app, whose own models export.py and erase_person cover."""
    return {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label != "people" and holds_personal_data(model)
    }


def test_every_model_holding_personal_data_is_registered_or_listed_with_a_reason() -> None:
    unaccounted = models_holding_personal_data() - personal_data.covered_models()
    assert unaccounted == set(NOT_REGISTERED)


def test_every_registered_model_exists() -> None:
    for label in personal_data.covered_models():
        apps.get_model(label)


@isolate_apps("coproduce.people")
def test_the_walk_finds_a_link_to_a_sign_in_and_a_column_marked_personal() -> None:
    class Note(models.Model):  # noqa: DJ008 (a throwaway model)
        words = personal(models.TextField())

        class Meta:
            app_label = "people"

    class Approval(models.Model):  # noqa: DJ008 (a throwaway model)
        by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")

        class Meta:
            app_label = "people"

    class Figure(models.Model):  # noqa: DJ008 (a throwaway model)
        count = models.IntegerField()

        class Meta:
            app_label = "people"

    assert holds_personal_data(Note)
    assert holds_personal_data(Approval)
    assert not holds_personal_data(Figure)


def test_the_words_that_identify_a_referred_carer_or_a_message_are_marked_personal() -> None:
    marked = {
        f"{model._meta.label}.{column.name}"
        for model in apps.get_models()
        for column in model._meta.concrete_fields
        if personal_data.is_personal(column)
    }
    assert {
        "breaks.Referral.carer_name",
        "breaks.Referral.carer_date_of_birth",
        "breaks.Referral.carer_address",
        "notifications.Message.body",
        "notifications.Message.recipient",
        "recruitment.ExpressionOfInterest.why",
        "recruitment.ExpressionOfInterest.safeguarding_notes",
    } <= marked


def test_contributions_claims_and_benefits_are_registered() -> None:
    assert {"contributions", "claims", "benefits"} <= set(personal_data.REGISTERED)
    assert {
        "contributions.Contribution",
        "payments.Claim",
        "payments.BenefitRecord",
    } <= personal_data.covered_models()

"""Writes to the tenancy core: an organisation's own details."""

from django.db import transaction

from coproduce.tenancy.forms import ContactDetailsForm
from coproduce.tenancy.models import Organisation

CONTACT_FIELDS = ContactDetailsForm.Meta.fields


@transaction.atomic
def change_contact_details(organisation: Organisation, form: ContactDetailsForm) -> Organisation:
    """Save how people reach `organisation` (a valid form bound to it)."""
    changed: Organisation = form.save(commit=False)
    changed.save(update_fields=CONTACT_FIELDS)
    return changed

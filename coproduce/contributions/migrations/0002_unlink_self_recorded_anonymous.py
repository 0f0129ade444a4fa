"""Contributions "not linked to me at all" that their giver recorded themselves kept the
giver's account as `recorded_by`, which linked them back. Their giver is no longer known
(the person was unlinked), so the recorder is cleared wherever it is not staff: a carer
records only their own views; staff who typed in someone's view stay."""

from django.db import migrations
from django.db.models import Exists, OuterRef

STAFF_ROLES = ["admin", "coordinator"]


def unlink(apps, schema_editor):
    Contribution = apps.get_model("contributions", "Contribution")
    Membership = apps.get_model("tenancy", "Membership")
    staff = Membership.objects.filter(user_id=OuterRef("recorded_by_id"), role__in=STAFF_ROLES)
    Contribution.objects.filter(privacy="anonymous", recorded_by__isnull=False).exclude(
        Exists(staff)
    ).update(recorded_by=None)


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0001_contributions"),
        ("tenancy", "0002_notice_follow_up_and_safeguarding"),
    ]

    operations = [migrations.RunPython(unlink, migrations.RunPython.noop)]

from django.contrib import admin

from coproduce.breaks.models import Practice, PracticeMember, Scheme


class PracticeInline(admin.TabularInline[Practice, Scheme]):
    model = Practice
    extra = 0
    fields = ["name", "code", "email", "phone", "invited_at", "signed_up_at"]


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin[Scheme]):
    """Operators set schemes up; eligibility questions are JSON (see breaks/rules.py)."""

    list_display = ["name", "partnership", "payment_organisation", "starts_on", "ends_on", "budget"]
    inlines = [PracticeInline]


@admin.register(PracticeMember)
class PracticeMemberAdmin(admin.ModelAdmin[PracticeMember]):
    list_display = ["user", "practice", "job_title"]
    list_select_related = ["user", "practice"]
    raw_id_fields = ["user"]

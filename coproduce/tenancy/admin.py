from django.contrib import admin

from coproduce.tenancy.models import Membership, Organisation, Partnership


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "slug", "area_code", "minimum_notice_days"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "name_cy", "slug", "area_code"]}),
        ("Notice", {"fields": ["minimum_notice_days", "follow_up_days"]}),
        (
            "How people reach the organisation",
            {
                "fields": [
                    "phone",
                    "email",
                    "postal_address",
                    "opening_hours",
                    "opening_hours_cy",
                    "visit_address",
                    "premises_access",
                    "premises_access_cy",
                ]
            },
        ),
    ]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin[Partnership]):
    list_display = ["name", "lead"]
    filter_horizontal = ["organisations"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__email"]
    list_select_related = ["user", "organisation"]
    raw_id_fields = ["user"]

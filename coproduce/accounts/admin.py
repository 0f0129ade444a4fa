from django.contrib import admin

from coproduce.accounts.models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    """Platform operators manage sign-ins here; personal details live on Person records."""

    list_display = ["email", "is_active", "is_staff", "last_login"]
    search_fields = ["email"]
    fields = ["email", "is_active", "is_staff", "is_superuser", "last_login", "date_joined"]
    readonly_fields = ["last_login", "date_joined"]

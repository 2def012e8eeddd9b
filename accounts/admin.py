from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "role", "body", "language", "is_active", "is_demo")
    list_filter = ("role", "language", "is_active", "is_demo")
    list_select_related = ("body",)
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("Portal"), {"fields": ("role", "body", "language", "is_demo")}),
    )
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (
        (_("Portal"), {"fields": ("role", "body", "language")}),
    )

"""Administrators manage organisations and users in Django's admin."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from jixiao.web.accounts.models import Membership, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """The organisation tree."""

    list_display = ("name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("name",)


class MembershipInline(admin.StackedInline):
    """A user's organisation and role, edited with the user."""

    model = Membership
    can_delete = False


admin.site.unregister(User)


@admin.register(User)
class JixiaoUserAdmin(UserAdmin):
    """Users with their organisation and role."""

    inlines = (MembershipInline,)
    list_display = ("username", "first_name", "last_name", "is_staff", "membership")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Organisations and memberships."""

    name = "jixiao.web.accounts"
    label = "accounts"
    verbose_name = _("机构与用户")

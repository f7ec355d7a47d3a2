from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Organisations and memberships."""

    name = "jixiao.web.accounts"
    label = "accounts"
    verbose_name = "机构与用户 Organisations and users"

from django.apps import AppConfig


class PublicConfig(AppConfig):
    """Published forms."""

    name = "jixiao.web.public"
    label = "public"
    verbose_name = "公开 Public"

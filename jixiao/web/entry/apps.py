from django.apps import AppConfig


class EntryConfig(AppConfig):
    """Form entry."""

    name = "jixiao.web.entry"
    label = "entry"
    verbose_name = "填报 Entry"

from django.apps import AppConfig


class StoreConfig(AppConfig):
    """Forms and their history."""

    name = "jixiao.web.store"
    label = "store"
    verbose_name = "绩效表 Forms"

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Imports and background jobs."""

    name = "jixiao.web.imports"
    label = "imports"
    verbose_name = "导入 Imports"

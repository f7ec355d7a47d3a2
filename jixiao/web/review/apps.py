from django.apps import AppConfig


class ReviewConfig(AppConfig):
    """Workflow and queue."""

    name = "jixiao.web.review"
    label = "review"
    verbose_name = "审核 Review"

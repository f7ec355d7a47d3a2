"""URLs; names share the ``jx-`` prefix."""

from django.contrib import admin
from django.urls import include, path

from jixiao.web.accounts.todo import todo
from jixiao.web.entry import views as entry
from jixiao.web.imports import editor_upload
from jixiao.web.imports import views as imports
from jixiao.web.public import views as public
from jixiao.web.review import views as review

urlpatterns = [
    path("", public.published, name="jx-public"),
    path("home/", review.home, name="jx-home"),
    path("todo/", todo, name="jx-todo"),
    path("queue/", review.queue, name="jx-queue"),
    path("queue/batch/", review.batch, name="jx-queue-batch"),
    path("forms/new/<str:kind>/", entry.new_form, name="jx-new"),
    path("forms/preview/", entry.preview, name="jx-preview-new"),
    path("forms/<int:pk>/", review.form_page, name="jx-form"),
    path("forms/<int:pk>/edit/", entry.edit_form, name="jx-edit"),
    path("forms/<int:pk>/preview/", entry.preview, name="jx-preview"),
    path("forms/<int:pk>/self-evaluation/", entry.new_self_evaluation, name="jx-self-evaluate"),
    path("forms/<int:pk>/transition/", review.transition, name="jx-transition"),
    path("forms/<int:pk>/comment/", review.comment, name="jx-comment"),
    path("forms/<int:pk>.json", review.form_json, name="jx-form-json"),
    path("imports/", imports.upload, name="jx-import"),
    path("imports/<int:pk>/", imports.batch_page, name="jx-import-batch"),
    path("imports/<int:pk>/confirm/", imports.confirm, name="jx-import-confirm"),
    path("imports/<int:pk>/retry/", imports.retry, name="jx-import-retry"),
    path("imports/<int:pk>/cancel/", imports.cancel, name="jx-import-cancel"),
    path("imports/editor/", editor_upload.into_editor, name="jx-import-editor"),
    path("imports/editor/<str:token>/", editor_upload.editor_form, name="jx-import-editor-form"),
    path("jobs/<int:pk>.json", imports.job_status, name="jx-job"),
    path("recheck/", imports.recheck, name="jx-recheck"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

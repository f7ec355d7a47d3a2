"""Published forms, for anonymous visitors as for everyone."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jixiao.web.store.models import FormRecord, Status


def published(request: HttpRequest) -> HttpResponse:
    """Every published form, newest year first, searchable by project or unit."""
    forms = (
        FormRecord.objects.filter(status=Status.PUBLISHED)
        .select_related("project__unit")
        .defer("header")
    )
    query = request.GET.get("q", "").strip()
    if query:
        forms = forms.filter(project__name__icontains=query) | forms.filter(
            project__unit__name__icontains=query
        )
    year = request.GET.get("year", "").strip()
    if year:
        forms = forms.filter(year=year) if year.isdigit() else forms.none()
    page = Paginator(forms.order_by("-year", "project__unit__name", "project__name"), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "public/list.html", {"page": page, "query": query})

"""The interface is Chinese unless the user chose English with the toggle.

Django's LocaleMiddleware would follow the browser's Accept-Language header, so an English
browser would get English pages; jixiao is a Chinese system with an English toggle, so the
header is ignored and only the language cookie (set by the toggle) counts.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class ChoiceOnlyLanguage:
    """Drop Accept-Language so that the language cookie or the default decides."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Handle the request as if the browser had stated no language preference."""
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)

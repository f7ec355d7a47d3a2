"""What a request may bring: the size cap, checked before the body is read, and the client's address.

``JIXIAO_MAX_REQUEST_BYTES`` (default 200 MB) caps a whole request. Django's own
``DATA_UPLOAD_MAX_MEMORY_SIZE`` does not count uploaded files, which are streamed to disk, so
``RequestSizeCap`` refuses a declared ``Content-Length`` over the cap before anything reads the
body, and ``CountingUploadHandler`` counts the bytes of the files as they stream and stops at
the cap (a body sent without its length, or longer than it said).
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse

TOO_BIG = (
    "<!doctype html><html lang='zh-hans'><head><meta charset='utf-8'><title>413 · jixiao</title>"
    "</head><body><h1>上传的内容过大 / Upload too large</h1>"
    "<p>一次提交最多 {mb} MB，请分批上传。<br>"
    "One request may bring at most {mb} MB; please upload in several parts.</p>"
    "<p><a href='/imports/'>返回导入 / Back to imports</a></p></body></html>"
)


def max_request_bytes() -> int:
    """The cap on a whole request, in bytes."""
    return settings.JIXIAO_MAX_REQUEST_BYTES


def too_big() -> HttpResponse:
    """The page that says the request was over the cap, in words."""
    mb = max_request_bytes() // (1024 * 1024)
    return HttpResponse(TOO_BIG.format(mb=mb), status=413)


class RequestSizeCap:
    """Refuse a request whose declared length is over the cap, before its body is read."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """A 413 page for a request declaring more than the cap; else the response."""
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > max_request_bytes():
            return too_big()
        return self.get_response(request)


class CountingUploadHandler(FileUploadHandler):
    """Counts the bytes of uploaded files as they stream; over the cap, the request is refused.

    Listed first in ``FILE_UPLOAD_HANDLERS``; it passes every chunk on to the next handler.
    """

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        """Count the chunk; stop the request once the files pass the cap."""
        self.received += len(raw_data)
        if self.received > max_request_bytes():
            raise RequestDataTooBig("upload over JIXIAO_MAX_REQUEST_BYTES")
        return raw_data

    def file_complete(self, file_size: int) -> None:
        """The next handler makes the file."""
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for login throttling.

    Behind ``JIXIAO_PROXIES`` trusted proxies (each appending to ``X-Forwarded-For``), the
    address that many places from the right; else the socket's address.
    """
    proxies = settings.JIXIAO_PROXIES
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")

"""The request cap: refused before the body is read, and counted as files stream."""

import pytest
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.web.accounts.limits import CountingUploadHandler
from jixiao.web.imports.models import ImportBatch


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_a_declared_length_over_the_cap_is_refused_unread(cast, settings):
    settings.JIXIAO_MAX_REQUEST_BYTES = 200 * 1024 * 1024
    response = cast.client(cast.clerk).generic(
        "POST",
        reverse("jx-import"),
        b"x",
        content_type="multipart/form-data; boundary=b",
        CONTENT_LENGTH=str(12 * 19 * 1024 * 1024),  # the 12 × 19 MB request of the issue
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert "200 MB" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_an_upload_under_the_cap_goes_through(cast, settings):
    settings.JIXIAO_MAX_REQUEST_BYTES = 10_000
    upload = SimpleUploadedFile("a.txt", "项目名称\t测试".encode())
    response = cast.client(cast.clerk).post(reverse("jx-import"), {"files": [upload]})
    assert response.status_code == 302
    assert ImportBatch.objects.count() == 1


def test_an_upload_over_the_cap_is_refused(cast, settings):
    settings.JIXIAO_MAX_REQUEST_BYTES = 10_000
    upload = SimpleUploadedFile("a.txt", b"x" * 20_000)
    response = cast.client(cast.clerk).post(reverse("jx-import"), {"files": [upload]})
    assert response.status_code == 413
    assert not ImportBatch.objects.exists()


def test_streamed_bytes_are_counted_even_when_the_length_lied(settings):
    settings.JIXIAO_MAX_REQUEST_BYTES = 1000
    handler = CountingUploadHandler()
    assert handler.receive_data_chunk(b"x" * 600, 0) == b"x" * 600  # passed on
    with pytest.raises(RequestDataTooBig):
        handler.receive_data_chunk(b"x" * 600, 600)

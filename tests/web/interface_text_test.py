"""The web speaks the chosen language only (issue 12 §2).

Every page, for every role, is read in each language; its interface text — text nodes and
the attributes people read (placeholder, title, aria-label, alt, button values) — must hold
no word of the other language: no Chinese in the English interface, no English in the Chinese.
Form content is shown as it is and skipped: what a template marks ``data-content`` (what a
unit typed or a document printed) and the strings stored in the forms, organisations, users,
comments and uploads of the test (quoted in finding messages, for example). The language
switch names the other language in its own (``lang`` differs) and is skipped as well.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from jixiao.core.formjson import encode_form
from jixiao.web.accounts.models import Organisation
from jixiao.web.imports.models import ImportFile
from jixiao.web.review import transitions
from jixiao.web.store.models import FormEvent, FormRecord, IndicatorComment, Status
from jixiao.web.store.services import create_form, to_canonical
from tests.conftest import gold_form
from tests.web.entry_test import _edit_data
from tests.web.import_missing_test import parsed_batch

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+")
LATIN = re.compile(r"[A-Za-z]{2,}")
# Names of file formats and of the product, the same in both languages.
NAMES = {"jixiao", "JSON", "XLSX", "DOCX", "PDF", "HTML", "Excel", "XLS", "DOC"}
READ_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
SKIPPED = {"script", "style", "template", "datalist"}
VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr", "col", "area", "base"}


class InterfaceText(HTMLParser):
    """The text of a page a user reads, without what is marked as form content."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[bool] = []  # per open element: is it skipped?
        self.parts: list[str] = []

    def skipped(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        skip = (
            tag in SKIPPED
            or "data-content" in attrs
            or (lang is not None and not lang.startswith(self.language[:2]))
        )
        if not skip and not self.skipped():
            self.parts += [attrs[a] for a in READ_ATTRIBUTES if attrs.get(a)]
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.parts.append(attrs["value"])
        if tag not in VOID:
            self.stack.append(skip)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.skipped() and data.strip():
            self.parts.append(data.strip())


# Keys of a stored form that hold codes, not what a unit typed: never shown, so never skipped.
CODES = {"schema", "template", "kind", "currency_unit", "severity", "code", "path"}


def strings(value):
    """Every string a unit typed or a document printed inside a JSON-like value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, v in value.items():
            if key not in CODES:
                yield from strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from strings(v)


def stored_content() -> list[str]:
    """What units typed and documents printed in this test's database, longest first."""
    found = set()
    for record in FormRecord.objects.all():
        found.update(strings(to_canonical(record)))
        found.add(record.project.name)
    found.update(Organisation.objects.values_list("name", flat=True))
    found.update(u.get_full_name() for u in User.objects.all())
    found.update(IndicatorComment.objects.values_list("text", flat=True))
    found.update(FormEvent.objects.values_list("note", flat=True))
    for upload in ImportFile.objects.all():
        found.add(upload.name)
        found.update(strings(upload.result))
    # Lines of multi-line texts appear one by one once line breaks became <br>.
    found.update(line for text in list(found) for line in text.splitlines())
    # One character (元, 优) is too short to tell content from an interface word.
    return sorted((s.strip() for s in found if s and len(s.strip()) > 1), key=len, reverse=True)


def other_language(text: str, language: str) -> list[str]:
    if language == "en":
        return CJK.findall(text)
    return [w for w in LATIN.findall(text) if w not in NAMES]


@pytest.fixture
def world(cast):
    forms = {
        "draft": create_form(gold_form("001", 1), unit=cast.unit, actor=cast.clerk),
        "returned": create_form(gold_form("001", 0), unit=cast.unit, actor=cast.clerk),
        "passed": create_form(
            gold_form("000", 0), unit=cast.unit, actor=cast.clerk, status=Status.PASSED
        ),
        "published": create_form(
            gold_form("000", 1), unit=cast.unit, actor=cast.clerk, status=Status.PUBLISHED
        ),
        "target": create_form(
            gold_form("003", 0), unit=cast.unit, actor=cast.clerk, status=Status.APPROVED
        ),
        "submitted": create_form(gold_form("001", 2), unit=cast.unit, actor=cast.clerk),
    }
    transitions.apply(forms["returned"], "submit", cast.clerk, "")
    transitions.apply(
        forms["returned"], "return_department", cast.reviewer, "请说明执行率偏低的原因"
    )
    transitions.apply(forms["submitted"], "submit", cast.clerk, "")
    IndicatorComment.objects.create(
        form=forms["returned"], position=0, indicator_name="x", author=cast.reviewer, text="请核实"
    )
    batch, _upload = parsed_batch(cast.clerk, encode_form(gold_form("003", 1)))
    ImportFile.objects.create(
        batch=batch,
        name="损坏.xlsx",
        content=b"",
        outcome="failed",
        message="XLSX 文件已损坏，无法打开",
        message_en="the XLSX file is damaged and cannot be opened",
    )
    admin = User.objects.create_superuser("admin", first_name="系统管理员")
    return {"forms": forms, "batch": batch, "admin": admin}


def pages(role: str, world) -> list[str]:
    forms, batch = world["forms"], world["batch"]
    public = ["/", f"/forms/{forms['published'].pk}/", "/no-such-page/"]
    if role == "public":
        return [*public, "/accounts/login/"]
    mine = ["/todo/", "/imports/", "/accounts/password_change/", "/accounts/password_change/done/"]
    if role == "clerk":
        return [
            *public,
            *mine,
            "/queue/",  # refused: the 403 page
            "/home/",
            f"/imports/{batch.pk}/",
            *(f"/forms/{f.pk}/" for f in forms.values()),
            f"/forms/{forms['returned'].pk}/edit/",
            f"/forms/{forms['draft'].pk}/edit/",
            f"/forms/{forms['target'].pk}/self-evaluation/",
            "/forms/new/target/",
            "/forms/new/self_evaluation/",
        ]
    form = forms["submitted"] if role == "reviewer" else forms["passed"]
    extra = ["/recheck/"] if role == "finance" else []
    return [*public, *mine, *extra, "/queue/", "/queue/?status=all", f"/forms/{form.pk}/"]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("role", ["clerk", "reviewer", "finance", "public"])
def test_pages_speak_one_language(cast, world, role, language):
    user = {"clerk": cast.clerk, "reviewer": cast.reviewer, "finance": cast.finance}.get(role)
    client = Client()
    if user is not None:
        client.force_login(user)
    client.cookies["django_language"] = language
    content = stored_content()
    wrong = []
    for url in pages(role, world):
        response = client.get(url)
        assert response.status_code in (200, 403, 404), (url, response.status_code)
        parser = InterfaceText(language)
        parser.feed(response.content.decode())
        for part in parser.parts:
            left = part
            for text in content:
                left = left.replace(text, " ")
            wrong += [f"{url}: {w!r} in {left[:80]!r}" for w in other_language(left, language)]
    assert sorted(set(wrong)) == []


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_live_panel_speaks_one_language(cast, world, language):
    """The editor's live panel (figures, readings, findings) as the page fetches it."""
    record = world["forms"]["returned"]
    client = cast.client(cast.clerk)
    client.cookies["django_language"] = language
    response = client.post(reverse("jx-preview", args=[record.pk]), _edit_data(record))
    assert response.status_code == 200
    parser = InterfaceText(language)
    parser.feed(response.content.decode())
    content = stored_content()
    wrong = []
    for part in parser.parts:
        left = part
        for text in content:
            left = left.replace(text, " ")
        wrong += [f"{w!r} in {left[:80]!r}" for w in other_language(left, language)]
    assert parser.parts and sorted(set(wrong)) == []


def test_the_scan_finds_a_word_of_the_other_language():
    """The parser reads text and placeholders and skips what is marked as content."""
    page = (
        '<p>Saved <b>草稿</b></p><input placeholder="年度"><span data-content>合作交流</span>'
        '<button lang="zh-hans">中文</button><script>"脚本"</script>'
    )
    parser = InterfaceText("en")
    parser.feed(page)
    found = [w for part in parser.parts for w in other_language(part, "en")]
    assert found == ["草稿", "年度"]
    parser = InterfaceText("zh-hans")
    parser.feed("<p>已保存 / saved</p><p>下载 JSON</p>")
    assert [w for part in parser.parts for w in other_language(part, "zh-hans")] == ["saved"]

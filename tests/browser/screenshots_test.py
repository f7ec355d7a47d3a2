"""Every page, for every role, in both languages, at 1366 and 390 px: a screenshot each.

The screenshots are kept under var/artifacts/screenshots/<role>-<language>/ (look at them
before resolving a layout issue). Each page is also measured in the browser: the page itself
never scrolls sideways (wide tables scroll inside their own box), and every text input of the
editor shows at least 12 characters. ``JIXIAO_DOCS_SCREENSHOTS=1`` also writes the README's
screenshots (docs/screenshots/, one per main page) — only on purpose, like gold files.
"""

import io
import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from PIL import Image
from playwright.sync_api import expect

from jixiao.core.formjson import encode_form
from jixiao.web.accounts.models import Membership, Organisation, OrgKind, Role
from jixiao.web.review import transitions
from jixiao.web.store.models import Status
from jixiao.web.store.services import create_form
from tests.browser.journey_test import PASSWORD
from tests.conftest import gold_form
from tests.web.import_missing_test import parsed_batch

pytestmark = [pytest.mark.django_db(transaction=True)]
FOLDER = Path(os.environ.get("JIXIAO_SCREENSHOTS", "var/artifacts/screenshots"))
DOCS = Path("docs/screenshots")
WIDTHS = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}
# The README's screenshots: (role, page) at 1366 px in Chinese.
FOR_DOCS = {
    ("clerk", "todo"),
    ("clerk", "edit"),
    ("reviewer", "queue"),
    ("reviewer", "form"),
    ("clerk", "import"),
    ("public", "public"),
    ("public", "login"),
}


@pytest.fixture
def cast(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    bureau = Organisation.objects.create(name="上海市财政局", kind=OrgKind.BUREAU)
    department = Organisation.objects.create(
        name="上海市人民政府合作交流办公室", kind=OrgKind.DEPARTMENT, parent=bureau
    )
    unit = Organisation.objects.create(
        name="上海市人民政府驻昆明办事处", kind=OrgKind.UNIT, parent=department
    )
    people = {}
    for name, organisation, role, full in (
        ("clerk", unit, Role.UNIT_STAFF, "驻昆明办填报人"),
        ("reviewer", department, Role.DEPARTMENT_REVIEWER, "主管部门审核人"),
        ("finance", bureau, Role.FINANCE_REVIEWER, "财政局审核人"),
    ):
        user = User.objects.create_user(name, password=PASSWORD, first_name=full)
        Membership.objects.create(user=user, organisation=organisation, role=role)
        people[name] = user
    User.objects.create_superuser("admin", password=PASSWORD)
    clerk = people["clerk"]
    forms = {
        "draft": create_form(gold_form("001", 1), unit=unit, actor=clerk),
        "returned": create_form(gold_form("001", 0), unit=unit, actor=clerk),
        "passed": create_form(gold_form("002", 0), unit=unit, actor=clerk, status=Status.PASSED),
        "published": create_form(
            gold_form("000", 1), unit=unit, actor=clerk, status=Status.PUBLISHED
        ),
    }
    transitions.apply(forms["returned"], "submit", clerk, "")
    transitions.apply(
        forms["returned"], "return_department", people["reviewer"], "执行率低于90%，请说明原因"
    )
    forms["submitted"] = create_form(gold_form("001", 2), unit=unit, actor=clerk)
    transitions.apply(forms["submitted"], "submit", clerk, "")
    batch, _upload = parsed_batch(clerk, encode_form(gold_form("003", 0)))
    return {"forms": forms, "batch": batch}


def pages_of(role, cast):
    forms = cast["forms"]
    common = [("password", "/accounts/password_change/"), ("public", "/")]
    if role == "public":
        return [
            ("public", "/"),
            ("login", "/accounts/login/"),
            ("form", f"/forms/{forms['published'].pk}/"),
        ]
    if role == "admin":
        return [("admin", "/admin/"), *common]
    pages = [("todo", "/todo/"), ("import", "/imports/"), *common]
    if role == "clerk":
        return [
            *pages,
            ("home", "/home/"),
            ("form", f"/forms/{forms['returned'].pk}/"),
            ("edit", f"/forms/{forms['returned'].pk}/edit/"),
            ("new-target", "/forms/new/target/"),
            ("new-self-evaluation", "/forms/new/self_evaluation/"),
            ("import-batch", f"/imports/{cast['batch'].pk}/"),
        ]
    form = forms["submitted"] if role == "reviewer" else forms["passed"]
    pages += [("queue", "/queue/"), ("form", f"/forms/{form.pk}/")]
    if role == "finance":
        pages.append(("recheck", "/recheck/"))
    return pages


def signed_in(browser, live_server, role, language):
    context = browser.new_context(locale="zh-CN")
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    if role != "public":
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", role)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
    return page


SIDEWAYS = "document.documentElement.scrollWidth - window.innerWidth"
# The innermost elements reaching past the window's right edge (what makes the page scroll).
TOO_WIDE = """() => Array.from(document.querySelectorAll("body *"))
  .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
  .filter((el) => !Array.from(el.children).some(
      (c) => c.getBoundingClientRect().right > window.innerWidth + 1))
  .slice(0, 3).map((el) => el.tagName + "." + el.className + " " + el.textContent.slice(0, 40))"""
# Inputs narrower than 12 characters of their own font (CJK: 1 em each; numbers: 12 zeros).
NARROW_INPUTS = """() => {
  const out = [];
  const probe = document.createElement("span");
  probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre";
  document.body.appendChild(probe);
  for (const el of document.querySelectorAll(
      "#editor input[type=text], #editor input:not([type]), #editor textarea")) {
    if (!el.offsetParent || el.disabled) continue;
    const style = getComputedStyle(el);
    probe.style.font = style.font;
    probe.textContent = el.classList.contains("num") ? "0".repeat(12) : "字".repeat(12);
    const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (inner + 1 < probe.getBoundingClientRect().width) out.push(el.name + " " + Math.round(inner));
  }
  probe.remove();
  return out;
}"""


def small(png: bytes, path: Path) -> None:
    """A README screenshot: the viewport, in 128 colours."""
    Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=128).save(path, optimize=True)


def shoot(page, folder, name, width):
    path = folder / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.mark.parametrize("language", ["zh-hans", "en"], ids=["zh", "en"])
@pytest.mark.parametrize("role", ["clerk", "reviewer", "finance", "admin", "public"])
def test_every_page_as_every_role(browser, live_server, cast, role, language):
    folder = FOLDER / f"{role}-{'zh' if language == 'zh-hans' else 'en'}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    page = signed_in(browser, live_server, role, language)
    problems = []
    for name, url in pages_of(role, cast):
        for width, size in WIDTHS.items():
            page.set_viewport_size(size)
            response = page.goto(f"{live_server.url}{url}")
            assert response.status == 200, (name, url, response.status)
            if page.locator("#live").count():
                expect(page.locator("#live table, #live .ok, #live .errors").first).to_be_visible()
            path = shoot(page, folder, name, width)
            if name != "admin" and page.evaluate(SIDEWAYS) > 0:
                wide = page.evaluate(TOO_WIDE)
                problems.append(f"{name} at {width} px scrolls sideways: {wide}")
            if page.locator("#editor").count() and width == "1366":
                narrow = page.evaluate(NARROW_INPUTS)
                problems += [f"{name}: input under 12 characters: {n}" for n in narrow]
            if (role, name) in FOR_DOCS and width == "1366" and language == "zh-hans":
                if os.environ.get("JIXIAO_DOCS_SCREENSHOTS") == "1":
                    DOCS.mkdir(parents=True, exist_ok=True)
                    if name == "edit":  # the indicator table beside the live panel
                        page.evaluate(
                            "document.getElementById('indicator-scroll').scrollIntoView()"
                        )
                    small(page.screenshot(), DOCS / f"{name}.png")
            assert path.stat().st_size > 0
    page.context.close()
    assert problems == []

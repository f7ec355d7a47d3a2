"""Importing in a real browser: a form without its year is asked for it before it is stored."""

import pytest
from playwright.sync_api import expect

from jixiao.core.formjson import encode_form
from jixiao.web.store.models import FormRecord
from tests.browser.editor_test import WIDE
from tests.browser.journey_test import log_in, world  # noqa: F401 (the fixture)
from tests.conftest import gold_form
from tests.web.import_missing_test import parsed_batch, without
from tests.web.imports_test import run_worker

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_the_preview_asks_for_the_year_and_stores_the_typed_one(
    browser,
    live_server,
    world,  # noqa: F811
    shots,
):
    clerk = world.events.first().actor
    batch, upload = parsed_batch(clerk, without(encode_form(gold_form("003", 0))))
    page = log_in(browser, live_server, "clerk")
    page.set_viewport_size(WIDE)
    page.goto(f"{live_server.url}/imports/{batch.pk}/")
    year = page.locator(f"#id_f{upload.pk}-0-year")
    expect(year).to_be_visible()
    page.click("#confirm")  # no year yet: nothing stored, the page says why
    expect(page.locator(".flash.error")).to_contain_text("缺少的年度")
    shots(page, "asks-for-the-year")
    page.fill(f"#id_f{upload.pk}-0-year", "2021")  # outside the confirm form, tied by form=
    page.click("#confirm")
    page.wait_for_load_state()
    run_worker()
    record = FormRecord.objects.get(origin="imported")
    assert record.year == 2021
    page.reload()
    expect(page.locator("#stored")).to_be_visible()
    shots(page, "stored")

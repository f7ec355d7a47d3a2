"""Import that recovers, in a real browser (issue 12 §4): a repeated form unticked, a stored
draft replaced, links to the stored forms; one Excel form opened in the editor and saved."""

import pytest
from playwright.sync_api import expect

from jixiao.core.formjson import encode_form
from jixiao.web.accounts.access import membership_of
from jixiao.web.store.models import FormEvent, FormRecord
from jixiao.web.store.services import to_canonical
from tests.browser.editor_test import WIDE
from tests.browser.journey_test import log_in, world  # noqa: F401 (the fixture)
from tests.conftest import gold_form
from tests.web.import_missing_test import parsed_batch
from tests.web.imports_test import run_worker
from tests.web.jobs_faults_test import XLSX

pytestmark = [pytest.mark.django_db(transaction=True)]


def _ours(clerk, index, plan=None):
    data = encode_form(gold_form("003", index))
    project = dict(data["project"], unit=membership_of(clerk).organisation.name)
    return dict(data, project=dict(project, plan=plan or project["plan"]))


def test_a_repeat_is_unticked_and_a_stored_draft_replaced(
    browser,
    live_server,
    world,  # noqa: F811
    shots,
):
    clerk = world.events.first().actor
    first, _ = parsed_batch(clerk, _ours(clerk, 0))
    page = log_in(browser, live_server, "clerk")
    page.set_viewport_size(WIDE)
    page.goto(f"{live_server.url}/imports/{first.pk}/")
    page.click("#confirm")
    page.wait_for_load_state()
    run_worker()
    draft = FormRecord.objects.get(origin="imported")
    batch, upload = parsed_batch(
        clerk, _ours(clerk, 0, "新的计划"), _ours(clerk, 0), _ours(clerk, 1)
    )
    page.goto(f"{live_server.url}/imports/{batch.pk}/")
    expect(page.locator(".mark-existing").first).to_contain_text("可选择跳过或替换")
    expect(page.locator(".mark-repeat")).to_have_count(1)
    expect(page.locator(f"#pick-f{upload.pk}-0")).to_be_checked()
    expect(page.locator(f"#pick-f{upload.pk}-1")).not_to_be_checked()
    page.check("input[name=on_existing][value=replace]")
    shots(page, "import-marks")
    page.click("#confirm")
    page.wait_for_load_state()
    run_worker()
    page.reload()
    links = page.locator("#stored-forms a")
    expect(links).to_have_count(2)
    assert to_canonical(FormRecord.objects.get(pk=draft.pk))["project"]["plan"] == "新的计划"
    assert FormEvent.objects.filter(form=draft, action="imported").count() == 2
    shots(page, "import-stored-links")
    links.first.click()
    expect(page).to_have_url(f"{live_server.url}/forms/{draft.pk}/")


def test_a_clerk_opens_an_excel_form_in_the_editor_and_saves_it(
    browser,
    live_server,
    world,  # noqa: F811
    shots,
):
    before = FormRecord.objects.count()
    page = log_in(browser, live_server, "clerk")
    page.set_viewport_size(WIDE)
    page.goto(f"{live_server.url}/imports/")
    page.set_input_files("#editor-upload-file", str(XLSX))
    page.click("#editor-upload")
    expect(page.locator("#editor")).to_be_visible()
    assert "/imports/editor/" in page.url and FormRecord.objects.count() == before
    shots(page, "editor-from-excel")
    page.click("#save")
    page.wait_for_url(f"{live_server.url}/forms/*/")
    assert FormRecord.objects.count() == before + 1

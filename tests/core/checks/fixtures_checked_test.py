"""The hand-written expected forms of the province and corpus fixtures are all checked.

They are canonical forms of layouts the checks were not written for (docs/design/issue-9.md):
each must decode, be checked without an internal error, and fall under the rule set the
design note's table gives its layout.
"""

import json
from pathlib import Path

import pytest

from jixiao.core.checks.runner import check_form
from jixiao.core.formjson import load_document

FIXTURES = Path(__file__).resolve().parents[2] / "io" / "fixtures"
EXPECTED = sorted(FIXTURES.glob("*/*.expected.json"))
# docs/design/issue-9.md "Rule sets": listed templates; every other layout is inferred.
LISTED = {
    "mof-2020-self-eval": "mof-2020",
    "mof-2020-target": "mof-2020",
    "mof-2021-target": "mof-2021",
    "mof-2021-self-eval": "mof-2021",
    "gansu-2023-target": "mof-2021",
    "sichuan-2023-self-eval": "sichuan-2023",
    "sichuan-township-target": "sichuan-2023",
    "sh-2019-self-eval": "sh-2019",
    "sh-2019-target": "sh-target",
    "sh-2020-target": "sh-target",
}


def forms_of(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    for extra in ("note", "uncertain", "findings"):
        data.pop(extra, None)
    return load_document(json.dumps(data, ensure_ascii=False), path.name)


@pytest.mark.parametrize("path", EXPECTED, ids=[p.name for p in EXPECTED])
def test_each_expected_form_is_checked_under_its_layouts_rule_set(path, config):
    for index, form in enumerate(forms_of(path)):
        report = check_form(form, config, path.name, index)
        assert not [f for f in report.findings if f.code == "internal-error"]
        codes = [f.code for f in report.findings]
        if form.template in LISTED:
            assert (report.ruleset.id, "ruleset-inferred" in codes) == (
                LISTED[form.template],
                False,
            )
        else:
            assert codes.count("ruleset-inferred") == 1

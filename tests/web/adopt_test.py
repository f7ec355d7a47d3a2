"""Issue 12 §3: 采用重算值 and the grade as a choice of the rule set's words."""

import json

import lxml.html
from django.urls import reverse

from tests.web.untouched_text_test import browser_post_data


def _typed(cast, evaluation):
    client = cast.client(cast.clerk)
    data = browser_post_data(client.get(reverse("jx-edit", args=[evaluation.pk])).content.decode())
    return client, data


def test_the_recomputed_figures_offered_for_the_form(cast, evaluation):
    client, data = _typed(cast, evaluation)
    # Seed 001 form 0 (budget 626,500, rows worth 90 points, the funds row weighs 10): the
    # clerk types executed 438,550 and gives the first row (10 points) nothing.
    data |= {"executed": "438,550", "ind-0-score": "0", "grade": ""}
    page = client.post(reverse("jx-preview", args=[evaluation.pk]), data).content.decode()
    offered = json.loads(lxml.html.fromstring(page).get_element_by_id("recomputed").text)
    # 438,550 ÷ 626,500 = 70.00 %; 10 × 70 % = 7.00 points; 80 + 7 = 87.00, which is 良 (80–90).
    assert offered == {
        "execution_rate": "70.00",
        "execution_score": "7.00",
        "total_score": "87.00",
        "grade": "良",
    }


def test_nothing_is_offered_for_a_target_form(cast):
    client = cast.client(cast.clerk)
    page = client.get(reverse("jx-new", args=["target"])).content.decode()
    data = browser_post_data(page) | {"name": "某项目", "year": "2024"}
    answer = client.post(reverse("jx-preview-new"), data).content.decode()
    assert 'id="live-figures"' in answer and 'id="recomputed"' not in answer


def test_the_grade_is_a_choice_of_the_rule_sets_words(cast, evaluation):
    page = cast.client(cast.clerk).get(reverse("jx-edit", args=[evaluation.pk])).content.decode()
    tree = lxml.html.fromstring(page)
    (grade,) = tree.xpath("//select[@name='grade']")
    assert [o.get("value") for o in grade.xpath("option")] == ["", "优", "良", "中", "差"]
    assert tree.get_element_by_id("adopt").text == "采用重算值"


def test_a_printed_grade_of_other_words_stays_a_choice_and_is_kept(cast, evaluation):
    client, data = _typed(cast, evaluation)
    data["grade"] = "优秀"  # as another tool, or an old page, posts it
    assert client.post(reverse("jx-edit", args=[evaluation.pk]), data).status_code == 302
    page = client.get(reverse("jx-edit", args=[evaluation.pk])).content.decode()
    (grade,) = lxml.html.fromstring(page).xpath("//select[@name='grade']")
    assert [o.get("value") for o in grade.xpath("option")] == ["", "优", "良", "中", "差", "优秀"]
    assert grade.xpath("option[@selected]")[0].get("value") == "优秀"

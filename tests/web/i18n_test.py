"""Chinese by default, English on request; finding messages follow the language."""

from django.urls import reverse


def test_chinese_is_the_default(cast, evaluation):
    page = cast.client(cast.clerk).get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    assert "计算结果" in page and "执行率印为 80.88%" in page


def test_the_english_toggle(cast, evaluation):
    client = cast.client(cast.clerk)
    response = client.post(
        reverse("set_language"),
        {"language": "en", "next": reverse("jx-form", args=[evaluation.pk])},
    )
    assert response.status_code == 302
    page = client.get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    assert "Figures" in page and "History" in page and "计算结果" not in page
    assert "execution rate printed 80.88%, executed ÷ budget gives 80.89%" in page
    assert 'lang="en"' in page


def test_an_english_browser_still_gets_chinese_until_the_toggle(cast, evaluation):
    page = cast.client(cast.clerk).get(
        reverse("jx-form", args=[evaluation.pk]), HTTP_ACCEPT_LANGUAGE="en-US,en"
    )
    assert "计算结果" in page.content.decode()

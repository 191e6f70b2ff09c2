"""The left-alone page in a real browser: a reviewer answers two records, one naming whom (names invented)."""

from __future__ import annotations

from playwright.sync_api import expect

from tergeu.linkage.linking import run_linkage
from tergeu.linkage.models import LeftAloneAnswer, PairDecision

HEADER = ["ФИО", "Дата рождения", "Место гибели"]


def test_a_reviewer_answers_the_records_left_alone(page, sign_in_as, write_csv, run_import) -> None:
    assert run_import(write_csv("first.csv", HEADER, [["Тестов Ерлан Маратович", "12.03.1990", "Алматы"],
                                                      ["Серіков Әлібек Асқарұлы", "07.07.1971", "Тараз"]]),
                      list_name="first").ok
    assert run_import(write_csv("second.csv", HEADER, [["Тестов Ерлан Маратович", "12.03.1990", "Алматы"],
                                                       ["Омаров Бекзат Ерланович", "30.11.2001", "Талдыкорган"]]),
                      list_name="second").ok
    run_linkage(full=True)
    sign_in_as("reviewer")
    page.goto("/review/")
    page.get_by_test_id("left-alone-link").click()
    items = page.get_by_test_id("left-alone-item")
    expect(items).to_have_count(2)
    expect(page.get_by_test_id("left-alone-progress")).to_have_text("0 answered, 2 open")

    items.first.get_by_test_id("nobody").click()
    expect(page.get_by_test_id("left-alone-item")).to_have_count(1)
    page.get_by_test_id("found-elsewhere").click()
    expect(page.get_by_test_id("left-alone-done")).to_be_visible()
    expect(page.get_by_test_id("left-alone-progress")).to_have_text("2 answered, 0 open")
    assert sorted(LeftAloneAnswer.objects.values_list("answer", flat=True)) == ["found", "nobody"]
    assert not PairDecision.objects.exists()  # "someone found, not shown here" names no one

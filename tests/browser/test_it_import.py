"""Importing a list through the web page: upload, dry-run preview, import, then find its rows."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from browser.conftest import LIST_HEADER

HOSPITAL_ROWS = [  # synthetic people
    ["1", "Жумабеков Асхат Ерланович", "02.02.1992", "Алматы", "06.01.2022"],
    ["2", "Касымова Динара Болатовна", "17.09.1988", "Тараз", "07.01.2022"],
]


def test_it_imports_a_csv_through_the_page(page, sign_in_as, write_csv, synthetic_list) -> None:
    """Data-entry staff import lists without the command line; nothing is written before they confirm."""
    from tergeu.registry.models import ImportedList

    sign_in_as("data-entry")
    page.goto("/import/")
    page.set_input_files("#id_file", write_csv("hospital.csv", LIST_HEADER, HOSPITAL_ROWS))
    page.fill("#id_list_name", "Synthetic hospital list")
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_test_id("column-map")).to_be_visible()
    preview = page.get_by_test_id("preview")
    expect(preview).to_contain_text("Жумабеков Асхат Ерланович")
    expect(preview).to_contain_text("2022-01-07")
    assert not ImportedList.objects.filter(name="Synthetic hospital list").exists()  # a dry run writes nothing

    page.locator("button[name=step][value=import]").click()
    expect(page).to_have_url(re.compile(r"/lists/[a-z2-7]{26}/$"))
    expect(page.locator("h1")).to_have_text("Synthetic hospital list")

    page.goto("/registry/")
    results = page.get_by_test_id("registry")
    expect(results.locator("tbody tr")).to_have_count(len(HOSPITAL_ROWS) + 3)  # with the morgue list's rows
    page.select_option("select[name=list]", label="Synthetic hospital list")  # htmx refreshes the results
    expect(results.locator("tbody tr")).to_have_count(len(HOSPITAL_ROWS))
    expect(results).to_contain_text("Жумабеков Асхат Ерланович")
    expect(results).to_contain_text("Касымова Динара Болатовна")
    expect(results).not_to_contain_text("Нурланов")

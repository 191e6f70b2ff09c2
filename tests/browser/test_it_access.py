"""The expert mission sees only lists shared with it; anything else must look like it does not exist."""

from __future__ import annotations

from playwright.sync_api import expect

from browser.conftest import LIST_ROWS


def test_it_hides_an_unshared_record_from_the_expert_mission(page, sign_in_as, synthetic_list) -> None:
    """A 404, not a 403: a denied record must be indistinguishable from a missing one."""
    sign_in_as("expert-mission")
    record = synthetic_list.records.get(row_number=1)
    name = LIST_ROWS[0][1]

    response = page.goto(f"/records/{record.public_id}/")
    assert response is not None and response.status == 404
    expect(page.locator("body")).not_to_contain_text(name)

    # The same URL opens once the list is shared: the 404 above was the access rule, not a broken link.
    type(synthetic_list).objects.filter(pk=synthetic_list.pk).update(shared_with_mission=True)
    response = page.goto(f"/records/{record.public_id}/")
    assert response is not None and response.status == 200
    expect(page.locator("h1")).to_have_text(name)

"""What `tergeu estimate` prints on the console, for results a table reader could misread."""

from rich.console import Console

from tergeu.estimation.cli import print_result


def _printed(data: dict) -> str:
    console = Console(record=True, width=400)
    print_result(console, data, as_json=False)
    return console.export_text()


def test_an_estimate_below_the_people_observed_is_explained_not_printed_as_a_negative_count() -> None:
    below = _printed({"method": "lcmcr", "observed": 2101, "estimate": 2053.0, "interval": [2032.0, 2081.0]})
    assert "about -" not in below and "join people the best guess keeps apart" in below
    above = _printed({"method": "lcmcr", "observed": 2101, "estimate": 2200.0, "interval": [2150.0, 2300.0]})
    assert "not on any list: about 99" in above

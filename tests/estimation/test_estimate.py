"""`tergeu estimate` and the estimation page: on a capture table, on linked people, end to end on the demo."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from rich.console import Console

from mse_data import MSE_DATA
from tergeu.cli import cli
from tergeu.core.linkage import UNREVIEWED_RATES, UNREVIEWED_SHIFT
from tergeu.demo.build import build_demo
from tergeu.estimation.models import EstimateRun
from tergeu.linkage.left_alone_review import answer_left_alone, open_records
from tergeu.linkage.linking import DecisionConflict, decide_pair
from tergeu.linkage.models import LinkageRun

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_estimates_a_capture_table_and_prints_json() -> None:
    result = CliRunner().invoke(cli, ["estimate", "--table", str(MSE_DATA / "kosovo_1999_4lists.csv"),
                                      "--method", "loglinear", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["observed"] == 4400 and data["method"] == "loglinear"
    assert data["estimate"] == pytest.approx(10356.5, abs=0.5)
    assert [round(x) for x in data["interval"]] == [8994, 12110]
    assert data["lists"] == ["EXH", "ABA", "OSCE", "HRW"]


def test_it_gives_a_message_not_a_number_when_no_estimate_exists() -> None:
    result = CliRunner().invoke(cli, ["estimate", "--table", str(MSE_DATA / "artificial_3lists_csv2021.csv"),
                                      "--method", "stepwise", "--json"])
    assert result.exit_code == 1
    assert "C share no one with any other list" in result.output and result.stdout.strip() == ""


def test_it_estimates_lcmcr_despite_an_isolated_list_with_diagnostics_and_warnings_in_json(tmp_path) -> None:
    table = tmp_path / "isolated.csv"
    table.write_text("A,B,C,D,count\n1,1,1,0,40\n1,1,0,0,90\n1,0,1,0,80\n0,1,1,0,70\n1,0,0,0,300\n"
                     "0,1,0,0,260\n0,0,1,0,240\n0,0,0,1,4\n")
    result = CliRunner().invoke(cli, ["estimate", "--table", str(table), "--method", "lcmcr", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["method"] == "lcmcr" and data["mean"] > data["observed"] == 1084
    diagnostics = data["diagnostics"]
    assert len(diagnostics["per_chain"]) == 4 and diagnostics["modes"] and diagnostics["rhat"] is not None
    assert diagnostics["isolated_lists"] == ["D"] and diagnostics["ess"] > 0
    assert any("D (4 named) share no one" in warning for warning in data["warnings"])
    refused = CliRunner().invoke(cli, ["estimate", "--table", str(table), "--method", "loglinear", "--json"])
    assert refused.exit_code == 1 and "D share no one with any other list" in refused.output


def test_it_says_why_when_nothing_is_linked_yet() -> None:
    result = CliRunner().invoke(cli, ["estimate", "--method", "loglinear"])
    assert result.exit_code == 1 and "run the linkage first" in result.output
    assert EstimateRun.objects.get().error


def test_it_estimates_the_demo_end_to_end_and_shows_it_on_the_page(settings_home, client_as) -> None:
    build_demo(console=Console(file=open("/dev/null", "w")))  # noqa: SIM115 - the console outlives the call
    run = EstimateRun.objects.get()
    assert run.error == "" and run.settings["linkage_draws"] == 20
    result = run.result
    assert result["observed"] == sum(row[-1] for row in result["overlaps"])
    assert result["interval"][0] <= result["estimate"] <= result["interval"][1]
    # the draws lean to joining people the best guess keeps apart: the floor is the fewest any draw finds
    assert result["estimate"] >= min(result["diagnostics"]["observed_per_linkage_draw"])
    assert 0.0 <= result["diagnostics"]["linkage_share"] <= 1.0
    page = client_as("analyst").get("/estimates/").content.decode()
    assert f"{round(result['estimate']):,}" in page or str(round(result["estimate"])) in page
    assert 'data-testid="strata-chart"' in page and 'data-testid="overlaps"' in page

    by_place = CliRunner().invoke(cli, ["estimate", "--method", "loglinear", "--strata", "place",
                                        "--linkage-draws", "2", "--json"])
    assert by_place.exit_code == 0, by_place.output
    data = json.loads(by_place.stdout)
    assert data["settings"]["stratified"] and data["settings"]["linkage_draws"] == 2  # pooled: the draws alone
    assert data["strata"] or any("not stratified" in warning for warning in data["warnings"])
    assert any("No calibration now: 0 of the calibration sample's pairs are decided" in warning
               for warning in data["warnings"])  # nothing reviewed yet
    assert data["diagnostics"]["linkage_calibration"] == {"shift": UNREVIEWED_SHIFT, "source": "unreviewed"}
    assert data["diagnostics"]["linkage_left_alone"] == {
        "share_with_scored_pair": UNREVIEWED_RATES.means()[0], "share_without_scored_pair": UNREVIEWED_RATES.means()[1],
        "answers": 0, "source": "unreviewed"}
    assert any("Answer the left-alone sample" in warning for warning in data["warnings"])
    client_as("reviewer", "sample-reviewer")
    reviewer = get_user_model().objects.get(username="sample-reviewer")
    _reviewers_decide_the_calibration_sample_and_the_draws_follow(reviewer)
    _reviewers_answer_the_left_alone_sample_and_the_draws_follow(reviewer)


def _reviewers_answer_the_left_alone_sample_and_the_draws_follow(reviewer: object) -> None:
    """The demo run's left-alone sample, "nobody found" for every record: the estimate reads the answers
    over the unreviewed shares, which fall, and it finds no fewer people than the draws without them."""
    sample = open_records(LinkageRun.objects.first())
    assert len(sample) >= 5
    for record in sample:
        assert answer_left_alone(reviewer, record, "nobody") is not None
    answer = CliRunner().invoke(cli, ["estimate", "--method", "loglinear", "--linkage-draws", "2", "--json"])
    assert answer.exit_code == 0, answer.output
    data = json.loads(answer.stdout)
    left_alone = data["diagnostics"]["linkage_left_alone"]
    assert left_alone["answers"] == len(sample) and left_alone["source"] == "reviewed"
    assert left_alone["share_with_scored_pair"] + left_alone["share_without_scored_pair"] < sum(
        UNREVIEWED_RATES.means())
    assert not any("Answer the left-alone sample" in warning for warning in data["warnings"])
    assert any(f"only {len(sample)} answer(s) on the left-alone sample" in warning for warning in data["warnings"])


def _reviewers_decide_the_calibration_sample_and_the_draws_follow(reviewer: object) -> None:
    """The demo run's sample: ranked pairs of the uncertain band; decided in order (half of them at
    least "same", which here says the model is too cautious), the estimate reads the decided start."""
    linkage = LinkageRun.objects.first()
    sample = sorted((item for item in linkage.review if item.get("sample")), key=lambda item: item["sample_rank"])
    assert [item["sample_rank"] for item in sample] == list(range(len(sample))) and len(sample) >= 30
    assert all(0.2 <= item["probability"] < 0.8 for item in sample)
    for index, item in enumerate(sample[:30]):
        try:
            decide_pair(reviewer, *item["records"], "different" if index % 3 == 2 else "same")
        except DecisionConflict:  # "same" through earlier answers would join people said to differ
            decide_pair(reviewer, *item["records"], "unsure")
    assert decide_pair(reviewer, *sample[31]["records"], "different") is not None  # after a gap: not read
    answer = CliRunner().invoke(cli, ["estimate", "--method", "loglinear", "--linkage-draws", "2", "--json"])
    assert answer.exit_code == 0, answer.output
    data = json.loads(answer.stdout)
    calibration = data["diagnostics"]["linkage_calibration"]
    assert calibration["decisions"] + calibration["unsure"] <= 30 and calibration["decisions"] >= 20
    assert calibration["shift"] > 0 and calibration["sample"] == len(sample) and calibration["source"] == "reviewed"
    assert not any("calibration sample" in warning for warning in data["warnings"])


def test_it_serves_the_estimates_through_the_api(client_as) -> None:
    CliRunner().invoke(cli, ["estimate", "--method", "loglinear"])  # nothing linked: a run with its reason
    answer = client_as("analyst").get("/api/estimates").json()
    assert answer["count"] == 1 and "run the linkage first" in answer["items"][0]["error"]
    assert client_as("expert-mission").get("/api/estimates").status_code == 404


def test_it_leaves_records_too_thin_to_link_out_of_the_estimate(tmp_path) -> None:
    """A list naming someone by a given name alone: linked or not, it is not counted as a capture."""
    given = ["Асхат", "Ерлан", "Нурлан", "Дамир", "Арман", "Болат", "Самат", "Тимур", "Руслан", "Марат"]
    family = ["Самалбеков", "Ернуров", "Багдатбеков", "Жанатбеков", "Темирланов", "Нуржасаров"]  # invented
    people = [f"{f} {g},{1 + i % 28:02d}.{1 + i % 12:02d}.{1970 + i % 30},05.01.2022"
              for i, (f, g) in enumerate((f, g) for f in family for g in given)][:48]
    lists = {"first": people[:36], "second": people[12:48], "third": people[::2]}
    lists["third"] = [*lists["third"], "Жанар,,05.01.2022"]  # a given name alone
    for name, rows in lists.items():
        path = tmp_path / f"{name}.csv"
        path.write_text("ФИО,Дата рождения,Дата смерти\n" + "".join(f"{row}\n" for row in rows), encoding="utf-8")
        imported = CliRunner().invoke(cli, ["import", str(path), "--list", name])
        assert imported.exit_code == 0, imported.output
    assert CliRunner().invoke(cli, ["link"]).exit_code == 0
    result = CliRunner().invoke(cli, ["estimate", "--method", "loglinear", "--linkage-draws", "1", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["diagnostics"]["records_left_out"] == 1
    assert any("too thin" in warning for warning in data["warnings"])
    assert data["observed"] == 48  # Жанар is not a 49th person

"""The calibration sample when a list is added: an incremental run changes the sample, and the decisions
already taken still centre the estimate until a reviewer goes on.

The linkage itself is replaced by fixed pairs (every pair at 0.5, in the uncertain band), so the sample
is known: what is tested is how runs store, carry over and read it. All names are invented.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from django.contrib.auth import get_user_model

from tergeu.core.linkage.clustering import Cluster, Constraints
from tergeu.core.linkage.comparisons import comparisons_fingerprint
from tergeu.core.linkage.joined import joined
from tergeu.core.linkage.model import ScoredPairs, TrainedModel
from tergeu.core.linkage.pipeline import Linkage
from tergeu.core.linkage.rescoring import CONTRADICTION_BITS
from tergeu.estimation.capture import reviewed_calibration
from tergeu.linkage import linking
from tergeu.linkage.linking import decide_pair, run_linkage
from tergeu.linkage.models import LinkageRun
from tergeu.linkage.queue import sample_ranked
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db

ROWS = 30
FAMILIES = ["Нурланов", "Ахметов", "Сериков", "Омаров", "Жумабаев", "Касымов"]


def _import(write_csv, run_import, name: str, given: str) -> list[int]:
    rows = [[f"{FAMILIES[i % 6]} {given} {i}", f"0{5 + i % 3}.01.2022"] for i in range(ROWS)]
    assert run_import(write_csv(f"{name}.csv", ["ФИО", "Дата гибели"], rows), list_name=name).ok
    return list(Record.objects.filter(imported_list__name=name).order_by("row_number").values_list("pk", flat=True))


def _linkage(pairs: list[tuple[int, int]], records: list[int], constraints: Constraints) -> Linkage:
    """``pairs`` scored 0.5 each; every record a person of its own but for reviewers' "same"."""
    left, right = (np.array(side, dtype=np.int64) for side in zip(*pairs, strict=True))
    scored = ScoredPairs(left, right, np.full(left.size, 0.5), np.zeros(left.size))
    model = TrainedModel({"comparisons": [], "tergeu_comparisons": comparisons_fingerprint(),
                          "tergeu_contradiction_bits": CONTRADICTION_BITS}, scored)
    within = set(records)
    people = joined((pair for pair in constraints.must_link if within.issuperset(pair)), records).subsets()
    return Linkage(model, [Cluster(tuple(sorted(group)), 1.0, False, ()) for group in sorted(people, key=min)])


def test_a_new_list_adds_pairs_to_the_sample_that_do_not_end_the_decided_start(
        write_csv, run_import, client_as, monkeypatch) -> None:
    first = _import(write_csv, run_import, "official", "Ерлан")
    second = _import(write_csv, run_import, "volunteers", "Серик")
    old_pairs = list(zip(first, second, strict=True))
    monkeypatch.setattr(linking, "link_records", lambda facts, constraints, **kwargs: _linkage(
        old_pairs, first + second, constraints))
    assert run_linkage().mode == "full"
    client_as("reviewer", "sample-reviewer")
    reviewer = get_user_model().objects.get(username="sample-reviewer")
    for index, pair in enumerate(old_pairs):  # every pair of the sample decided, alternately
        decide_pair(reviewer, *pair, "same" if index % 2 == 0 else "different")
    everyone = set(first + second)
    before, _why = reviewed_calibration(LinkageRun.objects.first(), everyone)
    assert before is not None and before.decisions == ROWS
    assert run_linkage().mode == "full"  # the "same" decisions join people: a full run, the sample carried over
    assert reviewed_calibration(LinkageRun.objects.first(), everyone)[0] == before

    third = _import(write_csv, run_import, "media", "Марат")
    new_pairs = list(zip(first, third, strict=True))
    monkeypatch.setattr(linking, "link_new_records",
                        lambda facts, new_ids, model, person_of, constraints, **kwargs: _linkage(
                            new_pairs, sorted(new_ids), constraints))
    assert run_linkage().mode == "incremental"
    run = LinkageRun.objects.first()
    sample = [item for item in run.review if item.get("sample")]
    assert {tuple(item["records"]) for item in sample} == set(old_pairs) | set(new_pairs)  # the older run's pairs too
    ranked = sample_ranked(run, everyone | set(third))
    assert sum(1 for _p, decision, offered in ranked if decision is None and not offered) == ROWS
    after, _why = reviewed_calibration(run, everyone | set(third))
    # the pairs the new list brought came after the reviewing: they wait, and the same decisions are read
    assert after == replace(before, sample=2 * ROWS)

    # A reviewer goes on: the new pairs are offered now, and the decided start ends at the first open one.
    open_pairs = [tuple(item["records"]) for item in sorted(sample, key=lambda item: item["sample_rank"])
                  if tuple(item["records"]) in set(new_pairs)]
    decide_pair(reviewer, *open_pairs[-1], "same")
    ranked = sample_ranked(run, everyone | set(third))
    first_open = next(index for index, (_p, decision, _offered) in enumerate(ranked) if decision is None)
    assert all(offered for _p, _decision, offered in ranked)
    went_on, why = reviewed_calibration(run, everyone | set(third))
    if first_open >= 20:  # the decisions before the first open pair, and no more
        assert went_on is not None and went_on.decisions == first_open
    else:  # too few read: no calibration, and the estimate says why
        assert went_on is None and f"{first_open} of the calibration sample" in why

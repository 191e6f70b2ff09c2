"""A last pass for records left alone because the rest of their person lacks what they state.

Average linkage asks a record to match a cluster as a whole, which is what stops chaining. It is also
unfair to a sparse record. A morgue's "Кашафутдинов А.Д." scores 0.91 with the official list's
"Кашафутдинов Алексей Денисович", whose patronymic gives the "Д." something to agree with. It scores
0.30 and 0.18 with the NGO and media entries for the same man: they carry no patronymic, so there is
less to agree on. Those pairs are weak for want of evidence, not because anything disagrees, yet the
average (0.46) keeps the record out.

So a record clustered alone may join a cluster when all of these hold:
* its two strongest pairs with the members, taken together, reach the threshold: 1 - (1 - p1)(1 - p2).
  A media record scoring 0.47 with the official entry and 0.44 with the NGO entry of one man (both
  capped by how often a media record is on those lists at all) reaches 0.70, where the best single
  pair stays under. Only two: the pairs come from the same fields of one record, so they are not
  independent, and counting all of them would let many weak pairs with a large cluster add up to a
  match (seven pairs at 0.11 would make 0.56);
* no member is implausible: a pair scored under ``PLAUSIBLE``, or one where a fact of the two disagrees
  outright (``ScoredPair.contradicted``: birth years decades apart, a place outside the other's area,
  another patronymic). Such a pair usually scores far lower, but not always: two records with one
  common name can score 0.2-0.4 although one says the man was 15 and the other 66, because the
  names' agreement outweighs the disagreement in the sum. Among 40,000 people of namesake-rich lists,
  206 of the 209 records this pass joined across such a pair were joined to the wrong person;
* every member is plausible (scored at ``PLAUSIBLE`` or more), or all but one, and then the two
  strongest pairs together reach ``UNSCORED_MEMBER_NEEDS`` (or the threshold, if that is higher:
  knowing less never lets a record in more easily; ``needed``). A mosque's "Мухаммед Қайратұлы" (given and
  father's name) and a morgue's "Алгулов М.К." share two initials and nothing else, so their pair
  stays under the floor at which pairs are kept though nothing of the two disagrees, while the
  official entry, with its patronymic, matches both. Until 6 December every member had to be
  plausible, and such records stayed alone (balkhash at 5,000 people: 167 true pairs of the mosques'
  and the official list scored over 0.5 and were not joined). An unscored pair may also be one that
  scored under that floor for a reason, which the pass cannot see, so the pairs it can see must be
  strong: at the threshold itself (0.5) the pass joined more namesakes at 40,000 people (altai:
  precision 0.930 against 0.937, F1 0.852 against 0.848); at 0.8, precision 0.936 and F1 0.851.
It may not join when a second cluster also qualifies; it then stays alone for a reviewer, because two
candidates mean the names cannot tell the two people apart. Only one record joins each cluster per
pass, and constraints hold: no cannot-link, no second record of an exclusive list. The cluster keeps
its weakest link, so a cluster this pass completed stays visible to review.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

UNSCORED_MEMBER_NEEDS = 0.8  # what a record's two best pairs must reach where one member's pair is unscored
PLAUSIBLE = 0.1  # twice the lowest score a pair is kept at: a pair near that floor is a near-contradiction


def attach_singletons(rep: np.ndarray, lo: np.ndarray, hi: np.ndarray, prob: np.ndarray, threshold: float,
                      may_join: Callable[[int, np.ndarray], bool],
                      contradicted: np.ndarray | None = None) -> np.ndarray:
    """``rep`` (cluster representative per record position) with qualifying singletons attached.

    ``may_join(record, members)`` says whether constraints let ``record`` join the cluster ``members``;
    ``contradicted`` (aligned with the pairs) marks pairs that never count as plausible.
    """
    size = np.bincount(rep, minlength=rep.size)
    alone = size[rep] == 1
    plausible = prob >= PLAUSIBLE
    if contradicted is not None:
        plausible &= ~contradicted
    vetoed_record, vetoed_cluster, _ = _lone_side(rep, lo, hi, alone, ~plausible)
    vetoed = np.unique(vetoed_record * rep.size + vetoed_cluster)  # (singleton, cluster) an implausible pair joins
    record, cluster, at = _lone_side(rep, lo, hi, alone, plausible)
    p = prob[at]
    if record.size == 0:
        return rep
    order = np.lexsort((-p, cluster, record))  # each (record, cluster) group, strongest pair first
    record, cluster, p = record[order], cluster[order], p[order]
    starts = np.flatnonzero(np.r_[True, (record[1:] != record[:-1]) | (cluster[1:] != cluster[:-1])])
    counts = np.diff(np.r_[starts, record.size])
    best = p[starts]
    second = np.where(counts > 1, p[np.minimum(starts + 1, p.size - 1)], 0.0)
    together = 1.0 - (1.0 - best) * (1.0 - second)
    candidate_record, candidate_cluster = record[starts], cluster[starts]
    unscored = size[candidate_cluster] - counts  # members whose pair with the record was not kept
    qualifies = together >= needed(unscored, threshold)
    qualifies &= ~np.isin(candidate_record * rep.size + candidate_cluster, vetoed)
    q_record, q_cluster, q_best = candidate_record[qualifies], candidate_cluster[qualifies], best[qualifies]
    records, per_record = np.unique(q_record, return_counts=True)
    single = np.isin(q_record, records[per_record == 1])  # two qualifying people: left for review
    by_rep = np.argsort(rep, kind="stable")
    sorted_rep = rep[by_rep]
    chosen: dict[int, tuple[float, int]] = {}  # cluster -> (best link, record)
    for rec, head, link in zip(q_record[single].tolist(), q_cluster[single].tolist(), q_best[single].tolist(),
                               strict=True):
        if link > chosen.get(head, (-1.0, -1))[0]:
            members = by_rep[np.searchsorted(sorted_rep, head):np.searchsorted(sorted_rep, head, side="right")]
            if may_join(rec, members):
                chosen[head] = (link, rec)
    if not chosen:
        return rep
    joined = rep.copy()
    for head, (_, rec) in chosen.items():
        joined[rec] = head
    smallest = np.full(rep.size, rep.size)
    np.minimum.at(smallest, joined, np.arange(rep.size))
    return smallest[joined]  # each cluster named by its smallest member again


def needed(unscored: np.ndarray | int, threshold: float) -> np.ndarray:
    """What a lone record's two strongest pairs with a cluster must reach together, by how many members'
    pairs with it were not kept: the threshold when none, ``UNSCORED_MEMBER_NEEDS`` (at least the
    threshold) when one, and more than certainty when two or more."""
    return np.select([np.asarray(unscored) == 0, np.asarray(unscored) == 1],
                     [threshold, max(threshold, UNSCORED_MEMBER_NEEDS)], np.inf)


def _lone_side(rep: np.ndarray, lo: np.ndarray, hi: np.ndarray, alone: np.ndarray,
               chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of the ``chosen`` pairs that join a singleton to a member of a larger cluster, seen from the
    singleton's side: the singleton, the cluster, and the pair's index."""
    left = np.flatnonzero(chosen & alone[lo] & ~alone[hi])
    right = np.flatnonzero(chosen & alone[hi] & ~alone[lo])
    record = np.concatenate([lo[left], hi[right]]).astype(np.int64)
    cluster = np.concatenate([rep[hi[left]], rep[lo[right]]]).astype(np.int64)
    return record, cluster, np.concatenate([left, right])

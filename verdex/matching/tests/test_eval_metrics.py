"""The metrics of `make eval` (eval/metrics.py) on hand-computed cases."""

import math

import pytest

from eval.metrics import best_threshold, f1_score, ndcg_at, recall_at, reciprocal_rank, roc_auc

GRADES = {"a": 2, "b": 1, "c": 1}


def test_ndcg_is_one_for_the_ideal_order_and_lower_otherwise():
    assert ndcg_at(["a", "b", "c", "x"], GRADES) == pytest.approx(1.0)
    assert ndcg_at(["c", "b", "a"], GRADES) < 1.0
    assert ndcg_at(["x", "y"], GRADES) == 0.0


def test_ndcg_matches_a_hand_computed_value():
    # Ranking x, a: gain 3 at rank 2 -> 3/log2(3); ideal a, b, c -> 3 + 1/log2(3) + 1/2.
    expected = (3 / math.log2(3)) / (3 + 1 / math.log2(3) + 0.5)
    assert ndcg_at(["x", "a"], GRADES) == pytest.approx(expected)


def test_ndcg_only_counts_the_first_k_results():
    assert ndcg_at(["x", "a"], GRADES, k=1) == 0.0


def test_recall_counts_every_relevant_grade_within_k():
    assert recall_at(["a", "x", "c"], GRADES, k=50) == pytest.approx(2 / 3)
    assert recall_at(["x", "a"], GRADES, k=1) == 0.0
    assert recall_at(["a"], {}, k=50) == 0.0


def test_reciprocal_rank_looks_for_the_first_grade_two_result():
    assert reciprocal_rank(["b", "x", "a"], GRADES) == pytest.approx(1 / 3)
    assert reciprocal_rank(["b", "c"], GRADES) == 0.0
    assert reciprocal_rank(["b"], GRADES, min_grade=1) == 1.0


def test_f1_on_a_small_case():
    # precision 1/2, recall 1/2
    assert f1_score([True, True, False, False], [True, False, True, False]) == pytest.approx(0.5)
    assert f1_score([True, False], [False, False]) == 0.0


def test_roc_auc_orders_ties_and_reversals():
    assert roc_auc([True, False], [0.9, 0.1]) == 1.0
    assert roc_auc([True, False], [0.1, 0.9]) == 0.0
    assert roc_auc([True, False], [0.5, 0.5]) == 0.5
    assert roc_auc([True, True, False], [0.9, 0.2, 0.5]) == pytest.approx(0.5)
    assert math.isnan(roc_auc([True, True], [0.1, 0.2]))


def test_best_threshold_separates_separable_scores():
    truth = [False, False, True, True]
    scores = [0.1, 0.2, 0.7, 0.9]
    threshold = best_threshold(truth, scores)
    assert 0.2 < threshold <= 0.7
    assert f1_score(truth, [score >= threshold for score in scores]) == 1.0

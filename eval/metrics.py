"""Ranking and classification metrics for `make eval`, in plain Python and numpy.

Relevance grades: 2 = the listing the query is about, 1 = clearly related,
0 or absent = not relevant. ``ranking`` is a list of keys, best first.
"""

import math

import numpy as np


def dcg(gains):
    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg_at(ranking, grades, k=10):
    """Normalised discounted cumulative gain over the first ``k`` results (exponential gain)."""
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([grades.get(key, 0) for key in ranking[:k]]) / ideal


def recall_at(ranking, grades, k=50):
    """Share of the relevant (grade ≥ 1) listings found in the first ``k`` results."""
    relevant = {key for key, grade in grades.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant & set(ranking[:k])) / len(relevant)


def reciprocal_rank(ranking, grades, min_grade=2):
    """1 / rank of the first result graded at least ``min_grade``; 0 when none is returned."""
    for rank, key in enumerate(ranking, start=1):
        if grades.get(key, 0) >= min_grade:
            return 1.0 / rank
    return 0.0


def f1_score(truth, predicted):
    truth, predicted = np.asarray(truth, bool), np.asarray(predicted, bool)
    true_positives = np.sum(truth & predicted)
    if true_positives == 0:
        return 0.0
    precision = true_positives / np.sum(predicted)
    recall = true_positives / np.sum(truth)
    return float(2 * precision * recall / (precision + recall))


def roc_auc(truth, scores):
    """Area under the ROC curve: the chance that a random positive outscores a random negative.

    Ties count one half (the Mann–Whitney statistic). Undefined without both classes.
    """
    truth, scores = np.asarray(truth, bool), np.asarray(scores, float)
    positives, negatives = scores[truth], scores[~truth]
    if len(positives) == 0 or len(negatives) == 0:
        return float("nan")
    greater = (positives[:, None] > negatives[None, :]).sum()
    ties = (positives[:, None] == negatives[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(positives) * len(negatives)))


def best_threshold(truth, scores):
    """The score cut-off that maximises F1 on (truth, scores); ties go to the higher cut-off."""
    truth, scores = np.asarray(truth, bool), np.asarray(scores, float)
    best, best_f1 = float(np.max(scores)), -1.0
    for candidate in np.unique(scores):
        score = f1_score(truth, scores >= candidate)
        if score > best_f1 or (score == best_f1 and candidate > best):
            best, best_f1 = float(candidate), score
    return best


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else float("nan")

"""The in-process vector index keeps bfloat16 values and scores them as float32 would."""

import numpy as np
import pytest

from verdex.search import vector_index
from verdex.search.vector_index import VectorIndex, from_bfloat16, to_bfloat16


def _normalised(rows, dim, seed):
    vectors = np.random.default_rng(seed).standard_normal((rows, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_rounding_keeps_eight_significant_bits_and_rounds_to_nearest():
    assert from_bfloat16(to_bfloat16(np.array([1.0, -0.5, 0.0], dtype=np.float32))).tolist() == [1.0, -0.5, 0.0]
    # 1 + 2**-8 lies halfway between 1 and 1 + 2**-7: ties go to the even pattern (1.0);
    # anything above halfway rounds up.
    assert from_bfloat16(to_bfloat16(np.array([1 + 2**-8], dtype=np.float32)))[0] == 1.0
    assert from_bfloat16(to_bfloat16(np.array([1 + 2**-8 + 2**-12], dtype=np.float32)))[0] == 1 + 2**-7

    values = _normalised(50, 512, seed=1)
    relative = np.abs(from_bfloat16(to_bfloat16(values)) - values) / np.abs(values)
    assert relative.max() <= 2**-8  # half a unit in the last of 8 significant bits


def test_scores_match_float32_cosines_across_block_edges(monkeypatch):
    monkeypatch.setattr(vector_index, "_BLOCK_ROWS", 64)  # 1,000 rows: 15 full blocks and a partial one
    vectors = _normalised(1000, 128, seed=2)
    index = VectorIndex(128)
    index.upsert(np.arange(1, 1001, dtype=np.int64), vectors)
    query = _normalised(1, 128, seed=3)[0]

    exact = vectors @ query
    scores = index.scores(query)

    assert scores.shape == (1000,)
    assert np.abs(scores - exact).max() < 1e-3
    # Neighbours in the float32 ranking further apart than the rounding error keep their order.
    order = np.argsort(-exact)[:20]
    apart = -np.diff(exact[order]) > 2e-3
    assert apart.sum() >= 5  # the check below is not empty
    assert (np.diff(scores[order])[apart] < 0).all()


def test_the_matrix_takes_two_bytes_a_value_and_replacements_land_in_place():
    index = VectorIndex(64)
    index.reserve(3)
    index.upsert(np.array([10, 20, 30], dtype=np.int64), _normalised(3, 64, seed=4))
    replacement = _normalised(1, 64, seed=5)

    index.upsert(np.array([20], dtype=np.int64), replacement)

    assert index.matrix.dtype == np.uint16 and index.matrix.nbytes == 3 * 64 * 2
    assert np.allclose(index.vectors()[index.rows_for([20])[0]], replacement[0], atol=0.01)
    assert index.size == 3


@pytest.mark.parametrize("threads", [2, 3])
def test_scores_split_over_threads_equal_one_thread(monkeypatch, settings, threads):
    monkeypatch.setattr(vector_index, "_BLOCK_ROWS", 64)
    monkeypatch.setattr(vector_index, "_ROWS_PER_THREAD", 100)  # 1,000 rows: every thread gets a part
    vectors = _normalised(1000, 128, seed=4)
    index = VectorIndex(128)
    index.upsert(np.arange(1, 1001, dtype=np.int64), vectors)
    query = _normalised(1, 128, seed=5)[0]
    settings.SEARCH_SCORING_THREADS = 1
    one = index.scores(query)

    settings.SEARCH_SCORING_THREADS = threads
    split = index.scores(query)

    assert np.array_equal(split, one) and np.abs(one - vectors @ query).max() < 1e-3

"""Flagging rows that look like a listing already on the site.

Two texts are "near-identical" when the Jaccard similarity of their word sets
is at least 0.9. Comparing every row with every listing would be quadratic, so
candidates come from prefix filtering: with all word sets sorted by one global
order (rarest words first), two sets can only reach the threshold if their
first ``n - ceil(t·n) + 1`` words share at least one word. The result is exact,
not an approximation.
"""

import html
import math
import re
from collections import defaultdict

from django.utils.html import strip_tags

THRESHOLD = 0.9
_WORD = re.compile(r"\w+")


def words(*texts):
    text = " ".join(html.unescape(strip_tags(text or "")) for text in texts)
    return frozenset(_WORD.findall(text.casefold()))


def listing_text(kind, values):
    """The texts compared for a kind: a technology's title and summary, else title and description."""
    if kind == "technology":
        return values.get("title", ""), values.get("summary", "")
    if kind == "expert":
        return values.get("full_name", ""), values.get("title", ""), values.get("description", "")
    return values.get("title", ""), values.get("description", "")


def _prefix_length(size, threshold):
    return size - math.ceil(threshold * size - 1e-9) + 1


class DuplicateFinder:
    def __init__(self, candidates, threshold=THRESHOLD):
        """``candidates``: (pk, title, word set) of the listings rows are compared with."""
        self.threshold = threshold
        self.sets = {}
        self.titles = {}
        frequency = defaultdict(int)
        for pk, title, word_set in candidates:
            if not word_set:
                continue
            self.sets[pk] = word_set
            self.titles[pk] = title
            for word in word_set:
                frequency[word] += 1
        self.frequency = frequency
        self.index = defaultdict(list)
        for pk, word_set in self.sets.items():
            for word in self._prefix(word_set):
                self.index[word].append(pk)

    def _prefix(self, word_set):
        ordered = sorted(word_set, key=lambda word: (self.frequency.get(word, 0), word))
        return ordered[:_prefix_length(len(ordered), self.threshold)]

    def find(self, word_set, exclude_pk=None):
        """(pk, title) of the most similar listing at or above the threshold, or None."""
        if not word_set or not self.sets:
            return None
        best, best_score = None, 0.0
        seen = set()
        for word in self._prefix(word_set):
            for pk in self.index.get(word, ()):
                if pk in seen or pk == exclude_pk:
                    continue
                seen.add(pk)
                other = self.sets[pk]
                score = len(word_set & other) / len(word_set | other)
                if score >= self.threshold and score > best_score:
                    best, best_score = pk, score
        return (best, self.titles[best]) if best is not None else None

"""Log-linear model specifications, their design matrices, and the hierarchical model space.

A hierarchical model is written as in Rcapture, ``[123,14,34]`` (list numbers in column order),
or with list names, ``EXH*ABA*OSCE + EXH*HRW + OSCE*HRW``. Main effects are always in. The
closed-population family of Rcapture's ``closedp`` (M0, Mt, Mh and Mth with Chao, Poisson2 or
Darroch heterogeneity) is named by those names.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from inquiry.errors import InvalidInput

__all__ = ["ModelSpec", "parse_model", "hierarchical_models", "capture_patterns", "CLOSEDP_MODELS",
           "closure", "MAX_SEARCH_LISTS"]

Term = tuple[int, ...]
MAX_SEARCH_LISTS = 5

# Rcapture's heterogeneity columns, as functions of the number of lists a person is on (k).
_HETEROGENEITY = {
    "poisson2": ("Poisson2", lambda k: 2.0**k - 1.0),
    "darroch": ("Darroch", lambda k: k.astype(float) ** 2 / 2.0),
    "chao": ("Chao", None),  # Chao's lower bound: piecewise-linear columns, see _chao_columns
}
CLOSEDP_MODELS = ("M0", "Mt", "Mh Chao", "Mh Poisson2", "Mh Darroch", "Mth Chao", "Mth Poisson2", "Mth Darroch")


@functools.lru_cache(maxsize=32)
def capture_patterns(n_lists: int) -> np.ndarray:
    """All 2^J - 1 observable patterns; row ``code - 1`` has bit j of ``code`` in column j (read-only)."""
    codes = np.arange(1, 2**n_lists, dtype=np.int64)
    pats = ((codes[:, None] >> np.arange(n_lists)) & 1).astype(np.int8)
    pats.flags.writeable = False
    return pats


def closure(generators: Sequence[Term], n_lists: int) -> tuple[Term, ...]:
    """Every interaction term (order >= 2) implied by the generators, by order then lexically."""
    terms: set[Term] = set()
    for gen in generators:
        for order in range(2, len(gen) + 1):
            terms.update(itertools.combinations(sorted(gen), order))
    return tuple(sorted(terms, key=lambda t: (len(t), t)))


def _generators(terms: Sequence[Term], n_lists: int) -> list[Term]:
    full = [*((j,) for j in range(n_lists)), *terms]
    masks = [sum(1 << j for j in t) for t in full]
    maximal = [t for t, m in zip(full, masks, strict=True) if not any(o != m and o & m == m for o in masks)]
    return sorted(set(maximal))


def _chao_columns(k: np.ndarray, n_lists: int) -> np.ndarray:
    # log mu is linear in k for k = 0, 1, 2 (which gives Chao's lower bound) and may bend upwards
    # at k = 2, ..., J-1; eta_k >= 0 is the bend at k - 1.
    cols = [np.maximum(0, k - j + 1) for j in range(3, n_lists + 1)]
    return np.column_stack(cols).astype(float) if cols else np.zeros((len(k), 0))


@dataclass(frozen=True)
class ModelSpec:
    """A log-linear model for J lists.

    ``terms`` are the interaction terms of a hierarchical model (0-based list indices), or empty.
    ``capture`` is ``"t"`` for one effect per list or ``"0"`` for a single effect of the number of
    lists (M0/Mh); ``heterogeneity`` one of ``None``, ``"chao"``, ``"poisson2"``, ``"darroch"``.
    """

    n_lists: int
    terms: tuple[Term, ...] = ()
    capture: str = "t"
    heterogeneity: str | None = None
    label: str | None = None  # "Mt" for the independence model when named so

    @property
    def is_hierarchical(self) -> bool:
        return self.capture == "t" and self.heterogeneity is None

    def generators(self) -> list[Term]:
        return _generators(self.terms, self.n_lists)

    def name(self, lists: Sequence[str] | None = None) -> str:
        """Rcapture-style name: ``[123,14,34]``, or ``M0``, ``Mth Chao``..."""
        if self.label:
            return self.label
        if not self.is_hierarchical:
            base = "M0" if self.capture == "0" else "Mt"
            if self.heterogeneity is None:
                return base
            base = "Mh" if self.capture == "0" else "Mth"
            return f"{base} {_HETEROGENEITY[self.heterogeneity][0]}"
        if self.n_lists > 9:
            return self.formula(lists or [f"L{j + 1}" for j in range(self.n_lists)])
        return "[" + ",".join("".join(str(j + 1) for j in g) for g in self.generators()) + "]"

    def formula(self, lists: Sequence[str]) -> str:
        """The model with list names: ``EXH*ABA*OSCE + EXH*HRW + OSCE*HRW``."""
        if not self.is_hierarchical:
            return self.name()
        return " + ".join("*".join(lists[j] for j in g) for g in self.generators())

    def parameter_names(self, lists: Sequence[str]) -> list[str]:
        names = ["(intercept)"]
        if self.capture == "t":
            names += list(lists)
        else:
            names.append("k")
        names += ["*".join(lists[j] for j in t) for t in self.terms]
        if self.heterogeneity == "chao":
            names += [f"eta{j}" for j in range(3, self.n_lists + 1)]
        elif self.heterogeneity:
            names.append(f"eta ({self.heterogeneity})")
        return names

    def design(self, patterns: np.ndarray | None = None) -> np.ndarray:
        """Design matrix for the given patterns (default: all 2^J - 1); the all-zero row is [1, 0...]."""
        pats = capture_patterns(self.n_lists) if patterns is None else np.asarray(patterns)
        k = pats.sum(axis=1).astype(np.int64)
        cols = [np.ones(len(pats))]
        if self.capture == "t":
            cols += [pats[:, j].astype(float) for j in range(self.n_lists)]
        else:
            cols.append(k.astype(float))
        cols += [pats[:, list(t)].prod(axis=1).astype(float) for t in self.terms]
        X = np.column_stack(cols)
        if self.heterogeneity == "chao":
            X = np.hstack([X, _chao_columns(k, self.n_lists)])
        elif self.heterogeneity:
            X = np.hstack([X, _HETEROGENEITY[self.heterogeneity][1](k)[:, None]])
        return X


def _closedp_spec(text: str, n_lists: int) -> ModelSpec | None:
    key = re.sub(r"[\s_\-.]", "", text).lower()
    table = {"m0": ("0", None), "mt": ("t", None)}
    for het in _HETEROGENEITY:
        table[f"mh{het}"] = ("0", het)
        table[f"mth{het}"] = ("t", het)
    if key not in table:
        return None
    capture, het = table[key]
    if key == "mt":
        return ModelSpec(n_lists, (), "t", None, label="Mt")
    if het and n_lists < 3:
        raise InvalidInput("Model {model} needs at least three lists.", field="model", model=text)
    return ModelSpec(n_lists, (), capture, het)


def _lookup_list(name: str, lists: Sequence[str], spec: str) -> int:
    if name in lists:
        return list(lists).index(name)
    folded = [x.casefold() for x in lists]
    if folded.count(name.casefold()) == 1:
        return folded.index(name.casefold())
    raise InvalidInput("Model {model} names list {name}, which is not in the table (lists: {lists}).",
                       field="model", model=spec, name=name, lists=", ".join(lists))


def parse_model(spec: str, lists: Sequence[str]) -> ModelSpec:
    """Parse ``[123,14,34]``, ``EXH*ABA*OSCE + EXH*HRW`` or a closed-population model name."""
    text = spec.strip()
    n = len(lists)
    if not text:
        raise InvalidInput("The model is empty.", field="model")
    if text.casefold() == "independence" and text not in lists:
        return ModelSpec(n)
    closedp = _closedp_spec(text, n) if text not in lists else None
    if closedp is not None:
        return closedp
    generators: list[Term] = []
    numeric = text not in lists and re.fullmatch(r"\[?\s*\d+(\s*,\s*\d+)*\s*\]?", text)
    if numeric:
        if n > 9:
            raise InvalidInput("With more than nine lists, write the model with list names (A*B + C*D).",
                               field="model")
        for token in re.findall(r"\d+", text):
            idx = [int(ch) - 1 for ch in token]
            for i, ch in zip(idx, token, strict=True):
                if not 0 <= i < n:
                    raise InvalidInput("Model {model} names list {number}, but the table has only {n} lists.",
                                       field="model", model=spec, number=ch, n=n)
            if len(set(idx)) != len(idx):
                raise InvalidInput("Term {term} of model {model} repeats a list.", field="model", term=token,
                                   model=spec)
            generators.append(tuple(sorted(idx)))
    elif text == "[]":
        generators = []
    else:
        for part in text.split("+"):
            names = [p.strip() for p in re.split(r"[*:]", part)]
            if any(not p for p in names):
                raise InvalidInput("Model {model} has an empty term; write terms like A*B + C.", field="model",
                                   model=spec)
            idx = [_lookup_list(p, lists, spec) for p in names]
            if len(set(idx)) != len(idx):
                raise InvalidInput("Term {term} of model {model} repeats a list.", field="model",
                                   term=part.strip(), model=spec)
            generators.append(tuple(sorted(idx)))
    if any(len(g) == n for g in generators):
        raise InvalidInput("Model {model} has the {n}-way interaction of all lists, which cannot be estimated: "
                           "it would need the unobserved cell.", field="model", model=spec, n=n)
    return ModelSpec(n, closure(generators, n))


def hierarchical_models(n_lists: int) -> Iterator[ModelSpec]:
    """Every hierarchical model with all main effects and without the J-way term.

    There are 8 for three lists and 113 for four (as in Rcapture's model search). Built
    order by order: a term may join only if all its sub-terms one order lower are in.
    """
    if n_lists > MAX_SEARCH_LISTS:
        raise InvalidInput("Searching all hierarchical models works for at most {max} lists; this table has {n}. "
                           "Name a model instead.", field="model", max=MAX_SEARCH_LISTS, n=n_lists)

    def extend(order: int, chosen: tuple[Term, ...], previous: set[Term]) -> Iterator[tuple[Term, ...]]:
        if order >= n_lists:
            yield chosen
            return
        candidates = [t for t in itertools.combinations(range(n_lists), order)
                      if all(s in previous for s in itertools.combinations(t, order - 1))]
        for mask in range(1 << len(candidates)):
            picked = tuple(candidates[i] for i in range(len(candidates)) if mask >> i & 1)
            if not picked and order > 2:
                yield chosen
                continue
            yield from extend(order + 1, chosen + picked, set(picked))

    mains = {(j,) for j in range(n_lists)}
    for terms in extend(2, (), mains):
        yield ModelSpec(n_lists, tuple(sorted(terms, key=lambda t: (len(t), t))))

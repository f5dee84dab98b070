"""Measure inquiry.names on the public name-variant test set.

Recall = share of same-group pairs that ``names_match`` accepts; FMR = share of cross-group pairs
(all of them) that it accepts. Compared against naive baselines on lower-cased, punctuation-free
strings (exact equality, Jaro-Winkler). Also measures blocking (``name_keys``) and throughput.

Run: /work/venv/bin/python benchmarks/names_match.py [--no-lang] [--sweep] [--failures]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from inquiry.names import MATCH_THRESHOLD, name_keys, name_similarity, parse_name

DATA = Path(__file__).resolve().parents[1] / "tests" / "names" / "data" / "name_variants.csv"


@dataclass(frozen=True)
class Row:
    group: str
    name: str
    script: str
    lang: str
    source: str

    @property
    def derived(self) -> bool:
        return self.source.startswith("derived:")


def load_rows(path: Path = DATA) -> list[Row]:
    with path.open(encoding="utf-8") as fh:
        return [Row(r["group_id"], r["name"], r["script"], r["lang"], r["source"]) for r in csv.DictReader(fh)]


def _naive(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", "", text)


def jaro_winkler(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(max(len(a), len(b)) // 2 - 1, 0)
    flags_a = [False] * len(a)
    flags_b = [False] * len(b)
    matches = 0
    for i, ca in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not flags_b[j] and b[j] == ca:
                flags_a[i] = flags_b[j] = True
                matches += 1
                break
    if not matches:
        return 0.0
    sa = [c for c, f in zip(a, flags_a, strict=True) if f]
    sb = [c for c, f in zip(b, flags_b, strict=True) if f]
    transpositions = sum(x != y for x, y in zip(sa, sb, strict=True)) / 2
    jaro = (matches / len(a) + matches / len(b) + (matches - transpositions) / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


@dataclass
class Result:
    true_pairs: int
    true_hits: int
    false_pairs: int
    false_hits: int
    misses: list[tuple[str, str, float]]
    false_matches: list[tuple[str, str, float]]

    @property
    def recall(self) -> float:
        return self.true_hits / self.true_pairs if self.true_pairs else 0.0

    @property
    def fmr(self) -> float:
        return self.false_hits / self.false_pairs if self.false_pairs else 0.0


def score_pairs(rows: list[Row], *, use_lang: bool
                ) -> tuple[list[tuple[Row, Row, float]], list[tuple[Row, Row, float]]]:
    """Scores of all same-group pairs and of all cross-group pairs."""
    parsed = [parse_name(r.name, lang=r.lang if use_lang else None) for r in rows]
    same: list[tuple[Row, Row, float]] = []
    cross: list[tuple[Row, Row, float]] = []
    for i, j in itertools.combinations(range(len(rows)), 2):
        s = name_similarity(parsed[i], parsed[j])
        (same if rows[i].group == rows[j].group else cross).append((rows[i], rows[j], s))
    return same, cross


def evaluate(rows: list[Row], *, threshold: float = MATCH_THRESHOLD, use_lang: bool = True,
             scored: tuple[list[tuple[Row, Row, float]], list[tuple[Row, Row, float]]] | None = None) -> Result:
    same, cross = scored or score_pairs(rows, use_lang=use_lang)
    res = Result(len(same), 0, len(cross), 0, [], [])
    for a, b, s in same:
        if s >= threshold:
            res.true_hits += 1
        else:
            res.misses.append((a.name, b.name, s))
    for a, b, s in cross:
        if s >= threshold:
            res.false_hits += 1
            res.false_matches.append((a.name, b.name, s))
    return res


def baseline(rows: list[Row], score, threshold: float) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    keys = [_naive(r.name) for r in rows]
    tp = th = fp = fh = 0
    for i, j in itertools.combinations(range(len(rows)), 2):
        hit = score(keys[i], keys[j]) >= threshold
        if rows[i].group == rows[j].group:
            tp += 1
            th += hit
        else:
            fp += 1
            fh += hit
    return th / tp, fh / fp


def blocking(rows: list[Row], *, use_lang: bool) -> tuple[float, int, int]:
    keys = [name_keys(r.name, lang=r.lang if use_lang else None) for r in rows]
    tp = th = cross_shared = 0
    for i, j in itertools.combinations(range(len(rows)), 2):
        shared = bool(keys[i] & keys[j])
        if rows[i].group == rows[j].group:
            tp += 1
            th += shared
        else:
            cross_shared += shared
    total = len(rows) * (len(rows) - 1) // 2
    return th / tp, cross_shared, total


def throughput(n: int = 20000) -> float:
    from inquiry.names import hangul, latin, parse, surnames

    caches = [parse._parse_cached, latin.latin_key, latin._fold_token, surnames.clusters_for_latin,
              surnames.clusters_for_hangul, hangul.hangul_key]

    surnames = ["Kim", "Ri", "Pak", "Choe", "Jong", "Kang", "Jo", "Yun", "Jang", "Han", "O", "Hwang", "So", "Sin"]
    syllables = ["yong", "chol", "song", "il", "nam", "ho", "su", "jin", "hui", "gwang", "hyok", "myong", "sun",
                 "ok", "chun", "guk", "thae", "won", "hak", "bok"]
    hangul_sur = ["김", "리", "박", "최", "정", "강", "조", "윤", "장", "한"]
    hangul_syl = [chr(0xAC00 + k * 37) for k in range(300)]
    names = []
    for k in range(n):
        if k % 2:
            a, b, c = k % 20, (k // 20) % 20, (k // 400) % 20
            names.append(f"{surnames[k % 14]} {syllables[a].title()} {syllables[b]}{syllables[c]}")
        else:
            names.append(hangul_sur[k % 10] + hangul_syl[k % 300] + hangul_syl[(k // 300) % 300])
    for cache in caches:
        cache.cache_clear()  # cold: every table lookup is recomputed at first use, as in a fresh process
    # CPU time of this process: the benchmark machine is shared, so wall time is noisy.
    start = time.process_time()
    for name in names:
        name_keys(name)
    return n / (time.process_time() - start)


GRID = [round(0.70 + 0.01 * k, 2) for k in range(26)]


def split_half(rows: list[Row], *, use_lang: bool) -> None:
    """Choose the threshold with the best recall at FMR < 1/2000 on one half, report it on the other."""
    groups = sorted({r.group for r in rows})
    halves = [set(groups[0::2]), set(groups[1::2])]
    for k, fit in enumerate(halves):
        fit_rows = [r for r in rows if r.group in fit]
        test_rows = [r for r in rows if r.group not in fit]
        fit_scored = score_pairs(fit_rows, use_lang=use_lang)
        best = max((t for t in GRID if evaluate(fit_rows, threshold=t, scored=fit_scored).fmr < 0.0005),
                   key=lambda t: (evaluate(fit_rows, threshold=t, scored=fit_scored).recall, -t))
        test_scored = score_pairs(test_rows, use_lang=use_lang)
        res = evaluate(test_rows, threshold=best, scored=test_scored)
        default = evaluate(test_rows, threshold=MATCH_THRESHOLD, scored=test_scored)
        print(f"  split {k}: threshold chosen on half A = {best:.2f}; on half B recall {res.recall:.4f} "
              f"FMR {res.fmr:.6f} ({res.false_hits}/{res.false_pairs}); default {MATCH_THRESHOLD} on half B: "
              f"recall {default.recall:.4f} FMR {default.fmr:.6f} ({default.false_hits})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-lang", action="store_true", help="ignore the lang column (language unknown)")
    parser.add_argument("--sweep", action="store_true", help="print recall and FMR over thresholds")
    parser.add_argument("--failures", action="store_true", help="list missed pairs and false matches")
    parser.add_argument("--split", action="store_true",
                        help="pick a threshold on half the groups, measure it on the other half")
    args = parser.parse_args()
    rows = load_rows()
    published = [r for r in rows if not r.derived]
    use_lang = not args.no_lang
    print(f"test set: {len(rows)} names in {len({r.group for r in rows})} groups "
          f"({len(published)} published spellings, {len(rows) - len(published)} derived)")
    start = time.perf_counter()
    scored = score_pairs(rows, use_lang=use_lang)
    elapsed = time.perf_counter() - start
    res = evaluate(rows, use_lang=use_lang, scored=scored)
    pub = evaluate(published, use_lang=use_lang)
    mode = "with lang hints" if use_lang else "language unknown"
    print(f"names_match ({mode}, threshold {MATCH_THRESHOLD}):")
    print(f"  all rows:        recall {res.recall:.4f} ({res.true_hits}/{res.true_pairs}), "
          f"FMR {res.fmr:.6f} ({res.false_hits}/{res.false_pairs})  [{elapsed:.1f} s]")
    print(f"  published only:  recall {pub.recall:.4f} ({pub.true_hits}/{pub.true_pairs}), "
          f"FMR {pub.fmr:.6f} ({pub.false_hits}/{pub.false_pairs})")
    latin = [r for r in rows if r.script == "latin"]
    lat = evaluate(latin, use_lang=use_lang)
    print(f"  latin rows only: recall {lat.recall:.4f} ({lat.true_hits}/{lat.true_pairs}), "
          f"FMR {lat.fmr:.6f} ({lat.false_hits}/{lat.false_pairs})")
    for label, score, thresholds in (("exact (naive fold)", lambda a, b: float(a == b), [1.0]),
                                     ("Jaro-Winkler (naive fold)", jaro_winkler, [0.9, 0.95, 0.98])):
        for t in thresholds:
            rec, fmr = baseline(rows, score, t)
            rec_l, fmr_l = baseline(latin, score, t)
            print(f"  baseline {label} >= {t}: all rows recall {rec:.4f} FMR {fmr:.6f}; "
                  f"latin rows only recall {rec_l:.4f} FMR {fmr_l:.6f}")
    rec_b, shared, total = blocking(rows, use_lang=use_lang)
    print(f"blocking (name_keys): true pairs sharing a key {rec_b:.4f}; cross pairs sharing a key "
          f"{shared}/{total} ({shared / total:.4%} of all pairs)")
    print(f"throughput parse+keys (latin/hangul, cold caches, CPU time): {throughput():,.0f} names/s")
    if args.sweep:
        for t in (0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9):
            r = evaluate(rows, threshold=t, use_lang=use_lang, scored=scored)
            print(f"  threshold {t:.2f}: recall {r.recall:.4f} FMR {r.fmr:.6f} ({r.false_hits})")
    if args.split:
        split_half(rows, use_lang=use_lang)
    if args.failures:
        print("missed same-name pairs:")
        for a, b, s in sorted(res.misses, key=lambda m: m[2]):
            print(f"  {s:.3f}  {a}  |  {b}")
        print("false matches:")
        for a, b, s in sorted(res.false_matches, key=lambda m: -m[2]):
            print(f"  {s:.3f}  {a}  |  {b}")


if __name__ == "__main__":
    main()

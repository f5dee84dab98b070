"""The Fellegi-Sunter model: comparisons, prior parameters and blocking rules for Splink.

Each comparison is written as plain SQL over the feature table so that DuckDB and Spark run the
same model. Every level carries a prior m and u probability. Those priors make a usable model on
their own (a list of a dozen records cannot train anything); on a list large enough, u is
re-estimated from random pairs and m by expectation maximisation, and the priors are only the
starting point.
"""

from __future__ import annotations

from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator, block_on
from splink.blocking_rule_library import CustomRule

__all__ = ["build_settings", "name_key_blocking_sql", "prediction_blocking_rules", "training_blocking_rules",
           "COMPARISON_NAMES"]

COMPARISON_NAMES = (
    "name", "birth_date", "sex", "places", "facility", "nationality", "relatives", "source",
)
_DAYS_1Y = 366
_DAYS_2Y = 731
_DAYS_5Y = 1827
_DAYS_10Y = 3653


def _level(sql: str, label: str, m: float | None = None, u: float | None = None, *, null: bool = False,
           **extra: Any) -> dict[str, Any]:
    level: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if null:
        level["is_null_level"] = True
    else:
        level["m_probability"] = m
        level["u_probability"] = u
    level.update(extra)
    return level


def _name_comparison(*, term_frequencies: bool) -> cl.CustomComparison:
    exact = cll.ExactMatchLevel("name_canon").configure(
        label_for_charts="same canonical name", m_probability=0.55, u_probability=0.002)
    form = cll.ArrayIntersectLevel("name_forms", 1).configure(
        label_for_charts="a canonical form in common", m_probability=0.25, u_probability=0.001)
    close = cll.And(cll.ArrayIntersectLevel("name_keys", 1), cll.JaroWinklerLevel("name_canon", 0.92)).configure(
        label_for_charts="a name key in common and close spelling", m_probability=0.08, u_probability=0.001)
    if term_frequencies:
        # Kim Yong Chol agreeing is weaker evidence than a rare name agreeing. The same holds when
        # two spellings of the name agree only in part (Young Chul and Yong Chol): the commoner of
        # the two canonical spellings sets the adjustment.
        tf = {"tf_adjustment_column": "name_canon", "tf_adjustment_weight": 1.0}
        exact, form, close = exact.configure(**tf), form.configure(**tf), close.configure(**tf)
    return cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("name_canon").configure(label_for_charts="name unknown"),
            exact,
            form,
            close,
            cll.ArrayIntersectLevel("name_keys", 1).configure(
                label_for_charts="a name key in common", m_probability=0.06, u_probability=0.003),
            cll.JaroWinklerLevel("name_canon", 0.9).configure(
                label_for_charts="similar spelling (Jaro-Winkler >= 0.9)", m_probability=0.05, u_probability=0.01),
            cll.ElseLevel().configure(label_for_charts="different names", m_probability=0.03, u_probability=0.9835),
        ],
    )


def _birth_date_comparison(*, term_frequencies: bool) -> cl.CustomComparison:
    # Dates are intervals (EDTF bounds as day numbers); "1960" and "1959/1961" overlap.
    overlap = "birth_lo_l <= birth_hi_r AND birth_lo_r <= birth_hi_l"
    narrow = f"birth_hi_l - birth_lo_l <= {_DAYS_1Y} AND birth_hi_r - birth_lo_r <= {_DAYS_1Y}"

    def apart(days: int) -> str:
        return f"birth_lo_l - birth_hi_r <= {days} AND birth_lo_r - birth_hi_l <= {days}"

    exact_date = cll.ExactMatchLevel("birth_key").configure(
        label_for_charts="same date at the same precision", m_probability=0.3, u_probability=0.002)
    return cl.CustomComparison(
        output_column_name="birth_date",
        comparison_levels=[
            _level("birth_key_l IS NULL OR birth_key_r IS NULL", "birth date unknown", null=True),
            # An exact-match level on purpose: training blocked on it can then correct the share
            # of matches for the blocking (Splink only knows how to reverse exact-match levels).
            # The same day (1960-05-03) is shared by one person in 25,000, the same year by one
            # in 70: a level of its own, or its weight is averaged away among same-year pairs.
            _level("birth_key_l = birth_key_r AND birth_hi_l = birth_lo_l", "same day", 0.1, 0.0001),
            # The same birthday one or two years apart: years slip (age reckoned the Korean way, a
            # lunar date, a clerk's arithmetic) while the day and month stay.
            _level(f"birth_md_l = birth_md_r AND {apart(_DAYS_2Y)}", "same day and month, years within two",
                   0.03, 0.00002),
            exact_date,
            # Same first day, both known to the month or day. The level also makes birth_day a
            # column of this comparison, so EM blocked on birth_day does not train (and bias) it.
            _level("birth_day_l = birth_day_r", "same day or month", 0.05, 0.0005),
            _level(f"birth_month_l = birth_month_r AND {apart(_DAYS_2Y)}", "same month, years within two",
                   0.05, 0.005),
            _level(f"{overlap} AND {narrow}", "overlapping, both known to the year", 0.3, 0.0115),
            _level(overlap, "uncertainty intervals overlap", 0.15, 0.02),
            _level(apart(_DAYS_1Y), "within a year", 0.1, 0.03),
            _level(apart(_DAYS_2Y), "within two years", 0.06, 0.03),
            _level(apart(_DAYS_5Y), "within five years", 0.03, 0.1),
            _level(apart(_DAYS_10Y), "within ten years", 0.007, 0.15),
            _level("ELSE", "more than ten years apart", 0.003, 0.6578),
        ],
    )


def _exact(column: str, output: str, label: str, m: float, u: float) -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name=output,
        comparison_levels=[
            _level(f"{column}_l IS NULL OR {column}_r IS NULL", f"{label} unknown", null=True),
            _level(f"{column}_l = {column}_r", f"same {label}", m, u),
            _level("ELSE", f"different {label}", 1 - m, 1 - u),
        ],
    )


def _places_comparison(*, term_frequencies: bool) -> cl.CustomComparison:
    # Birth place and last-seen place are one comparison, not two: they are often the same place
    # (people are arrested where they live), and two comparisons would count that agreement twice.
    birth, seen = "birth_place_l = birth_place_r", "last_seen_place_l = last_seen_place_r"
    tf = {"tf_adjustment_column": "birth_place", "tf_adjustment_weight": 1.0} if term_frequencies else {}
    province = ("birth_province_l = birth_province_r OR last_seen_province_l = last_seen_province_r")
    return cl.CustomComparison(
        output_column_name="places",
        comparison_levels=[
            _level("(birth_place_l IS NULL OR birth_place_r IS NULL) AND "
                   "(last_seen_place_l IS NULL OR last_seen_place_r IS NULL)", "places unknown", null=True),
            _level(f"{birth} AND {seen}", "same birth place and same last-seen place", 0.3, 0.003, **tf),
            # Term frequencies: agreeing on Pyongyang's central district says less than on a small county.
            _level(birth, "same birth place", 0.4, 0.01, **tf),
            _level(seen, "same last-seen place", 0.15, 0.01),
            _level(province, "a place in the same province", 0.1, 0.1),
            _level("ELSE", "different places", 0.05, 0.877),
        ],
    )


def _relatives_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="relatives",
        comparison_levels=[
            _level("relative_forms_l IS NULL OR relative_forms_r IS NULL", "relatives unknown", null=True),
            cll.ArrayIntersectLevel("relative_forms", 1).configure(
                label_for_charts="a relative in common", m_probability=0.6, u_probability=0.002),
            _level("ELSE", "no relative in common", 0.4, 0.998),
        ],
    )


def _source_comparison() -> cl.CustomComparison:
    # A list seldom names the same person twice; same-list pairs get a negative weight. It is a
    # comparison, not a blocking rule, so a genuine duplicate inside one list can still link.
    return cl.CustomComparison(
        output_column_name="source",
        comparison_levels=[
            _level("source_l IS NULL OR source_r IS NULL", "source list unknown", null=True),
            _level("source_l = source_r", "same source list", 0.02, 0.1),
            _level("ELSE", "different source lists", 0.98, 0.9),
        ],
    )


def build_settings(*, n_records: int, term_frequencies: bool) -> SettingsCreator:
    comparisons = [
        _name_comparison(term_frequencies=term_frequencies),
        _birth_date_comparison(term_frequencies=term_frequencies),
        _exact("sex", "sex", "sex", 0.97, 0.5),
        _places_comparison(term_frequencies=term_frequencies),
        _exact("facility", "facility", "facility", 0.7, 0.12),
        _exact("nationality", "nationality", "nationality", 0.97, 0.85),
        _relatives_comparison(),
        _source_comparison(),
    ]
    # Before training: about one other record per person in a list of n.
    prior = min(0.5, 1.0 / max(n_records - 1, 1))
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=prediction_blocking_rules(),
        probability_two_random_records_match=prior,
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
        additional_columns_to_retain=[],
    )


def _years_within(years: int) -> str:
    return (f"l.block_year_lo - r.block_year_hi <= {years} AND r.block_year_lo - l.block_year_hi <= {years}")


def name_key_blocking_sql() -> str:
    """Which pairs sharing a name key are compared, by the key's tier (see build_feature_table).

    True pairs' birth years differ by at most two in nearly every list (each entry slips by up to
    two years, so by up to four between two entries, rarely); a pair that shares a common name and
    nothing else cannot be told from a homonym at any size worth blocking for. So:

    - a rare key ("r:", at most RARE_KEY_FREQUENCY records) compares every pair;
    - a key of moderate frequency ("m:") compares pairs whose birth years are within two, or one
      of them undated; the key with the birth place ("q:") pairs with birth years within four;
    - a very common key is split by year ("c:KEY|1960": birth years within two by construction),
      by birth place ("p:": undated or within four years) and by last-seen place ("s:": undated).

    At 1,000,000 synthetic records this compares about half the pairs of the third round's
    blocking (whole keys up to 1,000 records, years beyond) and more of the true pairs: pair
    completeness 0.947 instead of 0.891 (docs/benchmarks/linkage.md, fourth round). Very common keys are never joined whole: the
    join alone would enumerate most of a billion pairs.
    """
    undated = "(l.block_year_lo IS NULL OR r.block_year_lo IS NULL)"
    tier = "substr(l.block_keys, 1, 2)"
    return (
        "l.block_keys = r.block_keys AND ("
        f"{tier} IN ('r:', 'c:')"
        f" OR ({tier} = 'm:' AND ({undated} OR ({_years_within(2)})))"
        f" OR ({tier} IN ('q:', 'p:') AND ({undated} OR ({_years_within(4)})))"
        f" OR ({tier} = 's:' AND {undated})"
        ")"
    )


def prediction_blocking_rules() -> list[Any]:
    return [
        # A name key in common, narrowed by the key's frequency (name_key_blocking_sql). First:
        # Splink's exploded join then carries only the keys and two integers per row; after the
        # surname rules it would also carry the columns of their exclusion (surname, birth place),
        # and at 1,000,000 records that ran out of DuckDB's 4 GB.
        CustomRule(name_key_blocking_sql(), arrays_to_explode=["block_keys"]),
        # Names whose keys disagree (typos, ambiguous syllable splits such as Jungi = Jun-gi or
        # Jung-i) still meet when the surname and the birth day, or surname, year and birth place agree.
        block_on("surname", "birth_day"),
        block_on("surname", "birth_year", "birth_place"),
    ]


def training_blocking_rules() -> list[Any]:
    """Blocking rules of the EM sessions, in order.

    The rules keep pairs whose two EM classes are matches and non-matches and not, say, "same
    place" and "different place": mostly matches, or (for the name) non-matches that differ in
    the compared field. Comparisons whose columns a rule uses are not trained in that session.
    """
    return [
        # Same name, date and birth place: trains sex, facility, nationality, relatives, source.
        block_on("name_canon", "birth_key", "birth_place"),
        # Same name and birth place: trains the birth date. (Adding the last-seen place keeps only
        # the lists that record it, whose date styles then dominate and bias the date levels.)
        block_on("name_canon", "birth_place"),
        # Same birth date (at the same precision) and birth place: trains the name. Its non-matches
        # have different names, so EM still separates them, and every list dated to the year
        # takes part; blocking on the birth day kept only full-date lists, whose name styles then
        # taught the name weights (a shared key with a close spelling got 3.7 bits, not ~8).
        block_on("birth_key", "birth_place"),
        # Same name and birth day: trains the places.
        block_on("name_canon", "birth_day"),
    ]

"""Multiple systems estimation (pure library): how many people did no list see?

Log-linear models as in Rcapture (this package), Bayesian model averaging over decomposable
graphs (``inquiry.estimate.dga``) and the latent-class model LCMCR (``inquiry.estimate.lcmcr``).
"""

from inquiry.estimate.loglinear import LoglinearFit, closedp, fit_loglinear, loglinear_estimate, search_models
from inquiry.estimate.models import ModelSpec, hierarchical_models, parse_model
from inquiry.estimate.result import EstimateResult
from inquiry.estimate.run import estimate_table
from inquiry.estimate.strata import combine_strata
from inquiry.estimate.table import OverlapTable, read_overlap_table, table_from_arrays, table_from_clusters

__all__ = [
    "EstimateResult",
    "LoglinearFit",
    "ModelSpec",
    "OverlapTable",
    "closedp",
    "combine_strata",
    "estimate_table",
    "fit_loglinear",
    "hierarchical_models",
    "loglinear_estimate",
    "parse_model",
    "read_overlap_table",
    "search_models",
    "table_from_arrays",
    "table_from_clusters",
]

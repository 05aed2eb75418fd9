"""One BLAS thread for the models' searches.

The purchase and spend models' optimiser (scipy's L-BFGS-B) and likelihoods do linear algebra on
a handful of parameters or one long vector, where OpenBLAS's threads cost more than they save:
on two cores its threads took most of each L-BFGS-B iteration's CPU (bench/RESULTS.md).
threadpoolctl sets the thread count of the BLAS libraries numpy and scipy load, for the length
of a ``with`` block. The count is the process's: two sessions fitting at once may leave BLAS on
one thread, which only slows large matrix products, and the app does none.
"""

from __future__ import annotations

import scipy.optimize  # noqa: F401  (loads scipy's BLAS before the controller lists libraries)
from threadpoolctl import ThreadpoolController

_CONTROLLER = ThreadpoolController()


def one_thread():
    """A context manager in which BLAS runs on one thread (restored afterwards)."""
    return _CONTROLLER.limit(limits=1, user_api="blas")

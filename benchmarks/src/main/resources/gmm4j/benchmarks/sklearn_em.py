"""Times scikit-learn's GaussianMixture for the gmm4j comparison harness (gmm4j.benchmarks.Comparison).

usage: sklearn_em.py iterations DATA START n d k types rounds
           -> "RESULT type seconds_1 seconds_11 n_iter_1 n_iter_11" per type: after a warm-up, the medians over
              `rounds` alternating 1- and 11-iteration fits
       sklearn_em.py onefit DATA n d k                   -> "ONEFIT seconds n_iter" (defaults, n_init=1)
DATA and START are little-endian float64 files: the rows (n x d, row-major); weights (k), means (k x d), covariance (d x d).
"""
import statistics
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

warnings.simplefilter("ignore", ConvergenceWarning)


def precisions(kind, covariance, k):
    """The start for each covariance type, derived from the shared covariance as gmm4j does."""
    if kind == "full":
        return np.repeat(np.linalg.inv(covariance)[None, :, :], k, axis=0)
    if kind == "tied":
        return np.linalg.inv(covariance)
    if kind == "diag":
        return np.repeat((1.0 / np.diag(covariance))[None, :], k, axis=0)
    return np.full(k, 1.0 / np.mean(np.diag(covariance)))


def timed_fit(X, kind, weights, means, covariance, iterations):
    # random_from_data keeps the (unused) initial responsibilities cheap; the explicit
    # weights, means and precisions below replace what they would give.
    model = GaussianMixture(n_components=len(weights), covariance_type=kind, weights_init=weights,
                            means_init=means, precisions_init=precisions(kind, covariance, len(weights)),
                            init_params="random_from_data", max_iter=iterations, tol=0.0, random_state=0)
    start = time.perf_counter()
    model.fit(X)
    return time.perf_counter() - start, model.n_iter_


def main(argv):
    print("VERSION scikit-learn %s, numpy %s" % (sklearn.__version__, np.__version__), flush=True)
    if argv[1] == "onefit":
        n, d, k = int(argv[3]), int(argv[4]), int(argv[5])
        X = np.fromfile(argv[2], dtype="<f8").reshape(n, d)
        model = GaussianMixture(n_components=k, covariance_type="full", n_init=1, random_state=0)
        start = time.perf_counter()
        model.fit(X)
        print("ONEFIT %.6f %d" % (time.perf_counter() - start, model.n_iter_), flush=True)
        return
    n, d, k = int(argv[4]), int(argv[5]), int(argv[6])
    X = np.fromfile(argv[2], dtype="<f8").reshape(n, d)
    s = np.fromfile(argv[3], dtype="<f8")
    weights, means, covariance = s[:k], s[k:k + k * d].reshape(k, d), s[k + k * d:].reshape(d, d)
    for kind in argv[7].split(","):
        try:
            timed_fit(X, kind, weights, means, covariance, 1)  # warm-up
            short, long = [], []
            for _ in range(int(argv[8])):
                t1, n1 = timed_fit(X, kind, weights, means, covariance, 1)
                t11, n11 = timed_fit(X, kind, weights, means, covariance, 11)
                short.append(t1)
                long.append(t11)
            print("RESULT %s %.6f %.6f %d %d" % (kind, statistics.median(short), statistics.median(long), n1, n11),
                  flush=True)
        except Exception as e:  # report, do not abort the other types
            print("FAILED %s %s" % (kind, str(e).replace("\n", " ")), flush=True)


if __name__ == "__main__":
    main(sys.argv)

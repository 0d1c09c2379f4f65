# Times R mclust's EM for the gmm4j comparison harness (gmm4j.benchmarks.Comparison).
# usage: Rscript mclust_em.R DATA START n d k models rounds
#   -> "RESULT model seconds_1 seconds_11 iter_1 iter_11" per model: after a warm-up, the medians over `rounds`
#      alternating 1- and 11-iteration fits
# DATA and START are little-endian float64 files: the rows (n x d, row-major); weights (k), means (k x d), covariance (d x d).
# mclust's me() starts with an M-step from responsibilities z: we give it the responsibilities of the fixed
# start (shared covariance), computed before the clock starts.
suppressPackageStartupMessages(library(mclust))
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[3]); d <- as.integer(args[4]); k <- as.integer(args[5])
X <- matrix(readBin(args[1], "double", n * d, size = 8, endian = "little"), nrow = n, ncol = d, byrow = TRUE)
s <- readBin(args[2], "double", k + k * d + d * d, size = 8, endian = "little")
weights <- s[1:k]
means <- matrix(s[(k + 1):(k + k * d)], nrow = k, ncol = d, byrow = TRUE)
covariance <- matrix(s[(k + k * d + 1):(k + k * d + d * d)], nrow = d, ncol = d, byrow = TRUE)
cat(sprintf("VERSION mclust %s, R %s\n", as.character(packageVersion("mclust")), paste(R.version$major, R.version$minor, sep = ".")))

logp <- sapply(1:k, function(c) log(weights[c]) - 0.5 * mahalanobis(X, means[c, ], covariance))
z <- exp(logp - apply(logp, 1, max))
z <- z / rowSums(z)

timed <- function(model, iterations) {
  start <- proc.time()[["elapsed"]]
  # tol 0 (negative is refused): stop only on an exactly unchanged likelihood; the iterations run are reported
  fit <- me(data = X, modelName = model, z = z, control = emControl(tol = c(0, sqrt(.Machine$double.eps)), itmax = c(iterations, .Machine$integer.max)), warn = FALSE)
  elapsed <- proc.time()[["elapsed"]] - start
  info <- attr(fit, "info")
  # info[1] is the iterations run, negated when the limit was reached
  c(elapsed, if (is.null(info)) -1 else abs(info[[1]]))
}

for (model in strsplit(args[6], ",")[[1]]) {
  result <- tryCatch({
    timed(model, 1)  # warm-up
    runs <- lapply(seq_len(as.integer(args[7])), function(r) rbind(timed(model, 1), timed(model, 11)))
    a <- runs[[1]][1, ]
    b <- runs[[1]][2, ]
    sprintf("RESULT %s %.6f %.6f %d %d", model, median(sapply(runs, function(t) t[1, 1])),
            median(sapply(runs, function(t) t[2, 1])), as.integer(a[2]), as.integer(b[2]))
  }, error = function(e) sprintf("FAILED %s %s", model, gsub("\n", " ", conditionMessage(e))))
  cat(result, "\n", sep = "")
}

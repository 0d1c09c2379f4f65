# Reference EM trajectories of R mclust's 14 covariance models for gmm4j's tests
# (core/src/test/java/gmm4j/MclustTrajectoryTest.java).
#
#   Rscript core/src/test/resources/mclust/make-reference.R   (from the repository root; Debian: r-cran-mclust)
#
# For iris (4 numeric columns) and faithful, each model and G = 2, 3: the hard labels of
# hclass(hc(data), G) as z, mclust's M-step from them (the start gmm4j is given), and for t = 1..T+1
# me(modelName, data, z) stopped after t iterations: its log-likelihood after t iterations (the
# trajectory) and its parameters after T+1 (the parameters after T iterations from the start).
# The outer tolerance 0 makes me() run exactly t iterations; the inner iterations of the iterative
# M-steps (VEI, VEV, VEE, EVE, VVE) run to their fixed point (tolerance 0, at most 1000), as gmm4j's do.
suppressPackageStartupMessages(library(mclust))

iterations <- 10
models <- c("EII", "VII", "EEI", "VEI", "EVI", "VVI", "EEE", "VEE", "EVE", "VVE", "EEV", "VEV", "EVV", "VVV")
control <- function(t) emControl(tol = c(0, 0), itmax = c(t, 1000))
source("core/src/test/resources/mclust/json-helpers.R")

cases <- character(0)
for (set in c("iris", "faithful")) {
  data <- numeric_data(set)
  d <- ncol(data)
  for (G in 2:3) {
    labels <- as.vector(hclass(hc(data), G))
    z <- unmap(labels)
    for (model in models) {
      start <- mstep(modelName = model, data = data, z = z, control = control(1))
      loglik <- numeric(0)
      for (t in 1:(iterations + 1)) {
        fit <- me(modelName = model, data = data, z = z, control = control(t))
        loglik <- c(loglik, fit$loglik)
      }
      if (any(is.na(loglik))) stop(paste(set, model, G, "failed"))
      cases <- c(cases, sprintf(
        '{"data": "%s", "model": "%s", "G": %d, "labels": %s, "parameters": %d, "start": %s, "loglik": %s, "after": %s}',
        set, model, G, paste0("[", paste(labels, collapse = ", "), "]"), nMclustParams(model, d, G),
        params(start$parameters, d, G), num(loglik), params(fit$parameters, d, G)))
    }
  }
}
writeLines(c(sprintf('{"mclust": "%s", "iterations": %d, "cases": [', packageVersion("mclust"), iterations),
             paste(cases, collapse = ",\n"), "]}"),
           file.path(here, "mclust", "mclust-reference.json"))

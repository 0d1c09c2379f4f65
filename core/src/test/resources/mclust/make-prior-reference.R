# Reference MAP EM trajectories of R mclust with its default conjugate prior (priorControl()), for
# gmm4j's tests (core/src/test/java/gmm4j/MclustPriorTest.java).
#
#   Rscript core/src/test/resources/mclust/make-prior-reference.R   (from the repository root; Debian: r-cran-mclust)
#
# For iris (4 numeric columns) and faithful, each of the ten models mclust has a prior for and
# G = 2, 3: the hard labels of hclass(hc(data), G) as z, the parameters of me()'s first M-step with
# the prior from them (the start gmm4j is given: mstep() with a prior is not me()'s M-step for every
# model — for EII, EEI, EVI and EEV its Fortran, mse*p, computes otherwise than me's, mee*p), and for t = 1..T+1 me(modelName, data, z, prior = priorControl())
# stopped after t iterations: its log-likelihood after t iterations and its parameters after T+1, as
# make-reference.R does without a prior. Also defaultPrior()'s values for each data set, G and model
# (mean, dof, scale), and one Mclust(iris, G = 3, modelNames = "VVV", prior = priorControl()) fit:
# the z of its hierarchical start, me()'s first M-step from it, its iterations, log-likelihood, BIC and
# parameters.
suppressPackageStartupMessages(library(mclust))

iterations <- 10
models <- c("EII", "VII", "EEI", "VEI", "EVI", "VVI", "EEE", "EEV", "VEV", "VVV")
control <- function(t) emControl(tol = c(0, 0), itmax = c(t, 1000))
source("core/src/test/resources/mclust/json-helpers.R")
read <- numeric_data

cases <- character(0)
priors <- character(0)
for (set in c("iris", "faithful")) {
  data <- read(set)
  d <- ncol(data)
  for (G in 2:3) {
    labels <- as.vector(hclass(hc(data), G))
    z <- unmap(labels)
    for (model in models) {
      p <- defaultPrior(data, G, model)
      priors <- c(priors, sprintf('{"data": "%s", "model": "%s", "G": %d, "shrinkage": %.17g, "mean": %s, "dof": %.17g, "scale": %s}',
        set, model, G, p$shrinkage, num(p$mean), p$dof, num(p$scale)))
      start <- me(modelName = model, data = data, z = z, prior = priorControl(), control = control(1))
      loglik <- numeric(0)
      for (t in 1:(iterations + 1)) {
        fit <- me(modelName = model, data = data, z = z, prior = priorControl(), control = control(t))
        loglik <- c(loglik, fit$loglik)
      }
      if (any(is.na(loglik))) stop(paste(set, model, G, "failed"))
      cases <- c(cases, sprintf(
        '{"data": "%s", "model": "%s", "G": %d, "start": %s, "loglik": %s, "after": %s}',
        set, model, G, params(start$parameters, d, G), num(loglik), params(fit$parameters, d, G)))
    }
  }
}

# Mclust's own fit: its start is hc on the SVD-transformed data (mclust.options("hcUse")).
data <- read("iris")
fit <- Mclust(data, G = 3, modelNames = "VVV", prior = priorControl(), verbose = FALSE)
z0 <- unmap(hclass(attr(fit$BIC, "initialization")$hcPairs, 3))
start <- me(modelName = "VVV", data = data, z = z0, prior = priorControl(), control = control(1))
again <- me(modelName = "VVV", data = data, z = z0, prior = priorControl())
stopifnot(abs(again$loglik - fit$loglik) < 1e-9 * abs(fit$loglik))
mclustFit <- sprintf('{"data": "iris", "model": "VVV", "G": 3, "start": %s, "iterations": %d, "loglik": %.17g, "bic": %.17g, "parameters": %d, "fitted": %s}',
  params(start$parameters, ncol(data), 3), attr(again, "info")[["iterations"]], fit$loglik, fit$bic,
  nMclustParams("VVV", ncol(data), 3), params(fit$parameters, ncol(data), 3))

writeLines(c(sprintf('{"mclust": "%s", "iterations": %d, "cases": [', packageVersion("mclust"), iterations),
             paste(cases, collapse = ",\n"), '], "priors": [', paste(priors, collapse = ",\n"), '],',
             sprintf('"Mclust": %s}', mclustFit)),
           file.path(here, "mclust", "mclust-prior-reference.json"))

# Reference ICL of R mclust for gmm4j's tests (core/src/test/java/gmm4j/MclustIclTest.java).
#
#   Rscript core/src/test/resources/mclust/make-icl-reference.R   (from the repository root; Debian: r-cran-mclust)
#
# For iris (4 numeric columns) and faithful, some models and G = 2, 3: Mclust() fits the model; from
# its parameters, estep() gives the log-likelihood and the posteriors z, and the ICL of those fixed
# parameters is mclust's (Biernacki, Celeux and Govaert, 2000): BIC + 2·Σ_i log z_{i,MAP(i)}, with
# mclust's BIC 2·loglik − npar·log(n) (bigger is better): mclust:::icl.Mclust's formula, on z and the
# log-likelihood of these parameters.
suppressPackageStartupMessages(library(mclust))

models <- c("VVV", "EEE", "VVI", "VII", "EII", "EEI", "EEV")
source("core/src/test/resources/mclust/json-helpers.R")

cases <- character(0)
for (set in c("iris", "faithful")) {
  data <- numeric_data(set)
  n <- nrow(data)
  d <- ncol(data)
  for (G in 2:3) {
    for (model in models) {
      fit <- Mclust(data, G = G, modelNames = model, verbose = FALSE)
      if (is.null(fit)) stop(paste(set, model, G, "failed"))
      e <- estep(data = data, modelName = model, parameters = fit$parameters)
      z <- e$z
      map <- z[cbind(seq_len(n), max.col(z, ties.method = "first"))]
      bic <- bic(model, e$loglik, n, d, G)
      icl <- bic + 2 * sum(log(map))
      # icl(fit) takes z and the log-likelihood from the fit's last E-step, before its last M-step: near these
      stopifnot(isTRUE(all.equal(icl, icl(fit), tolerance = 1e-3)))
      cases <- c(cases, sprintf(
        '{"data": "%s", "model": "%s", "G": %d, "parameters": %d, "fit": %s, "loglik": %.17g, "bic": %.17g, "icl": %.17g}',
        set, model, G, nMclustParams(model, d, G), params(fit$parameters, d, G), e$loglik, bic, icl))
    }
  }
}
writeLines(c(sprintf('{"mclust": "%s", "cases": [', packageVersion("mclust")),
             paste(cases, collapse = ",\n"), "]}"),
           file.path(here, "mclust", "mclust-icl-reference.json"))

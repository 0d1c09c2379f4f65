# Reference fits of R mclust's noise component for gmm4j's tests
# (core/src/test/java/gmm4j/internal/MclustNoiseTest.java).
#
#   Rscript core/src/test/resources/mclust/make-noise-reference.R   (from the repository root; Debian: r-cran-mclust)
#
# hypvol() of three data sets (faithful, iris's 4 numeric columns, faithful with three outlying rows
# appended), with the two volumes it takes the smaller of: the bounding box's and the box of the
# principal components' (princomp scores').
#
# EM with noise from a fixed start: z holds hard labels (faithful: eruptions above 3; iris:
# hclass(hc(iris), G)) and a noise column that is 1 for the outlying rows and every m-th row; the
# start is mclust's M-step of z (its pro has G + 1 entries, the noise last), and
# me(modelName, data, z, Vinv = 1 / hypvol(data)) stopped after t = 1..T+1 iterations gives the
# log-likelihood trajectory and the parameters after T iterations from the start (as in
# make-reference.R). The outer tolerance 0 makes me() run exactly t iterations.
suppressPackageStartupMessages(library(mclust))

iterations <- 10
control <- function(t) emControl(tol = c(0, 0), itmax = c(t, 1000))
source("core/src/test/resources/mclust/json-helpers.R")
outliers <- rbind(c(10, 20), c(0, 150), c(9, 140))

numericColumns <- numeric_data
sets <- list(faithful = numericColumns("faithful"), iris = numericColumns("iris"),
             "faithful+outliers" = rbind(numericColumns("faithful"), outliers))
logvol <- function(x) sum(log(apply(x, 2, function(col) diff(range(col)))))

volumes <- character(0)
for (set in names(sets)) {
  data <- sets[[set]]
  volumes <- c(volumes, sprintf('{"data": "%s", "hypvol": %s, "box": %s, "principal": %s}', set,
                                num(hypvol(data)), num(exp(logvol(data))), num(exp(logvol(princomp(data)$scores)))))
}

cases <- character(0)
for (case in list(list(set = "faithful+outliers", model = "VVV", G = 2, every = 30),
                  list(set = "iris", model = "VVV", G = 2, every = 20),
                  list(set = "iris", model = "VII", G = 3, every = 25))) {
  data <- sets[[case$set]]
  n <- nrow(data)
  d <- ncol(data)
  G <- case$G
  labels <- if (case$set == "iris") as.vector(hclass(hc(data), G)) else ifelse(data[, 1] > 3, 2, 1)
  noise <- seq_len(n) %% case$every == 0
  if (case$set == "faithful+outliers") noise <- noise | seq_len(n) > n - nrow(outliers)
  z <- cbind(unmap(labels), 0)
  z[noise, ] <- 0
  z[noise, G + 1] <- 1
  Vinv <- 1 / hypvol(data)
  start <- mstep(modelName = case$model, data = data, z = z, control = control(1))
  loglik <- numeric(0)
  for (t in 1:(iterations + 1)) {
    fit <- me(modelName = case$model, data = data, z = z, Vinv = Vinv, control = control(t))
    loglik <- c(loglik, fit$loglik)
  }
  if (any(is.na(loglik))) stop(paste(case$set, case$model, G, "failed"))
  cases <- c(cases, sprintf(
    '{"data": "%s", "model": "%s", "G": %d, "labels": %s, "noise": %s, "Vinv": %s, "parameters": %d, "bic": %s, "start": %s, "loglik": %s, "after": %s}',
    case$set, case$model, G, paste0("[", paste(labels, collapse = ", "), "]"),
    paste0("[", paste(tolower(noise), collapse = ", "), "]"), num(Vinv),
    nMclustParams(case$model, d, G, noise = TRUE),
    num(bic(case$model, loglik[iterations + 1], n, d, G, noise = TRUE)),
    params(start$parameters, d, G), num(loglik), params(fit$parameters, d, G)))
}
writeLines(c(sprintf('{"mclust": "%s", "iterations": %d, "outliers": %s, "volumes": [', packageVersion("mclust"),
                     iterations, num(t(outliers))),
             paste(volumes, collapse = ",\n"), "], \"cases\": [", paste(cases, collapse = ",\n"), "]}"),
           file.path(here, "mclust", "mclust-noise-reference.json"))

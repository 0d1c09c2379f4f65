# Reference BIC tables of R mclust for gmm4j's MclustBicTableTest (core/src/test/java/gmm4j).
#
#   Rscript core/src/test/resources/mclust/make-bic-reference.R   (from the repository root; Debian: r-cran-mclust)
#
# For iris (4 numeric columns), faithful and the seed example (2000 rows: no subset, hc on all):
# mclustBIC(x, G = 1:9) over all 14 models, with mclust's
# default start (hc(x, modelName = "VVV", use = "SVD")), no prior, twice:
#   "default": mclust's tolerances, emControl()  (EM stops at |ΔlogL| / (1 + |logL|) < 1e-5)
#   "tight":   emControl(tol = c(1e-12, 1e-14), itmax = c(100000, 1000))  (EM run to convergence, the
#              inner M-step of the iterative models VEI, EVI, VEE, EVE, VVE, VEV, EVV too; "iterations"
#              says how many EM iterations each cell took, negative when it stopped at the cap: on the
#              seed example some cells creep for 5 000 to 15 000 iterations towards a component of one
#              or two rows' mass before they settle)
# Per model, per G = 1..9: the BIC in mclust's sign (2·logL − p·ln n, higher is better) or null
# where mclust's is NA, and the log-likelihood of the same fit: me(model, x, unmap(hclass(hc, G)))
# with the same control (mvn for G = 1), which is what mclustBIC computes per cell (checked against
# mclustBIC itself for the default table; the tight one is computed per cell only, to halve the time),
# and "mass", the smallest component's responsibility mass in rows (min(pro) · n).
# Last, the (G, model) mclust chooses, the largest BIC of the table.
suppressPackageStartupMessages(library(mclust))
source("core/src/test/resources/mclust/json-helpers.R")

nums <- function(x) paste0("[", paste(ifelse(is.na(x), "null", sprintf("%.17g", x)), collapse = ", "), "]")

iterations <- function(out) {
  info <- attr(out, "info")
  if (is.null(info)) NA else as.numeric(info[[1]]) # "iterations", or "niterout" for the iterative models
}

# One table: each cell's fit as mclustBIC makes it (mvn for G = 1, me from hclass(hcPairs, G) else),
# its BIC by mclust's bic(); byCell = FALSE also runs mclustBIC itself and checks the two agree.
table_json <- function(x, hcPairs, control, byCell) {
  models <- mclust.options("emModelNames")
  classes <- hclass(hcPairs, 2:9)
  cells <- lapply(models, function(model) {
    fits <- sapply(1:9, function(G) {
      out <- if (G == 1) mvn(modelName = model, data = x) else
        me(data = x, modelName = model, z = unmap(classes[, as.character(G)]), control = control, warn = FALSE)
      loglik <- if (is.null(out$loglik)) NA else out$loglik
      c(loglik, if (is.na(loglik)) NA else bic(modelName = model, loglik = loglik, n = nrow(x), d = ncol(x), G = G),
        if (G == 1) 1 else iterations(out), if (is.na(loglik)) NA else min(c(out$parameters$pro, 1)) * nrow(x))
    })
    rownames(fits) <- c("loglik", "bic", "iterations", "mass")
    fits
  })
  names(cells) <- models
  table <- sapply(models, function(model) cells[[model]]["bic", ])
  dimnames(table) <- list(1:9, models)
  if (!byCell) {
    reference <- mclustBIC(x, G = 1:9, control = control, initialization = list(hcPairs = hcPairs), verbose = FALSE)
    stopifnot(isTRUE(all.equal(unclass(reference)[, models], table, tolerance = 1e-12, check.attributes = FALSE)))
  }
  best <- which(table == max(table, na.rm = TRUE), arr.ind = TRUE)[1, ]
  json <- sapply(models, function(model) sprintf('"%s": {"bic": %s, "loglik": %s, "iterations": %s, "mass": %s}', model,
    nums(cells[[model]]["bic", ]), nums(cells[[model]]["loglik", ]), nums(cells[[model]]["iterations", ]),
    nums(cells[[model]]["mass", ])))
  sprintf('{"models": {\n      %s},\n    "chosen": {"model": "%s", "G": %d, "bic": %.17g}}',
          paste(json, collapse = ",\n      "), models[best[2]], best[1], max(table, na.rm = TRUE))
}

sets <- sapply(c("iris", "faithful", "seed-example"), function(set) {
  x <- numeric_data(set)
  message(set, " ", Sys.time())
  hcPairs <- hc(x, modelName = mclust.options("hcModelName"), use = mclust.options("hcUse"))
  sprintf('"%s": {\n  "default": %s,\n  "tight": %s}', set,
          table_json(x, hcPairs, emControl(), byCell = FALSE),
          table_json(x, hcPairs, emControl(tol = c(1e-12, 1e-14), itmax = c(100000, 1000)), byCell = TRUE))
})
writeLines(c(sprintf('{"mclust": "%s", "tight": [1e-12, 1e-14], "itmax": 100000, "sets": {', packageVersion("mclust")),
             paste(sets, collapse = ",\n"), "}}"),
           file.path(here, "mclust", "mclust-bic-reference.json"))

# Reference partitions of R mclust's model-based hierarchical agglomeration for gmm4j's tests
# (core/src/test/java/gmm4j/internal/HierarchicalStartTest.java, gmm4j/MclustSelectionTest.java).
#
#   Rscript core/src/test/resources/mclust/make-hc-reference.R   (from the repository root; Debian: r-cran-mclust)
#
# For iris (4 numeric columns), faithful and the seed example (2000 rows): hclass(hc(data), G) for
# G = 1..9 with the start Mclust uses, hc(modelName = mclust.options("hcModelName") (VVV),
# use = mclust.options("hcUse") (SVD)); and with use = "VARS" (the untransformed data) for iris.
# The subset case: mclust's start for data of more than mclust.options("subset") rows is hc on a
# random subset; here the seed example with a subset of 500 rows drawn as Mclust draws it (after
# set.seed(1)), its row numbers (1-based, in R's order) and the partitions of those rows.
# Last, what Mclust(iris) chooses by BIC with its defaults (every model, G = 1..9).
suppressPackageStartupMessages(library(mclust))

here <- "core/src/test/resources"
labels <- function(x) paste0("[", paste(as.vector(x), collapse = ", "), "]")
partitions <- function(data, use) {
  cl <- hclass(hc(data, modelName = mclust.options("hcModelName"), use = use), 1:9)
  paste(sapply(1:9, function(G) labels(cl[, as.character(G)])), collapse = ",\n    ")
}
read <- function(set) {
  data <- read.csv(file.path(here, paste0(set, ".csv")))
  as.matrix(data[, sapply(data, is.numeric)])
}

cases <- character(0)
for (set in c("iris", "faithful", "seed-example")) {
  cases <- c(cases, sprintf('{"data": "%s", "use": "%s", "rows": null, "partitions": [\n    %s]}',
                            set, mclust.options("hcUse"), partitions(read(set), mclust.options("hcUse"))))
}
cases <- c(cases, sprintf('{"data": "iris", "use": "VARS", "rows": null, "partitions": [\n    %s]}',
                          partitions(read("iris"), "VARS")))
seedExample <- read("seed-example")
set.seed(1)
subset <- sample(seq.int(nrow(seedExample)), size = 500, replace = FALSE)
cases <- c(cases, sprintf('{"data": "seed-example", "use": "%s", "rows": %s, "partitions": [\n    %s]}',
                          mclust.options("hcUse"), labels(subset),
                          partitions(seedExample[subset, ], mclust.options("hcUse"))))

fit <- Mclust(read("iris"), verbose = FALSE)
top <- summary(fit$BIC, pick = 3)
selection <- sprintf('{"data": "iris", "model": "%s", "G": %d, "bic": %.17g, "top": [%s]}',
                     fit$modelName, fit$G, fit$bic,
                     paste(sprintf('"%s"', names(top)), collapse = ", "))
writeLines(c(sprintf('{"mclust": "%s", "subset": %d, "cases": [', packageVersion("mclust"), mclust.options("subset")),
             paste(cases, collapse = ",\n"), "],",
             sprintf('"selection": %s}', selection)),
           file.path(here, "mclust", "hc-reference.json"))

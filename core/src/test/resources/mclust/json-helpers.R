# What the make-*-reference.R scripts share: the data sets as numeric matrices, and
# numbers and mclust's parameters as JSON. Sourced from the repository root.
here <- "core/src/test/resources"

# The numeric columns of iris or faithful (core/src/test/resources/<set>.csv).
numeric_data <- function(set) {
  data <- read.csv(file.path(here, paste0(set, ".csv")))
  as.matrix(data[, sapply(data, is.numeric)])
}

num <- function(x) paste0("[", paste(sprintf("%.17g", as.vector(x)), collapse = ", "), "]")
params <- function(p, d, G) {
  # covariances as G row-major d×d matrices, means as G rows
  sigma <- p$variance$sigma
  cov <- unlist(lapply(seq_len(G), function(k) as.vector(t(sigma[, , k]))))
  sprintf('{"weights": %s, "means": %s, "covariances": %s}', num(p$pro), num(p$mean), num(cov))
}

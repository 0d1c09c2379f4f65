# JSON helpers shared by make-reference.R and make-prior-reference.R.
num <- function(x) paste0("[", paste(sprintf("%.17g", as.vector(x)), collapse = ", "), "]")
params <- function(p, d, G) {
  # covariances as G row-major d×d matrices, means as G rows
  sigma <- p$variance$sigma
  cov <- unlist(lapply(seq_len(G), function(k) as.vector(t(sigma[, , k]))))
  sprintf('{"weights": %s, "means": %s, "covariances": %s}', num(p$pro), num(p$mean), num(cov))
}

# The maximum of the competing-risks likelihood on interval-censored data, found by a general-purpose optimiser
# (base R's optim, BFGS), for tests/test_r_references.py: nlsynth.analysis.cuminc's NPMLE must attain it.
# Usage: Rscript tests/r/cuminc_ic_reference.R tests/fixtures/cuminc_ic_input.csv OUT.csv
# Input columns: dataset, lower, upper, cause (1 response, 2 failure: in (lower, upper], a point when lower ==
# upper; 0 censored: no event by lower, upper = Inf).
#
# No EM and no innermost intervals: the mass of each cause may sit on every elementary cell of the time axis (each
# distinct endpoint as a point, and the open stretches between endpoints and after the last), a superset of any
# NPMLE's support. The likelihood is the product over events of the mass of their own cause in their interval,
# times, for a censored episode, the mass of either cause after its last visit (Hudgens, Satten & Longini 2001).
# Masses are a softmax of free parameters, so the optimiser needs no constraints.
args <- commandArgs(trailingOnly = TRUE)
input <- read.csv(args[1])
out <- list()
for (name in unique(input$dataset)) {
  d <- input[input$dataset == name, ]
  d <- d[!(d$cause == 0 & d$lower == 0), ]  # censored at 0: carries no information
  ends <- sort(unique(c(d$lower, d$upper[is.finite(d$upper)])))
  # cells: points (a == b) and open stretches (a, b), b = Inf after the last endpoint
  cells <- rbind(data.frame(a = ends, b = ends),
                 data.frame(a = ends, b = c(ends[-1], Inf)))
  point <- cells$a == cells$b
  holds <- function(lower, upper) {
    # the cells inside (lower, upper], or the point itself when lower == upper
    if (lower == upper) return(point & cells$a == lower)
    ifelse(point, cells$a > lower & cells$a <= upper, cells$a >= lower & cells$b <= upper)
  }
  n_cells <- nrow(cells)
  A <- matrix(0, nrow(d), 2 * n_cells)
  for (i in seq_len(nrow(d))) {
    inside <- as.numeric(holds(d$lower[i], d$upper[i]))
    if (d$cause[i] == 1) A[i, 1:n_cells] <- inside
    if (d$cause[i] == 2) A[i, n_cells + 1:n_cells] <- inside
    if (d$cause[i] == 0) A[i, ] <- c(inside, inside)
  }
  used <- colSums(A) > 0  # a cell no episode can hold gets no mass at the maximum
  A <- A[, used, drop = FALSE]
  masses <- function(theta) { e <- exp(theta - max(theta)); e / sum(e) }
  negloglik <- function(theta) -sum(log(A %*% masses(theta)))
  gradient <- function(theta) {
    p <- masses(theta)
    -(p * colSums(A / as.vector(A %*% p)) - nrow(A) * p)
  }
  theta <- rep(0, ncol(A))
  for (round in 1:20) {  # restart from the optimum until it stops moving
    fit <- optim(theta, negloglik, gradient, method = "BFGS", control = list(maxit = 10000, reltol = 1e-16))
    moved <- abs(fit$value - negloglik(theta))
    theta <- fit$par
    if (round > 1 && moved < 1e-12) break
  }
  out[[name]] <- data.frame(dataset = name, episodes = nrow(d), cells = ncol(A), loglik = sprintf("%.8f", -fit$value))
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE, quote = FALSE)
cat(sprintf("stats %s, %s\n", packageVersion("stats"), R.version.string))

# Reference Weibull fits from R's survival::survreg, for tests/test_r_references.py.
# Usage: Rscript tests/r/survreg_reference.R tests/fixtures/weibull_input.csv OUT.csv
# Input columns: dataset, lower, upper (upper = Inf right-censored; lower == upper exact; lower = 0 left-censored).
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
input <- read.csv(args[1])
out <- list()
for (name in unique(input$dataset)) {
  d <- input[input$dataset == name, ]
  left <- ifelse(d$lower == 0, NA, d$lower)
  right <- ifelse(is.infinite(d$upper), NA, d$upper)
  fit <- survreg(Surv(left, right, type = "interval2") ~ 1, dist = "weibull",
                 control = survreg.control(maxiter = 200, rel.tolerance = 1e-12))
  scale <- exp(unname(coef(fit)[1]))
  shape <- 1 / fit$scale
  out[[name]] <- data.frame(dataset = name, scale = signif(scale, 8), shape = signif(shape, 8),
                            loglik = signif(fit$loglik[1], 8), median = signif(scale * log(2)^(1 / shape), 8))
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE)
cat(sprintf("survival %s, %s\n", packageVersion("survival"), R.version.string))

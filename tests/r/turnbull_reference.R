# Reference Turnbull NPMLE from R's survival package, for tests/test_turnbull_r.py.
# Usage: Rscript tests/r/turnbull_reference.R tests/fixtures/turnbull_input.csv OUT.csv
# Input columns: dataset, lower, upper (upper = Inf for right-censored; lower == upper for exact).
# survival's interval2 coding: L == R exact, R = NA right-censored; intervals are (L, R].
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
input <- read.csv(args[1])
out <- list()
for (name in unique(input$dataset)) {
  d <- input[input$dataset == name, ]
  right <- ifelse(is.infinite(d$upper), NA, d$upper)
  fit <- survfit(Surv(d$lower, right, type = "interval2") ~ 1)
  out[[name]] <- data.frame(dataset = name, time = fit$time, survival = round(fit$surv, 6))
}
result <- do.call(rbind, out)
write.csv(result, args[2], row.names = FALSE)
cat(sprintf("survival %s, %s\n", packageVersion("survival"), R.version.string))

# Reference random-effects pools of proportions from R's metafor, for tests/test_r_references.py.
# Usage: Rscript tests/r/metafor_reference.R tests/fixtures/pool_input.csv OUT.csv
# Input columns: dataset, responders, n. Logit proportions (measure = "PLO", 0.5 added to 0/n and n/n cells),
# Paule-Mandel tau^2, Hartung-Knapp-Sidik-Jonkman test (test = "knha"), prediction interval from predict().
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
input <- read.csv(args[1])
out <- list()
for (name in unique(input$dataset)) {
  d <- input[input$dataset == name, ]
  es <- escalc(measure = "PLO", xi = d$responders, ni = d$n, add = 0.5, to = "only0")
  fit <- rma(yi, vi, data = es, method = "PM", test = "knha")
  p <- predict(fit, transf = transf.ilogit)
  out[[name]] <- data.frame(dataset = name, estimate = round(p$pred, 6), ci_lower = round(p$ci.lb, 6),
                            ci_upper = round(p$ci.ub, 6), pi_lower = round(p$pi.lb, 6), pi_upper = round(p$pi.ub, 6),
                            tau2 = round(fit$tau2, 6))
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE)
cat(sprintf("metafor %s, %s\n", packageVersion("metafor"), R.version.string))

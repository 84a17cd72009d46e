# Reference cumulative incidence from R's cmprsk::cuminc (Aalen-Johansen), for tests/test_r_references.py.
# Usage: Rscript tests/r/cuminc_reference.R tests/fixtures/cuminc_input.csv OUT.csv
# Input columns: dataset, time, status (1 response, 2 failure, 0 censored); every time is exact.
suppressPackageStartupMessages(library(cmprsk))
args <- commandArgs(trailingOnly = TRUE)
input <- read.csv(args[1])
out <- list()
for (name in unique(input$dataset)) {
  d <- input[input$dataset == name, ]
  fit <- cuminc(d$time, d$status, cencode = 0)
  times <- sort(unique(d$time))
  est <- timepoints(fit, times)$est
  out[[name]] <- data.frame(dataset = name, time = times, cause = 1,
                            cif = round(as.numeric(est[grep(" 1$", rownames(est)), ]), 6))
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE)
cat(sprintf("cmprsk %s, %s\n", packageVersion("cmprsk"), R.version.string))

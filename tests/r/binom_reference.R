# Reference exact (Clopper-Pearson) 95% intervals from R's binom.test, for tests/test_r_references.py.
# Usage: Rscript tests/r/binom_reference.R tests/fixtures/binom_input.csv OUT.csv
# Input columns: dataset, responders, n. Output: the interval's ends to 15 significant digits.
args <- commandArgs(trailingOnly = TRUE)
input <- read.csv(args[1])
ends <- t(mapply(function(x, n) binom.test(x, n)$conf.int, input$responders, input$n))
out <- data.frame(dataset = input$dataset, responders = input$responders, n = input$n,
                  ci_lower = sprintf("%.15g", ends[, 1]), ci_upper = sprintf("%.15g", ends[, 2]))
write.csv(out, args[2], row.names = FALSE)
cat(sprintf("%s\n", R.version.string))

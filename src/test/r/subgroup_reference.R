# Tests for subgroup differences when a subgroup's only study has no event in one arm: that subgroup has a
# random-effects estimate (its study's estimate, corrected by 0.5) but no Mantel-Haenszel estimate on the raw counts
# (metafor's rma.mh: a risk ratio of 0). Each test uses the subgroups that have its model's estimate, as
# bench/agreement.R checks them: Q = sum w (b - weighted mean)^2 over the subgroups' estimates b with w = 1 / se^2,
# df = (number of those subgroups) - 1. Engine defaults: RR, 0.5 to studies with a zero cell, REML iterated to 1e-12.
# Run from the project root:  Rscript src/test/r/subgroup_reference.R
suppressPackageStartupMessages({library(metafor); library(jsonlite)})
file <- "reference-extra/data/subgroup_single_study.csv"
d <- read.csv(file.path("src/test/resources", file))
between <- function(b, se) {
  ok <- is.finite(b) & is.finite(se)
  if (sum(ok) < 2) return(NULL)
  fit <- rma(yi = b[ok], sei = se[ok], method = "FE")
  list(Q = fit$QE, df = sum(ok) - 1, p = fit$QEp)
}
re <- lapply(split(d, d$cell_source), function(s) {
  es <- escalc("RR", ai = s$events_msc, n1i = s$n_msc, ci = s$events_control, n2i = s$n_control, add = 0.5,
               to = "only0")
  fit <- rma(yi, vi, data = es, method = "REML", control = list(threshold = 1e-12, maxiter = 1000))
  c(b = c(fit$b), se = fit$se)
})
mh <- lapply(split(d, d$cell_source), function(s) {
  fit <- suppressWarnings(rma.mh(measure = "RR", ai = s$events_msc, n1i = s$n_msc, ci = s$events_control,
                                 n2i = s$n_control, add = 0, to = "none"))
  c(b = c(fit$b), se = fit$se)
})
random <- between(sapply(re, `[`, "b"), sapply(re, `[`, "se"))
common <- between(sapply(mh, `[`, "b"), sapply(mh, `[`, "se"))
writeLines(toJSON(list(generator = paste("metafor", packageVersion("metafor")), input = file, variable = "cell_source",
                       random = random, common = common,
                       common_estimates = lapply(mh, as.list)),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
           "src/test/resources/reference-extra/subgroup_cases.json")

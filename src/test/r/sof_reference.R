# Summary-of-findings rows (GRADE: assumed control risk ACR, risk with MSC and the difference per 1,000) computed
# from metafor's own pooled estimates, for SummaryOfFindingsReferenceTest. ACR is the median control-arm risk of an
# outcome's studies, their pooled risk (all control events / all control participants) where that median is 0, or
# a given value; REML iterated to 1e-12; double-zero studies left out of RR and OR, as the engine by default.
# Risk with MSC: RR x ACR; OR x ACR / (1 - ACR + OR x ACR); ACR + RD; kept within 0 and 1.
# Run from the project root:  Rscript src/test/r/sof_reference.R
suppressPackageStartupMessages({library(metafor); library(jsonlite)})
risk <- function(measure, acr, e) {
  r <- switch(measure, RR = acr * e, OR = acr * e / (1 - acr + acr * e), RD = acr + e)
  pmin(1, pmax(0, r))
}
case <- function(name, file, measure, tau2, control_risk = NULL) {
  d <- read.csv(file.path("src/test/resources", file))
  fit <- rma(measure = measure, ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = d,
             method = tau2, drop00 = measure != "RD", control = list(threshold = 1e-12, maxiter = 1000))
  tr <- if (measure == "RD") identity else exp
  est <- tr(c(fit$b)); lo <- tr(fit$ci.lb); hi <- tr(fit$ci.ub)
  source <- "given"
  acr <- control_risk
  if (is.null(acr)) {
    acr <- median(d$events_control / d$n_control); source <- "median"
    if (acr == 0) { acr <- sum(d$events_control) / sum(d$n_control); source <- "pooled" }
  }
  msc <- 1000 * risk(measure, acr, c(est, lo, hi))
  list(name = name, input = file, measure = measure, tau2 = tau2, control_risk_given = control_risk,
       expected = list(relative = est, relative_ci_lower = lo, relative_ci_upper = hi, control_risk = acr,
                       control_risk_source = source, participants = sum(d$n_msc) + sum(d$n_control),
                       studies = nrow(d), msc_per_1000 = msc[1], msc_per_1000_ci_lower = msc[2],
                       msc_per_1000_ci_upper = msc[3], difference_per_1000 = msc[1] - 1000 * acr,
                       difference_per_1000_ci_lower = msc[2] - 1000 * acr,
                       difference_per_1000_ci_upper = msc[3] - 1000 * acr))
}
cases <- list(
  case("bcg_RR_REML_median", "reference/data/bcg.csv", "RR", "REML"),
  case("bcg_OR_DL_given", "reference/data/bcg.csv", "OR", "DL", control_risk = 0.05),
  case("bcg_RD_DL_median", "reference/data/bcg.csv", "RD", "DL"),
  case("nielweise_RR_REML_median", "reference/data/nielweise2007.csv", "RR", "REML"),
  case("rare_RR_REML_pooled", "reference-extra/data/sof_rare.csv", "RR", "REML"))
writeLines(toJSON(list(generator = paste("metafor", packageVersion("metafor")), cases = cases), auto_unbox = TRUE,
                  digits = NA, pretty = TRUE, null = "null"),
           "src/test/resources/reference-extra/sof_cases.json")

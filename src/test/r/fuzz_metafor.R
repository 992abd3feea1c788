# Differential test against metafor on random sheets: not part of the build (it needs R, metafor and jsonlite).
# Generates SETS random two-arm sheets of 60 outcomes each (2 to 15 trials, event risks from 0.1% to 95%, with and
# without double-zero and all-event trials), runs `analyze --no-report --by none --sensitivity none` over measures
# RR, OR, RD, methods MH and IV, every tau2 estimator, with and without --hksj, and compares every outcome's
# common and random estimates, intervals, p-values, tau2, I2, Q and prediction interval with metafor's
# (rma.mh with drop00 for RR and OR; rma with drop00 for the random model and IV; predict for k >= 3).
# Prints the largest relative difference per setting; metafor is iterated to 1e-12, and its Paule-Mandel root is
# asked for at tol 1e-14: at its default uniroot tolerance (1.2e-4, absolute) the PM tau2 of risk differences, which
# are small numbers, was off by a factor of up to 9 (ours equals metafor's EB, the same estimator, to 1e-12).
#
# Run from the repository root after `mvn -q -B package -DskipTests`:  Rscript src/test/r/fuzz_metafor.R [SETS]
# (TAU2=PM,REML to run some estimators only).
source("src/test/r/fuzz_common.R")

compare <- function(d, res, setting) {
  tk <- tracker(); note <- tk$note
  measure <- setting$measure; method <- setting$method
  tr <- if (measure == "RD") identity else exp
  for (an in res$analyses) {
    if (!is.null(an$subgroup)) next
    s <- d[d$outcome == an$outcome, ]
    f <- tryCatch(suppressWarnings(if (method == "MH")
      rma.mh(ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s, measure = measure,
             drop00 = measure != "RD")
      else rma(ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s, measure = measure,
               method = "EE", drop00 = measure != "RD")), error = function(e) NULL)
    if (!is.null(f) && !is.na(f$beta[1]) && !is.null(an$common$estimate)) {
      note("common.estimate", tr(f$beta[1]), an$common$estimate); note("common.p", f$pval, an$common$p)
      note("common.ci", tr(f$ci.lb), an$common$ci_lower); note("common.ci", tr(f$ci.ub), an$common$ci_upper)
      note("Q", f$QE, an$heterogeneity$Q)
    }
    g <- tryCatch(suppressWarnings(rma(ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s,
                                       measure = measure, method = setting$tau2,
                                       test = if (setting$hksj) "knha" else "z", drop00 = measure != "RD",
                                       control = ctl)), error = function(e) NULL)
    if (is.null(g) || g$k < 2 || is.null(an$random$estimate)) next
    note_random(note, g, an$random, tr)
  }
  tk$worst()
}

run_fuzz(function(set) two_arm_sheet(set, zeros = set %% 2 == 0), grid_of(c("RR", "OR", "RD"), c("MH", "IV")),
         c("--by", "none"), compare)

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

sheet <- function(seed, zeros) {
  set.seed(seed)
  rows <- list()
  for (o in 0:59) {
    k <- sample(c(2, 3, 4, 5, 6, 8, 10, 15), 1); base <- sample(c(0.001, 0.02, 0.05, 0.1, 0.3, 0.6), 1)
    eff <- sample(c(0.3, 0.7, 1, 1.5, 3), 1)
    n1 <- sample(5:200, k, TRUE); n2 <- sample(5:200, k, TRUE)
    p2 <- pmin(0.95, pmax(0.001, base * rlnorm(k, 0, 0.8))); p1 <- pmin(0.97, p2 * eff * rlnorm(k, 0, 0.5))
    a <- rbinom(k, n1, p1); c <- rbinom(k, n2, p2)
    if (!zeros) a[a + c == 0] <- 1
    rows[[o + 1]] <- data.frame(study = sprintf("S%d_%d", o, seq_len(k)), year = 2000 + seq_len(k),
                                outcome = sprintf("O%02d", o), events_msc = a, n_msc = n1, events_control = c,
                                n_control = n2)
  }
  do.call(rbind, rows)
}

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

run_fuzz(function(set) sheet(set, zeros = set %% 2 == 0), grid_of(c("RR", "OR", "RD"), c("MH", "IV")),
         c("--by", "none"), compare)

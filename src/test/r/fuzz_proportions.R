# Differential test of the proportion measures against metafor on random sheets: not part of the build (it needs R,
# metafor and jsonlite). Generates SETS random sheets of 60 outcomes each (1 to 15 trials, single-arm and two-arm,
# incidences from 0.1% to 99%, with and without trials of no events and of all events), runs
# `analyze --no-report --by none --sensitivity none` over PLOGIT, PFT and PRAW, every tau2 estimator, with and without
# --hksj, and compares every outcome's common and random estimates, intervals and p-values on the natural scale, tau2,
# I2, Q and the prediction interval with metafor's: escalc(measure = "PLO" / "PFT" / "PR", add = 1/2, to = "only0"),
# rma(method = "EE") and rma(method = tau2, test = "knha" under --hksj), predict(transf = ...), the logit and the raw
# proportion back-transformed by transf.ilogit and identity, Freeman-Tukey by transf.ipft.hm with the harmonic mean
# of the sample sizes as given (Miller 1978).
# Prints the largest relative difference per setting.
#
# Run from the repository root after `mvn -q -B package -DskipTests`:  Rscript src/test/r/fuzz_proportions.R [SETS]
# (TAU2=PM,REML to run some estimators only).
source("src/test/r/fuzz_common.R")

sheet <- function(seed, extremes) {
  set.seed(seed)
  rows <- list()
  for (o in 0:59) {
    k <- sample(c(1, 2, 3, 4, 5, 6, 8, 10, 15), 1); base <- sample(c(0.001, 0.02, 0.1, 0.3, 0.6, 0.9, 0.99), 1)
    n1 <- sample(3:200, k, TRUE)
    p1 <- pmin(0.999, pmax(0.0005, plogis(qlogis(base) + rnorm(k, 0, sample(c(0, 0.3, 1), 1)))))
    a <- rbinom(k, n1, p1)
    if (!extremes) { a[a == 0] <- 1; a[a == n1] <- n1[a == n1] - 1 }
    two <- runif(k) < 0.6
    n2 <- ifelse(two, sample(3:200, k, TRUE), NA); c <- ifelse(two, rbinom(k, n2, 0.2), NA)
    rows[[o + 1]] <- data.frame(study = sprintf("S%d_%d", o, seq_len(k)), year = 2000 + seq_len(k),
                                outcome = sprintf("O%02d", o), events_msc = a, n_msc = n1, events_control = c,
                                n_control = n2)
  }
  do.call(rbind, rows)
}

compare <- function(d, res, setting) {
  tk <- tracker(); note <- tk$note
  measure <- setting$measure
  m <- c(PLOGIT = "PLO", PFT = "PFT", PRAW = "PR")[[measure]]
  for (an in res$analyses) {
    if (!is.null(an$subgroup)) next
    s <- d[d$outcome == an$outcome, ]
    es <- escalc(measure = m, xi = events_msc, ni = n_msc, data = s, add = 1/2, to = "only0")
    # the harmonic mean of the sample sizes as the sheet gives them (before any correction), as the reference cases
    # (proportion_cases.json) and R's meta back-transform Freeman-Tukey
    nh <- 1 / mean(1 / s$n_msc)
    tr <- switch(measure, PLOGIT = transf.ilogit, PRAW = identity,
                 PFT = function(x) transf.ipft.hm(x, targs = list(ni = nh)))
    f <- tryCatch(suppressWarnings(rma(yi, vi, data = es, method = "EE")), error = function(e) NULL)
    if (!is.null(f) && !is.null(an$common$estimate)) {
      note("common.estimate", tr(f$beta[1]), an$common$estimate); note("common.p", f$pval, an$common$p)
      note("common.ci", tr(f$ci.lb), an$common$ci_lower); note("common.ci", tr(f$ci.ub), an$common$ci_upper)
      if (f$k >= 2) note("Q", f$QE + 1, an$heterogeneity$Q + 1)
    }
    g <- tryCatch(suppressWarnings(rma(yi, vi, data = es, method = setting$tau2,
                                       test = if (setting$hksj) "knha" else "z", control = ctl)),
                  error = function(e) NULL)
    if (is.null(g) || g$k < 2 || is.null(an$random$estimate)) next
    note_random(note, g, an$random, tr)
  }
  tk$worst()
}

run_fuzz(function(set) sheet(set, extremes = set %% 2 == 1), grid_of(c("PLOGIT", "PFT", "PRAW")), c("--by", "none"),
         compare)

# Differential test of the sensitivity analyses against metafor on random sheets: not part of the build (it needs R,
# metafor and jsonlite). Generates SETS random sheets of 40 outcomes (3 to 25 trials with random years, ties among
# them, with and without zero cells, no trial without events in both arms), runs `analyze --no-report --by none
# --sensitivity all` over RR, OR and RD with Mantel-Haenszel, every tau2 estimator, with and without --hksj, and
# compares with metafor, on the model fitted with the same estimator and test (rma, escalc's default correction):
# - leave-one-out: the random-effects model refitted without each study, as leave1out() (estimate, interval, p,
#   tau2, I2), and each step's Q as the analysis gives it, around the Mantel-Haenszel estimate (leave1out() of
#   rma.mh); under ML and REML, metafor's fit of the higher likelihood from its own start and from mscmeta's tau2;
# - cumulative: likewise on the studies in the order of the year, then the sheet's, as cumul() with the year as its
#   sort key;
# - Egger: regtest(model = "lm", predictor = "sei") of the common-effect (EE) model: t, p, the bias (the slope of
#   se) and the limit estimate, on the analysis scale;
# - Begg: ranktest() of the common-effect model, metafor's default (an exact p below k = 50 without ties): tau, p;
# - trim and fill: trimfill() of the common-effect (EE) model, L0 estimator, the side metafor chooses: k0, estimate
#   and interval.
# Prints the largest relative difference per setting.
#
# Run from the repository root after `mvn -q -B package -DskipTests`:  Rscript src/test/r/fuzz_sensitivity.R [SETS]
source("src/test/r/fuzz_common.R")

sheet <- function(seed, zeros) {
  set.seed(seed)
  rows <- list()
  for (o in 0:39) {
    k <- sample(c(3, 4, 5, 6, 8, 10, 15, 25), 1); base <- sample(c(0.03, 0.08, 0.15, 0.3), 1)
    n1 <- sample(10:200, k, TRUE); n2 <- sample(10:200, k, TRUE)
    p2 <- pmin(0.9, base * rlnorm(k, 0, 0.6)); p1 <- pmin(0.95, p2 * sample(c(0.5, 1, 2), 1) * rlnorm(k, 0, 0.5))
    a <- rbinom(k, n1, p1); c <- rbinom(k, n2, p2)
    if (!zeros) { a[a == 0] <- 1; c[c == 0] <- 1 }
    both <- a == 0 & c == 0; a[both] <- 1 # no double zeros: each study is in every analysis
    rows[[o + 1]] <- data.frame(study = sprintf("S%d_%d", o, seq_len(k)),
                                year = sample(2000:(2000 + max(3, k %/% 2)), k, TRUE), # ties among the years
                                outcome = sprintf("O%02d", o), events_msc = a, n_msc = n1, events_control = c,
                                n_control = n2)
  }
  do.call(rbind, rows)
}

restarts <- 0
compare <- function(d, res, setting) {
  tk <- tracker(); note <- tk$note
  measure <- setting$measure
  tr <- if (measure == "RD") identity else exp
  for (an in res$analyses) {
    if (!is.null(an$subgroup)) next
    s <- d[d$outcome == an$outcome, ]
    es <- escalc(measure = measure, ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s,
                 slab = study)
    g <- tryCatch(suppressWarnings(rma(yi, vi, data = es, method = setting$tau2,
                                       test = if (setting$hksj) "knha" else "z", control = ctl)),
                  error = function(e) NULL)
    if (is.null(g)) next
    # leave-one-out and cumulative: the random-effects model refitted on each step's studies; for ML and REML
    # metafor's fit from its own start and from mscmeta's tau2, the one of the higher likelihood (metafor's Fisher
    # scoring can stop at tau2 = 0 below an interior maximum, where mscmeta takes the highest maximum: docs/methods.md)
    step <- function(rows, tau2) {
      fit <- function(...) tryCatch(suppressWarnings(rma(yi, vi, data = es[rows, ], method = setting$tau2,
                                                         test = if (setting$hksj) "knha" else "z", ...)),
                                    error = function(e) NULL)
      a <- fit(control = ctl)
      if (!setting$tau2 %in% c("ML", "REML") || is.null(tau2) || tau2 <= 0) return(a)
      b <- fit(control = c(ctl, list(tau2.init = tau2)))
      if (!is.null(b) && (is.null(a) || logLik(b) > logLik(a) + 1e-9)) { restarts <<- restarts + 1; return(b) }
      a
    }
    if (length(an$leave_one_out) > 0) {
      # Q of each step as the analysis gives it: around the Mantel-Haenszel estimate (rma.mh's QE)
      lq <- suppressWarnings(leave1out(rma.mh(ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
                                              data = s, measure = measure)))$Q
      for (i in seq_along(an$leave_one_out)) {
        st <- an$leave_one_out[[i]]; j <- match(st$omitted, s$study)
        f <- step(setdiff(seq_len(nrow(s)), j), st$tau2)
        if (is.null(f)) next
        note("loo.estimate", tr(f$beta[1]), st$estimate)
        note("loo.ci", tr(f$ci.lb), st$ci_lower); note("loo.ci", tr(f$ci.ub), st$ci_upper)
        note("loo.p", f$pval, st$p); note("loo.tau2", f$tau2 + 1e-6, st$tau2 + 1e-6)
        note("loo.Q", lq[j] + 1e-6, st$Q + 1e-6); note("loo.I2", f$I2 + 1, st$I2 + 1)
      }
    }
    if (length(an$cumulative) > 0) {
      ord <- order(s$year) # stable: ties in the sheet's order, as metafor's cumul sorts its key
      for (i in seq_along(an$cumulative)) {
        st <- an$cumulative[[i]]
        if (s$study[ord[i]] != st$added) { note("cumul.order", 1, NULL); next }
        if (i == 1) next # one study: its own estimate, no model
        f <- step(ord[seq_len(i)], st$tau2)
        if (is.null(f)) next
        note("cumul.estimate", tr(f$beta[1]), st$estimate)
        note("cumul.ci", tr(f$ci.lb), st$ci_lower); note("cumul.ci", tr(f$ci.ub), st$ci_upper)
        note("cumul.p", f$pval, st$p); note("cumul.tau2", f$tau2 + 1e-6, st$tau2 + 1e-6)
      }
    }
    # the tests for small-study effects and trim and fill: the common-effect model
    fe <- rma(yi, vi, data = es, method = "EE")
    if (!is.null(an$egger)) {
      eg <- regtest(fe, model = "lm", predictor = "sei")
      note("egger.t", eg$zval, an$egger$t); note("egger.p", eg$pval, an$egger$p)
      note("egger.limit", eg$est, an$egger$limit_estimate) # on the analysis scale, as regtest gives it
      note("egger.bias", coef(regtest(fe, model = "lm", predictor = "sei", ret.fit = TRUE)$fit)[2], an$egger$bias)
    }
    if (!is.null(an$begg)) {
      rk <- ranktest(fe) # exact p for k < 50 without ties, as metafor's default
      note("begg.tau", rk$tau + 1, an$begg$kendall_tau + 1); note("begg.p", rk$pval, an$begg$p)
    }
    if (!is.null(an$trim_and_fill)) {
      tf <- suppressWarnings(trimfill(fe, estimator = "L0"))
      note("trimfill.k0", tf$k0 + 1, an$trim_and_fill$k0 + 1)
      note("trimfill.estimate", tr(tf$beta[1]), an$trim_and_fill$estimate)
      note("trimfill.ci", tr(tf$ci.lb), an$trim_and_fill$ci_lower)
      note("trimfill.ci", tr(tf$ci.ub), an$trim_and_fill$ci_upper)
    }
  }
  tk$worst()
}

run_fuzz(function(set) sheet(set, zeros = set %% 2 == 0), grid_of(c("RR", "OR", "RD"), "MH"), c("--by", "none"),
         compare, sensitivity = "all")
cat(sprintf("steps where metafor reached a higher likelihood from mscmeta's tau2 than from its own start: %d\n",
            restarts))

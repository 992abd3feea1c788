# Differential test against metafor of the options around the models: not part of the build (it needs R, metafor
# and jsonlite). Runs random two-arm sheets (fuzz_common.R's, with trials of all events in both arms added) through
# `analyze --no-report --by none --sensitivity none` under random draws of --cc (0.5, 0.1, 1), --cc-mode (only0,
# all, if0all, none), --double-zero (exclude, include), --level (0.95, 0.90, 0.99) and --prediction-interval (z,
# t(k-1), t(k-2)), with RR, OR and RD by Mantel-Haenszel and inverse variance and OR by Peto, DL and REML, with and
# without --hksj, and compares every outcome's common and random estimates, intervals, p-values, tau2, I2, Q and
# prediction interval with metafor's: rma.mh, rma.peto or rma(method = "EE") and rma with add = cc, to = cc-mode,
# drop00 (never for RD, which keeps double zeros) and level (the random-effects model under Peto on Peto's log odds
# ratios of the raw counts, as R meta: metafor's escalc would correct them); the prediction interval as estimate +- the named
# quantile x sqrt(tau2 + se^2), se under Knapp-Hartung the adjusted one (metafor's predict(), which gives the normal
# quantile and t(k-1) under Knapp-Hartung, names no other). Then PLOGIT, PFT and PRAW under the same options.
#
# Run from the repository root after `mvn -q -B package -DskipTests`:  Rscript src/test/r/fuzz_options.R [SETS]
source("src/test/r/fuzz_common.R")

sheet <- function(set) {
  d <- two_arm_sheet(set, zeros = TRUE)
  # a trial of all events in both arms in every fifth outcome: dropped with double zeros for RR and OR (drop00)
  for (o in sprintf("O%02d", seq(0, 59, 5))) {
    i <- which(d$outcome == o)[1]
    d$events_msc[i] <- d$n_msc[i]; d$events_control[i] <- d$n_control[i]
  }
  d
}

settings <- function(n) {
  set.seed(20261205)
  base <- rbind(expand.grid(method = c("MH", "IV"), measure = c("RR", "OR", "RD"), stringsAsFactors = FALSE),
                data.frame(method = "PETO", measure = "OR"))
  g <- base[sample(nrow(base), n, TRUE), ]
  g$tau2 <- sample(c("DL", "REML"), n, TRUE); g$hksj <- sample(c(FALSE, TRUE), n, TRUE)
  g$options <- paste("--cc", sample(c("0.5", "0.1", "1"), n, TRUE),
                     "--cc-mode", sample(c("only0", "all", "if0all", "none"), n, TRUE),
                     "--double-zero", sample(c("exclude", "include"), n, TRUE),
                     "--level", sample(c("0.95", "0.90", "0.99"), n, TRUE),
                     "--prediction-interval", sample(c("z", "t(k-1)", "t(k-2)"), n, TRUE))
  g[, c("measure", "method", "tau2", "hksj", "options")]
}

option <- function(g, name) { a <- strsplit(g$options, " ")[[1]]; a[match(name, a) + 1] }

compare <- function(d, res, g) {
  tk <- tracker(); note <- tk$note
  tr <- if (g$measure == "RD") identity else exp
  cc <- as.numeric(option(g, "--cc")); to <- option(g, "--cc-mode"); level <- 100 * as.numeric(option(g, "--level"))
  drop <- g$measure != "RD" && option(g, "--double-zero") == "exclude"
  pi <- option(g, "--prediction-interval")
  esm <- if (g$method == "PETO") "PETO" else g$measure
  for (an in res$analyses) {
    if (!is.null(an$subgroup)) next
    s <- d[d$outcome == an$outcome, ]
    # a table whose effect has no variance without a correction (all events in both arms, or a risk difference of
    # two risks of 0 or 1): mscmeta leaves it out of the inverse-variance models as not estimable (Mantel-Haenszel
    # and Peto pool its counts); metafor 3.8-1's rma stops there ("object 'vi0' not found")
    es <- suppressWarnings(escalc(measure = esm, ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
                                  data = s, add = if (esm == "PETO") 0 else cc, to = if (esm == "PETO") "none" else to,
                                  drop00 = drop))
    v <- s[is.na(es$vi) | es$vi > 0, ]
    f <- tryCatch(suppressWarnings(switch(g$method,
      MH = rma.mh(ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s, measure = g$measure,
                  add = cc, to = to, drop00 = drop, level = level),
      PETO = rma.peto(ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s, add = cc,
                      to = to, drop00 = drop, level = level),
      IV = rma(ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = v, measure = g$measure,
               method = "EE", add = cc, to = to, drop00 = drop, level = level))), error = function(e) NULL)
    has <- !is.null(f) && !is.na(f$beta[1])
    if (has != !is.null(an$common$estimate)) note(if (has) "common.only-metafor" else "common.only-here", 1, Inf)
    if (has && !is.null(an$common$estimate)) {
      note("common.estimate", tr(f$beta[1]), an$common$estimate); note("common.p", f$pval, an$common$p)
      note("common.ci", tr(f$ci.lb), an$common$ci_lower); note("common.ci", tr(f$ci.ub), an$common$ci_upper)
      # Q around the Mantel-Haenszel estimate: metafor's is infinite with a table of no variance (above), which
      # mscmeta leaves out of it
      ok <- is.finite(es$yi) & es$vi > 0
      q <- if (is.finite(f$QE)) f$QE else sum((es$yi[ok] - f$beta[1])^2 / es$vi[ok])
      if (sum(ok) > 1) note("Q", q, an$heterogeneity$Q)
    }
    r <- tryCatch(suppressWarnings(rma(ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = v,
                                       measure = esm, method = g$tau2, test = if (g$hksj) "knha" else "z",
                                       add = if (esm == "PETO") 0 else cc, to = if (esm == "PETO") "none" else to,
                                       drop00 = drop, level = level, control = ctl)),
                  error = function(e) NULL)
    has <- !is.null(r) && !is.na(r$beta[1])
    if (has != !is.null(an$random$estimate)) {
      note(if (has) "random.only-metafor" else "random.only-here", 1, Inf)
      if (nzchar(Sys.getenv("SHOW"))) { cat(an$outcome, "\n"); print(s) }
    }
    if (!has || is.null(an$random$estimate)) next
    note("random.k", r$k, an$random$k)
    note("random.tau2", r$tau2 + 1e-6, an$random$tau2 + 1e-6)
    note("random.estimate", tr(r$beta[1]), an$random$estimate); note("random.p", r$pval, an$random$p)
    note("random.ci", tr(r$ci.lb), an$random$ci_lower); note("random.ci", tr(r$ci.ub), an$random$ci_upper)
    note("random.I2", r$I2 + 1, an$random$I2 + 1)
    df <- switch(pi, z = Inf, "t(k-1)" = r$k - 1, "t(k-2)" = r$k - 2)
    if (r$k >= 3) {
      q <- qt(1 - (1 - level / 100) / 2, df); w <- q * sqrt(r$tau2 + r$se^2)
      note("random.pi", tr(r$beta[1] - w), an$random$pi_lower); note("random.pi", tr(r$beta[1] + w), an$random$pi_upper)
    } else if (!is.null(an$random$pi_lower)) note("random.pi-only-here", 1, Inf)
  }
  tk$worst()
}

# The incidence measures under the same options (the MSC arms of the same sheets; no --double-zero, which is about
# two arms): metafor's escalc(measure = PLO, PFT or PR, add, to) and rma, Freeman-Tukey back-transformed with the
# harmonic mean of the sheet's sample sizes as in fuzz_proportions.R.
proportion_settings <- function(n) {
  set.seed(20261206)
  g <- data.frame(measure = sample(c("PLOGIT", "PFT", "PRAW"), n, TRUE), method = NA,
                  tau2 = sample(c("DL", "REML"), n, TRUE), hksj = sample(c(FALSE, TRUE), n, TRUE),
                  stringsAsFactors = FALSE)
  g$options <- paste("--cc", sample(c("0.5", "0.1", "1"), n, TRUE),
                     "--cc-mode", sample(c("only0", "all", "if0all", "none"), n, TRUE),
                     "--level", sample(c("0.95", "0.90", "0.99"), n, TRUE),
                     "--prediction-interval", sample(c("z", "t(k-1)", "t(k-2)"), n, TRUE))
  g
}

compare_proportions <- function(d, res, g) {
  tk <- tracker(); note <- tk$note
  cc <- as.numeric(option(g, "--cc")); to <- option(g, "--cc-mode"); level <- 100 * as.numeric(option(g, "--level"))
  pi <- option(g, "--prediction-interval")
  m <- c(PLOGIT = "PLO", PFT = "PFT", PRAW = "PR")[[g$measure]]
  for (an in res$analyses) {
    if (!is.null(an$subgroup)) next
    s <- d[d$outcome == an$outcome, ]
    es <- suppressWarnings(escalc(measure = m, xi = events_msc, ni = n_msc, data = s, add = cc, to = to))
    es <- es[is.finite(es$yi) & is.finite(es$vi) & es$vi > 0, ]
    nh <- 1 / mean(1 / s$n_msc)
    tr <- switch(g$measure, PLOGIT = transf.ilogit, PRAW = identity,
                 PFT = function(x) transf.ipft.hm(x, targs = list(ni = nh)))
    f <- tryCatch(suppressWarnings(rma(yi, vi, data = es, method = "EE", level = level)), error = function(e) NULL)
    has <- !is.null(f)
    if (has != !is.null(an$common$estimate)) note(if (has) "common.only-metafor" else "common.only-here", 1, Inf)
    if (has && !is.null(an$common$estimate)) {
      note("common.estimate", tr(f$beta[1]), an$common$estimate)
      note("common.ci", tr(f$ci.lb), an$common$ci_lower); note("common.ci", tr(f$ci.ub), an$common$ci_upper)
      if (f$k >= 2) note("Q", f$QE + 1, an$heterogeneity$Q + 1)
    }
    r <- tryCatch(suppressWarnings(rma(yi, vi, data = es, method = g$tau2, test = if (g$hksj) "knha" else "z",
                                       level = level, control = ctl)), error = function(e) NULL)
    if (is.null(r) || is.null(an$random$estimate)) next
    note("random.tau2", r$tau2 + 1e-6, an$random$tau2 + 1e-6)
    note("random.estimate", tr(r$beta[1]), an$random$estimate)
    note("random.ci", tr(r$ci.lb), an$random$ci_lower); note("random.ci", tr(r$ci.ub), an$random$ci_upper)
    if (r$k >= 3) {
      df <- switch(pi, z = Inf, "t(k-1)" = r$k - 1, "t(k-2)" = r$k - 2)
      w <- qt(1 - (1 - level / 100) / 2, df) * sqrt(r$tau2 + r$se^2)
      note("random.pi", tr(r$beta[1] - w), an$random$pi_lower); note("random.pi", tr(r$beta[1] + w), an$random$pi_upper)
    }
  }
  tk$worst()
}

n <- as.integer(Sys.getenv("SETTINGS", "60"))
run_fuzz(sheet, settings(n), c("--by", "none"), compare)
run_fuzz(sheet, proportion_settings(n %/% 2), c("--by", "none"), compare_proportions)

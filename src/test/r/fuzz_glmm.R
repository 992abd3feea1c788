# Differential test of the GLMMs against metafor's rma.glmm on random sheets: not part of the build (it needs R,
# metafor, lme4 and jsonlite). Generates SETS random sheets of 20 outcomes (3 to 12 trials, zero cells, some trials
# with no events in one arm) and runs `analyze --no-report --by none --sensitivity none --method GLMM` for odds
# ratios with fixed study effects (UM.FS, 7-point adaptive quadrature) and random study effects (UM.RS, Laplace),
# and for the logit proportion (PLOGIT, random intercept), with the random-effects model and with --tau2 none (the
# common-effect GLMM). Each outcome's estimate, interval, tau2 and tests for heterogeneity (Q_wald, Q_lrt) are compared
# with rma.glmm's at lme4's default
# tolerances, which stop 1e-4 to 3e-4 short of the maximum (docs/methods.md: agreement within 1e-3 is the check, and
# lme4's UM.RS standard errors are 0.3-0.4% off the exact Laplace value); for UM.RS, whose log-likelihood both
# programs report on the binomial scale, a fit of a lower log-likelihood than metafor's is counted (none should
# be). Prints the largest relative difference per setting, in the order UM.FS, UM.RS, PLOGIT, each with the
# random-effects GLMM (tau2 shown as REML: the GLMM's tau2 is its ML estimate) and the common-effect one (none).
#
# Run from the repository root after `mvn -q -B package -DskipTests`:  Rscript src/test/r/fuzz_glmm.R [SETS]
source("src/test/r/fuzz_common.R")
suppressMessages(library(lme4))

sheet <- function(seed) {
  set.seed(seed)
  rows <- list()
  for (o in 0:19) {
    k <- sample(3:12, 1); base <- sample(c(0.05, 0.1, 0.2, 0.4), 1)
    n1 <- sample(15:150, k, TRUE); n2 <- sample(15:150, k, TRUE)
    p2 <- pmin(0.9, base * rlnorm(k, 0, 0.5)); p1 <- pmin(0.95, p2 * sample(c(0.5, 1, 2), 1) * rlnorm(k, 0, 0.4))
    a <- rbinom(k, n1, p1); c <- rbinom(k, n2, p2)
    both <- a == 0 & c == 0; a[both] <- 1
    rows[[o + 1]] <- data.frame(study = sprintf("S%d_%d", o, seq_len(k)), year = 2000 + seq_len(k),
                                outcome = sprintf("O%02d", o), events_msc = a, n_msc = n1, events_control = c,
                                n_control = n2)
  }
  do.call(rbind, rows)
}

glmm <- function(s, measure, model, common, converged = FALSE) {
  # lme4's defaults: with tolPwrss tightened to 1e-10 its Hessian broke (UM.RS se 0.029 for 0.31); the tests for
  # heterogeneity of UM.RS are compared with lme4 run to convergence, without which its Laplace Wald statistic is up
  # to 1% off. Its Wald statistic is still fragile when the last study (its reference) has an empty MSC arm: up to
  # 1.4% off then (docs/methods.md), 2e-5 with the studies reordered
  ctrl <- if (converged) list(glmerCtrl = list(tolPwrss = 1e-12)) else list()
  method <- if (common) "FE" else "ML"
  tryCatch(suppressWarnings(if (measure == "PLOGIT") {
    rma.glmm(measure = "PLO", xi = events_msc, ni = n_msc, data = s, method = method, control = ctrl)
  } else {
    rma.glmm(measure = "OR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s,
             model = model, method = method, control = ctrl)
  }), error = function(e) NULL)
}

lower_loglik <- 0
broken_se <- 0
measure_of <- function(setting) setting$measure
compare <- function(d, res, setting) {
  tk <- tracker(); note <- tk$note
  common <- setting$tau2 == "none"
  back <- if (setting$measure == "PLOGIT") transf.ilogit else exp
  for (an in res$analyses) {
    if (!is.null(an$subgroup)) next
    s <- d[d$outcome == an$outcome, ]
    g <- glmm(s, setting$measure, setting$model, common)
    r <- if (common) an$common else an$random
    if (is.null(g) || is.null(r$estimate)) {
      if (is.null(g) != is.null(r$estimate)) note("fitted.by.one.only", 1, if (is.null(g)) 1 else NULL)
      next
    }
    note("estimate", back(c(g$beta)), r$estimate)
    # lme4's Hessian (numDeriv on its deviance function) sometimes fails: an se a tenth of the inverse-variance
    # model's and of this engine's, at a log-likelihood no higher than this engine's; counted, its CI not compared
    iv <- tryCatch(rma(measure = if (measure_of(setting) == "PLOGIT") "PLO" else "OR", ai = events_msc, n1i = n_msc,
                       ci = events_control, n2i = n_control, xi = events_msc, ni = n_msc, data = s,
                       method = if (common) "EE" else "REML"), error = function(e) NULL)
    if (!is.null(iv) && g$se < iv$se / 10 && g$se < r$se / 10) {
      broken_se <<- broken_se + 1
    } else {
      note("ci", back(g$ci.lb), r$ci_lower); note("ci", back(g$ci.ub), r$ci_upper)
    }
    if (!common) note("tau2", g$tau2 + 1e-4, r$tau2 + 1e-4)
    # the mixed models' own tests for heterogeneity (QE.Wld, QE.LRT), shifted by 1 as they can be near 0
    h <- an$heterogeneity
    q <- if (identical(setting$model, "UM.RS")) glmm(s, setting$measure, setting$model, common, TRUE) else g
    if (!is.null(q) && !is.null(h$Q_lrt) && !is.na(q$QE.LRT)) {
      note("Q_lrt", q$QE.LRT + 1, h$Q_lrt + 1); note("Q_wald", q$QE.Wld + 1, h$Q_wald + 1)
    }
    if (!common && identical(setting$model, "UM.RS") && !is.null(r$log_likelihood) &&
        r$log_likelihood < c(logLik(g)) - 1e-6) lower_loglik <<- lower_loglik + 1
  }
  tk$worst()
}

# the settings: UM.FS, UM.RS and PLOGIT, each with the random-effects GLMM and alone as the common-effect one
# (--tau2 none); the GLMM's tau2 is its maximum-likelihood estimate whatever --tau2 names but none
for (model in c("UM.FS", "UM.RS", "PLOGIT")) {
  for (common in c(FALSE, TRUE)) {
    measure <- if (model == "PLOGIT") "PLOGIT" else "OR"
    extra <- c("--by", "none", if (model != "PLOGIT") c("--glmm-model", model))
    setting <- list(measure = measure, model = model, tau2 = if (common) "none" else "ML")
    run_fuzz(sheet, data.frame(measure = measure, method = "GLMM", tau2 = if (common) "none" else "REML",
                               hksj = FALSE, stringsAsFactors = FALSE),
             extra, function(d, res, ignored) compare(d, res, setting))
  }
}
cat(sprintf("UM.RS fits of a lower log-likelihood than metafor's: %d\n", lower_loglik))
cat(sprintf("fits where lme4's standard error failed (a tenth of the inverse-variance model's and this engine's): %d\n",
            broken_se))

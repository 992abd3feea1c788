# Differential test of subgroup analyses against metafor on random sheets: not part of the build (it needs R,
# metafor and jsonlite). Generates SETS random sheets of 40 outcomes (3 to 15 trials, each in one of three subgroups,
# some subgroups of one trial, with and without zero cells), runs `analyze --no-report --by grp --sensitivity none`
# over RR and OR with Mantel-Haenszel, every tau2 estimator, with and without --hksj, and compares
# - every subgroup's common (rma.mh) and random (rma, drop00) estimate, interval, p-value and tau2 with metafor's fit
#   of that subgroup's trials alone;
# - the tests for subgroup differences: Q = sum w (b - weighted mean)^2 over the subgroups that have the model's
#   estimate, w = 1/se^2 of each subgroup's own fit (its tau2, and its Knapp-Hartung se under --hksj), df = their
#   number - 1, as metafor's rma(yi = b, sei = se, method = "FE")$QE gives it (RevMan's test).
# Prints the largest relative difference per setting.
#
# Run from the repository root after `mvn -q -B package -DskipTests`:  Rscript src/test/r/fuzz_subgroups.R [SETS]
source("src/test/r/fuzz_common.R")

sheet <- function(seed, zeros) {
  set.seed(seed)
  rows <- list()
  for (o in 0:39) {
    k <- sample(c(3, 4, 5, 6, 8, 10, 15), 1); base <- sample(c(0.02, 0.05, 0.1, 0.3), 1)
    n1 <- sample(10:200, k, TRUE); n2 <- sample(10:200, k, TRUE)
    p2 <- pmin(0.9, base * rlnorm(k, 0, 0.6)); p1 <- pmin(0.95, p2 * sample(c(0.5, 1, 2), 1) * rlnorm(k, 0, 0.4))
    a <- rbinom(k, n1, p1); c <- rbinom(k, n2, p2)
    if (!zeros) { a[a == 0] <- 1; c[c == 0] <- 1 }
    rows[[o + 1]] <- data.frame(study = sprintf("S%d_%d", o, seq_len(k)), year = 2000 + seq_len(k),
                                outcome = sprintf("O%02d", o), grp = sample(c("g1", "g2", "g3"), k, TRUE,
                                                                            prob = c(0.5, 0.35, 0.15)),
                                events_msc = a, n_msc = n1, events_control = c, n_control = n2)
  }
  do.call(rbind, rows)
}

compare <- function(d, res, setting) {
  tk <- tracker(); note <- tk$note
  measure <- setting$measure
  fits <- list()
  for (an in res$analyses) {
    if (is.null(an$subgroup)) next
    s <- d[d$outcome == an$outcome & d$grp == an$subgroup$level, ]
    f <- tryCatch(suppressWarnings(rma.mh(ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
                                          data = s, measure = measure, drop00 = TRUE)), error = function(e) NULL)
    g <- tryCatch(suppressWarnings(rma(ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s,
                                       measure = measure, method = setting$tau2,
                                       test = if (setting$hksj) "knha" else "z", drop00 = TRUE, control = ctl)),
                  error = function(e) NULL)
    key <- paste(an$outcome, an$subgroup$level)
    fits[[key]] <- list(common = f, random = g)
    if (!is.null(f) && is.finite(f$beta[1]) && !is.null(an$common$estimate)) {
      note("sub.common.estimate", exp(f$beta[1]), an$common$estimate)
      note("sub.common.ci", exp(f$ci.lb), an$common$ci_lower); note("sub.common.ci", exp(f$ci.ub), an$common$ci_upper)
    }
    if (!is.null(g) && !is.null(an$random$estimate)) note_random(note, g, an$random, exp, "sub.random")
  }
  for (t in res$subgroup_tests) {
    levels <- sort(unique(d$grp[d$outcome == t$outcome]))
    b <- c(); se <- c()
    for (l in levels) {
      fit <- fits[[paste(t$outcome, l)]][[if (t$model == "common") "common" else "random"]]
      if (!is.null(fit) && is.finite(fit$beta[1]) && is.finite(fit$se) && fit$se > 0) {
        b <- c(b, fit$beta[1]); se <- c(se, fit$se)
      }
    }
    if (length(b) < 2) { if (!is.null(t$Q)) note(paste0("test.", t$model, ".exists"), 1, NULL); next }
    q <- rma(yi = b, sei = se, method = "FE")
    note(paste0("test.", t$model, ".Q"), q$QE + 1e-6, t$Q + 1e-6); note(paste0("test.", t$model, ".p"), q$QEp, t$p)
    if (length(b) - 1 != t$df) note(paste0("test.", t$model, ".df"), length(b) - 1, Inf)
  }
  tk$worst()
}

run_fuzz(function(set) sheet(set, zeros = set %% 2 == 0), grid_of(c("RR", "OR"), "MH"), c("--by", "grp"), compare)

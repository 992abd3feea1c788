# metafor reference values for ML and REML when the likelihood of tau2 has more than one maximum.
# An imprecise study far from the others can give the (restricted) likelihood a maximum at tau2 = 0 and
# another inside, or two inside; the estimate is the highest of them. The data sets below were found by
# a random search over odds-ratio meta-analyses of 3 to 7 trials (log-likelihood on a grid of 3,000 points,
# more than one local maximum); the first is from a fuzz test against metafor that found the bug.
# Every case asserts that metafor's value (Fisher scoring from the Hedges estimate, falling back to 0 when
# 0 is higher) is the grid's highest point, so the reference is the global maximum.
#
# Run from the repository root:  Rscript src/test/r/likelihood_reference.R
# Writes src/test/resources/reference-extra/data/likelihood_maxima.csv and
# src/test/resources/reference-extra/likelihood_cases.json (layout of reference/cases.json), and
# src/test/resources/reference-extra/likelihood_regression_cases.json: meta-regressions on one numeric moderator
# whose ML likelihood has two maxima (found the same way), with metafor's tau2, coefficients, QM and QE.
suppressMessages({ library(metafor); library(jsonlite) })

sets <- list(
  list(ai = c(14, 72, 1), n1 = c(14, 127, 71), ci = c(28, 49, 13), n2 = c(100, 123, 173)),
  list(ai = c(16, 27, 1, 11), n1 = c(91, 120, 86, 12), ci = c(19, 40, 26, 35), n2 = c(85, 116, 83, 47)),
  list(ai = c(14, 0, 113), n1 = c(17, 29, 113), ci = c(57, 2, 7), n2 = c(141, 121, 12)),
  list(ai = c(71, 19, 8, 12, 3), n1 = c(71, 74, 90, 108, 24), ci = c(105, 18, 9, 9, 10), n2 = c(136, 18, 94, 94, 62)),
  list(ai = c(9, 128, 42), n1 = c(59, 128, 99), ci = c(22, 118, 21), n2 = c(143, 138, 36)),
  list(ai = c(15, 28, 0, 1), n1 = c(20, 54, 7, 22), ci = c(13, 45, 22, 2), n2 = c(21, 95, 119, 5)),
  list(ai = c(0, 50, 122, 31, 0), n1 = c(100, 137, 122, 149, 78), ci = c(68, 66, 18, 31, 3), n2 = c(139, 131, 25, 98, 62)),
  list(ai = c(28, 10, 20), n1 = c(28, 50, 39), ci = c(21, 10, 37), n2 = c(62, 70, 102)),
  list(ai = c(21, 18, 99, 0, 0, 26), n1 = c(84, 127, 99, 32, 7, 26), ci = c(23, 14, 91, 1, 11, 30),
       n2 = c(84, 87, 100, 121, 16, 39)))

tol <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-14)
rows <- list(); cases <- list()
loglik <- function(yi, vi, t, method) {
  w <- 1 / (vi + t); mu <- sum(w * yi) / sum(w)
  -0.5 * (sum(log(vi + t)) + sum(w * (yi - mu)^2) + if (method == "REML") log(sum(w)) else 0)
}
for (s in seq_along(sets)) {
  d <- sets[[s]]; outcome <- sprintf("Set %d", s); k <- length(d$ai)
  rows[[s]] <- data.frame(study = sprintf("S%d-%d", s, seq_len(k)), year = 2000 + seq_len(k), outcome = outcome,
                          events_msc = d$ai, n_msc = d$n1, events_control = d$ci, n_control = d$n2)
  es <- escalc("OR", ai = d$ai, n1i = d$n1, ci = d$ci, n2i = d$n2)
  for (method in c("ML", "REML")) {
    fit <- suppressWarnings(rma(es$yi, es$vi, method = method, control = tol))
    grid <- c(0, 10^seq(-6, 3, length = 20000))
    ll <- sapply(grid, function(t) loglik(es$yi, es$vi, t, method))
    top <- grid[which.max(ll)]
    if (abs(fit$tau2 - top) > 0.01 * max(top, 1e-3) || loglik(es$yi, es$vi, fit$tau2, method) < max(ll) - 1e-9) {
      stop(sprintf("%s %s: metafor's tau2 %g is not the highest maximum (%g)", outcome, method, fit$tau2, top))
    }
    nat <- exp
    fe <- rma(es$yi, es$vi, method = "EE")
    cases[[length(cases) + 1]] <- list(
      name = sprintf("likelihood_set%d_OR_IV_%s", s, method), input = "reference-extra/data/likelihood_maxima.csv",
      settings = list(measure = "OR", method = "IV", tau2 = method, hksj = FALSE, outcome = outcome),
      expected = list(k = k,
        common = list(method = "IV", estimate = nat(c(fe$beta)), ci_lower = nat(fe$ci.lb), ci_upper = nat(fe$ci.ub),
                      se = fe$se, z = fe$zval, p = fe$pval),
        heterogeneity = list(Q = fe$QE, df = k - 1, p = fe$QEp, I2 = max(0, 100 * (fe$QE - (k - 1)) / fe$QE)),
        random = list(tau2_method = method, tau2 = fit$tau2, se = fit$se,
        estimate = nat(c(fit$beta)), log_estimate = c(fit$beta), ci_lower = nat(fit$ci.lb), ci_upper = nat(fit$ci.ub),
        p = fit$pval, pi_lower = nat(predict(fit)$pi.lb), pi_upper = nat(predict(fit)$pi.ub))))
  }
}
write.csv(do.call(rbind, rows), "src/test/resources/reference-extra/data/likelihood_maxima.csv", row.names = FALSE)
writeLines(toJSON(list(generator = "metafor 3.8.1 via src/test/r/likelihood_reference.R", cases = cases),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "src/test/resources/reference-extra/likelihood_cases.json")

regression_sets <- list(
  list(ai = c(21, 37, 25, 133, 5), n1 = c(61, 37, 137, 134, 122), ci = c(23, 58, 3, 45, 7), n2 = c(126, 115, 25, 53, 95),
       x = c(9.3, 8.4, 6.8, 8.2, 1.3)),
  list(ai = c(5, 135, 1, 12, 106, 11, 38), n1 = c(53, 135, 95, 13, 140, 124, 65), ci = c(39, 69, 32, 8, 102, 16, 29),
       n2 = c(73, 95, 124, 17, 120, 61, 59), x = c(0.8, 9.2, 9.2, 6.3, 6.9, 3.5, 9.1)),
  list(ai = c(43, 87, 11, 19, 32), n1 = c(43, 88, 21, 19, 32), ci = c(2, 77, 25, 95, 64), n2 = c(8, 82, 93, 150, 87),
       x = c(6.7, 0.2, 7.3, 2.2, 3.8)),
  list(ai = c(54, 1, 72, 11), n1 = c(82, 8, 72, 46), ci = c(35, 30, 89, 16), n2 = c(98, 48, 141, 108),
       x = c(4.9, 0.5, 1.2, 1)),
  list(ai = c(8, 4, 0, 110), n1 = c(29, 132, 35, 110), ci = c(63, 5, 25, 75), n2 = c(131, 44, 83, 110),
       x = c(4, 3.5, 6.3, 7.1)),
  list(ai = c(12, 16, 22, 2, 3, 8, 4), n1 = c(12, 150, 36, 26, 53, 148, 115), ci = c(10, 3, 68, 37, 12, 14, 0),
       n2 = c(44, 20, 89, 77, 94, 92, 9), x = c(9.5, 6.7, 7.3, 6.3, 5.3, 2.3, 3.2)))
regression_loglik <- function(yi, vi, X, t, method) {
  W <- diag(1 / (vi + t)); A <- t(X) %*% W %*% X; b <- solve(A, t(X) %*% W %*% yi); r <- yi - X %*% b
  -0.5 * (sum(log(vi + t)) + sum(diag(W) * r^2) + if (method == "REML") c(determinant(A)$modulus) else 0)
}
regression <- list()
for (s in seq_along(regression_sets)) {
  d <- regression_sets[[s]]
  es <- escalc("OR", ai = d$ai, n1i = d$n1, ci = d$ci, n2i = d$n2); X <- cbind(1, d$x)
  for (method in c("ML", "REML")) {
    fit <- suppressWarnings(rma(es$yi, es$vi, mods = ~ d$x, method = method, control = tol))
    grid <- c(0, 10^seq(-6, 3, length = 20000))
    ll <- sapply(grid, function(t) regression_loglik(es$yi, es$vi, X, t, method))
    top <- grid[which.max(ll)]
    if (abs(fit$tau2 - top) > 0.01 * max(top, 1e-3)) {
      stop(sprintf("regression set %d %s: metafor's tau2 %g is not the highest maximum (%g)", s, method, fit$tau2, top))
    }
    regression[[length(regression) + 1]] <- list(name = sprintf("regression_set%d_OR_%s", s, method),
      method = method, y = as.numeric(es$yi), v = as.numeric(es$vi), x = d$x, tau2 = fit$tau2,
      estimate = as.numeric(fit$beta), se = as.numeric(fit$se), QM = fit$QM, QE = fit$QE)
  }
}
writeLines(toJSON(list(generator = "metafor 3.8.1 via src/test/r/likelihood_reference.R", cases = regression),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "src/test/resources/reference-extra/likelihood_regression_cases.json")

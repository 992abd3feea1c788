# The tests for heterogeneity of metafor's rma.glmm (QE.Wld, QE.LRT, on QE.df degrees of freedom): the odds ratio
# with fixed study effects (UM.FS) and with random study effects (UM.RS), and single-arm proportions (PLO). Inputs: the shared reference data sets, and the example sheet's deaths (zero cells).
#
# Run from the repository root:  Rscript src/test/r/glmm_heterogeneity_reference.R
# Writes src/test/resources/reference-extra/glmm_heterogeneity_cases.json in the layout of cases.json.
suppressMessages({ library(metafor); library(jsonlite) })

load_set <- function(path) read.csv(file.path("src/test/resources", path), stringsAsFactors = FALSE)

cases <- list()

# The saturated UM.RS model by the exact Laplace approximation (each study's conditional mode by optimize), maximised
# by optim over (beta, sigma, theta_1..k), and the Wald statistic of theta_1 = ... = theta_k with numDeriv's Hessian.
exact_laplace_wald <- function(d) {
  y1 <- d$events_msc; n1 <- d$n_msc; y2 <- d$events_control; n2 <- d$n_control; k <- nrow(d)
  study <- function(beta, sigma, theta, i) {
    h <- function(v) dbinom(y1[i], n1[i], plogis(beta + theta + sigma * v), log = TRUE) +
      dbinom(y2[i], n2[i], plogis(beta + sigma * v), log = TRUE) + dnorm(v, log = TRUE)
    o <- optimize(h, c(-30, 30), maximum = TRUE, tol = 1e-12)
    p1 <- plogis(beta + theta + sigma * o$maximum); p2 <- plogis(beta + sigma * o$maximum)
    o$objective + 0.5 * log(2 * pi) - 0.5 * log(1 + sigma^2 * (n1[i] * p1 * (1 - p1) + n2[i] * p2 * (1 - p2)))
  }
  ll <- function(p) sum(vapply(seq_len(k), function(i) study(p[1], p[2], p[2 + i], i), 0))
  start <- c(mean(qlogis((y2 + 0.5) / (n2 + 1))), 1, qlogis((y1 + 0.5) / (n1 + 1)) - qlogis((y2 + 0.5) / (n2 + 1)))
  o <- optim(start, function(p) -ll(p), method = "BFGS", control = list(maxit = 1000, reltol = 1e-14))
  o <- optim(o$par, function(p) -ll(p), method = "BFGS", control = list(maxit = 1000, reltol = 1e-15))
  v <- solve(-numDeriv::hessian(ll, o$par))[-(1:2), -(1:2)]
  contrast <- cbind(diag(k - 1), -1)
  dt <- contrast %*% o$par[-(1:2)]
  c(t(dt) %*% solve(contrast %*% v %*% t(contrast)) %*% dt)
}
sets <- list(c("reference/data/li2007.csv", "OR"), c("reference/data/bcg.csv", "OR"),
             c("reference/data/lee2004.csv", "OR"), c("reference/data/damico2009.csv", "OR"),
             c("reference/data/nielweise2007.csv", "OR"), c("reference-extra/data/example_deaths.csv", "OR"),
             c("reference/data/pritz1997.csv", "PLOGIT"), c("reference-extra/data/example_deaths.csv", "PLOGIT"))
for (s in sets) {
  d <- load_set(s[1])
  r <- if (s[2] == "PLOGIT") {
    suppressWarnings(rma.glmm(measure = "PLO", xi = events_msc, ni = n_msc, data = d))
  } else {
    suppressWarnings(rma.glmm(measure = "OR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
                              data = d, model = "UM.FS"))
  }
  name <- paste0(sub("\\.csv$", "", basename(s[1])), "_", s[2], "_GLMM_heterogeneity")
  settings <- list(measure = s[2], method = "GLMM", note = "metafor rma.glmm QE.Wld and QE.LRT")
  if (s[2] == "OR") settings$glmm_model <- "UM.FS"
  # inputs as the other cases name them: reference/'s relative to it, reference-extra/'s in full
  cases[[length(cases) + 1]] <- list(name = name, input = sub("^reference/", "", s[1]), settings = settings,
    expected = list(k = r$k, heterogeneity = list(df = r$QE.df, Q_wald = r$QE.Wld, Q_wald_p = r$QEp.Wld,
                                                  Q_lrt = r$QE.LRT, Q_lrt_p = r$QEp.LRT)))
}
# UM.RS: both models keep lme4's random study intercepts. metafor fits them with the Laplace approximation when the
# random-effects model is fitted too (method = "ML": nAGQ is set to 1) and with 7-point quadrature when only the
# common model is (method = "FE", our --tau2 none). lme4's penalised IRLS is run to convergence (tolPwrss 1e-12;
# 1e-10 for bcg, where 1e-12 fails), without which its Laplace deviance, and so its Hessian, is off the exact
# Laplace approximation (the Wald statistic of damico2009 31.217 by default, 31.512 converged).
um_rs <- function(set, method, tolPwrss) {
  d <- load_set(set)
  suppressWarnings(rma.glmm(measure = "OR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
                            data = d, model = "UM.RS", method = method,
                            control = list(glmerCtrl = list(tolPwrss = tolPwrss))))
}
for (s in c("reference/data/li2007.csv", "reference/data/bcg.csv", "reference/data/lee2004.csv",
            "reference/data/damico2009.csv", "reference/data/nielweise2007.csv",
            "reference-extra/data/example_deaths.csv",
            # lee2004 with every MSC recipient of its third study having the event: that study's own effect at its
            # limit, as with an empty MSC arm
            "reference-extra/data/lee2004_all_events_arm.csv")) {
  tol <- if (grepl("bcg", s)) 1e-10 else 1e-12
  for (method in c("ML", "FE")) {
    r <- um_rs(s, method, tol)
    expected <- list(df = r$QE.df, Q_wald = r$QE.Wld, Q_wald_p = r$QEp.Wld, Q_lrt = r$QE.LRT, Q_lrt_p = r$QEp.LRT)
    note <- paste("metafor rma.glmm UM.RS", method, "QE.Wld and QE.LRT, tolPwrss", tol)
    if (grepl("bcg", s) && method == "ML") {
      # lme4's Laplace Wald statistic on bcg moves with its tolerance (160.88 at tolPwrss 1e-11, 161.195 at 3e-11
      # and 1e-10, 161.198 at 1e-9): the Wald statistic here is from the exact Laplace approximation, maximised by
      # R's optim (BFGS) over all k + 2 parameters, its covariance from numDeriv's Hessian
      expected$Q_wald <- exact_laplace_wald(load_set(s))
      expected$Q_wald_p <- pchisq(expected$Q_wald, r$QE.df, lower.tail = FALSE)
      note <- paste(note, "(Wald: exact Laplace, optim + numDeriv)")
    }
    settings <- list(measure = "OR", method = "GLMM", glmm_model = "UM.RS", note = note)
    if (method == "FE") settings$tau2 <- "none"
    cases[[length(cases) + 1]] <- list(
      name = paste0(sub("\\.csv$", "", basename(s)), "_OR_GLMM_UM.RS_", method, "_heterogeneity"),
      input = sub("^reference/", "", s), settings = settings, expected = list(k = r$k, heterogeneity = expected))
  }
}
out <- list(generator = paste0("metafor ", packageVersion("metafor"), " with lme4 ", packageVersion("lme4"),
                               " via src/test/r/glmm_heterogeneity_reference.R"), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE),
           "src/test/resources/reference-extra/glmm_heterogeneity_cases.json")

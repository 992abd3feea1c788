# Extra metafor reference values for what src/test/resources/reference/cases.json does not cover:
# the tau2 estimators ML, HE, SJ, HS, EB; Q-profile confidence intervals for tau2 and I2;
# continuity-correction modes all / if0all / none; Sweeting's treatment-arm correction (TACC);
# double-zero studies included; a 90% level.
#
# Run from the repository root:  Rscript src/test/r/extra_reference.R
# Writes src/test/resources/reference-extra/extra_cases.json in the layout of cases.json.
# Needs R with metafor (Debian: apt-get install r-base-core r-cran-metafor r-cran-jsonlite).
suppressMessages({ library(metafor); library(jsonlite) })

data_dir <- "src/test/resources/reference/data"
read_case <- function(name) read.csv(file.path(data_dir, paste0(name, ".csv")), stringsAsFactors = FALSE)
tol <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-14)
ci_ctrl <- list(tol = 1e-13, maxiter = 10000)

nat <- function(x, measure) if (measure == "RD") x else exp(x)
nul <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) NULL else unname(x)

# prediction interval of the results.json contract under --convention metafor: metafor's own predict()
# (normal quantile; t with k-1 df under Knapp-Hartung), reported when k >= 3
pred <- function(fit, k, measure, level) {
  if (k < 3) return(list(pi_lower = NULL, pi_upper = NULL))
  p <- predict(fit, level = level * 100)
  list(pi_lower = nat(p$pi.lb, measure), pi_upper = nat(p$pi.ub, measure))
}

random_block <- function(fit, k, measure, level, method, hksj) {
  b <- c(fit$beta)
  out <- list(tau2_method = method, hksj = hksj, tau2 = fit$tau2,
              se = fit$se, estimate = nat(b, measure),
              ci_lower = nat(fit$ci.lb, measure), ci_upper = nat(fit$ci.ub, measure), p = fit$pval)
  if (measure != "RD") out$log_estimate <- b
  c(out, pred(fit, k, measure, level))
}

common_block <- function(b, se, z, p, lb, ub, method, measure) {
  list(method = method, estimate = nat(b, measure), ci_lower = nat(lb, measure), ci_upper = nat(ub, measure),
       se = se, z = z, p = p)
}

het_block <- function(yi, vi, center, level) {
  k <- length(yi)
  Q <- sum((yi - center)^2 / vi)
  out <- list(Q = Q, df = k - 1, p = pchisq(Q, k - 1, lower.tail = FALSE),
              I2 = max(0, 100 * (Q - (k - 1)) / Q), H2 = Q / (k - 1))
  # Q-profile interval (Viechtbauer 2007): confint of an rma.uni fit on the same yi/vi
  fit <- rma(yi, vi, method = "DL", control = tol)
  ci <- confint(fit, level = level * 100, control = ci_ctrl)$random
  out$tau2_ci_lower <- ci["tau^2", "ci.lb"]; out$tau2_ci_upper <- ci["tau^2", "ci.ub"]
  out$I2_ci_lower <- ci["I^2(%)", "ci.lb"]; out$I2_ci_upper <- ci["I^2(%)", "ci.ub"]
  out
}

studies_block <- function(dat, es, inc, w_common, w_random, measure, level) {
  crit <- qnorm(1 - (1 - level) / 2)
  j <- 0
  lapply(seq_len(nrow(dat)), function(i) {
    if (!inc[i]) return(list(study = dat$study[i], included = FALSE))
    list(study = dat$study[i], included = TRUE,
         estimate = nat(es$yi[i], measure),
         ci_lower = nat(es$yi[i] - crit * sqrt(es$vi[i]), measure),
         ci_upper = nat(es$yi[i] + crit * sqrt(es$vi[i]), measure),
         weight_common = w_common[i], weight_random = w_random[i])
  })
}

# Inverse-variance analysis on given yi/vi (common IV + random with the estimator), metafor rma.uni.
iv_case <- function(name, dat, es, measure, tau2, cc, cc_mode, double_zero, level = 0.95, hksj = FALSE) {
  inc <- !is.na(es$yi) & !is.na(es$vi)
  yi <- es$yi[inc]; vi <- es$vi[inc]; k <- length(yi)
  fe <- rma(yi, vi, method = "EE", level = level * 100)
  re <- rma(yi, vi, method = tau2, test = if (hksj) "knha" else "z", level = level * 100, control = tol)
  wc <- rep(NA, nrow(dat)); wc[inc] <- weights(fe)
  wr <- rep(NA, nrow(dat)); wr[inc] <- weights(re)
  list(name = name, input = paste0("data/", dat$file[1], ".csv"),
       settings = list(measure = measure, method = "IV", tau2 = tau2, hksj = hksj, cc = cc, cc_mode = cc_mode,
                       double_zero = double_zero, level = level),
       expected = list(k = k, k_double_zero_excluded = sum(es$dz),
                       common = common_block(c(fe$beta), fe$se, fe$zval, fe$pval, fe$ci.lb, fe$ci.ub, "IV", measure),
                       random = random_block(re, k, measure, level, tau2, hksj),
                       heterogeneity = het_block(yi, vi, c(fe$beta), level),
                       studies = studies_block(dat, es, inc, wc, wr, measure, level)))
}

load_set <- function(name) { d <- read_case(name); d$file <- name; d }
esc <- function(dat, measure, add = 0.5, to = "only0", drop00 = TRUE) {
  es <- escalc(measure = measure, ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
               data = dat, add = add, to = to, drop00 = drop00)
  dz <- (dat$events_msc == 0 & dat$events_control == 0) |
        (dat$events_msc == dat$n_msc & dat$events_control == dat$n_control)
  list(yi = as.numeric(es$yi), vi = as.numeric(es$vi), dz = if (drop00) dz else rep(FALSE, nrow(dat)))
}

# Sweeting et al. (2004) treatment-arm correction on studies with a zero cell, computed on the cells here
# and passed to escalc with add = 0 (an independent route to the same numbers).
tacc <- function(dat, measure, cc = 0.5) {
  a <- dat$events_msc; n1 <- dat$n_msc; c <- dat$events_control; n2 <- dat$n_control
  zero <- a == 0 | c == 0 | a == n1 | c == n2
  dz <- (a == 0 & c == 0) | (a == n1 & c == n2)
  k1 <- ifelse(zero, 2 * cc * n1 / (n1 + n2), 0); k2 <- ifelse(zero, 2 * cc * n2 / (n1 + n2), 0)
  es <- escalc(measure = measure, ai = a + k1, bi = n1 - a + k1, ci = c + k2, di = n2 - c + k2, add = 0, to = "none")
  yi <- as.numeric(es$yi); vi <- as.numeric(es$vi); yi[dz] <- NA; vi[dz] <- NA
  list(yi = yi, vi = vi, dz = dz)
}

cases <- list()
add_case <- function(x) cases[[length(cases) + 1]] <<- x

for (set in c("bcg", "li2007", "nielweise2007", "hine1989")) {
  dat <- load_set(set)
  for (t2 in c("ML", "HE", "SJ", "HS", "EB")) {
    add_case(iv_case(paste(set, "RR_IV", t2, sep = "_"), dat, esc(dat, "RR"), "RR", t2, 0.5, "only0", "exclude"))
  }
  add_case(iv_case(paste(set, "OR_IV_REML_level90", sep = "_"), dat, esc(dat, "OR"), "OR", "REML", 0.5, "only0",
                   "exclude", level = 0.90))
  add_case(iv_case(paste(set, "OR_IV_ML_hksj", sep = "_"), dat, esc(dat, "OR"), "OR", "ML", 0.5, "only0",
                   "exclude", hksj = TRUE))
}
nw <- load_set("nielweise2007")
add_case(iv_case("nielweise2007_RR_IV_DL_cc_all", nw, esc(nw, "RR", to = "all"), "RR", "DL", 0.5, "all", "exclude"))
add_case(iv_case("nielweise2007_OR_IV_DL_cc_if0all", nw, esc(nw, "OR", to = "if0all"), "OR", "DL", 0.5, "if0all", "exclude"))
add_case(iv_case("nielweise2007_OR_IV_REML_cc_0.1", nw, esc(nw, "OR", add = 0.1), "OR", "REML", 0.1, "only0", "exclude"))
add_case(iv_case("nielweise2007_RR_IV_DL_cc_none", nw, esc(nw, "RR", to = "none"), "RR", "DL", 0.5, "none", "exclude"))
add_case(iv_case("nielweise2007_RR_IV_DL_tacc", nw, tacc(nw, "RR"), "RR", "DL", 0.5, "tacc", "exclude"))
add_case(iv_case("nielweise2007_OR_IV_PM_tacc", nw, tacc(nw, "OR"), "OR", "PM", 0.5, "tacc", "exclude"))
add_case(iv_case("nielweise2007_RR_IV_DL_double_zero_include", nw, esc(nw, "RR", drop00 = FALSE), "RR", "DL", 0.5,
                 "only0", "include"))
add_case(iv_case("nielweise2007_OR_IV_REML_double_zero_include", nw, esc(nw, "OR", drop00 = FALSE), "OR", "REML", 0.5,
                 "only0", "include"))

# Cumulative meta-analysis in order of publication year, then input order: cumul(res, order = year).
# (src/test/resources/reference/sensitivity_cases.json computed its bcg values with order = order(year), which metafor warns
# is "probably erroneous": it orders by the rank of the year, so its labels and values disagree.)
cum_case <- function(set, measure, tau2) {
  dat <- load_set(set)
  es <- escalc(measure = measure, ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = dat,
               drop00 = TRUE)
  res <- rma(yi, vi, data = es, method = tau2, control = tol, slab = study)
  cu <- cumul(res, order = dat$year)
  steps <- lapply(seq_along(cu$estimate), function(i) list(added = sub("\\.[0-9]+$", "", cu$slab[i]),
    estimate = exp(cu$estimate[i]), ci_lower = exp(cu$ci.lb[i]), ci_upper = exp(cu$ci.ub[i]), tau2 = cu$tau2[i]))
  list(name = paste(set, measure, tau2, "cumulative_by_year", sep = "_"), input = paste0("data/", set, ".csv"),
       settings = list(measure = measure, method = "IV", tau2 = tau2, hksj = FALSE, cc = 0.5, cc_mode = "only0",
                       double_zero = "exclude", level = 0.95),
       expected = list(cumulative = steps))
}
add_case(cum_case("bcg", "RR", "REML"))
add_case(cum_case("li2007", "OR", "DL"))
add_case(cum_case("nielweise2007", "RR", "PM"))

out <- list(generator = paste("metafor", packageVersion("metafor"), "via src/test/r/extra_reference.R"),
            cases = cases)
dir.create("src/test/resources/reference-extra", showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           "src/test/resources/reference-extra/extra_cases.json")
cat("wrote", length(cases), "cases\n")

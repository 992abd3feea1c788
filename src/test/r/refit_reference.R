# Leave-one-out and cumulative refits with every column metafor gives (estimate, CI, se, z, p, Q, its p, I2, H2, and
# tau2 for a random-effects model): leave1out() and cumul() of rma.uni (random effects, with and without
# Knapp-Hartung), rma.mh (Mantel-Haenszel, which leaves out and adds every table, those without a study estimate
# too) and rma.peto fits. Cumulative analyses in order of year, then input order (cumul(order = year)).
#
# Run from the repository root:  Rscript src/test/r/refit_reference.R
# Writes src/test/resources/reference-extra/refit_cases.json in the layout of cases.json.
suppressMessages({ library(metafor); library(jsonlite) })

data_dir <- "src/test/resources/reference/data"
load_set <- function(name) read.csv(file.path(data_dir, paste0(name, ".csv")), stringsAsFactors = FALSE)
tol <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-14)

steps <- function(x, key, labels, measure, random, hksj) {
  nat <- function(v) if (measure == "RD") v else exp(v)
  lapply(seq_along(x$estimate), function(i) {
    # a study without an estimate of its own is no step of an rma.uni fit (all NA); an rma.mh step whose pooled
    # ratio does not exist has NA estimates beside its Q
    if (is.na(x$estimate[i]) && is.na(x$Q[i])) return(NULL)
    # cumul() leaves z blank for a first step of one study under Knapp-Hartung, which rma() fits with test = "z"
    z <- if (is.null(x$zval) || is.na(x$zval[i])) x$estimate[i] / x$se[i] else x$zval[i]
    s <- list(estimate = nat(x$estimate[i]), ci_lower = nat(x$ci.lb[i]), ci_upper = nat(x$ci.ub[i]), se = x$se[i],
              z = z, p = x$pval[i], Q = x$Q[i], Q_p = x$Qp[i], I2 = x$I2[i], H2 = x$H2[i])
    s[[key]] <- sub("\\.[0-9]+$", "", x$slab[i]) # cumul() makes repeated labels unique with ".1"
    if (measure != "RD") s$log_estimate <- x$estimate[i]
    if (random) s$tau2 <- x$tau2[i]
    s
  })
}

refit_case <- function(set, measure, method, tau2 = NULL, hksj = FALSE) {
  d <- load_set(set)
  args <- list(measure = measure, ai = d$events_msc, n1i = d$n_msc, ci = d$events_control, n2i = d$n_control,
               slab = d$study)
  fit <- switch(method,
    MH = do.call(rma.mh, args),
    PETO = do.call(rma.peto, args[names(args) != "measure"]),
    IV = {
      es <- escalc(measure = measure, ai = d$events_msc, n1i = d$n_msc, ci = d$events_control, n2i = d$n_control,
                   drop00 = TRUE)
      rma(es$yi, es$vi, method = tau2, test = if (hksj) "knha" else "z", control = tol, slab = d$study)
    })
  random <- method == "IV"
  l <- suppressWarnings(leave1out(fit))
  cu <- suppressWarnings(cumul(fit, order = d$year))
  ord <- order(d$year)
  list(name = paste(c(set, measure, method, if (random) tau2 else "none", if (hksj) "hksj", "refits"),
                    collapse = "_"),
       input = paste0("data/", set, ".csv"),
       settings = list(measure = measure, method = method, tau2 = if (random) tau2 else "none", hksj = hksj,
                       cc = 0.5, cc_mode = "only0", double_zero = "exclude"),
       expected = list(leave_one_out = Filter(Negate(is.null), steps(l, "omitted", d$study, measure, random, hksj)),
                       cumulative = Filter(Negate(is.null), steps(cu, "added", d$study[ord], measure, random, hksj))))
}

cases <- list(
  refit_case("bcg", "RR", "IV", "REML"),
  refit_case("bcg", "RR", "MH"),
  refit_case("bcg", "OR", "PETO"),
  refit_case("bcg", "RD", "MH"),
  refit_case("li2007", "OR", "IV", "DL", hksj = TRUE),
  refit_case("li2007", "RR", "MH"),
  refit_case("nielweise2007", "RR", "MH"),
  refit_case("nielweise2007", "OR", "IV", "PM"),
  refit_case("hine1989", "OR", "PETO"))

out <- list(generator = paste("metafor", packageVersion("metafor"), "via src/test/r/refit_reference.R"),
            cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           "src/test/resources/reference-extra/refit_cases.json")
cat("wrote", length(cases), "cases\n")

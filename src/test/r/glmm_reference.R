# GLMM reference values beyond src/test/resources/reference/glmm_cases.json, from metafor's rma.glmm (lme4 1.1-31):
#   - the maximised log-likelihood of every shared GLMM case (lme4 stops 1e-4 to 3e-4 short of the optimum:
#     a fit at least as likely as lme4's is the check where the estimates differ by more than 1e-3);
#   - the common-effect GLMM (rma.glmm(method = "FE")): UM.FS (logistic regression with fixed study effects),
#     UM.RS (random study intercepts, 7-point adaptive quadrature) and PLO (one logit for all studies), reported
#     as the `common` block of results.json (`--method GLMM --tau2 none`).
#
# Run from the repository root:  Rscript src/test/r/glmm_reference.R
# Writes src/test/resources/reference-extra/glmm_extra_cases.json in the layout of cases.json.
suppressMessages({ library(metafor); library(jsonlite) })

data_dir <- "src/test/resources/reference/data"
load_set <- function(name) read.csv(file.path(data_dir, paste0(name, ".csv")), stringsAsFactors = FALSE)

# converged = TRUE: lme4 with its penalised IRLS run to convergence (tolPwrss 1e-12 instead of the default 1e-7): the
# default stops the inner solve early, so its Laplace deviance is off the exact Laplace approximation by
# up to 5e-4 (lee2004) and its UM.RS standard errors by 0.3-0.4%; converged, lme4 gives the exact Laplace values.
fit <- function(set, measure, model, method, converged = FALSE, tolPwrss = 1e-12) {
  d <- load_set(set)
  if (converged) {
    # the tightest tolerance the inner solve reaches (bcg's trials of 88,000 stop at 1e-10)
    for (tol in c(1e-12, 1e-11, 1e-10)) {
      r <- try(fit(set, measure, model, method, FALSE, tol), silent = TRUE)
      if (!inherits(r, "try-error")) return(r)
    }
    stop("no converged fit")
  }
  ctrl <- if (tolPwrss < 1e-7) list(glmerCtrl = list(tolPwrss = tolPwrss)) else list()
  if (measure == "PLOGIT") {
    suppressWarnings(rma.glmm(measure = "PLO", xi = events_msc, ni = n_msc, data = d, method = method,
                              control = ctrl))
  } else {
    suppressWarnings(rma.glmm(measure = "OR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
                              data = d, model = model, method = method, control = ctrl))
  }
}
formals(fit)$tolPwrss <- 1e-7

# lme4's log-likelihood is given where it is on the scale of the binomial likelihood with its coefficients, as
# mscmeta reports it: glm fits and the Laplace approximation. With adaptive quadrature (nAGQ > 1) lme4 reports it on
# another constant, which is not comparable (for bcg UM.RS: -127.18 for the common model, -126.30 for the model with
# tau2 fitted by Laplace, against -196.36 and -126.30 on the binomial scale).
comparable <- function(model, method) (method == "FE" && (is.na(model) || model == "UM.FS")) ||
  (method == "ML" && !is.na(model) && model == "UM.RS")

block <- function(r, measure, model, method) {
  b <- c(r$beta)
  back <- if (measure == "PLOGIT") transf.ilogit else exp
  out <- list(method = "GLMM", log_estimate = b, se = r$se, estimate = back(b), ci_lower = back(r$ci.lb),
              ci_upper = back(r$ci.ub), z = r$zval, p = r$pval)
  if (comparable(model, method)) out$log_likelihood <- c(logLik(r))
  out
}

cases <- list()
add <- function(x) cases[[length(cases) + 1]] <<- x
shared <- list(c("li2007", "OR", "UM.FS"), c("bcg", "OR", "UM.FS"), c("nielweise2007", "OR", "UM.RS"),
               c("pritz1997", "PLOGIT", NA), c("bcg", "OR", "UM.RS"), c("lee2004", "OR", "UM.RS"),
               c("damico2009", "OR", "UM.RS"))
for (s in shared) {
  ml <- fit(s[1], s[2], s[3], "ML")
  fe <- fit(s[1], s[2], s[3], "FE")
  settings <- list(measure = s[2], method = "GLMM", tau2 = "none")
  if (!is.na(s[3])) settings$glmm_model <- s[3]
  add(list(name = paste(s[1], s[2], "GLMM", if (is.na(s[3])) "PLO" else s[3], "common", sep = "_"),
           input = paste0("data/", s[1], ".csv"), settings = settings,
           expected = list(k = ml$k, common = block(fe, s[2], s[3], "FE"), random = NULL)))
  settings$tau2 <- "ML"
  if (!is.na(s[3]) && s[3] == "UM.RS") {
    cv <- fit(s[1], s[2], s[3], "ML", converged = TRUE)
    add(list(name = paste(s[1], s[2], "GLMM", s[3], "converged", sep = "_"),
             input = paste0("data/", s[1], ".csv"), settings = settings,
             expected = list(k = cv$k, random = list(tau2 = cv$tau2, log_estimate = c(cv$beta), se = cv$se,
                                                    estimate = exp(c(cv$beta)), ci_lower = exp(cv$ci.lb),
                                                    ci_upper = exp(cv$ci.ub), p = cv$pval,
                                                    log_likelihood = c(logLik(cv))))))
  }
  add(list(name = paste(s[1], s[2], "GLMM", if (is.na(s[3])) "PLO" else s[3], "loglik", sep = "_"),
           input = paste0("data/", s[1], ".csv"), settings = settings,
           expected = list(random = c(list(tau2 = ml$tau2, log_estimate = c(ml$beta)),
                                      if (comparable(s[3], "ML")) list(log_likelihood = c(logLik(ml)))),
                           common = block(fe, s[2], s[3], "FE"))))
}

out <- list(generator = paste("metafor", packageVersion("metafor"), "with lme4", packageVersion("lme4"),
                              "via src/test/r/glmm_reference.R"), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           "src/test/resources/reference-extra/glmm_extra_cases.json")
cat("wrote", length(cases), "cases\n")

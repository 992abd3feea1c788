# Reference values for --convention revman5 and --convention meta, computed in R with metafor where metafor
# has the computation, and from the formulas documented by R's meta (metabin: RR.Cochrane, MH.exact = FALSE,
# Q.Cochrane; settings.meta: method.predict = "V") and RevMan 5 (Deeks & Higgins 2010) where it does not:
#   - per-study RR under meta: log((a+i)/(n1+i)) - log((c+i)/(n2+i)), var 1/(a+i) - 1/(n1+i) + 1/(c+i) - 1/(n2+i)
#   - per-study RD under both: raw a/n1 - c/n2, variance from the corrected cells (escalc's vi)
#   - MH with 0.5 added to studies with a zero cell: metafor rma.mh(add = c(.5, .5), to = c("only0", "only0"))
#     for RR and OR; for RD the weighted mean of raw RDs with Greenland-Robins variance (written out below)
#   - DerSimonian-Laird from Q around the MH estimate, then rma(yi, vi, tau2 = that value)
#   - prediction interval t(k-2) (RevMan 5) or t(k-1) (meta), sqrt(tau2 + se^2)
# R's meta is not in Debian, so these are not meta's own output; they pin the documented formulas.
#
# Run from the repository root:  Rscript src/test/r/convention_reference.R
# Writes src/test/resources/reference-extra/convention_cases.json in the layout of cases.json.
suppressMessages({ library(metafor); library(jsonlite) })

data_dir <- "src/test/resources/reference/data"
tol <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-14)
ci_ctrl <- list(tol = 1e-13, maxiter = 10000)
nat <- function(x, measure) if (measure == "RD") x else exp(x)
pct <- function(w) 100 * w / sum(w)

load_set <- function(name) {
  d <- read.csv(file.path(data_dir, paste0(name, ".csv")), stringsAsFactors = FALSE); d$file <- name; d
}

# Per-study effects under a convention; dz = left out as double zero.
conv_es <- function(dat, measure, conv) {
  a <- dat$events_msc; n1 <- dat$n_msc; c <- dat$events_control; n2 <- dat$n_control
  none <- a == 0 & c == 0
  all <- a == n1 & c == n2
  dz <- switch(measure, RD = rep(FALSE, length(a)), RR = none, OR = none | all)
  zero <- (a == 0 | c == 0 | a == n1 | c == n2) & !dz
  i <- ifelse(zero, 0.5, 0)
  if (measure == "RR" && conv == "meta") {
    yi <- log((a + i) / (n1 + i)) - log((c + i) / (n2 + i))
    vi <- 1 / (a + i * !all) - 1 / (n1 + i) + 1 / (c + i * !all) - 1 / (n2 + i)
  } else {
    es <- escalc(measure = measure, ai = a + i, bi = n1 - a + i, ci = c + i, di = n2 - c + i, add = 0, to = "none")
    yi <- as.numeric(es$yi); vi <- as.numeric(es$vi)
    if (measure == "RD") yi <- a / n1 - c / n2
  }
  yi[dz] <- NA; vi[dz] <- NA
  list(yi = yi, vi = vi, dz = dz, i = i)
}

# Mantel-Haenszel with the correction; returns estimate, se and study weights (percent).
mh_corrected <- function(dat, measure, es) {
  a <- dat$events_msc; n1 <- dat$n_msc; c <- dat$events_control; n2 <- dat$n_control
  use <- !es$dz; i <- es$i
  A <- a + i; B <- n1 - a + i; C <- c + i; D <- n2 - c + i; N1 <- A + B; N2 <- C + D; N <- N1 + N2
  w <- rep(NA, length(a))
  if (measure == "RD") {
    s <- N1 * N2 / N
    r <- (A * B * N2^3 + C * D * N1^3) / (N1 * N2 * N^2)
    est <- sum((s * (a / n1 - c / n2))[use]) / sum(s[use])
    se <- sqrt(sum(r[use]) / sum(s[use])^2)
    w[use] <- pct(s[use])
  } else {
    fit <- rma.mh(ai = a[use], n1i = n1[use], ci = c[use], n2i = n2[use], measure = measure,
                  add = c(0.5, 0.5), to = c("only0", "only0"), drop00 = c(FALSE, FALSE))
    est <- c(fit$beta); se <- fit$se
    s <- if (measure == "RR") C * N1 / N else B * C / N
    w[use] <- pct(s[use])
  }
  z <- est / se; crit <- qnorm(0.975)
  list(est = est, se = se, z = z, p = 2 * pnorm(-abs(z)), lb = est - crit * se, ub = est + crit * se, w = w)
}

case <- function(set, measure, method, tau2, conv) {
  dat <- load_set(set)
  es <- conv_es(dat, measure, conv)
  inc <- !is.na(es$yi) & !is.na(es$vi)
  yi <- es$yi[inc]; vi <- es$vi[inc]; k <- length(yi)
  wc <- rep(NA, nrow(dat))
  if (method == "MH") {
    cm <- mh_corrected(dat, measure, es)
    wc <- cm$w
  } else {
    fe <- rma(yi, vi, method = "EE")
    cm <- list(est = c(fe$beta), se = fe$se, z = fe$zval, p = fe$pval, lb = fe$ci.lb, ub = fe$ci.ub)
    wc[inc] <- weights(fe)
  }
  Q <- sum((yi - cm$est)^2 / vi)
  if (tau2 == "DL" && method == "MH") {
    w <- 1 / vi
    t2 <- max(0, (Q - (k - 1)) / (sum(w) - sum(w^2) / sum(w)))
    re <- rma(yi, vi, tau2 = t2)
  } else {
    re <- rma(yi, vi, method = tau2, control = tol)
  }
  wr <- rep(NA, nrow(dat)); wr[inc] <- weights(re)
  df_pi <- if (conv == "meta") k - 1 else k - 2
  b <- c(re$beta)
  random <- list(tau2_method = tau2, hksj = FALSE, tau2 = re$tau2, se = re$se, estimate = nat(b, measure),
                 ci_lower = nat(re$ci.lb, measure), ci_upper = nat(re$ci.ub, measure), p = re$pval,
                 I2 = re$I2)
  if (measure != "RD") random$log_estimate <- b
  if (df_pi >= 1) {
    crit <- qt(0.975, df_pi); s <- sqrt(re$tau2 + re$se^2)
    random$pi_lower <- nat(b - crit * s, measure); random$pi_upper <- nat(b + crit * s, measure)
  } else {
    random["pi_lower"] <- list(NULL); random["pi_upper"] <- list(NULL)
  }
  ci <- confint(rma(yi, vi, method = "DL"), control = ci_ctrl)$random
  crit <- qnorm(0.975)
  studies <- lapply(seq_len(nrow(dat)), function(j) {
    if (!inc[j]) return(list(study = dat$study[j], included = FALSE))
    list(study = dat$study[j], included = TRUE, estimate = nat(es$yi[j], measure),
         ci_lower = nat(es$yi[j] - crit * sqrt(es$vi[j]), measure),
         ci_upper = nat(es$yi[j] + crit * sqrt(es$vi[j]), measure),
         weight_common = wc[j], weight_random = wr[j])
  })
  list(name = paste(set, measure, method, tau2, conv, sep = "_"), input = paste0("data/", set, ".csv"),
       settings = list(measure = measure, method = method, tau2 = tau2, hksj = FALSE, cc = 0.5, cc_mode = "only0",
                       double_zero = "exclude", level = 0.95, convention = conv),
       expected = list(k = k, k_double_zero_excluded = sum(es$dz),
                       common = list(method = method, estimate = nat(cm$est, measure),
                                     ci_lower = nat(cm$lb, measure), ci_upper = nat(cm$ub, measure),
                                     se = cm$se, z = cm$z, p = cm$p),
                       random = random,
                       heterogeneity = list(Q = Q, df = k - 1, p = pchisq(Q, k - 1, lower.tail = FALSE),
                                            I2 = max(0, 100 * (Q - (k - 1)) / Q),
                                            tau2_ci_lower = ci["tau^2", "ci.lb"], tau2_ci_upper = ci["tau^2", "ci.ub"]),
                       studies = studies))
}

cases <- list()
for (set in c("nielweise2007", "li2007", "hine1989", "bcg")) {
  for (conv in c("revman5", "meta")) {
    for (measure in c("RR", "OR", "RD")) cases[[length(cases) + 1]] <- case(set, measure, "MH", "DL", conv)
  }
  cases[[length(cases) + 1]] <- case(set, "RR", "IV", "REML", "meta")
}
out <- list(generator = paste("metafor", packageVersion("metafor"), "via src/test/r/convention_reference.R"),
            cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           "src/test/resources/reference-extra/convention_cases.json")
cat("wrote", length(cases), "cases\n")

# Checks that mscmeta's results.json agrees with metafor on the job of issue 5, for every outcome and every
# subgroup: the Mantel-Haenszel risk ratio and its CI, the DerSimonian-Laird random-effects risk ratio, its CI and
# tau2, Q, and the tests for subgroup differences (common and random).
# Usage: Rscript bench/agreement.R SHEET.csv RESULTS.json   (results.json of
#   analyze --no-report --measure RR --method MH --tau2 DL --by route,cell_source SHEET.csv)
# Prints how many values were compared and the largest relative difference; exits 1 above 1e-6.
suppressMessages({ library(metafor); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
sheet <- read.csv(args[1], stringsAsFactors = FALSE)
d <- sheet[!is.na(sheet$n_control), ]              # single-arm trials have no comparison
r <- fromJSON(args[2], simplifyVector = FALSE)

key <- function(outcome, variable, level) paste(outcome, variable, level, sep = "\r")
ours <- new.env()
for (a in r$analyses) {
  sg <- a$subgroup
  assign(key(a$outcome, if (is.null(sg)) "" else sg$variable, if (is.null(sg)) "" else sg$level), a, envir = ours)
}
tests <- new.env()
for (t in r$subgroup_tests) assign(key(t$outcome, t$variable, t$model), t, envir = tests)

worst <- 0; compared <- 0; where <- ""
same <- function(theirs, mine, what) {
  if (is.null(theirs) || is.na(theirs)) return(invisible())
  if (is.null(mine)) stop(what, ": missing in results.json")
  diff <- abs(theirs - mine) / max(abs(theirs), abs(mine))
  if (abs(theirs - mine) < 1e-12) diff <- 0
  compared <<- compared + 1
  if (diff > worst) { worst <<- diff; where <<- what }
}
num <- function(x) if (is.null(x)) NA else x

fit <- function(s, outcome, variable, level) {
  what <- paste(outcome, variable, level)
  a <- get0(key(outcome, variable, level), envir = ours)
  if (is.null(a)) stop(what, ": no analysis in results.json")
  mh <- tryCatch(suppressWarnings(rma.mh(measure = "RR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
                        data = s)), error = function(e) NULL)
  es <- suppressWarnings(escalc(measure = "RR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s,
               drop00 = TRUE))
  re <- tryCatch(suppressWarnings(rma(yi, vi, data = es, method = "DL")), error = function(e) NULL)
  if (!is.null(mh)) {
    same(exp(c(mh$beta)), num(a$common$estimate), paste(what, "MH RR"))
    same(exp(mh$ci.lb), num(a$common$ci_lower), paste(what, "MH CI lower"))
    same(exp(mh$ci.ub), num(a$common$ci_upper), paste(what, "MH CI upper"))
  }
  if (!is.null(re)) {
    same(exp(c(re$beta)), num(a$random$estimate), paste(what, "DL RR"))
    same(exp(re$ci.lb), num(a$random$ci_lower), paste(what, "DL CI lower"))
    same(exp(re$ci.ub), num(a$random$ci_upper), paste(what, "DL CI upper"))
    same(re$tau2, num(a$random$tau2), paste(what, "tau2"))
    same(re$k, a$k, paste(what, "k"))
  }
  if (!is.null(mh)) same(mh$QE, num(a$heterogeneity$Q), paste(what, "Q"))
  list(mh = mh, re = re)
}
subgroup_test <- function(fits, which) {
  est <- sapply(fits, function(f) if (is.null(f[[which]])) NA else c(f[[which]]$beta))
  se <- sapply(fits, function(f) if (is.null(f[[which]])) NA else f[[which]]$se)
  ok <- !is.na(est) & is.finite(se)
  w <- 1 / se[ok]^2
  q <- sum(w * (est[ok] - sum(w * est[ok]) / sum(w))^2)
  c(Q = q, p = pchisq(q, sum(ok) - 1, lower.tail = FALSE))
}

# the subgroups as mscmeta formed them (route and cell source normalised to its vocabulary, e.g. "local
# implantation" -> "intralesional / local implantation"): each level's studies by their sheet row
levels <- list()
for (a in r$analyses) {
  if (is.null(a$subgroup)) next
  k <- paste(a$outcome, a$subgroup$variable, sep = "\r")
  rows <- vapply(a$studies, function(x) x$row, numeric(1))
  levels[[k]][[a$subgroup$level]] <- sheet[rows - 1, ]   # row 1 is the header
}
for (term in unique(d$outcome)) {
  s <- d[d$outcome == term, ]
  fit(s, term, "", "")
  for (v in c("route", "cell_source")) {
    fits <- list()
    byLevel <- levels[[paste(term, v, sep = "\r")]]
    if (length(unique(s[[v]])) != length(byLevel)) {
      cat(sprintf("%s by %s: %d values in the sheet, %d levels once normalised\n", term, v,
                  length(unique(s[[v]])), length(byLevel)))
    }
    for (level in names(byLevel)) fits[[level]] <- fit(byLevel[[level]], term, v, level)
    for (model in c("common", "random")) {
      t <- get0(key(term, v, model), envir = tests)
      if (is.null(t)) stop(term, " by ", v, ": no ", model, " test in results.json")
      q <- subgroup_test(fits, if (model == "common") "mh" else "re")
      same(q[["Q"]], num(t$Q), paste(term, "by", v, model, "Q"))
      same(q[["p"]], num(t$p), paste(term, "by", v, model, "p"))
    }
  }
}
cat(sprintf("agreement with metafor: %d values compared, largest relative difference %.2e (%s)\n",
            compared, worst, where))
if (worst > 1e-6) quit(status = 1)

# The peer job of issue 5 in R metafor: for every AE term, Mantel-Haenszel risk ratio and DerSimonian-Laird
# random effects overall, per route and per cell source, with the tests for subgroup differences.
# Usage: Rscript bench/peer_metafor.R SHEET.csv
# Prints the wall time of the job (reading included) and a checksum of the pooled estimates.
suppressMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
t0 <- Sys.time()
d <- read.csv(args[1], stringsAsFactors = FALSE)
d <- d[!is.na(d$n_control), ]                      # single-arm trials have no comparison
fit <- function(s) {
  mh <- tryCatch(rma.mh(measure = "RR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
                        data = s), error = function(e) NULL)
  es <- escalc(measure = "RR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s,
               drop00 = TRUE)
  re <- tryCatch(rma(yi, vi, data = es, method = "DL"), error = function(e) NULL)
  list(mh = mh, re = re)
}
subgroup_test <- function(fits, which) {
  est <- sapply(fits, function(f) if (is.null(f[[which]])) NA else c(f[[which]]$beta))
  se <- sapply(fits, function(f) if (is.null(f[[which]])) NA else f[[which]]$se)
  ok <- !is.na(est)
  w <- 1 / se[ok]^2
  q <- sum(w * (est[ok] - sum(w * est[ok]) / sum(w))^2)
  c(Q = q, p = pchisq(q, sum(ok) - 1, lower.tail = FALSE))
}
checksum <- 0
for (term in unique(d$outcome)) {
  s <- d[d$outcome == term, ]
  overall <- fit(s)
  checksum <- checksum + c(overall$re$beta)
  for (v in c("route", "cell_source")) {
    fits <- lapply(split(s, s[[v]]), fit)
    t1 <- subgroup_test(fits, "mh"); t2 <- subgroup_test(fits, "re")
    checksum <- checksum + sum(sapply(fits, function(f) if (is.null(f$re)) 0 else c(f$re$beta)))
  }
}
cat(sprintf("metafor job: %.2f s, checksum %.6f\n", as.numeric(difftime(Sys.time(), t0, units = "secs")), checksum))

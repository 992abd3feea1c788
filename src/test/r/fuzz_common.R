# What the differential tests against metafor share (fuzz_metafor.R, fuzz_proportions.R, fuzz_subgroups.R,
# fuzz_sensitivity.R, fuzz_glmm.R): the libraries, metafor's iteration control, the record of the largest relative difference per
# quantity, the comparison of a random-effects fit, and the loop that runs `analyze` over random sheets and a grid of
# settings.
# Sourced by those scripts from the repository root; not run on its own.
suppressMessages({ library(metafor); library(jsonlite) })
jar <- "target/mscmeta.jar"
# metafor iterated to 1e-12; its Paule-Mandel root asked for at tol 1e-14 (at its default uniroot tolerance the PM
# tau2 of risk differences, which are small numbers, was off by a factor of up to 9)
ctl <- list(maxiter = 10000, threshold = 1e-12, stepadj = 0.5, tol = 1e-14)
sets <- as.integer(c(commandArgs(TRUE), "2")[1])

# The largest relative difference per quantity: note(name, metafor, mscmeta); worst() the list of them. A value
# metafor has and mscmeta does not (null) counts as Inf.
tracker <- function() {
  worst <- list()
  list(note = function(f, x, y) {
    if (is.null(x) || length(x) == 0 || is.na(x)) return()
    v <- if (is.null(y)) Inf else if (identical(x, y) || abs(x) < 1e-12 && abs(y) < 1e-12) 0
         else abs(x - y) / max(abs(x), 1e-8)
    if (is.nan(v)) v <- Inf
    if (is.null(worst[[f]]) || v > worst[[f]]) worst[[f]] <<- v
  }, worst = function() worst)
}

# A random-effects fit g of metafor against results.json's `random` object r, natural scale by tr; the prediction
# interval from k = 3 (tau2 and I2 shifted so that values near 0 compare absolutely).
note_random <- function(note, g, r, tr, prefix = "random") {
  note(paste0(prefix, ".tau2"), g$tau2 + 1e-6, r$tau2 + 1e-6)
  note(paste0(prefix, ".estimate"), tr(g$beta[1]), r$estimate); note(paste0(prefix, ".p"), g$pval, r$p)
  note(paste0(prefix, ".ci"), tr(g$ci.lb), r$ci_lower); note(paste0(prefix, ".ci"), tr(g$ci.ub), r$ci_upper)
  note(paste0(prefix, ".I2"), g$I2 + 1, r$I2 + 1)
  if (g$k >= 3) {
    p <- predict(g)
    note(paste0(prefix, ".pi"), tr(p$pi.lb), r$pi_lower); note(paste0(prefix, ".pi"), tr(p$pi.ub), r$pi_upper)
  }
}

# Runs `analyze --no-report --sensitivity SENSITIVITY --quiet` on sheet(set) for every set and every row of grid (a
# data frame of measure, method, tau2, hksj; method NA for none; optionally `options`, more arguments of that setting
# separated by spaces), with the extra arguments given, and prints the largest difference compare(d, results,
# setting) reports per setting.
run_fuzz <- function(sheet, grid, extra, compare, sensitivity = "none") {
  dir <- tempfile("fuzz"); dir.create(dir)
  for (set in seq_len(sets)) {
    d <- sheet(set)
    csv <- file.path(dir, "sheet.csv"); write.csv(d, csv, row.names = FALSE, na = "")
    for (i in seq_len(nrow(grid))) {
      g <- grid[i, ]
      out <- file.path(dir, "out"); unlink(out, recursive = TRUE)
      args <- c("-jar", jar, "analyze", csv, "--out", out, "--no-report", "--sensitivity", sensitivity, "--quiet", extra,
                "--measure", g$measure, if (!is.na(g$method)) c("--method", g$method), "--tau2", g$tau2,
                if (g$hksj) "--hksj", if (!is.null(g$options)) shQuote(strsplit(g$options, " ")[[1]]))
      if (system2("java", args) != 0) { cat("analyze failed:", args, "\n"); next }
      w <- unlist(compare(d, fromJSON(file.path(out, "results.json"), simplifyVector = FALSE), g))
      big <- w[w > 1e-6]
      cat(sprintf("set %d %-6s %-4s %-4s %-5s%s largest %.1e%s\n", set, g$measure, if (is.na(g$method)) "" else g$method,
                  g$tau2, if (g$hksj) "hksj" else "", if (is.null(g$options)) "" else paste0(" ", g$options), max(w),
                  if (length(big)) paste0("  above 1e-6: ", paste(names(big), collapse = ", ")) else ""))
    }
  }
}

# A random two-arm sheet of 60 outcomes (2 to 15 trials, event risks from 0.1% to 95%); with zeros, trials of no
# events in either arm are kept (else given one event in the MSC arm).
two_arm_sheet <- function(seed, zeros) {
  set.seed(seed)
  rows <- list()
  for (o in 0:59) {
    k <- sample(c(2, 3, 4, 5, 6, 8, 10, 15), 1); base <- sample(c(0.001, 0.02, 0.05, 0.1, 0.3, 0.6), 1)
    eff <- sample(c(0.3, 0.7, 1, 1.5, 3), 1)
    n1 <- sample(5:200, k, TRUE); n2 <- sample(5:200, k, TRUE)
    p2 <- pmin(0.95, pmax(0.001, base * rlnorm(k, 0, 0.8))); p1 <- pmin(0.97, p2 * eff * rlnorm(k, 0, 0.5))
    a <- rbinom(k, n1, p1); c <- rbinom(k, n2, p2)
    if (!zeros) a[a + c == 0] <- 1
    rows[[o + 1]] <- data.frame(study = sprintf("S%d_%d", o, seq_len(k)), year = 2000 + seq_len(k),
                                outcome = sprintf("O%02d", o), events_msc = a, n_msc = n1, events_control = c,
                                n_control = n2)
  }
  do.call(rbind, rows)
}

# The settings: measures x methods x the estimators of $TAU2 (default all eight) x with and without --hksj.
grid_of <- function(measures, methods = NA) {
  expand.grid(hksj = c(FALSE, TRUE), tau2 = strsplit(Sys.getenv("TAU2", "DL,REML,PM,ML,HE,SJ,HS,EB"), ",")[[1]],
              method = methods, measure = measures, stringsAsFactors = FALSE)[, c("measure", "method", "tau2", "hksj")]
}

# Differential test of meta-regression and route x cell source against metafor on random sheets: not part of the
# build (it needs R, metafor and jsonlite). Generates SETS sheets of 30 outcomes (3 to 20 trials, three routes and
# three cell sources at random, some combinations empty; in even sets 10% of the routes and cell sources left
# blank), runs `analyze --no-report --sensitivity none --method IV --moderators route,cell_source` for RR and OR
# under each tau2 estimator with and without --hksj, and compares with metafor's rma(mods = ~ route + cell_source)
# and rma(mods = ~ route * cell_source) with anova(btt = interaction terms) on the studies with both values (a
# factor with one level left out, as ours leaves it): tau2, QM and its p, QE, R2, every coefficient's estimate, se
# and p by name, and every combination's own pooled estimate. A model one program fits and the other refuses, or a
# coefficient one has and the other has not, is printed as a MISMATCH.
#
# Run from the repository root after `mvn -q -B package -DskipTests`:  Rscript src/test/r/fuzz_moderators.R [SETS]
# (TAU2=REML,DL to run some estimators only).
suppressMessages({ library(metafor); library(jsonlite) })
sets <- as.integer(c(commandArgs(TRUE), "2")[1])
jar <- "target/mscmeta.jar"
ctl <- list(maxiter = 10000, threshold = 1e-12, stepadj = 0.5, tol = 1e-14)
routes <- c("intravenous", "intra-articular", "intrathecal"); sources <- c("bone marrow", "umbilical cord", "adipose")
sheet <- function(seed, blanks) {
  set.seed(seed); rows <- list()
  for (o in 0:29) {
    k <- sample(c(3, 4, 5, 6, 8, 10, 14, 20), 1); base <- sample(c(0.02, 0.05, 0.1, 0.3), 1)
    n1 <- sample(10:200, k, TRUE); n2 <- sample(10:200, k, TRUE)
    nr <- sample(2:3, 1); ns <- sample(2:3, 1)
    r <- sample(routes[1:nr], k, TRUE); s <- sample(sources[1:ns], k, TRUE)
    eff <- exp(0.5 * (r == "intrathecal") - 0.4 * (s == "adipose"))
    p2 <- pmin(0.9, base * rlnorm(k, 0, 0.6)); p1 <- pmin(0.95, p2 * eff * rlnorm(k, 0, 0.4))
    a <- rbinom(k, n1, p1); c <- rbinom(k, n2, p2)
    if (blanks) { r[runif(k) < 0.1] <- ""; s[runif(k) < 0.1] <- "" }
    rows[[o + 1]] <- data.frame(study = sprintf("S%d_%d", o, seq_len(k)), year = 2000 + seq_len(k),
      outcome = sprintf("O%02d", o), route = r, cell_source = s, events_msc = a, n_msc = n1, events_control = c, n_control = n2)
  }
  do.call(rbind, rows)
}
worst <- list(); miss <- list()
note <- function(f, x, y) {
  if (is.null(x) || length(x) == 0 || is.na(x)) return()
  v <- if (is.null(y)) Inf else if (abs(x) < 1e-10 && abs(y) < 1e-10) 0 else abs(x - y) / max(abs(x), 1e-6)
  if (is.null(worst[[f]]) || v > worst[[f]]) worst[[f]] <<- v
}
term <- function(n) { n <- sub("^route", "route = ", n); n <- sub("^cell_source", "cell_source = ", n); n <- gsub(":route", ":route = ", n); n <- gsub(":cell_source", " : cell_source = ", n); n }
cmpfit <- function(tag, f, j, hksj) {
  if (is.null(f)) { if (!is.null(j) && is.null(j$not_estimable)) miss[[paste(tag, "ours only")]] <<- TRUE; return() }
  if (is.null(j) || !is.null(j$not_estimable) || is.null(j$tau2)) { miss[[paste(tag, "metafor only")]] <<- TRUE; return() }
  note(paste0(tag, ".tau2"), f$tau2 + 1e-6, j$tau2 + 1e-6); note(paste0(tag, ".QM"), f$QM + 1e-3, j$QM + 1e-3)
  note(paste0(tag, ".QM_p"), f$QMp, j$QM_p); note(paste0(tag, ".QE"), f$QE + 1e-3, j$QE + 1e-3)
  if (!is.null(f$R2) && !is.null(j$R2)) note(paste0(tag, ".R2"), f$R2 + 1, j$R2 + 1)
  cf <- j$coefficients; names(cf) <- sapply(cf, function(x) x$term)
  for (i in seq_along(f$beta)) {
    n <- rownames(f$beta)[i]; n <- if (n == "intrcpt") "intercept" else term(n)
    c1 <- cf[[n]]; if (is.null(c1)) c1 <- cf[[gsub("route = ([^:]*):cell_source", "route = \\1 x cell_source", n)]]
    if (is.null(c1)) { miss[[paste(tag, "coef", n, "ours:", paste(names(cf), collapse="|"))]] <<- TRUE; next }
    note(paste0(tag, ".coef"), f$beta[i], c1$estimate); note(paste0(tag, ".se"), f$se[i], c1$se); note(paste0(tag, ".p"), f$pval[i], c1$p)
  }
}
dir <- tempfile("mfz"); dir.create(dir)
for (set in seq_len(sets)) {
  d <- sheet(set, blanks = set %% 2 == 0)
  csv <- file.path(dir, "sheet.csv"); write.csv(d, csv, row.names = FALSE, na = "")
  for (measure in c("RR", "OR")) for (tau2 in strsplit(Sys.getenv("TAU2", "REML,DL,ML,PM"), ",")[[1]]) for (hksj in c(FALSE, TRUE)) {
    out <- file.path(dir, "out"); unlink(out, recursive = TRUE)
    args <- c("-jar", jar, "analyze", csv, "--out", out, "--no-report", "--sensitivity", "none", "--quiet", "--method", "IV",
              "--measure", measure, "--tau2", tau2, "--moderators", "route,cell_source", if (hksj) "--hksj")
    if (system2("java", args) != 0) { cat("analyze failed:", args, "\n"); next }
    res <- fromJSON(file.path(out, "results.json"), simplifyVector = FALSE)
    test <- if (hksj) "knha" else "z"
    for (an in res$analyses) {
      if (!is.null(an$subgroup)) next
      s <- d[d$outcome == an$outcome, ]
      es <- escalc(measure = measure, ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = s, add = 0.5, to = "only0", drop00 = TRUE)
      es <- es[!is.na(es$yi), ]
      m <- es[es$route != "" & es$cell_source != "", ]; m$route <- factor(m$route); m$cell_source <- factor(m$cell_source)
      fit <- function(form, dd) tryCatch(suppressWarnings(rma(yi, vi, mods = form, data = dd, method = tau2, test = test, control = ctl)), error = function(e) NULL)
      vars <- c("route", "cell_source")[c(nlevels(m$route) > 1, nlevels(m$cell_source) > 1)]
      mr <- if (length(vars)) fit(as.formula(paste("~", paste(vars, collapse = " + "))), m) else NULL
      if (!is.null(mr) && mr$p > 1 && !is.null(an$meta_regression)) cmpfit("metareg", mr, an$meta_regression, hksj)
      if (!is.null(an$main_effects)) cmpfit("main", if (!is.null(mr) && mr$p > 1) mr else NULL, an$main_effects, hksj)
      if (!is.null(an$interaction)) {
        it <- if (length(vars) == 2) fit(~ route * cell_source, m) else NULL
        btt <- if (is.null(it)) integer(0) else grep(":", rownames(it$beta))
        if (length(btt) == 0) it <- NULL
        cmpfit("inter", it, an$interaction, hksj)
        if (!is.null(it) && !is.null(an$interaction$interaction_QM)) { at <- anova(it, btt = btt); note("inter.QMint", at$QM + 1e-3, an$interaction$interaction_QM + 1e-3); note("inter.pint", at$QMp, an$interaction$interaction_p) }
      }
      for (cell in an$cells) {
        sub <- m[m$route == cell$route & m$cell_source == cell$cell_source, ]
        if (nrow(sub) == 0) { miss[["cell missing in R"]] <<- TRUE; next }
        g <- if (nrow(sub) == 1) rma(yi, vi, data = sub, method = "EE") else tryCatch(rma(yi, vi, data = sub, method = tau2, test = test, control = ctl), error = function(e) NULL)
        if (is.null(g) || is.null(cell$estimate)) next
        note("cell.est", exp(g$beta[1]), cell$estimate); note("cell.ci", exp(g$ci.lb), cell$ci_lower); note("cell.ci", exp(g$ci.ub), cell$ci_upper); note("cell.p", g$pval, cell$p)
      }
    }
    w <- unlist(worst); big <- w[w > 1e-6]
    cat(sprintf("set %d %s %-4s %-5s largest %.1e%s%s\n", set, measure, tau2, if (hksj) "hksj" else "", max(w),
        if (length(big)) paste0("  above: ", paste(names(big), collapse = ",")) else "", if (length(miss)) paste0("  MISMATCH: ", paste(names(miss), collapse = "; ")) else ""))
    worst <- list(); miss <- list()
  }
}

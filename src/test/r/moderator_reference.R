# Route x cell source reference values beyond shared/reference's moderator_cases.json (REML, DL): the other
# tau2 estimators, an odds ratio and the Knapp-Hartung tests, with metafor 3.8-1, on the same input.
# Run from the project root:  Rscript src/test/r/moderator_reference.R
# Writes src/test/resources/reference-extra/moderator_extra_cases.json.
suppressPackageStartupMessages({library(metafor); library(jsonlite)})
input <- "data/route_source_a.csv"
d <- read.csv(file.path("src/test/resources/reference", input), stringsAsFactors = FALSE)

# iterated to machine precision, as the shared reference's REML and PM (metafor's default stops at 1e-5)
ctrl <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)
one <- function(measure, method, test = "z") {
  es <- escalc(measure = measure, ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control, data = d,
               add = 0.5, to = "only0", drop00 = TRUE)
  es <- es[!is.na(es$yi), ]
  es$route <- factor(es$route)
  es$cell_source <- factor(es$cell_source)
  main <- rma(yi, vi, mods = ~ route + cell_source, data = es, method = method, test = test, control = ctrl)
  inter <- rma(yi, vi, mods = ~ route * cell_source, data = es, method = method, test = test, control = ctrl)
  btt <- grep(":", rownames(inter$beta))
  at <- anova(inter, btt = btt)
  qm <- function(f) if (test == "knha") f$QM else f$QM
  cells <- list()
  for (r in levels(es$route)) for (s in levels(es$cell_source)) {
    sub <- es[es$route == r & es$cell_source == s, ]
    if (nrow(sub) == 0) next
    fit <- if (nrow(sub) == 1) rma(yi, vi, data = sub, method = "FE") else rma(yi, vi, data = sub, method = method,
                                                                             test = test, control = ctrl)
    cells[[length(cells) + 1]] <- list(route = r, cell_source = s, k = fit$k, tau2 = if (nrow(sub) == 1) 0 else fit$tau2,
      estimate = exp(as.numeric(fit$beta)), ci_lower = exp(fit$ci.lb), ci_upper = exp(fit$ci.ub), p = fit$pval)
  }
  list(name = paste0("route_source_a_", measure, "_", method, if (test == "knha") "_HKSJ" else ""),
       input = input,
       settings = c(list(measure = measure, method = "IV", tau2 = method, moderators = c("route", "cell_source")),
                    if (test == "knha") list(hksj = TRUE) else list()),
       expected = list(
         main_effects = list(tau2 = main$tau2, QM = main$QM, QM_p = main$QMp, QE = main$QE, QE_df = main$k - main$p,
                             QE_p = main$QEp, R2 = main$R2),
         interaction = list(tau2 = inter$tau2, QM = inter$QM, QM_p = inter$QMp, interaction_QM = at$QM,
                            interaction_p = at$QMp),
         cells = cells))
}
cases <- list(one("RR", "PM"), one("RR", "ML"), one("RR", "EB"), one("RR", "SJ"), one("RR", "HE"), one("RR", "HS"),
              one("OR", "REML"), one("RR", "REML", "knha"))
writeLines(toJSON(list(generator = paste("metafor", packageVersion("metafor")), cases = cases), auto_unbox = TRUE,
                  digits = NA, pretty = TRUE),
           "src/test/resources/reference-extra/moderator_extra_cases.json")

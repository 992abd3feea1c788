# Meta-regressions whose designs have redundant columns, with metafor 3.8-1: which terms R drops and the values of
# those it keeps. "Interaction": route x cell source where three of the nine combinations have no study, so that
# some interaction terms repeat others (R keeps the first independent columns of model.matrix, the first factor's
# levels varying fastest). "Confounded": intravenous trials used bone marrow and the others umbilical cord, so the
# cell source repeats the route; 4 studies for 3 coefficients that the studies tell apart. "One route": every study
# is intravenous, so route is a factor of one level, which R's model.matrix refuses ("contrasts can be applied only
# to factors with 2 or more levels"); mscmeta leaves it out with a notice, so its fit on route and year is metafor's
# on year alone.
# Run from the project root:  Rscript src/test/r/aliased_reference.R
# Writes src/test/resources/reference-extra/aliased_cases.json.
suppressPackageStartupMessages({library(metafor); library(jsonlite)})
input <- "data/aliased_moderators.csv"
d <- read.csv(file.path("src/test/resources/reference-extra", input), stringsAsFactors = FALSE)
ctrl <- list(threshold = 1e-12, maxiter = 10000)
term <- function(n) {
  n <- sub("^intrcpt$", "intercept", n)
  n <- gsub("route([^:]+)", "route = \\1", n)
  n <- gsub("cell_source([^:]+)", "cell_source = \\1", n)
  gsub(":", " : ", n)
}
fitted <- function(f) list(tau2 = f$tau2, QM = f$QM, QE = f$QE, terms = term(rownames(f$beta)),
                           estimate = as.numeric(f$beta), se = f$se)
cases <- list()
for (o in c("Interaction", "Confounded")) {
  es <- escalc(measure = "RR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
               data = d[d$outcome == o, ], add = 0.5, to = "only0", drop00 = TRUE)
  es$route <- factor(es$route)
  es$cell_source <- factor(es$cell_source)
  main <- suppressWarnings(rma(yi, vi, mods = ~ route + cell_source, data = es, method = "REML", control = ctrl))
  expected <- list(main_effects = fitted(main))
  if (o == "Interaction") {
    inter <- suppressWarnings(rma(yi, vi, mods = ~ route * cell_source, data = es, method = "REML", control = ctrl))
    at <- anova(inter, btt = grep(":", rownames(inter$beta)))
    expected$interaction <- c(fitted(inter), list(interaction_QM = at$QM, interaction_df = at$QMdf[1]))
  }
  cases[[length(cases) + 1]] <- list(name = paste0("aliased_", o), input = input, outcome = o, expected = expected)
}
es <- escalc(measure = "RR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
             data = d[d$outcome == "One route", ], add = 0.5, to = "only0", drop00 = TRUE)
year <- rma(yi, vi, mods = ~ year, data = es, method = "REML", control = ctrl)
one_level <- list(input = input, outcome = "One route", moderators = "route,year", expected = fitted(year))
writeLines(toJSON(list(generator = paste("metafor", packageVersion("metafor"), "via src/test/r/aliased_reference.R"),
                       cases = cases, one_level_factor = one_level), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "src/test/resources/reference-extra/aliased_cases.json")

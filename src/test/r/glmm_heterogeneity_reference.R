# The tests for heterogeneity of metafor's rma.glmm (QE.Wld, QE.LRT, on QE.df degrees of freedom), for the models
# whose common-effect model is a logistic regression: the odds ratio with fixed study effects (UM.FS) and single-arm
# proportions (PLO). Inputs: the shared reference data sets, and the example sheet's deaths (zero cells).
#
# Run from the repository root:  Rscript src/test/r/glmm_heterogeneity_reference.R
# Writes src/test/resources/reference-extra/glmm_heterogeneity_cases.json in the layout of cases.json.
suppressMessages({ library(metafor); library(jsonlite) })

load_set <- function(path) read.csv(file.path("src/test/resources", path), stringsAsFactors = FALSE)

cases <- list()
sets <- list(c("reference/data/li2007.csv", "OR"), c("reference/data/bcg.csv", "OR"),
             c("reference/data/lee2004.csv", "OR"), c("reference/data/damico2009.csv", "OR"),
             c("reference/data/nielweise2007.csv", "OR"), c("reference-extra/data/example_deaths.csv", "OR"),
             c("reference/data/pritz1997.csv", "PLOGIT"), c("reference-extra/data/example_deaths.csv", "PLOGIT"))
for (s in sets) {
  d <- load_set(s[1])
  r <- if (s[2] == "PLOGIT") {
    suppressWarnings(rma.glmm(measure = "PLO", xi = events_msc, ni = n_msc, data = d))
  } else {
    suppressWarnings(rma.glmm(measure = "OR", ai = events_msc, n1i = n_msc, ci = events_control, n2i = n_control,
                              data = d, model = "UM.FS"))
  }
  name <- paste0(sub("\\.csv$", "", basename(s[1])), "_", s[2], "_GLMM_heterogeneity")
  settings <- list(measure = s[2], method = "GLMM", note = "metafor rma.glmm QE.Wld and QE.LRT")
  if (s[2] == "OR") settings$glmm_model <- "UM.FS"
  # inputs as the other cases name them: reference/'s relative to it, reference-extra/'s in full
  cases[[length(cases) + 1]] <- list(name = name, input = sub("^reference/", "", s[1]), settings = settings,
    expected = list(k = r$k, heterogeneity = list(df = r$QE.df, Q_wald = r$QE.Wld, Q_wald_p = r$QEp.Wld,
                                                  Q_lrt = r$QE.LRT, Q_lrt_p = r$QEp.LRT)))
}
out <- list(generator = paste0("metafor ", packageVersion("metafor"), " with lme4 ", packageVersion("lme4"),
                               " via src/test/r/glmm_heterogeneity_reference.R"), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE),
           "src/test/resources/reference-extra/glmm_heterogeneity_cases.json")

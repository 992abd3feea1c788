# R's p.adjust(method = "BH") on the outcomes' p-values of a run (the model each outcome's plots show), for
# BenjaminiHochbergReferenceTest. Run from the project root after
#   java -jar target/mscmeta.jar analyze examples/msc_adverse_events.csv --out /tmp/bh --no-report --quiet
# as:  Rscript src/test/r/bh_reference.R /tmp/bh/results.json
suppressPackageStartupMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
r <- fromJSON(args[1], simplifyVector = FALSE)
outcomes <- r$false_discovery$outcomes
p <- sapply(outcomes, function(o) if (is.null(o$p)) NA else o$p)
bh <- p.adjust(p, method = "BH")
cases <- lapply(seq_along(outcomes), function(i) list(outcome = outcomes[[i]]$outcome, p = p[i],
                                                       p_bh = if (is.na(bh[i])) NULL else bh[i]))
writeLines(toJSON(list(generator = paste("R", getRversion()), input = "examples/msc_adverse_events.csv",
                       settings = "defaults", outcomes = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE,
                  null = "null"),
           "src/test/resources/reference-extra/bh_example.json")

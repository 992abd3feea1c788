package org.mscmeta.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mscmeta.Tool;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.SensitivityMode;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.CcMode;
import org.mscmeta.pool.TauSquared;

/** The methods, with citations, as the workbook's Methods sheet states them, and a paragraph for a paper. */
public final class MethodsText {

    private MethodsText() {
    }

    /** Pairs of (method, reference) for the settings in force. */
    public static List<String[]> references(Settings s) {
        List<String[]> out = new ArrayList<>();
        switch (s.method()) {
            case MH -> out.add(new String[] {"Mantel-Haenszel common effect", switch (s.measure()) {
                case RR -> "Greenland S, Robins JM. Estimation of a common effect parameter from sparse follow-up data."
                        + " Biometrics 1985;41:55-68.";
                case OR -> "Robins J, Breslow N, Greenland S. Estimators of the Mantel-Haenszel variance consistent in"
                        + " both sparse data and large-strata limiting models. Biometrics 1986;42:311-23.";
                case RD -> "Sato T, Greenland S, Robins JM. On the variance estimator for the Mantel-Haenszel risk"
                        + " difference. Biometrics 1989;45:1323-4.";
                default -> "";
            }});
            case IV -> out.add(new String[] {"Inverse-variance common effect",
                "Borenstein M, Hedges LV, Higgins JPT, Rothstein HR. Introduction to Meta-Analysis. Wiley; 2009."});
            case GLMM -> out.add(new String[] {"GLMM (maximum likelihood)", "Stijnen T, Hamza TH, Ozdemir P. Random"
                    + " effects meta-analysis of event outcome in the framework of the generalized linear mixed model."
                    + " Stat Med 2010;29:3046-67."});
            case PETO -> out.add(new String[] {"Peto odds ratio", "Yusuf S, Peto R, Lewis J, Collins R, Sleight P."
                    + " Beta blockade during and after myocardial infarction. Prog Cardiovasc Dis 1985;27:335-71."});
        }
        if (s.tau2() != null) {
            out.add(new String[] {"Random effects, tau\u00b2 by " + s.tau2Name(), switch (s.tau2()) {
                case DL -> "DerSimonian R, Laird N. Meta-analysis in clinical trials. Control Clin Trials 1986;7:177-88.";
                case REML, ML -> "Viechtbauer W. Bias and efficiency of meta-analytic variance estimators in the"
                        + " random-effects model. J Educ Behav Stat 2005;30:261-93.";
                case PM -> "Paule RC, Mandel J. Consensus values and weighting factors. J Res Natl Bur Stand"
                        + " 1982;87:377-85.";
                case HE -> "Hedges LV, Olkin I. Statistical Methods for Meta-Analysis. Academic Press; 1985.";
                case SJ -> "Sidik K, Jonkman JN. Simple heterogeneity variance estimation for meta-analysis."
                        + " J R Stat Soc C 2005;54:367-84.";
                case HS -> "Hunter JE, Schmidt FL. Methods of Meta-Analysis. 2nd ed. Sage; 2004.";
                case EB -> "Morris CN. Parametric empirical Bayes inference. J Am Stat Assoc 1983;78:47-55.";
            }});
            if (s.hksj()) {
                out.add(new String[] {"Hartung-Knapp-Sidik-Jonkman", "Hartung J, Knapp G. A refined method for the"
                        + " meta-analysis of controlled clinical trials with binary outcome. Stat Med 2001;20:3875-89."});
            }
            out.add(new String[] {"Prediction interval", "Higgins JPT, Thompson SG, Spiegelhalter DJ. A re-evaluation"
                    + " of random-effects meta-analysis. J R Stat Soc A 2009;172:137-59 (quantile: "
                    + s.prediction().words() + ")." + (s.prediction() == org.mscmeta.pool.PredictionInterval.T_K2 ? ""
                    : " IntHout J, Ioannidis JPA, Rovers MM, Goeman JJ. Plea for routinely presenting prediction"
                    + " intervals in meta-analysis. BMJ Open 2016;6:e010247 (who recommend t with k-2 degrees of"
                    + " freedom).")});
            out.add(new String[] {"Q-profile CI for tau\u00b2", "Viechtbauer W. Confidence intervals for the amount of"
                    + " heterogeneity in meta-analysis. Stat Med 2007;26:37-52."});
        }
        if (s.measure().isProportion()) {
            out.add(new String[] {"Proportions", "Clopper CJ, Pearson ES. The use of confidence or fiducial limits"
                    + " illustrated in the case of the binomial. Biometrika 1934;26:404-13 (study intervals)."
                    + (s.measure() == org.mscmeta.effect.Measure.PFT ? " Freeman MF, Tukey JW. Ann Math Stat"
                    + " 1950;21:607-11; back-transformation: Miller JJ. Am Stat 1978;32:138." : "")});
        }
        out.add(new String[] {"Heterogeneity (Q, I\u00b2)", "Higgins JPT, Thompson SG. Quantifying heterogeneity in a"
                + " meta-analysis. Stat Med 2002;21:1539-58."});
        // by() is null until resolved against a sheet: then route and cell source are the default subgroups
        List<String> by = s.by() == null ? List.of("route", "cell_source") : s.by();
        if (!s.moderators().isEmpty() || by.contains("route") && by.contains("cell_source")) {
            out.add(new String[] {"Meta-regression", "Thompson SG, Higgins JPT. How should meta-regression analyses"
                    + " be undertaken and interpreted? Stat Med 2002;21:1559-73."});
        }
        if (s.sensitivity() != SensitivityMode.NONE) {
            out.add(new String[] {"Egger's test", "Egger M, Davey Smith G, Schneider M, Minder C. Bias in"
                    + " meta-analysis detected by a simple, graphical test. BMJ 1997;315:629-34."});
            out.add(new String[] {"Begg's test", "Begg CB, Mazumdar M. Operating characteristics of a rank"
                    + " correlation test for publication bias. Biometrics 1994;50:1088-101."});
            out.add(new String[] {"Trim and fill", "Duval S, Tweedie R. Trim and fill: a simple funnel-plot-based"
                    + " method of testing and adjusting for publication bias in meta-analysis. Biometrics"
                    + " 2000;56:455-63."});
        }
        if (s.cc().mode() == CcMode.TACC) {
            out.add(new String[] {"Treatment-arm continuity correction", "Sweeting MJ, Sutton AJ, Lambert PC. What to"
                    + " add to nothing? Stat Med 2004;23:1351-75."});
        }
        out.add(new String[] {"Software", Tool.name() + " " + Tool.version() + "; numbers checked against R metafor"
                + " 3.8-1 (Viechtbauer W. Conducting meta-analyses in R with the metafor package. J Stat Softw"
                + " 2010;36(3):1-48)."});
        return out;
    }

    /**
     * A methods paragraph ready to paste into a manuscript; for a sheet whose rows gave no outcome to pool, a sentence
     * saying so. Results of no rows (a library caller's, the tests') describe the methods of their settings.
     */
    public static String paragraph(Results r) {
        Settings s = r.settings();
        long outcomes = r.analyses().stream().filter(a -> a.subgroup() == null).map(Analysis::outcome).distinct().count();
        String measure = s.measure().label().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        if (outcomes == 0 && r.rows() > 0) {
            // a sheet whose rows gave no outcome to pool (no control arm under a comparative measure): no method was
            // applied, and "for each of 0 outcomes" described them all (results of no sheet, rows 0, describe the
            // settings alone)
            return String.format(Locale.ROOT, "No adverse-event outcome was pooled (the run's notices say why)."
                    + " Analyses were run with %s %s.", Tool.name(), Tool.version());
        }
        if (s.measure().isProportion()) {
            sb.append(String.format(Locale.ROOT, "%s we pooled the incidence among"
                    + " MSC recipients across all trials, single-arm trials included (%s). ", forEach(outcomes),
                    switch (s.measure()) {
                        case PLOGIT -> "logit-transformed proportions";
                        case PFT -> "Freeman-Tukey double-arcsine-transformed proportions";
                        default -> "untransformed proportions";
                    }));
        } else {
            sb.append(String.format(Locale.ROOT, "%s we pooled the %s of MSC versus control across randomised"
                    + " trials. ", forEach(outcomes), measure));
        }
        sb.append(switch (s.method()) {
            case MH -> "The common-effect estimate used the Mantel-Haenszel method"
                    + (s.convention().correctedMantelHaenszel() ? "" : " on the raw counts");
            case IV -> "The common-effect estimate used inverse-variance weighting";
            case PETO -> "The common-effect estimate used Peto's one-step odds ratio";
            case GLMM -> s.measure() == org.mscmeta.effect.Measure.OR && s.glmmModel().equals("UM.RS")
                    ? "Effects were pooled with a generalised linear mixed model with random study effects fitted by"
                    + " maximum likelihood with the Laplace approximation (Stijnen et al. 2010)"
                    : "Effects were pooled with a generalised linear mixed model fitted by maximum likelihood"
                    + " with 7-point adaptive Gauss-Hermite quadrature (Stijnen et al. 2010)";
        });
        boolean glmm = s.method() == org.mscmeta.analysis.Method.GLMM;
        if (s.tau2() != null && glmm) {
            // the mixed model is the random-effects model: no inverse-variance weights, no tau2 of a second model
            sb.append(", its between-study variance (tau\u00b2) estimated by ").append(tauName(s.tau2Name()))
                    .append("; the common-effect estimate is the same model without between-study variance");
        } else if (s.tau2() != null) {
            sb.append("; the random-effects model used inverse-variance weights with the between-study variance")
                    .append(" (tau\u00b2) estimated by ").append(tauName(s.tau2Name()));
            if (s.hksj()) {
                sb.append(" and the Hartung-Knapp-Sidik-Jonkman confidence interval");
            }
        }
        sb.append(". ");
        sb.append(conventionSentence(s));
        sb.append(String.format(Locale.ROOT, "A continuity correction of %s was added to %s for study-level estimates%s. ",
                Formats.plain(s.cc().value()), s.cc().mode().words(),
                s.method().name().equals("IV") ? " and pooling" : ""));
        if (!s.measure().isProportion()) {
            sb.append(s.measure().dropsDoubleZero() && s.effectiveDoubleZero().id().equals("exclude")
                    ? "Studies with no events in either arm were excluded from ratio estimates. "
                    : "Studies with no events in either arm were included. ");
        }
        sb.append("Heterogeneity was assessed with Cochran's Q and I\u00b2");
        if (glmm) {
            // HeterogeneityTests: metafor's QE.Wld and QE.LRT, which rma.glmm reports
            sb.append(", and with Wald and likelihood-ratio tests of the common-effect logistic model against a model"
                    + " with an effect for each study");
        }
        if (s.tau2() != null) {
            // the Q-profile interval is that of the normal-normal model's tau2, not of the mixed model's
            sb.append(glmm ? ", and prediction intervals (" : ", with a Q-profile confidence interval for tau\u00b2,"
                    + " and prediction intervals (")
                    .append(s.prediction().words()).append(") were computed when at least three studies were"
                    + " pooled");
        }
        sb.append(". ");
        if (!s.by().isEmpty()) {
            sb.append("Subgroup analyses by ").append(String.join(" and ", s.by()).replace('_', ' '))
                    .append(" pooled each subgroup separately")
                    .append(s.tau2() == null ? "" : ", with its own tau\u00b2")
                    .append(", and tested subgroup differences with a between-subgroup Q test. ");
        }
        if (r.analyses().stream().anyMatch(a -> a.routeBySource() != null)) {
            sb.append("Whether the effect depends on administration route and cell source together was examined with"
                    + " mixed-effects meta-regressions on both as factors, without and with their interaction ("
                    + mixedEffectsFit(s) + "), the interaction tested with "
                    + (s.hksj() ? "an F test" : "a Wald test") + " of its coefficients; each route and cell-source"
                    + " combination was also pooled on its own. ");
        }
        sb.append(moderatorsSentence(s));
        sb.append(sensitivitySentence(s));
        if (r.falseDiscovery() != null && r.falseDiscovery().tested() > 1) {
            sb.append("P-values across outcomes were adjusted for the false discovery rate (Benjamini and Hochberg"
                    + " 1995)");
            if (r.falseDiscovery().column() != null) {
                sb.append(String.format(Locale.ROOT, ", and by the double false discovery rate of Mehrotra and Adewale"
                        + " (2012) within and across organ systems (systems flagged at %s, terms at %s)",
                        Formats.plain(r.falseDiscovery().alpha1()), Formats.plain(r.falseDiscovery().alpha2())));
            }
            sb.append(". ");
        }
        if (!s.measure().isProportion()) {
            sb.append(Double.isFinite(s.controlRisk())
                    ? String.format(Locale.ROOT, "Absolute effects per 1,000 people were derived from an assumed"
                    + " control risk of %s (GRADE summary of findings). ", Formats.plain(s.controlRisk()))
                    : "Absolute effects per 1,000 people were derived from each outcome's median control-arm risk"
                    + " (the pooled control-arm risk where the median was 0; GRADE summary of findings). ");
        }
        // under --convention revman5 or meta the numbers are RevMan's or meta's, not metafor's defaults: what holds
        // for every run is that they are checked against metafor computing the same conventions
        sb.append(String.format(Locale.ROOT, "Confidence intervals are %s. Analyses were run with %s %s, whose"
                + " results are checked against the R package metafor (Viechtbauer 2010).", Formats.level(s.level()),
                Tool.name(), Tool.version()));
        return sb.toString();
    }

    /** The paragraph's opening words: "For each of 29 adverse-event outcomes", "For the adverse-event outcome". */
    private static String forEach(long outcomes) {
        return outcomes == 1 ? "For the adverse-event outcome" : "For each of " + outcomes + " adverse-event outcomes";
    }

    /** The meta-regression of {@code --moderators}, in a sentence (empty without moderators). */
    private static String moderatorsSentence(Settings s) {
        if (s.moderators().isEmpty()) {
            return "";
        }
        return "Mixed-effects meta-regressions on " + String.join(" and ", s.moderators()).replace('_', ' ')
                + " (numeric columns as numbers, text columns as factors against their first level) estimated the "
                + mixedEffectsFit(s) + ". ";
    }

    /**
     * How the mixed-effects models are fitted, in words: the residual tau² by the run's estimator, by REML where the
     * run has none ({@code --tau2 none}: a meta-regression is a mixed-effects model all the same), and Knapp-Hartung
     * tests under {@code --hksj} (as {@code RouteBySourceAnalysis} and the meta-regression fit them).
     */
    private static String mixedEffectsFit(Settings s) {
        return residualTau2(s) + (s.hksj() ? ", with Knapp-Hartung tests" : "");
    }

    /** The residual tau² of the meta-regressions, in words: "residual tau² by restricted maximum likelihood". */
    public static String residualTau2(Settings s) {
        return "residual tau\u00b2 by " + tauName(s.mixedEffectsTau2().name());
    }

    /**
     * The sensitivity and small-study analyses the run made, in a sentence (empty under {@code --sensitivity none}):
     * leave-one-out and cumulative analyses (up to 200 studies unless all were asked for; the GLMM's refits only when
     * asked for), Egger's, Begg's and trim and fill from three studies, and for comparative measures the zero-event
     * table.
     */
    private static String sensitivitySentence(Settings s) {
        if (s.sensitivity() == SensitivityMode.NONE) {
            return "";
        }
        boolean all = s.sensitivity() == SensitivityMode.ALL;
        StringBuilder sb = new StringBuilder();
        if (all || s.method() != org.mscmeta.analysis.Method.GLMM) {
            sb.append("Robustness was examined with leave-one-out and cumulative (by year) analyses")
                    .append(all ? "" : " of outcomes with at most " + SensitivityMode.AUTO_MAX_K + " studies")
                    .append("; small-study effects ");
        } else {
            sb.append("Small-study effects ");
        }
        sb.append("were assessed with Egger's regression test, Begg's rank correlation test and trim and fill where at"
                + " least three studies were pooled. ");
        if (!s.measure().isProportion()) {
            sb.append("For outcomes with a zero cell the pooled estimate was recomputed by the Mantel-Haenszel method"
                    + " without continuity correction, Peto's odds ratio, a mixed logistic model, and"
                    + " random-effects inverse variance (tau\u00b2 by "
                    + tauName(s.mixedEffectsTau2().name())
                    + (s.hksj() ? ", with the Hartung-Knapp-Sidik-Jonkman interval" : "")
                    + ") with a 0.5 or a treatment-arm continuity correction, or with double-zero studies"
                    + " included. ");
        }
        return sb.toString();
    }

    private static String tauName(String t) {
        return switch (t) {
            case "DL" -> "the DerSimonian-Laird method";
            case "REML" -> "restricted maximum likelihood";
            case "ML" -> "maximum likelihood";
            case "PM" -> "the Paule-Mandel method";
            case "HE" -> "the Hedges method";
            case "SJ" -> "the Sidik-Jonkman method";
            case "HS" -> "the Hunter-Schmidt method";
            case "EB" -> "the empirical Bayes method";
            default -> t;
        };
    }

    /**
     * Where the run followed RevMan 5 or R meta rather than metafor, in a sentence naming only the points of the
     * convention ({@link org.mscmeta.effect.Convention}'s own switches) that the run's measure, method and tau²
     * estimator meet: "DerSimonian-Laird from Q around the Mantel-Haenszel estimate" was said of a Paule-Mandel run,
     * and the convention's prediction interval of a run whose {@code --prediction-interval} chose another (the
     * paragraph gives the one used).
     */
    private static String conventionSentence(Settings s) {
        org.mscmeta.effect.Convention c = s.convention();
        if (c == org.mscmeta.effect.Convention.METAFOR) {
            return "Computations followed the conventions of metafor (Viechtbauer 2010). ";
        }
        org.mscmeta.effect.Measure m = s.measure();
        boolean mh = s.method() == org.mscmeta.analysis.Method.MH && !m.isProportion();
        List<String> points = new ArrayList<>();
        if (m == org.mscmeta.effect.Measure.RR && !c.rrTotalsTwice()) {
            points.add("risk ratios of corrected studies with n+0.5");
        }
        if (m == org.mscmeta.effect.Measure.RD && c.rawRiskDifference()) {
            points.add("risk differences of corrected studies from the uncorrected counts");
        }
        if (m == org.mscmeta.effect.Measure.RR && c.keepsAllEventStudiesForRr()) {
            points.add("studies in which every participant of both arms had the event kept, with the continuity"
                    + " correction");
        }
        if (mh && c.correctedMantelHaenszel()) {
            points.add("the Mantel-Haenszel estimate with the continuity correction");
        }
        if (mh && s.tau2() == TauSquared.DL && c.dlAroundMantelHaenszel()) {
            points.add("DerSimonian-Laird from Q around the Mantel-Haenszel estimate");
        }
        String program = c == org.mscmeta.effect.Convention.REVMAN5 ? "RevMan 5 (Deeks and Higgins 2010)"
                : "the R package meta (Balduzzi et al. 2019)";
        return "Computations followed the conventions of " + program + (points.isEmpty() ? ". "
                : ": " + String.join("; ", points) + ". ");
    }
}

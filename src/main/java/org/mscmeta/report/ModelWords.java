package org.mscmeta.report;

import java.util.List;

import java.util.Locale;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.StudyTable;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.TauSquared;

/**
 * The models of a run named in words a reader of a forest plot or a paper knows ("random effects
 * (DerSimonian-Laird)", "common effect (Mantel-Haenszel)"), never in the command line's flags. One place, so that
 * the plots, the console, the workbook and the manuscript kit name a model alike.
 */
public final class ModelWords {

    private ModelWords() {
    }

    /**
     * A meta-regression's reference levels as a reader reads them: "route: intravenous, cell source: bone marrow"
     * (results.json keeps the column's name, "cell_source: bone marrow"); a level keeps its own spelling.
     */
    public static String referenceLevels(List<String> references, String separator) {
        List<String> shown = new java.util.ArrayList<>(references.size());
        for (String r : references) {
            int colon = r.indexOf(": ");
            shown.add(colon < 0 ? r : r.substring(0, colon).replace('_', ' ') + r.substring(colon));
        }
        return String.join(separator, shown);
    }

    /**
     * Why a study is not in the pooling, in words: for a study left out as a double zero (results.json's
     * {@code "double zero"}, which covers trials without events and trials where everyone had the event) which of
     * the two it is, from its counts ("no events", "all events"; {@code brief}: as a forest plot's estimate column
     * has room for); for one not estimable, the zero cell without a continuity correction that leaves it without an
     * effect or a variance ({@link StudyTable#NOT_ESTIMABLE}); else its exclusion as recorded.
     */
    public static String exclusion(org.mscmeta.analysis.StudyResult st, boolean brief) {
        if (StudyTable.NOT_ESTIMABLE.equals(st.exclusion())) {
            return brief ? "zero cell" : "a zero cell and no continuity correction";
        }
        if (StudyTable.DOUBLE_ZERO.equals(st.exclusion())) {
            if (st.eventsMsc() == 0 && st.eventsControl() == 0) {
                return brief ? "no events" : "no events in either arm";
            }
            if (st.eventsMsc() == st.nMsc() && st.eventsControl() == st.nControl()) {
                return brief ? "all events" : "all participants had the event in both arms";
            }
        }
        return st.exclusion();
    }

    /** The common-effect method: "Mantel-Haenszel", "inverse variance", "Peto", or the GLMM without tau2. */
    public static String commonMethod(Settings s) {
        // Mantel-Haenszel has no single-arm form: proportions are pooled by inverse variance
        return s.method() == Method.MH && s.measure().isProportion() ? Method.IV.words() : s.method().words();
    }

    /** "common effect (Mantel-Haenszel)". */
    public static String common(Settings s) {
        return "common effect (" + commonMethod(s) + ")";
    }

    /** The estimator of the between-study variance in words: "REML", "DerSimonian-Laird", "Paule-Mandel", ... */
    public static String tau2(TauSquared t) {
        if (t == null) {
            return "none";
        }
        return switch (t) {
            case DL -> "DerSimonian-Laird";
            case REML -> "REML";
            case PM -> "Paule-Mandel";
            case ML -> "maximum likelihood";
            case HE -> "Hedges";
            case SJ -> "Sidik-Jonkman";
            case HS -> "Hunter-Schmidt";
            case EB -> "empirical Bayes";
        };
    }

    /**
     * What the random-effects model is, in parentheses after "random effects": the estimator, the Hartung-Knapp
     * interval, or the mixed logistic model of a GLMM.
     */
    public static String randomMethod(Settings s) {
        if (s.method() == Method.GLMM) {
            String model = s.measure().isProportion() ? "random-intercept logistic model"
                    : s.glmmModel().equals("UM.RS") ? "mixed logistic model, random study effects"
                    : "mixed logistic model, fixed study effects";
            return model; // fitted by maximum likelihood, as tau²'s label and the methods text say
        }
        return tau2(s.tau2()) + (s.hksj() ? ", Hartung-Knapp" : "");
    }

    /**
     * {@link #randomMethod} of one fitted model: without "Hartung-Knapp" where the run asked for it but the model
     * could not use it, a single study, whose interval and test are its own z ones (as metafor, which sets
     * {@code test="z"} when k = 1); results.json says so in that model's {@code hksj} and {@code not_estimable}.
     */
    public static String randomMethod(Settings s, org.mscmeta.analysis.RandomResult r) {
        return ownZInterval(s, r) ? tau2(s.tau2()) : randomMethod(s);
    }

    /** Whether {@code r} is a model of one study fitted without the Hartung-Knapp interval the run asked for. */
    private static boolean ownZInterval(Settings s, org.mscmeta.analysis.RandomResult r) {
        return s.method() != Method.GLMM && s.hksj() && r.isFitted() && !r.hksj();
    }

    /**
     * How tau² was estimated: "REML", "DerSimonian-Laird", "maximum likelihood" (GLMM). Unlike {@link #randomMethod}
     * without Hartung-Knapp, which adjusts the interval and test, not tau².
     */
    public static String tau2Estimator(Settings s) {
        return s.method() == Method.GLMM ? "maximum likelihood" : tau2(s.tau2());
    }

    /**
     * The models of the zero-event sensitivity table's rows, for its footnote (plot) and the console: "Mantel-Haenszel
     * and Peto: common effect on the raw counts of every trial, also one without events (or with only events) in both
     * arms; GLMM: random effects (maximum likelihood); inverse variance: random effects (REML)", the last as
     * {@link org.mscmeta.analysis.ZeroEventRow#inverseVariance} fits them.
     */
    public static String zeroEventModels(Settings s) {
        return "Mantel-Haenszel and Peto: common effect on the raw counts of every trial, also one without events (or"
                + " with only events) in both arms; GLMM: random effects (maximum likelihood); inverse variance: "
                + random(org.mscmeta.analysis.ZeroEventRow.inverseVariance(s));
    }

    /**
     * What the manuscript kit and the workbook say in place of a summary of findings under a proportion measure,
     * which has no control arm to compare with (and the figure is not drawn).
     */
    public static final String FINDINGS_NOT_COMPARATIVE = "Not estimable: a summary of findings compares MSC with"
            + " control, and this run pools the MSC arms alone.";

    /**
     * What the GLMM's own tests for heterogeneity are called in the plots and the workbook
     * ({@link org.mscmeta.pool.HeterogeneityTests}).
     */
    public static final String GLMM_HETEROGENEITY_TESTS = "Tests for heterogeneity, logistic models";

    /** "random effects (REML)", "random effects (DerSimonian-Laird, Hartung-Knapp)". */
    public static String random(Settings s) {
        return "random effects (" + randomMethod(s) + ")";
    }

    /**
     * What a random-effects model of one study is under --hksj, for a note: "{@code unit} of one study has that
     * study's own z interval (Hartung-Knapp needs two)", {@code unit} being "a step", "a cell", "an outcome"... (as
     * metafor, which sets {@code test="z"} when k = 1).
     */
    public static String ownZInterval(String unit) {
        return unit + " of one study has that study's own z interval (Hartung-Knapp needs two)";
    }

    /**
     * The same said of one row of a table whose heading names Hartung-Knapp (the workbook's Summary): "Hartung-Knapp
     * not estimable with one study: that study's own z interval is shown", or null where {@code r} is not such a
     * model.
     */
    public static String ownZIntervalInRow(Settings s, org.mscmeta.analysis.RandomResult r) {
        return ownZInterval(s, r) ? "Hartung-Knapp not estimable with one study: that study's own z interval is shown"
                : null;
    }

    /**
     * Whether any of {@code models} is a random-effects model of one study fitted without the Hartung-Knapp
     * interval the run asked for ({@link #ownZInterval}).
     */
    public static boolean anyOwnZInterval(Settings s, java.util.Collection<org.mscmeta.analysis.RandomResult> models) {
        return models.stream().anyMatch(r -> ownZInterval(s, r));
    }

    /**
     * The summary of findings' sentence on its relative effects under --hksj: " An outcome of one study has that
     * study's own z interval (Hartung-Knapp needs two)." where one of its rows is such a model, else "".
     */
    public static String findingsOwnZInterval(org.mscmeta.analysis.Results r) {
        java.util.List<org.mscmeta.analysis.RandomResult> models = r.analyses().stream()
                .filter(a -> a.subgroup() == null && a.summaryOfFindings() != null
                        && "random".equals(a.summaryOfFindings().model()))
                .map(org.mscmeta.analysis.Analysis::random).toList();
        return anyOwnZInterval(r.settings(), models) ? " " + ownZInterval("An outcome") + "." : "";
    }

    /** {@link #random} of one fitted model, as {@link #randomMethod(Settings, org.mscmeta.analysis.RandomResult)}. */
    public static String random(Settings s, org.mscmeta.analysis.RandomResult r) {
        return "random effects (" + randomMethod(s, r) + ")";
    }

    /**
     * The models of a panel of outcomes' pooled estimates, each row's as the plots take it (the random-effects model
     * where it has an estimate, of one study too, which is that study's; else the common effect): "random effects
     * (REML)", with ", common effect (Mantel-Haenszel) where there is no random-effects estimate" and
     * " (k = 1: that study's own estimate)" where rows are so.
     */
    public static String panelModels(java.util.List<org.mscmeta.analysis.Analysis> overalls, Settings s) {
        boolean anyCommon = false;
        boolean anySingle = false;
        for (org.mscmeta.analysis.Analysis a : overalls) {
            boolean byRandom = s.tau2() != null && a.random().isFitted() && Double.isFinite(a.random().estimate());
            anyCommon |= s.tau2() != null && !byRandom && Double.isFinite(a.common().estimate());
            // a random-effects model of one study is that study (Mantel-Haenszel may pool more tables than k)
            anySingle |= byRandom && a.k() == 1;
        }
        return shown(s) + (anyCommon ? ", " + common(s) + " where there is no random-effects estimate" : "")
                + (anySingle ? " (k\u00a0=\u00a01: that study's own estimate)" : "");
    }

    /** A model of results.json's {@code "common"} or {@code "random"} in words: {@link #common} or {@link #random}. */
    public static String model(String model, Settings s) {
        return model.equals("random") ? random(s) : common(s);
    }

    /**
     * The tests for subgroup differences of one outcome and variable as a figure or its legend states them: for each
     * model it shows, in the order of its totals (the common effect, then random effects when {@code random}), the
     * test in {@code format}'s words, or, where results.json lists no such test (fewer than two subgroups have that
     * model's estimate; a {@code subgroup_test} notice says why), that it is not applicable. One line when neither
     * model has a test.
     */
    public static java.util.List<String> subgroupTests(java.util.List<org.mscmeta.analysis.SubgroupComparison> tests,
                                                       boolean random, Settings s,
                                                       java.util.function.Function<org.mscmeta.analysis.SubgroupComparison,
                                                               String> format) {
        java.util.List<String> models = random ? java.util.List.of("common", "random") : java.util.List.of("common");
        java.util.List<String> out = new java.util.ArrayList<>();
        boolean any = false;
        for (String m : models) {
            for (org.mscmeta.analysis.SubgroupComparison t : tests) {
                if (t.model().equals(m)) {
                    out.add("Test for subgroup differences, " + model(m, s) + ": " + format.apply(t));
                    any = true;
                }
            }
            if (tests.stream().noneMatch(t -> t.model().equals(m))) {
                out.add("Test for subgroup differences, " + model(m, s)
                        + ": not applicable (fewer than two subgroups have its estimate with a standard error)");
            }
        }
        return any ? out : java.util.List.of("Test for subgroup differences: not applicable (fewer than two subgroups"
                + " have a pooled estimate with a standard error)");
    }

    /**
     * A Wald test of meta-regression coefficients with its p-value, as a reader knows it: {@code chi} ("QM", "Chi²")
     * with its df, or under Knapp-Hartung "F = 0.38, df = 1, 6, P = 0.55": an F statistic on its df and the residual
     * df k - p (metafor's {@code F(df1, df2)}; Knapp and Hartung 2003); "F not estimable (...)" with the model's
     * {@code notEstimable} reason where the statistic does not exist. {@code space} joins each name to its value (a
     * no-break space in a plot), {@code letter} names the p-value ("P" in a figure, "p" on the console).
     */
    public static String waldTest(String chi, double statistic, int df, int residualDf, boolean knappHartung,
                                  String space, String letter, double p, String notEstimable) {
        if (!Double.isFinite(statistic)) {
            return (knappHartung ? "F" : chi) + " " + Formats.NOT_ESTIMABLE
                    + (notEstimable == null ? "" : " (" + notEstimable + ")");
        }
        return (knappHartung ? "F" : chi) + space + "=" + space + Formats.test(statistic) + ", df" + space + "="
                + space + df + (knappHartung ? "," + space + residualDf : "") + ", " + Formats.pIs(letter, p, space);
    }


    /** The model the plots show: {@link #random} when there is a random-effects model, else {@link #common}. */
    public static String shown(Settings s) {
        return s.tau2() == null ? common(s) : random(s);
    }

    /** The squares of a forest plot under the GLMM, which weighs no study (the plots' note, the kit's legends). */
    public static final String EQUAL_SQUARES = "all of one size: the mixed logistic model gives the studies no weights";

    /** What the squares of a forest plot are: their area is the study's {@code weight}, except under the GLMM. */
    public static String squares(Settings s, String weight) {
        return s.method() == Method.GLMM ? EQUAL_SQUARES : "area proportional to " + weight;
    }

    /**
     * The effect measure as a column or a row names it, short: "RR", "OR", "RD" (a reader's abbreviations), and
     * "proportion" for PLOGIT, PFT and PRAW, which name the transformation pooled, not what the numbers are: the
     * proportion on its natural scale.
     */
    public static String shortName(Measure m) {
        return m.isProportion() ? "proportion" : m.name();
    }

    /**
     * The scale a measure is pooled on, as the column of each study's yi names it: "log RR", "log OR", "RD", "logit
     * proportion", "Freeman-Tukey proportion" (double arcsine), "proportion".
     */
    public static String scaleName(Measure m) {
        return switch (m) {
            case RR, OR -> "log " + m.name();
            case RD -> m.name();
            case PLOGIT -> "logit proportion";
            case PFT -> "Freeman-Tukey proportion";
            case PRAW -> "proportion";
        };
    }

    /** {@link #shortName} at the head of a column: "RR", "Proportion". */
    public static String shortTitle(Measure m) {
        String name = shortName(m);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The effect measure in lower case: "risk ratio", "odds ratio", "risk difference", "proportion". */
    public static String measure(Measure m) {
        return m.label().toLowerCase(Locale.ROOT);
    }

    /** The effect measure as a heading: "Risk ratio", "Odds ratio", "Risk difference", "Proportion". */
    public static String measureTitle(Measure m) {
        String w = measure(m);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** The program whose conventions were followed, as a sentence. */
    public static String convention(Settings s) {
        return switch (s.convention()) {
            case METAFOR -> "Computed as R's metafor computes it.";
            case REVMAN5 -> "Computed with the conventions of RevMan 5.";
            case META -> "Computed with the conventions of R's meta package.";
        };
    }

    /** The prediction interval's quantile in words: "normal quantile", "t with k-1 degrees of freedom", ... */
    public static String predictionQuantile(Settings s) {
        return s.prediction().words();
    }
}

package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.mscmeta.effect.Measure;
import org.mscmeta.sensitivity.BeggTest;
import org.mscmeta.sensitivity.Cumulative;
import org.mscmeta.sensitivity.EggerTest;
import org.mscmeta.sensitivity.LeaveOneOut;
import org.mscmeta.sensitivity.MetaRegression;
import org.mscmeta.sensitivity.TrimAndFill;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Field;
import org.mscmeta.sheet.Notice;
import org.mscmeta.sheet.TextColumn;

/**
 * Runs the sensitivity and small-study analyses on the included studies of an outcome's overall analysis
 * (metafor's {@code leave1out}, {@code cumul}, {@code regtest}, {@code ranktest}, {@code trimfill} and
 * {@code rma(mods=)}), and turns them into natural-scale results.
 */
final class SensitivityAnalysis {

    private SensitivityAnalysis() {
    }

    /**
     * The sensitivity analyses of an outcome's overall analysis {@code a} of the studies on sheet rows {@code rows}.
     * Leave-one-out and cumulative steps are refits of the analysed model ({@link PooledModel#models}) on the
     * studies of each step; the small-study tests use the included studies' effects.
     */
    static Sensitivity run(ExtractionSheet sheet, Analysis a, int[] rows, Settings s, List<Notice> notices) {
        StudyTable studies = a.studies();
        int[] inc = IntStream.range(0, studies.size()).filter(studies::included).toArray();
        int k = inc.length;
        if (s.sensitivity() == SensitivityMode.NONE) {
            // a meta-regression is asked for by name (--moderators), not one of the analyses run unasked
            Moderated reg = metaRegression(sheet, a, studies, inc, s, notices);
            return reg == null ? null : new Sensitivity(List.of(), List.of(), null, null, null, reg.fit(), null,
                    reg.notEstimable());
        }
        boolean random = a.random().isFitted();
        // the units are counted only where refits may run (a registry-scale outcome is not refitted)
        boolean mayRefit = s.sensitivity() == SensitivityMode.ALL || rows.length <= SensitivityMode.AUTO_MAX_K;
        int[] units = mayRefit ? PooledModel.units(sheet, rows, s, random) : inc;
        if (k < 2 && units.length < 2) {
            // nothing to refit or test; a meta-regression asked for says why it is not there
            Moderated reg = metaRegression(sheet, a, studies, inc, s, notices);
            return reg == null ? null : new Sensitivity(List.of(), List.of(), null, null, null, null, null,
                    reg.notEstimable());
        }
        boolean glmm = s.method() == Method.GLMM;
        boolean refits = mayRefit && units.length >= 2 && (s.sensitivity() == SensitivityMode.ALL
                || (!glmm && units.length <= SensitivityMode.AUTO_MAX_K));
        if (!refits && units.length >= 2) {
            // the zero-event table has the same limit (ZeroEventSensitivity.run), and was skipped without a word
            boolean zeroEventsSkipped = !s.measure().isProportion() && s.sensitivity() == SensitivityMode.AUTO
                    && rows.length > SensitivityMode.AUTO_MAX_K && ZeroEventSensitivity.anyZeroCell(sheet, rows);
            String beyond = " skipped for k = " + Math.max(units.length, rows.length) + " > "
                    + SensitivityMode.AUTO_MAX_K + " (use --sensitivity all)";
            notices.add(new Notice("sensitivity", a.outcome(), a.outcome() + (glmm
                    ? ": leave-one-out and cumulative refits of the GLMM (2k likelihood maximisations) are run with"
                    + " --sensitivity all" + (zeroEventsSkipped ? "; the zero-event sensitivity table is" + beyond : "")
                    : ": leave-one-out and cumulative analyses" + (zeroEventsSkipped
                    ? " and the zero-event sensitivity table" : "") + beyond)));
        }
        Measure m = s.measure();
        List<Sensitivity.Step> loo = new ArrayList<>();
        List<Sensitivity.Step> cum = new ArrayList<>();
        if (refits) {
            List<int[]> without = LeaveOneOut.subsets(rows, units);
            for (int u = 0; u < units.length; u++) {
                loo.add(step(studies, units[u], PooledModel.models(sheet, without.get(u), s), random));
            }
            int[] order = IntStream.range(0, units.length).boxed()
                    .sorted(Comparator.comparingInt((Integer u) -> studies.year(units[u]) == ExtractionSheet.NO_YEAR
                            ? Integer.MAX_VALUE : studies.year(units[u])).thenComparingInt(u -> u))
                    .mapToInt(Integer::intValue).toArray();
            List<int[]> upTo = Cumulative.subsets(rows, units, order);
            for (int j = 0; j < order.length; j++) {
                cum.add(step(studies, units[order[j]], PooledModel.models(sheet, upTo.get(j), s), random));
            }
        }
        double[] y = new double[k];
        double[] v = new double[k];
        double invN = 0;
        for (int i = 0; i < k; i++) {
            y[i] = studies.yi(inc[i]);
            v[i] = studies.vi(inc[i]);
            invN += 1.0 / studies.nMsc(inc[i]);
        }
        double nHarmonic = k / invN;
        EggerTest egger = null;
        BeggTest begg = null;
        Sensitivity.Filled filled = null;
        boolean samePrecision = k >= 3 && samePrecision(v);
        if (samePrecision) {
            // metafor: regtest stops ("Model matrix no longer of full rank"), trimfill cannot choose its side, ranktest
            // gives NA; here the regression's matrix was singular and the whole run stopped
            notices.add(new Notice("small_k", a.outcome(), a.outcome() + ": Egger's test, Begg's test and trim and"
                    + " fill are not estimable: " + Sensitivity.SAME_PRECISION));
        } else if (k >= 3) {
            egger = EggerTest.of(y, v);
            begg = BeggTest.of(y, v);
            TrimAndFill tf = TrimAndFill.of(y, v, s.level());
            double[] fe = new double[tf.k0()];
            double[] fse = new double[tf.k0()];
            for (int j = 0; j < tf.k0(); j++) {
                fe[j] = m.toNatural(tf.filledY()[j], nHarmonic);
                fse[j] = Math.sqrt(tf.filledV()[j]);
            }
            filled = new Sensitivity.Filled(tf.side(), tf.k0(), m.toNatural(tf.fit().estimate(), nHarmonic),
                    m.toNatural(tf.fit().ciLower(), nHarmonic), m.toNatural(tf.fit().ciUpper(), nHarmonic), fe, fse,
                    tf.filledY().clone());
            if (k < 10) {
                notices.add(new Notice("small_k", a.outcome(), a.outcome() + ": Egger's and Begg's tests on k = " + k
                        + " studies (fewer than 10) have little power; read them with caution"));
            }
        }
        Moderated reg = metaRegression(sheet, a, studies, inc, s, notices);
        return new Sensitivity(List.copyOf(loo), List.copyOf(cum), egger, begg, filled, reg == null ? null : reg.fit(),
                samePrecision ? Sensitivity.SAME_PRECISION : k < 3 ? Sensitivity.fewerThanThree(k) : null,
                reg == null ? null : reg.notEstimable());
    }

    /**
     * Whether the studies' variances are the same to 1 part in 10^7 (R's rank tolerance), as in trials of equal
     * arms and equal counts: Egger's regression on the standard error then has no slope to fit.
     */
    static boolean samePrecision(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return hi - lo <= 1e-7 * hi;
    }

    /** A refit as a step: the random-effects model when the analysis shows one, else the common-effect model. */
    private static Sensitivity.Step step(StudyTable studies, int j, PooledModel.Models fit, boolean random) {
        String study = studies.study(j);
        int row = studies.row(j);
        org.mscmeta.pool.Heterogeneity h = fit.heterogeneity();
        double q = h == null ? Double.NaN : h.q();
        double qp = h == null ? Double.NaN : h.p();
        if (random && fit.random() != null) {
            RandomResult r = fit.random();
            return new Sensitivity.Step(study, row, "random", r.k(), r.estimate(), r.ciLower(), r.ciUpper(),
                    r.logEstimate(), r.se(), r.statistic(), r.df(), r.p(), r.tau2(), q, qp, r.i2(), r.h2(),
                    r.notEstimable());
        }
        CommonResult c = fit.common();
        double nan = Double.NaN;
        if (c == null) {
            return new Sensitivity.Step(study, row, "common", 0, nan, nan, nan, nan, nan, nan, nan, nan, nan, q, qp,
                    nan, nan, "no study could be pooled");
        }
        return new Sensitivity.Step(study, row, "common", c.k(), c.estimate(), c.ciLower(), c.ciUpper(),
                c.logEstimate(), c.se(), c.z(), nan, c.p(), nan, q, qp, h == null ? nan : h.i2(),
                h == null ? nan : h.h2(), c.notEstimable());
    }

    /** A meta-regression asked for: the fitted model, or why there is none (one of the two is null). */
    private record Moderated(MetaRegression fit, String notEstimable) {

        /** None, for the reason given, which the run's notices also give ("Death: no meta-regression: ..."). */
        static Moderated none(Analysis a, List<Notice> notices, String why) {
            notices.add(new Notice("meta_regression", a.outcome(), a.outcome() + ": no meta-regression: " + why));
            return new Moderated(null, why);
        }
    }

    /**
     * The meta-regression on the moderators asked for ({@code --moderators}) of the included studies {@code inc},
     * or why there is none; null when none were asked.
     */
    private static Moderated metaRegression(ExtractionSheet sheet, Analysis a, StudyTable studies, int[] inc,
                                            Settings s, List<Notice> notices) {
        List<String> mods = s.moderators();
        if (mods.isEmpty()) {
            return null;
        }
        if (inc.length < 2) {
            return Moderated.none(a, notices, inc.length == 0 ? "no study with an estimate of its own"
                    : "1 study with an estimate of its own (a regression needs at least 2)");
        }
        List<TextColumn> cols = new ArrayList<>();
        for (String name : mods) {
            TextColumn c = sheet.subgroupColumn(name);
            if (c == null) {
                throw MetaAnalysis.noColumn(sheet, name, "for --moderators");
            }
            cols.add(c);
        }
        double[] y = new double[inc.length];
        double[] v = new double[inc.length];
        List<ModeratorDesign.Moderator> moderators = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            // a dose that is not a number is blank, as the sheet's notice says (and the study is left out)
            boolean dose = isDose(mods.get(j));
            String[] values = new String[inc.length];
            for (int r = 0; r < inc.length; r++) {
                String value = cols.get(j).get(studies.index(inc[r]));
                values[r] = dose && ModeratorDesign.number(value) == null ? null : value;
            }
            // a column with text anywhere in the sheet is a factor in every outcome, as a column R reads as text
            moderators.add(new ModeratorDesign.Moderator(mods.get(j), values, !dose && holdsText(cols.get(j))));
        }
        for (int r = 0; r < inc.length; r++) {
            y[r] = studies.yi(inc[r]);
            v[r] = studies.vi(inc[r]);
        }
        ModeratorDesign design = ModeratorDesign.of(moderators, inc.length, false);
        int dropped = inc.length - design.used().length;
        if (dropped > 0) {
            List<String> named = new ArrayList<>();
            boolean[] used = new boolean[inc.length];
            for (int r : design.used()) {
                used[r] = true;
            }
            for (int r = 0; r < inc.length && named.size() < MetaAnalysis.ABBREVIATED; r++) {
                if (!used[r]) {
                    named.add(studies.study(inc[r]) + " (row " + studies.row(inc[r]) + ")");
                }
            }
            notices.add(new Notice("meta_regression", a.outcome(), String.format(Locale.ROOT,
                    "%s: %s without a value of %s left out of the meta-regression: %s", a.outcome(),
                    Notice.count(dropped, "study", "studies"), mods.size() == 1 ? mods.get(0)
                    : String.join(", ", mods.subList(0, mods.size() - 1)) + " or " + mods.get(mods.size() - 1),
                    MetaAnalysis.abbreviate(named, dropped))));
        }
        if (design.used().length < 2) {
            return Moderated.none(a, notices, (design.used().length == 0 ? "no study has" : "1 study has")
                    + " a value of every moderator");
        }
        List<String> constant = design.singleLevelFactors();
        MetaRegression fit;
        try {
            fit = design.fit(y, v, s.mixedEffectsTau2(), s.hksj());
        } catch (MetaRegression.TooFewStudies e) {
            String why = "too few studies (" + e.k() + ") for a meta-regression with "
                    + Notice.count(e.coefficientsBesidesIntercept(), "coefficient", "coefficients")
                    + " besides the intercept" + (e.redundantDropped() ? " that the studies tell apart" : "");
            notices.add(new Notice("meta_regression", a.outcome(), a.outcome() + ": " + why));
            return new Moderated(null, why);
        }
        if (fit.terms().size() == 1) {
            // every moderator is the same in all its studies: an intercept-only model, no test of a moderator
            List<String> same = new ArrayList<>(constant);
            for (String term : fit.dropped()) { // a numeric moderator with one value, collinear with the intercept
                double value = design.x()[0][design.terms().indexOf(term)];
                same.add(term + " is " + java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
            }
            return Moderated.none(a, notices, "no moderator varies among its " + design.used().length
                    + " studies (" + String.join(" and ", same) + " in all)");
        }
        if (!constant.isEmpty()) {
            notices.add(new Notice("meta_regression", a.outcome(), a.outcome() + ": " + String.join(" and ", constant)
                    + " in every study of the meta-regression; a factor with one value has no coefficient, so "
                    + (constant.size() == 1 ? "it is" : "they are") + " left out of it"));
        }
        if (!fit.dropped().isEmpty()) {
            notices.add(new Notice("meta_regression", a.outcome(), a.outcome() + ": redundant terms dropped from the"
                    + " meta-regression (no study tells them apart from the others): " + String.join(", ",
                    fit.dropped())));
        }
        return new Moderated(fit, null);
    }

    /**
     * One notice per moderator column (besides the dose, whose text is blank) that mixes numbers with other text:
     * such a column is a factor in every outcome, one coefficient per value, as R's {@code factor()} makes a column
     * it reads as text, where the reader most likely meant a number ("1.5e6 cells/kg" among plain numbers, say).
     */
    static List<Notice> mixedModerators(ExtractionSheet sheet, Settings s) {
        List<Notice> out = new ArrayList<>();
        for (String name : s.moderators()) {
            TextColumn c = sheet.subgroupColumn(name);
            String[] found = c == null || isDose(name) ? new String[2] : numberAndText(c);
            if (found[0] != null && found[1] != null) {
                out.add(new Notice("meta_regression", null, "--moderators " + name + ": the column holds numbers and"
                        + " text (e.g. '" + found[0] + "' and '" + found[1] + "'), so it is a factor, one coefficient"
                        + " per value, as R's factor() makes a column of text; for a numeric moderator give plain"
                        + " numbers"));
            }
        }
        return out;
    }

    /** The first value of {@code c} that is a number and the first that is text (missing values aside), or nulls. */
    private static String[] numberAndText(TextColumn c) {
        String[] found = new String[2];
        for (String level : c.levels()) {
            if (!ModeratorDesign.missing(level)) {
                int i = ModeratorDesign.number(level) != null ? 0 : 1;
                found[i] = found[i] == null ? level : found[i];
            }
        }
        return found;
    }

    /** Whether a value of {@code c} is text (missing values aside): read at the first, once per outcome. */
    private static boolean holdsText(TextColumn c) {
        for (String level : c.levels()) {
            if (!ModeratorDesign.missing(level) && ModeratorDesign.number(level) == null) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code column} is the dose ({@code dose_cells_per_kg} or an alias), whose text is read as blank. */
    private static boolean isDose(String column) {
        return Field.forHeader(column) == Field.DOSE;
    }
}

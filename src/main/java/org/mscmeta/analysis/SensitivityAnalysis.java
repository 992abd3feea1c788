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
import org.mscmeta.sensitivity.Model;
import org.mscmeta.sensitivity.TrimAndFill;
import org.mscmeta.sheet.ExtractionSheet;
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

    static Sensitivity run(ExtractionSheet sheet, Analysis a, Settings s, List<Notice> notices) {
        StudyTable studies = a.studies();
        int[] inc = IntStream.range(0, studies.size()).filter(studies::included).toArray();
        int k = inc.length;
        if (k < 2 || s.sensitivity() == SensitivityMode.NONE) {
            return null;
        }
        boolean refits = s.sensitivity() == SensitivityMode.ALL || k <= SensitivityMode.AUTO_MAX_K;
        if (!refits) {
            notices.add(new Notice("sensitivity", a.outcome(), a.outcome() + ": leave-one-out and cumulative analyses"
                    + " skipped for k = " + k + " > " + SensitivityMode.AUTO_MAX_K + " (use --sensitivity all)"));
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
        Measure m = s.measure();
        Model model = new Model(s.tau2(), s.hksj(), s.level());

        List<Sensitivity.Step> loo = new ArrayList<>();
        for (LeaveOneOut.Step st : refits ? LeaveOneOut.run(y, v, model) : List.<LeaveOneOut.Step>of()) {
            loo.add(step(studies.study(inc[st.omitted()]), st.fit(), m, nHarmonic));
        }
        List<Sensitivity.Step> cum = new ArrayList<>();
        if (refits) {
            int[] order = IntStream.range(0, k).boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> studies.year(inc[i]) == ExtractionSheet.NO_YEAR
                            ? Integer.MAX_VALUE : studies.year(inc[i])).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            for (Cumulative.Step st : Cumulative.run(y, v, order, model)) {
                cum.add(step(studies.study(inc[st.added()]), st.fit(), m, nHarmonic));
            }
        }
        EggerTest egger = null;
        BeggTest begg = null;
        Sensitivity.Filled filled = null;
        if (k >= 3) {
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
                    m.toNatural(tf.fit().ciLower(), nHarmonic), m.toNatural(tf.fit().ciUpper(), nHarmonic), fe, fse);
            if (k < 10) {
                notices.add(new Notice("small_k", a.outcome(), a.outcome() + ": Egger's and Begg's tests on k = " + k
                        + " studies (fewer than 10) have little power; read them with caution"));
            }
        }
        MetaRegression reg = metaRegression(sheet, a, studies, inc, s, notices);
        return new Sensitivity(List.copyOf(loo), List.copyOf(cum), egger, begg, filled, reg);
    }

    private static Sensitivity.Step step(String study, Model.Fit f, Measure m, double nHarmonic) {
        return new Sensitivity.Step(study, m.toNatural(f.estimate(), nHarmonic), m.toNatural(f.ciLower(), nHarmonic),
                m.toNatural(f.ciUpper(), nHarmonic), f.tau2(), f.q());
    }

    private static MetaRegression metaRegression(ExtractionSheet sheet, Analysis a, StudyTable studies, int[] inc,
                                                 Settings s, List<Notice> notices) {
        List<String> mods = s.moderators();
        if (mods.isEmpty()) {
            return null;
        }
        List<TextColumn> cols = new ArrayList<>();
        for (String name : mods) {
            TextColumn c = sheet.subgroupColumn(name);
            if (c == null) {
                throw new IllegalArgumentException("no column '" + name + "' in " + sheet.file() + " for --moderators");
            }
            cols.add(c);
        }
        int[] rowIndex = rowIndexByNumber(sheet);
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        int dropped = 0;
        for (int i : inc) {
            int r = rowIndex[studies.row(i)];
            double[] row = new double[cols.size()];
            boolean ok = true;
            for (int j = 0; j < cols.size(); j++) {
                try {
                    row[j] = Double.parseDouble(cols.get(j).get(r));
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (ok) {
                x.add(row);
                y.add(studies.yi(i));
                v.add(studies.vi(i));
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            notices.add(new Notice("meta_regression", a.outcome(), String.format(Locale.ROOT,
                    "%s: %d study(ies) without a numeric value of %s left out of the meta-regression", a.outcome(),
                    dropped, String.join(", ", mods))));
        }
        if (y.size() <= mods.size() + 1) {
            notices.add(new Notice("meta_regression", a.outcome(), a.outcome() + ": too few studies ("
                    + y.size() + ") for a meta-regression on " + mods.size() + " moderator(s)"));
            return null;
        }
        return MetaRegression.fit(y.stream().mapToDouble(Double::doubleValue).toArray(),
                v.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(new double[0][]), mods,
                s.tau2() == null ? org.mscmeta.pool.TauSquared.REML : s.tau2(), s.hksj());
    }

    /** Maps a spreadsheet row number back to the 0-based data row index. */
    private static int[] rowIndexByNumber(ExtractionSheet sheet) {
        int max = 0;
        for (int r : sheet.rowNumber()) {
            max = Math.max(max, r);
        }
        int[] idx = new int[max + 1];
        for (int i = 0; i < sheet.size(); i++) {
            idx[sheet.rowNumber()[i]] = i;
        }
        return idx;
    }
}

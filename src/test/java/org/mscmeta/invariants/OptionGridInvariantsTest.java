package org.mscmeta.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Sensitivity;
import org.mscmeta.analysis.SensitivityMode;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.CcMode;
import org.mscmeta.effect.Convention;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.SheetReader;
import org.mscmeta.testing.ReferenceCases;

/**
 * The outputs against each other, over the whole option grid (measure x method x tau2 x convention x HKSJ x
 * continuity-correction mode) on the shared data sets, through the library API:
 * <ol>
 *   <li>the last cumulative step is the overall model;</li>
 *   <li>leave-one-out without study j is the analysis of the sheet without row j;</li>
 *   <li>swapping the arms inverts RR and OR and negates RD (common and random estimates and intervals);</li>
 *   <li>permuting the rows changes no pooled value;</li>
 *   <li>no pooled value is non-finite where it exists (an estimate without an interval, or an interval without an
 *       estimate, is a defect).</li>
 * </ol>
 * The counts of each invariant checked are printed at the end. Files written under the same grid (JSON, SVG, PDF,
 * workbook) are checked by {@link OutputFilesInvariantsTest}.
 */
class OptionGridInvariantsTest {

    private static final double TOL = 1e-9;
    private static final AtomicInteger[] COUNTS = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(),
        new AtomicInteger(), new AtomicInteger()};
    private static final String[] NAMES = {"last cumulative step = overall model", "leave-one-out = sheet without the"
        + " row", "swapped arms invert RR/OR, negate RD", "row order changes nothing", "estimate and interval exist"
        + " together"};

    @TempDir
    Path dir;

    static final List<String> DATA = List.of("bcg", "li2007", "nielweise2007", "hine1989");

    /** Every combination that the settings accept, on every data set. */
    static List<Settings> grid() {
        List<Settings> out = new ArrayList<>();
        for (Measure m : List.of(Measure.RR, Measure.OR, Measure.RD)) {
            for (Method method : List.of(Method.MH, Method.IV, Method.PETO)) {
                if (method == Method.PETO && m != Measure.OR) {
                    continue;
                }
                for (TauSquared t : new TauSquared[] {TauSquared.DL, TauSquared.REML, TauSquared.PM, null}) {
                    for (Convention c : Convention.values()) {
                        for (boolean hksj : new boolean[] {false, true}) {
                            if (hksj && t == null) {
                                continue;
                            }
                            for (CcMode cc : List.of(CcMode.ONLY0, CcMode.ALL, CcMode.TACC, CcMode.NONE)) {
                                out.add(Settings.DEFAULTS.withMeasure(m).withMethod(method).withTau2(t)
                                        .withConvention(c).withHksj(hksj).withCc(0.5, cc).withBy(List.of()));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void invariantsHoldOverTheOptionGrid() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String data : DATA) {
            List<String[]> rows = readRows(ReferenceCases.resource("data/" + data + ".csv"));
            Path original = write(rows, data + ".csv");
            Path swapped = write(swapArms(rows), data + "-swapped.csv");
            List<String[]> shuffled = new ArrayList<>(rows.subList(1, rows.size()));
            Collections.shuffle(shuffled, new Random(42));
            shuffled.add(0, rows.get(0));
            Path permuted = write(shuffled, data + "-permuted.csv");
            ExtractionSheet sheet = read(original);
            ExtractionSheet swap = read(swapped);
            ExtractionSheet perm = read(permuted);
            List<Settings> grid = grid();
            for (int g = 0; g < grid.size(); g++) {
                Settings plain = grid.get(g).withSensitivity(SensitivityMode.NONE);
                String where = data + " " + describe(plain);
                Analysis a = overall(MetaAnalysis.run(sheet, plain));
                exist(a, where, problems);
                swappedArms(a, overall(MetaAnalysis.run(swap, plain)), plain.measure(), where, problems);
                permutation(a, overall(MetaAnalysis.run(perm, plain)), where, problems);
                // the refits on every setting of bcg (no zero cells) and every fifth of the sets with zero cells,
                // whose zero-event table (a GLMM fit each) would otherwise take minutes
                if (data.equals("bcg") || g % 5 == DATA.indexOf(data)) {
                    Analysis withRefits = overall(MetaAnalysis.run(sheet, grid.get(g)));
                    lastCumulativeIsOverall(withRefits, where, problems);
                    leaveOneOutIsSheetWithoutRow(withRefits, rows, plain, where, problems);
                }
            }
        }
        assertEquals(List.of(), problems.subList(0, Math.min(40, problems.size())), problems.size() + " problems");
        for (AtomicInteger c : COUNTS) {
            assertTrue(c.get() > 100, "too few checks: " + c.get());
        }
    }

    @AfterAll
    static void report() {
        StringBuilder sb = new StringBuilder("Invariants checked over the option grid (" + grid().size()
                + " settings x " + DATA.size() + " data sets; refits on every setting of bcg, every fifth of the"
                + " others):");
        for (int i = 0; i < NAMES.length; i++) {
            sb.append(String.format(Locale.ROOT, "%n  %-42s %,d", NAMES[i], COUNTS[i].get()));
        }
        System.out.println(sb);
    }

    // ------------------------------------------------------------------ the invariants

    private static void lastCumulativeIsOverall(Analysis a, String where, List<String> problems) {
        Sensitivity sens = a.sensitivity();
        if (sens == null || sens.cumulative().isEmpty()) {
            return;
        }
        Sensitivity.Step last = sens.cumulative().get(sens.cumulative().size() - 1);
        double[] shown = shown(a);
        compare(problems, where + " last cumulative step", new double[] {last.estimate(), last.ciLower(),
            last.ciUpper()}, shown);
        if (last.model().equals("random") && a.random().isFitted()) {
            compare(problems, where + " last cumulative tau2", new double[] {last.tau2()},
                    new double[] {a.random().tau2()});
        }
        if (a.heterogeneity() != null) {
            compare(problems, where + " last cumulative Q", new double[] {last.q()},
                    new double[] {a.heterogeneity().q()});
        }
        COUNTS[0].incrementAndGet();
    }

    private void leaveOneOutIsSheetWithoutRow(Analysis a, List<String[]> rows, Settings s, String where,
                                              List<String> problems) throws Exception {
        Sensitivity sens = a.sensitivity();
        if (sens == null || sens.leaveOneOut().isEmpty()) {
            return;
        }
        // two steps per analysis (the first and the last), each against a sheet without that row
        List<Sensitivity.Step> steps = sens.leaveOneOut();
        for (Sensitivity.Step st : List.of(steps.get(0), steps.get(steps.size() - 1))) {
            List<String[]> without = new ArrayList<>(rows);
            without.remove(st.row() - 1);
            Path file = write(without, "loo-" + System.nanoTime() + ".csv");
            Analysis refit = overall(MetaAnalysis.run(read(file), s));
            double[] expected = shown(refit);
            compare(problems, where + " leave-one-out row " + st.row(), new double[] {st.estimate(), st.ciLower(),
                st.ciUpper()}, expected);
            COUNTS[1].incrementAndGet();
        }
    }

    private static void swappedArms(Analysis a, Analysis b, Measure m, String where, List<String> problems) {
        CommonResult c1 = a.common();
        CommonResult c2 = b.common();
        if (c1.isFitted() && c2.isFitted() && c1.isEstimable()) {
            compare(problems, where + " swapped common", inverse(m, c1.estimate(), c1.ciUpper(), c1.ciLower()),
                    new double[] {c2.estimate(), c2.ciLower(), c2.ciUpper()});
        }
        RandomResult r1 = a.random();
        RandomResult r2 = b.random();
        if (r1.isFitted() && r2.isFitted() && r1.isEstimable()) {
            compare(problems, where + " swapped random", inverse(m, r1.estimate(), r1.ciUpper(), r1.ciLower()),
                    new double[] {r2.estimate(), r2.ciLower(), r2.ciUpper()});
            compare(problems, where + " swapped tau2", new double[] {r1.tau2()}, new double[] {r2.tau2()});
        }
        COUNTS[2].incrementAndGet();
    }

    private static double[] inverse(Measure m, double... v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = m == Measure.RD ? -v[i] : 1 / v[i];
        }
        return out;
    }

    private static void permutation(Analysis a, Analysis b, String where, List<String> problems) {
        if (a.common().isFitted()) {
            compare(problems, where + " permuted common", new double[] {a.common().estimate(), a.common().ciLower(),
                a.common().ciUpper(), a.common().p()}, new double[] {b.common().estimate(), b.common().ciLower(),
                b.common().ciUpper(), b.common().p()});
        }
        if (a.random().isFitted()) {
            compare(problems, where + " permuted random", new double[] {a.random().estimate(), a.random().ciLower(),
                a.random().ciUpper(), a.random().tau2(), a.random().piLower(), a.random().piUpper()},
                    new double[] {b.random().estimate(), b.random().ciLower(), b.random().ciUpper(),
                        b.random().tau2(), b.random().piLower(), b.random().piUpper()});
        }
        if (a.heterogeneity() != null) {
            compare(problems, where + " permuted Q", new double[] {a.heterogeneity().q(), a.heterogeneity().i2()},
                    new double[] {b.heterogeneity().q(), b.heterogeneity().i2()});
        }
        COUNTS[3].incrementAndGet();
    }

    private static void exist(Analysis a, String where, List<String> problems) {
        CommonResult c = a.common();
        if (Double.isFinite(c.estimate()) != (Double.isFinite(c.ciLower())
                && Double.isFinite(c.ciUpper()))) {
            problems.add(where + ": common estimate " + c.estimate() + " with interval [" + c.ciLower() + ", "
                    + c.ciUpper() + "]");
        }
        if (!c.isEstimable() && c.notEstimable() == null) {
            problems.add(where + ": common estimate missing without a reason");
        }
        if (!a.estimate().isEstimable() && a.estimate().notEstimable() == null) {
            problems.add(where + ": the estimate shown missing without a reason");
        }
        RandomResult r = a.random();
        if (!r.isEstimable() && r.notEstimable() == null) {
            problems.add(where + ": random estimate missing without a reason");
        }
        if (Double.isFinite(r.estimate()) != (Double.isFinite(r.ciLower())
                && Double.isFinite(r.ciUpper()))) {
            problems.add(where + ": random estimate " + r.estimate() + " with interval [" + r.ciLower() + ", "
                    + r.ciUpper() + "]");
        }
        if (Double.isFinite(r.piLower()) != (r.k() >= 3 && r.isEstimable())) {
            problems.add(where + ": prediction interval " + r.piLower() + " with k = " + r.k());
        }
        COUNTS[4].incrementAndGet();
    }

    // ------------------------------------------------------------------ helpers

    /** The model the plots show: random effects when there is a random model, else the common effect. */
    private static double[] shown(Analysis a) {
        if (a.random().isFitted()) {
            return new double[] {a.random().estimate(), a.random().ciLower(), a.random().ciUpper()};
        }
        return new double[] {a.common().estimate(), a.common().ciLower(), a.common().ciUpper()};
    }

    private static void compare(List<String> problems, String what, double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double v = actual[i];
            boolean same = Double.isNaN(e) ? Double.isNaN(v)
                    : Math.abs(e - v) <= TOL * Math.max(1, Math.abs(e)) || e == v;
            if (!same) {
                problems.add(String.format(Locale.ROOT, "%s [%d]: expected %s, got %s", what, i, e, v));
            }
        }
    }

    private static Analysis overall(Results r) {
        return r.analyses().get(0);
    }

    private static String describe(Settings s) {
        return s.measure() + " " + s.method() + " " + s.tau2Name() + " " + s.convention().label()
                + (s.hksj() ? " hksj" : "") + " cc=" + s.cc().mode().id();
    }

    private static List<String[]> readRows(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csv)) {
            for (CsvRecord rec : r) {
                rows.add(rec.getFields().toArray(new String[0]));
            }
        }
        return rows;
    }

    /** The rows with the MSC and control arms swapped (events and totals exchanged). */
    private static List<String[]> swapArms(List<String[]> rows) {
        List<String> head = List.of(rows.get(0));
        int e1 = head.indexOf("events_msc");
        int n1 = head.indexOf("n_msc");
        int e2 = head.indexOf("events_control");
        int n2 = head.indexOf("n_control");
        List<String[]> out = new ArrayList<>();
        out.add(rows.get(0));
        for (String[] r : rows.subList(1, rows.size())) {
            String[] s = r.clone();
            s[e1] = r[e2];
            s[n1] = r[n2];
            s[e2] = r[e1];
            s[n2] = r[n1];
            out.add(s);
        }
        return out;
    }

    private Path write(List<String[]> rows, String name) throws IOException {
        StringWriter sw = new StringWriter();
        try (CsvWriter w = CsvWriter.builder().build(sw)) {
            for (String[] r : rows) {
                w.writeRecord(r);
            }
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sw.toString());
        return p;
    }

    private static ExtractionSheet read(Path p) throws Exception {
        return SheetReader.withBuiltInVocabulary().read(p, null);
    }
}

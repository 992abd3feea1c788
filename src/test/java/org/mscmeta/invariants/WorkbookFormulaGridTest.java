package org.mscmeta.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mscmeta.analysis.DoubleZero;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.CcMode;
import org.mscmeta.effect.Convention;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.PredictionInterval;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.report.RunInfo;
import org.mscmeta.report.workbook.Workbook;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.SheetReader;
import org.mscmeta.testing.ReferenceCases;
import org.mscmeta.testing.Recalculation;

/**
 * Over the option grid (measure x method x tau² x continuity correction x convention x Hartung-Knapp x double-zero
 * studies, and the proportions), on sheets with zero cells, double-zero studies, single studies and extreme ratios:
 * every formula of the workbook, recalculated, gives the value written beside it (the engine's). A formula the engine
 * disagrees with, or one that gives an error where the engine has a number, fails it. The whole grid runs with
 * {@code -Dmscmeta.grid=all}; by default a fixed sample of it, every value of every option in it.
 */
class WorkbookFormulaGridTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> grid() throws IOException {
        Map<String, Path> sheets = new java.util.LinkedHashMap<>();
        sheets.put("nielweise", ReferenceCases.resource("data/nielweise2007.csv"));
        sheets.put("example", Path.of("examples/msc_adverse_events.csv"));
        sheets.put("extreme", ExtremeSheet.write(dir.resolve("extreme.csv")));
        List<Arguments> all = new ArrayList<>();
        TauSquared[] taus = {TauSquared.DL, TauSquared.REML, TauSquared.PM, null};
        for (var sheet : sheets.entrySet()) {
            for (Measure m : Measure.values()) {
                List<Method> methods = m.isProportion() ? List.of(Method.IV)
                        : m == Measure.OR ? List.of(Method.MH, Method.IV, Method.PETO) : List.of(Method.MH, Method.IV);
                for (Method method : methods) {
                    for (TauSquared t : taus) {
                        for (CcMode cc : CcMode.values()) {
                            if (cc == CcMode.TACC && (m.isProportion() || m == Measure.RD)) {
                                continue;
                            }
                            for (Convention c : m.isProportion() ? new Convention[] {Convention.METAFOR}
                                    : Convention.values()) {
                                for (boolean hksj : t == null ? new boolean[] {false} : new boolean[] {false, true}) {
                                    for (DoubleZero dz : m.isProportion() ? new DoubleZero[] {DoubleZero.EXCLUDE}
                                            : DoubleZero.values()) {
                                        Settings s = Settings.DEFAULTS.withMeasure(m).withMethod(method).withTau2(t)
                                                .withCc(0.5, cc).withConvention(c).withHksj(hksj)
                                                .withDoubleZero(dz);
                                        all.add(Arguments.of(sheet.getKey() + " " + m + " " + method + " " + t + " "
                                                + cc + " " + c + (hksj ? " hksj" : "") + " " + dz, sheet.getValue(),
                                                s));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // the confidence level and the prediction interval's quantile (live formulas under DerSimonian-Laird), and the
        // GLMM, whose pooled rows are its numbers
        for (var sheet : sheets.entrySet()) {
            for (Measure m : List.of(Measure.RR, Measure.OR, Measure.RD, Measure.PLOGIT)) {
                for (double level : new double[] {0.90, 0.99}) {
                    for (PredictionInterval pi : PredictionInterval.values()) {
                        for (boolean hksj : new boolean[] {false, true}) {
                            all.add(Arguments.of(sheet.getKey() + " " + m + " DL level " + level + " " + pi
                                    + (hksj ? " hksj" : ""), sheet.getValue(), Settings.DEFAULTS.withMeasure(m)
                                    .withMethod(m.isProportion() ? Method.IV : Method.MH).withTau2(TauSquared.DL)
                                    .withLevel(level).withPredictionInterval(pi).withHksj(hksj)));
                        }
                    }
                }
            }
            for (Measure m : List.of(Measure.OR, Measure.PLOGIT)) {
                for (String model : m == Measure.OR ? List.of("UM.FS", "UM.RS") : List.of("UM.FS")) {
                    for (TauSquared t : new TauSquared[] {TauSquared.REML, null}) {
                        all.add(Arguments.of(sheet.getKey() + " " + m + " GLMM " + model + " " + t, sheet.getValue(),
                                Settings.DEFAULTS.withMeasure(m).withMethod(Method.GLMM).withGlmmModel(model)
                                        .withTau2(t)));
                    }
                }
            }
        }
        if ("all".equals(System.getProperty("mscmeta.grid"))) {
            return all.stream();
        }
        // a fixed sample: every 47th setting (a prime larger than any option's count of values: each value is in)
        List<Arguments> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 47) {
            sample.add(all.get(i));
        }
        return sample.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void everyFormulaRecalculatesToTheValueWrittenBesideIt(String name, Path input, Settings settings)
            throws Exception {
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(input, null);
        Results r;
        try {
            r = MetaAnalysis.run(sheet, settings);
        } catch (IllegalArgumentException refused) {
            org.junit.jupiter.api.Assumptions.abort("a combination the command line refuses too: "
                    + refused.getMessage());
            return;
        }
        Path xlsx = dir.resolve(name.replace(' ', '-') + ".xlsx");
        Workbook.write(sheet, r, new RunInfo(input.toString(), "abc123", "2026-12-06T00:00:00Z"), Map.of(), xlsx);
        List<String> problems = new ArrayList<>();
        int checked = Recalculation.check(xlsx, problems);
        assertEquals(List.of(), problems.size() > 20 ? problems.subList(0, 20) : problems, name + ": "
                + problems.size() + " problems");
        assertTrue(checked > 20, name + ": only " + checked + " formulas compared");
    }
}

package org.mscmeta.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.ContinuityCorrection;
import org.mscmeta.effect.EffectSizes;
import org.mscmeta.effect.Measure;
import org.mscmeta.effect.StudyEffects;
import org.mscmeta.effect.TwoByTwo;
import org.mscmeta.pool.CommonEffect;
import org.mscmeta.pool.MantelHaenszel;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.report.ResultsJson;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.SheetReader;
import org.mscmeta.synth.SyntheticRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the engine on the synthetic 80,000-row registry sheet (2,000 trials x 40 AE terms, seed as
 * {@code generate}): reading and validating the sheet, per-study effects and Mantel-Haenszel for one term, REML
 * for one term, the whole analysis (MH + DL, by route and cell source, subgroup tests) and writing results.json.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    private Path sheetFile;
    private ExtractionSheet sheet;
    private Settings settings;
    private Results results;
    private TwoByTwo oneTerm;
    private double[] yi;
    private double[] vi;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        sheetFile = Files.createTempFile("registry-80k", ".csv");
        try (Writer w = Files.newBufferedWriter(sheetFile, StandardCharsets.UTF_8)) {
            SyntheticRegistry.write(w, 2000, 40, 20261123L);
        }
        sheet = SheetReader.withBuiltInVocabulary().read(sheetFile, null);
        settings = Settings.DEFAULTS.withTau2(TauSquared.DL).withBy(List.of("route", "cell_source"));
        results = MetaAnalysis.run(sheet, settings);
        int n = 0;
        for (int i = 0; i < sheet.size(); i++) {
            if (sheet.outcome().codes()[i] == 0 && !sheet.isSingleArm(i)) {
                n++;
            }
        }
        int[] a = new int[n];
        int[] n1 = new int[n];
        int[] c = new int[n];
        int[] n2 = new int[n];
        for (int i = 0, j = 0; i < sheet.size(); i++) {
            if (sheet.outcome().codes()[i] == 0 && !sheet.isSingleArm(i)) {
                a[j] = sheet.eventsMsc()[i];
                n1[j] = sheet.nMsc()[i];
                c[j] = sheet.eventsControl()[i];
                n2[j++] = sheet.nControl()[i];
            }
        }
        oneTerm = new TwoByTwo(a, n1, c, n2);
        StudyEffects e = EffectSizes.compute(Measure.RR, ContinuityCorrection.DEFAULT, oneTerm, true);
        yi = e.includedYi();
        vi = e.includedVi();
    }

    @Benchmark
    public ExtractionSheet readAndValidate80k() throws Exception {
        return SheetReader.withBuiltInVocabulary().read(sheetFile, null);
    }

    @Benchmark
    public CommonEffect effectsAndMantelHaenszelOneTerm() {
        StudyEffects e = EffectSizes.compute(Measure.RR, ContinuityCorrection.DEFAULT, oneTerm, true);
        boolean[] all = new boolean[oneTerm.k()];
        java.util.Arrays.fill(all, true);
        return e.k() > 0 ? MantelHaenszel.pool(Measure.RR, oneTerm, all, 0.95) : null;
    }

    @Benchmark
    public double remlOneTerm() {
        return TauSquared.REML.estimate(yi, vi);
    }

    @Benchmark
    public Results analyse80kBySubgroups() {
        return MetaAnalysis.run(sheet, settings);
    }

    @Benchmark
    public long writeResultsJson80k() throws Exception {
        CountingStream out = new CountingStream();
        ResultsJson.write(results, null, out);
        return out.count;
    }

    /** Discards what it is given, counting the bytes. */
    static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}

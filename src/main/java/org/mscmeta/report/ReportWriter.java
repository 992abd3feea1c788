package org.mscmeta.report;

import org.mscmeta.report.workbook.Workbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.concurrent.Tasks;
import org.mscmeta.files.OutputFolder;
import org.mscmeta.files.OutputFolderException;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.report.plot.DrawingFiles;
import org.mscmeta.report.plot.ForestPlot;
import org.mscmeta.report.plot.ForestPlots;
import org.mscmeta.report.plot.FunnelPlot;
import org.mscmeta.report.plot.StudyOrder;
import org.mscmeta.sheet.ExtractionSheet;

/**
 * Entry point of the report stage: writes results.json, and unless {@code jsonOnly}, the forest plots (PNG, SVG,
 * PDF), funnel plots (PNG, SVG) and the Excel workbook. Everything is first written into a staging folder inside
 * the output folder and put in place of the previous run's files only when all of it succeeded
 * ({@link OutputFolder}), so a failure leaves nothing half-written and nothing mixed.
 */
public final class ReportWriter {

    /** Folder of the plot files inside the output folder. */
    public static final String PLOTS = "plots";

    private ReportWriter() {
    }

    /** What was written, relative to the output folder. */
    public record Written(List<Path> files) {
    }

    /** Writes the outputs of {@code results} into {@code out}, study rows of the plots in input order. */
    public static Written write(ExtractionSheet sheet, Results results, RunInfo run, Path out, boolean jsonOnly)
            throws IOException {
        return write(sheet, results, run, out, jsonOnly, StudyOrder.INPUT);
    }

    /** Writes the outputs of {@code results} into {@code out}. */
    public static Written write(ExtractionSheet sheet, Results results, RunInfo run, Path out, boolean jsonOnly,
                                StudyOrder order) throws IOException {
        return write(sheet, results, run, out, jsonOnly, order, phase -> { });
    }

    /**
     * Writes the outputs of {@code results} into {@code out}, telling {@code phases} what it is writing ("plots and
     * workbook", "results.json") as it starts each part.
     */
    public static Written write(ExtractionSheet sheet, Results results, RunInfo run, Path out, boolean jsonOnly,
                                StudyOrder order, java.util.function.Consumer<String> phases) throws IOException {
        try (Session session = begin(out, sheet, results.settings(), run)) {
            return session.finish(results, jsonOnly, order, phases);
        } catch (OutputFolderException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** What an {@code analyze} run writes into its folder, for recognising an earlier run's files. */
    public static final OutputFolder.Layout LAYOUT = new OutputFolder.Layout(
            java.util.Set.of(ResultsJson.FILE_NAME, Workbook.FILE_NAME, "report.docx"), java.util.Set.of(PLOTS));

    /**
     * Starts writing into {@code out} before the analysis runs, so that results.json takes each outcome as it is
     * done ({@link Session#analysed}) instead of all of them after the analysis.
     *
     * @param settings the settings the results will report ({@code MetaAnalysis.resolve})
     * @throws OutputFolderException when the folder cannot be used (an empty name, a file, files of another
     *                               program's without {@code force}), with a sentence saying why
     */
    public static Session begin(Path out, ExtractionSheet sheet, Settings settings, RunInfo run, boolean force)
            throws IOException, OutputFolderException {
        return new Session(OutputFolder.open(out, LAYOUT, force), sheet, settings, run);
    }

    /** As {@link #begin(Path, ExtractionSheet, Settings, RunInfo, boolean)}, not replacing another program's files. */
    public static Session begin(Path out, ExtractionSheet sheet, Settings settings, RunInfo run)
            throws IOException, OutputFolderException {
        return begin(out, sheet, settings, run, false);
    }

    /**
     * The outputs of one run, written into the staging folder of an {@link OutputFolder} and put in place of the
     * previous run's only when all of them succeeded ({@link #finish}); closed unfinished (a failure, a signal), it
     * removes what it wrote.
     */
    public static final class Session implements AutoCloseable {
        private final OutputFolder folder;
        private final ExtractionSheet sheet;
        private final RunInfo run;
        private final Path staging;
        private final ResultsDocument json;

        private Session(OutputFolder folder, ExtractionSheet sheet, Settings settings, RunInfo run) throws IOException {
            this.folder = folder;
            this.sheet = sheet;
            this.run = run;
            this.staging = folder.staging();
            java.io.OutputStream stream = null;
            try {
                stream = new java.io.BufferedOutputStream(
                        Files.newOutputStream(staging.resolve(ResultsJson.FILE_NAME)), 1 << 16);
                json = ResultsDocument.open(stream, sheet.file(), sheet.size(), settings, run);
            } catch (IOException | RuntimeException e) {
                if (stream != null) {
                    stream.close();
                }
                folder.close();
                throw e;
            }
        }

        /** The analyses of the {@code index}-th outcome, as {@code MetaAnalysis.Progress} reports them. */
        public void analysed(int index, List<Analysis> outcome) {
            json.add(index, outcome);
        }

        /**
         * Writes the rest: unless {@code jsonOnly}, the plots and the workbook, then the end of results.json (and
         * its analyses, when none were {@linkplain #analysed reported}); then puts everything in place of the previous
         * run's files.
         */
        public Written finish(Results results, boolean jsonOnly, StudyOrder order,
                              java.util.function.Consumer<String> phases) throws IOException {
            List<Path> files = new ArrayList<>();
            if (!jsonOnly) {
                phases.accept("plots and workbook");
                writePlotsAndWorkbook(sheet, results, run, staging, files, order);
            }
            phases.accept(ResultsJson.FILE_NAME);
            json.finish(results);
            files.add(Path.of(ResultsJson.FILE_NAME));
            folder.commit(files);
            return new Written(List.copyOf(files));
        }

        @Override
        public void close() throws IOException {
            try {
                json.close();
            } finally {
                folder.close();
            }
        }
    }

    /** The plots of one outcome, rendered independently of the others. */
    private record OutcomePlots(Analysis overall, String stem, List<Analysis> subgroupLevels) {
    }

    /** One plot (in all its formats): draws it and returns the files written. */
    @FunctionalInterface
    private interface PlotJob {
        List<Path> draw() throws IOException;
    }

    /**
     * Writes all plots, one plot per task (per plot rather than per outcome, so that the cores finish together), on
     * as many threads as there are cores, and meanwhile the workbook on this thread: its tables need no plot, and
     * it waits for an outcome's forest plot only when it embeds the plots, last.
     */
    private static void writePlotsAndWorkbook(ExtractionSheet sheet, Results r, RunInfo run, Path staging,
                                              List<Path> files, StudyOrder order) throws IOException {
        Path dir = staging.resolve(PLOTS);
        Files.createDirectories(dir);
        FileNames names = new FileNames();
        List<PlotJob> jobs = new ArrayList<>();
        List<Analysis> overalls = new ArrayList<>();
        Map<String, Integer> forestJob = new LinkedHashMap<>();
        for (Analysis a : r.analyses()) {
            if (a.subgroup() == null) {
                overalls.add(a);
                List<Analysis> levels = new ArrayList<>();
                for (Analysis l : r.analyses()) {
                    if (l.subgroup() != null && l.outcome().equals(a.outcome())) {
                        levels.add(l);
                    }
                }
                OutcomePlots plots = new OutcomePlots(a, names.unique(a.outcome()), levels);
                forestJob.put(a.outcome(), jobs.size() + 1); // after the panel, added in front below
                outcomeJobs(r, plots, dir, order, jobs);
            }
        }
        if (!overalls.isEmpty()) {
            // the largest single drawing, started first (its files are listed last, as before)
            jobs.add(0, () -> {
                DrawingFiles.all(ForestPlots.aePanel(overalls, r.settings()), dir, "ae-panel");
                return files(dir, "ae-panel", "png", "svg", "pdf");
            });
        }
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, job -> {
            Thread t = new Thread(job, "plots");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Path>>> drawn = new ArrayList<>(jobs.size());
            for (PlotJob job : jobs) {
                drawn.add(pool.submit(job::draw));
            }
            Path xlsx = staging.resolve(Workbook.FILE_NAME);
            Workbook.write(sheet, r, run, outcome -> {
                Integer job = forestJob.get(outcome);
                // the forest plot's PNG, listed first
                return job == null ? null : Tasks.valueOf(drawn.get(job), "drawing plots").get(0);
            }, xlsx);
            List<List<Path>> inOrder = new ArrayList<>(drawn.size());
            for (Future<List<Path>> f : drawn) {
                inOrder.add(Tasks.valueOf(f, "drawing plots"));
            }
            if (!overalls.isEmpty()) {
                inOrder.add(inOrder.remove(0));
            }
            for (List<Path> w : inOrder) {
                for (Path p : w) {
                    files.add(staging.relativize(p));
                }
            }
            files.add(staging.relativize(xlsx));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The plots of one outcome, each its own task, in the order their files are listed. */
    private static void outcomeJobs(Results r, OutcomePlots job, Path dir, StudyOrder order, List<PlotJob> jobs) {
        Analysis a = job.overall();
        String base = "forest-" + job.stem();
        jobs.add(() -> {
            DrawingFiles.all(ForestPlots.outcome(a, r.settings(), order), dir, base);
            return files(dir, base, "png", "svg", "pdf");
        });
        for (String variable : r.settings().by()) {
            List<Analysis> levels = new ArrayList<>();
            for (Analysis l : job.subgroupLevels()) {
                if (l.subgroup().variable().equals(variable)) {
                    levels.add(l);
                }
            }
            if (levels.size() < 2) {
                continue;
            }
            List<SubgroupComparison> tests = new ArrayList<>();
            for (SubgroupComparison t : r.subgroupTests()) {
                if (t.outcome().equals(a.outcome()) && t.variable().equals(variable)) {
                    tests.add(t);
                }
            }
            String sub = base + "-by-" + FileNames.slug(variable);
            jobs.add(() -> {
                DrawingFiles.all(ForestPlots.subgroups(a, levels, tests, r.settings(), order), dir, sub);
                return files(dir, sub, "png", "svg", "pdf");
            });
        }
        if (a.sensitivity() != null && !a.sensitivity().leaveOneOut().isEmpty()) {
            jobs.add(() -> {
                DrawingFiles.all(ForestPlots.leaveOneOut(a, r.settings()), dir, "leave-one-out-" + job.stem());
                return files(dir, "leave-one-out-" + job.stem(), "png", "svg", "pdf");
            });
            jobs.add(() -> {
                DrawingFiles.all(ForestPlots.cumulative(a, r.settings()), dir, "cumulative-" + job.stem());
                return files(dir, "cumulative-" + job.stem(), "png", "svg", "pdf");
            });
        }
        java.util.List<org.mscmeta.report.plot.BubblePlot> bubbles = a.sensitivity() == null ? java.util.List.of()
                : org.mscmeta.report.plot.BubblePlot.all(a.outcome(), a.sensitivity().metaRegression(), r.settings());
        for (int j = 0; j < bubbles.size(); j++) {
            String name = "bubble-" + job.stem() + (bubbles.size() == 1 ? ""
                    : "-" + FileNames.slug(a.sensitivity().metaRegression().terms().get(j + 1)));
            org.mscmeta.report.plot.BubblePlot bubble = bubbles.get(j);
            jobs.add(() -> {
                DrawingFiles.png(bubble, dir.resolve(name + ".png"));
                DrawingFiles.svg(bubble, dir.resolve(name + ".svg"));
                return files(dir, name, "png", "svg");
            });
        }
        jobs.add(() -> {
            ForestPlot zero = ForestPlots.zeroEvents(a, r.settings());
            if (zero == null) {
                return List.of();
            }
            DrawingFiles.all(zero, dir, "zero-events-" + job.stem());
            return files(dir, "zero-events-" + job.stem(), "png", "svg", "pdf");
        });
        jobs.add(() -> FunnelPlot.write(a, r.settings(), dir, "funnel-" + job.stem())
                ? files(dir, "funnel-" + job.stem(), "png", "svg") : List.of());
    }

    private static List<Path> files(Path dir, String base, String... exts) {
        List<Path> out = new ArrayList<>();
        add(out, dir, base, exts);
        return out;
    }

    private static void add(List<Path> files, Path dir, String base, String... exts) {
        for (String e : exts) {
            files.add(dir.resolve(base + "." + e));
        }
    }
}

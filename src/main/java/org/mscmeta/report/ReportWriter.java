package org.mscmeta.report;

import org.mscmeta.report.workbook.Workbook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.concurrent.Tasks;
import org.mscmeta.files.OutputFolder;
import org.mscmeta.files.OutputFolderException;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.report.docx.ManuscriptKit;
import org.mscmeta.report.plot.Figure;
import org.mscmeta.report.plot.PlotOptions;
import org.mscmeta.report.plot.Plots;
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

    /**
     * What was written.
     *
     * @param files  the files, relative to the output folder
     * @param notes  what a reader of the files should know that the analysis does not say (texts the plots cannot
     *               show)
     */
    public record Written(List<Path> files, List<String> notes) {

        public Written {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    /** Writes the outputs of {@code results} into {@code out}, the plots with the default options. */
    public static Written write(ExtractionSheet sheet, Results results, RunInfo run, Path out, boolean jsonOnly)
            throws IOException {
        return write(sheet, results, run, out, jsonOnly, PlotOptions.DEFAULTS);
    }

    /** Writes the outputs of {@code results} into {@code out}. */
    public static Written write(ExtractionSheet sheet, Results results, RunInfo run, Path out, boolean jsonOnly,
                                PlotOptions plots) throws IOException {
        return write(sheet, results, run, out, jsonOnly, plots, phase -> { });
    }

    /**
     * Writes the outputs of {@code results} into {@code out}, telling {@code phases} what it is writing ("plots and
     * workbook", "results.json") as it starts each part.
     */
    public static Written write(ExtractionSheet sheet, Results results, RunInfo run, Path out, boolean jsonOnly,
                                PlotOptions plots, java.util.function.Consumer<String> phases) throws IOException {
        try (Session session = begin(out, sheet, results.settings(), run)) {
            return session.finish(results, jsonOnly, plots, phases);
        } catch (OutputFolderException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The sheet the run reads (when its name is a path) and {@code alsoRead}, files the folder's previous files must
     * not take with them and the run's own files must not replace.
     */
    private static java.util.List<OutputFolder.Kept> read(RunInfo run, java.util.List<OutputFolder.Kept> alsoRead) {
        java.util.List<OutputFolder.Kept> read = new java.util.ArrayList<>(alsoRead);
        try {
            if (run.inputPath() != null) {
                read.add(0, new OutputFolder.Kept(Path.of(run.inputPath()), "the sheet"));
            }
        } catch (java.nio.file.InvalidPathException e) {
            // a name, not a path (a table given through the library)
        }
        return read;
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
        return begin(out, sheet, settings, run, force, java.util.List.of());
    }

    /**
     * As {@link #begin(Path, ExtractionSheet, Settings, RunInfo, boolean)}, for a run that read {@code alsoRead}
     * besides the sheet (an outcome map, a vocabulary): the folder is refused rather than lose one of them.
     */
    public static Session begin(Path out, ExtractionSheet sheet, Settings settings, RunInfo run, boolean force,
                                java.util.List<OutputFolder.Kept> alsoRead) throws IOException, OutputFolderException {
        return new Session(OutputFolder.open(out, LAYOUT, force, java.util.List.of(), read(run, alsoRead)), sheet,
                settings, run);
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
         *
         * @throws OutputFolderException when a file of the user's is where one of the run's goes ({@code plots/}
         *                               holding a picture of its own named as a plot), without {@code force}: nothing
         *                               is put in place
         */
        public Written finish(Results results, boolean jsonOnly, PlotOptions plots,
                              java.util.function.Consumer<String> phases) throws IOException, OutputFolderException {
            try {
                return write(results, jsonOnly, plots, phases);
            } catch (IOException | RuntimeException e) {
                failed = true; // said by the caller; closing must not say it again
                throw e;
            }
        }

        private Written write(Results results, boolean jsonOnly, PlotOptions plots,
                              java.util.function.Consumer<String> phases) throws IOException, OutputFolderException {
            List<Path> files = new ArrayList<>();
            if (jsonOnly) {
                phases.accept(ResultsJson.FILE_NAME);
                json.finish(results);
            } else {
                // the end of results.json (the analyses it holds back, the run's tail) needs no plot: written on
                // another thread while the plots are drawn, instead of alone on one core after them
                FutureTask<Void> ending = new FutureTask<>(() -> {
                    json.finish(results);
                    return null;
                });
                Thread ender = new Thread(ending, "results.json");
                ender.setDaemon(true);
                ender.start();
                try {
                    phases.accept("plots and workbook");
                    writePlotsAndWorkbook(sheet, results, run, staging, files, plots);
                    phases.accept(ResultsJson.FILE_NAME);
                    Tasks.valueOf(ending, "writing " + ResultsJson.FILE_NAME);
                } finally {
                    joinQuietly(ender); // ended before the staging folder is closed, on failure too
                }
            }
            files.add(Path.of(ResultsJson.FILE_NAME));
            folder.commit(files);
            List<String> notes = new ArrayList<>();
            List<String> boxes = jsonOnly ? List.of() : Plots.textsWithoutGlyphs(results);
            if (!boxes.isEmpty()) {
                notes.add("neither the plot font (DejaVu Sans) nor a font of this computer has a glyph for some"
                        + " characters of "
                        + org.mscmeta.sheet.Notice.count(boxes.size(), "label", "labels") + ", which the plots show as"
                        + " boxes: " + String.join("; ", boxes.subList(0, Math.min(3, boxes.size())).stream()
                        .map(b -> "'" + b + "'").toList()) + (boxes.size() > 3 ? "; ..." : "")
                        + " (results.json, the workbook and report.docx keep the text as it is)");
            }
            if (!jsonOnly && plots.order() == org.mscmeta.report.plot.StudyOrder.WEIGHT
                    && results.settings().method() == org.mscmeta.analysis.Method.GLMM) {
                notes.add("--sort weight: the mixed logistic model (--method GLMM) gives the studies no weights, so the"
                        + " forest plots keep the studies in the input order");
            }
            if (!jsonOnly && plots.columns() != null
                    && plots.columns().contains(org.mscmeta.report.plot.ForestColumn.WEIGHT) && results.settings().method() == org.mscmeta.analysis.Method.GLMM) {
                notes.add("--columns weight: the mixed logistic model (--method GLMM) gives the studies no weights, so"
                        + " the forest plots have no weight column");
            }
            if (!jsonOnly) {
                Plots.columnsLeftOut(results, plots).forEach((column, outcomes) -> {
                    boolean counts = column == org.mscmeta.report.plot.ForestColumn.COUNTS;
                    notes.add("--columns " + column.name().toLowerCase(java.util.Locale.ROOT) + ": at --plot-size "
                            + plots.size().id() + " (" + Math.round(plots.size().widthMm()) + " mm) the "
                            + (counts ? "count columns do" : "weight column does") + " not fit beside readable study"
                            + " labels, so the forest " + (outcomes.size() == 1 ? "plot" : "plots") + " of "
                            + org.mscmeta.sheet.Notice.count(outcomes.size(), "outcome", "outcomes") + " ("
                            + String.join(", ", outcomes.subList(0, Math.min(3, outcomes.size())))
                            + (outcomes.size() > 3 ? ", ..." : "") + ") " + (outcomes.size() == 1 ? "leaves " : "leave ")
                            + (counts ? "them out and give" + (outcomes.size() == 1 ? "s" : "") + " the total events"
                            + " in words" : "it out")
                            + "; a wider --plot-size has room for " + (counts ? "them" : "it"));
                });
            }
            return new Written(files, notes);
        }

        /** Whether {@link #finish} failed (a full disk, say), which its caller reports. */
        private boolean failed;

        /**
         * Closes results.json and removes what the run staged, unless it was put in place. After {@link #finish}
         * failed, results.json's own failure to close (the disk still full) is that same failure, not reported twice.
         */
        @Override
        public void close() throws IOException {
            closeBoth(json::close, folder::close, failed);
        }
    }

    /** Something closed that may fail as a file does. */
    @FunctionalInterface
    interface Closing {
        void close() throws IOException;
    }

    /** Closes {@code json}, then {@code folder} in any case; a failure of the first is dropped after {@code failed}. */
    static void closeBoth(Closing json, Closing folder, boolean failed) throws IOException {
        try {
            json.close();
        } catch (IOException e) {
            if (!failed) {
                throw e;
            }
        } finally {
            folder.close();
        }
    }

    /** Waits (a minute at most) for {@code t} to end, keeping this thread's interrupt. */
    private static void joinQuietly(Thread t) {
        try {
            t.join(java.util.concurrent.TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                                              List<Path> files, PlotOptions options) throws IOException {
        Path dir = staging.resolve(PLOTS);
        Files.createDirectories(dir);
        FileNames names = new FileNames();
        Jobs jobs = new Jobs(dir);
        Map<String, String> stems = new LinkedHashMap<>();
        boolean any = r.analyses().stream().anyMatch(a -> a.subgroup() == null);
        for (Analysis a : r.analyses()) {
            if (a.subgroup() == null) {
                stems.put(a.outcome(), names.unique(a.outcome()));
                outcomeJobs(r, a.outcome(), stems.get(a.outcome()), options, jobs);
            }
        }
        if (any && r.analyses().stream().anyMatch(a -> a.summaryOfFindings() != null
                && Double.isFinite(a.summaryOfFindings().relative()))) {
            jobs.addEarly("summary-of-findings", () -> Plots.summaryOfFindings(r, options));
        }
        if (any) {
            // the largest single drawing: started first, listed last
            jobs.addEarly("ae-panel", () -> Plots.aePanel(r, options));
        }
        // then the plots the manuscript kit and the workbook embed (the kit asked for their names without waiting):
        // each zips itself once it has the last of them, while the other plots are drawn, instead of alone on one
        // core after them
        ManuscriptKit.figures(r, name -> {
            jobs.startEarly(name);
            return List.of();
        }, stems::get);
        for (String stem : stems.values()) {
            jobs.startEarly("forest-" + stem);
        }
        Map<String, Integer> plotJob = jobs.index;
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, job -> {
            Thread t = new Thread(job, "plots");
            t.setDaemon(true);
            return t;
        });
        FutureTask<Void> kit = null;
        Thread kitThread = null;
        try {
            List<Future<List<Path>>> drawn = new ArrayList<>(java.util.Collections.nCopies(jobs.list.size(), null));
            for (int job : jobs.submissionOrder()) {
                drawn.set(job, pool.submit(jobs.list.get(job)::draw));
            }
            // the manuscript kit on a thread of its own: it waits only for the plots it embeds
            Path docx = staging.resolve(ManuscriptKit.FILE_NAME);
            kit = new FutureTask<>(() -> {
                ManuscriptKit.write(r, ManuscriptKit.figures(r, name -> {
                    try {
                        return pngPages(name, plotJob, drawn);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, stems::get), docx);
                return null;
            });
            kitThread = new Thread(kit, "manuscript kit");
            kitThread.setDaemon(true);
            kitThread.start();
            Path xlsx = staging.resolve(Workbook.FILE_NAME);
            Workbook.write(sheet, r, run, outcome -> pngPages("forest-" + stems.get(outcome), plotJob, drawn), xlsx);
            List<List<Path>> inOrder = new ArrayList<>(drawn.size());
            for (Future<List<Path>> f : drawn) {
                inOrder.add(Tasks.valueOf(f, "drawing plots"));
            }
            for (List<Path> w : inOrder) {
                for (Path p : w) {
                    files.add(staging.relativize(p));
                }
            }
            files.add(staging.relativize(xlsx));
            try {
                Tasks.valueOf(kit, "writing report.docx");
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            files.add(staging.relativize(docx));
        } finally {
            pool.shutdownNow();
            if (kit != null) {
                kit.cancel(true); // no-op once done; stops a kit waiting on a plot that failed or was never drawn
            }
            finishing(pool, kitThread);
        }
    }

    /**
     * Waits (a minute at most) for the plot threads and the manuscript kit's to end: after a failure, a plot being
     * drawn is finished before the caller removes the staging folder, so that no file is written into it afterwards
     * (after a success every task is done, and this returns at once).
     */
    private static void finishing(ExecutorService pool, Thread kitThread) {
        try {
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
            if (pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES) && kitThread != null) {
                kitThread.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The PNG pages of the plot named {@code name}, first page first, once it is drawn; none when no such plot was
     * asked for.
     */
    private static List<Path> pngPages(String name, Map<String, Integer> plotJob, List<Future<List<Path>>> drawn)
            throws IOException {
        Integer job = plotJob.get(name);
        return job == null ? List.of() : Tasks.valueOf(drawn.get(job), "drawing plots").stream()
                .filter(p -> p.getFileName().toString().endsWith(".png")).toList();
    }

    /** The plot tasks of a report, each with its file name, in the order their files are listed. */
    private static final class Jobs {
        final Path dir;
        final List<PlotJob> list = new ArrayList<>();
        /** Each plot's task, by its file name without extension. */
        final Map<String, Integer> index = new LinkedHashMap<>();
        /** The tasks started before the others, in {@link #list}. */
        private final List<Integer> early = new ArrayList<>();

        Jobs(Path dir) {
            this.dir = dir;
        }

        /**
         * A task started before the others, whatever its place in the list: the AE panel and the summary of
         * findings are the largest drawings, and the summary of findings, added last and started last, was drawn on
         * one core for the last 0.2 s of the example's report while the other had nothing left to do (and the
         * workbook, which embeds it, waited).
         */
        void addEarly(String name, Callable<Figure> figure) {
            early.add(list.size());
            add(name, figure);
        }

        /** Starts the task already added as {@code name}, if any, after those started early so far. */
        void startEarly(String name) {
            Integer job = index.get(name);
            if (job != null && !early.contains(job)) {
                early.add(job);
            }
        }

        /** The tasks' indexes in the order they are started: the early ones, then the others as listed. */
        List<Integer> submissionOrder() {
            List<Integer> order = new ArrayList<>(early);
            for (int i = 0; i < list.size(); i++) {
                if (!early.contains(i)) {
                    order.add(i);
                }
            }
            return order;
        }

        void add(String name, Callable<Figure> figure) {
            index.put(name, list.size());
            list.add(() -> {
                try {
                    return figure.call().writeAll(dir, name);
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
        }
    }

    /** The plots of one outcome, each its own task, in the order their files are listed. */
    private static void outcomeJobs(Results r, String outcome, String stem, PlotOptions o, Jobs jobs) {
        Analysis a = r.overall(outcome);
        String base = "forest-" + stem;
        jobs.add(base, () -> Plots.forest(r, outcome, o));
        for (String variable : r.settings().by()) {
            long levels = r.analyses().stream().filter(l -> l.subgroup() != null && l.outcome().equals(outcome)
                    && l.subgroup().variable().equals(variable)).count();
            if (levels >= 2) {
                jobs.add(base + "-by-" + FileNames.slug(variable), () -> Plots.forestBy(r, outcome, variable, o));
            }
        }
        if (a.sensitivity() != null && !a.sensitivity().leaveOneOut().isEmpty()) {
            jobs.add("leave-one-out-" + stem, () -> Plots.leaveOneOut(r, outcome, o));
            jobs.add("cumulative-" + stem, () -> Plots.cumulative(r, outcome, o));
        }
        List<String> moderators = Plots.bubbleModerators(r, outcome);
        for (int j = 0; j < moderators.size(); j++) {
            String name = "bubble-" + stem + (moderators.size() == 1 ? "" : "-" + FileNames.slug(moderators.get(j)));
            int index = j;
            jobs.add(name, () -> Plots.bubbles(r, outcome, o).get(index));
        }
        if (!a.zeroEvents().isEmpty() && r.settings().measure().isRatio()) {
            jobs.add("zero-events-" + stem, () -> Plots.zeroEvents(r, outcome, o));
        }
        if (a.k() >= 2 && a.common().isEstimable()) {
            jobs.add("funnel-" + stem, () -> Plots.funnel(r, outcome, o));
        }
        if (a.routeBySource() != null && a.routeBySource().cells().size() >= 2) {
            jobs.add("route-by-cell-source-" + stem, () -> Plots.routeBySource(r, outcome, o));
        }
    }
}

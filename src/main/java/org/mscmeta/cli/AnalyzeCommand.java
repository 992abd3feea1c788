package org.mscmeta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.mscmeta.analysis.DoubleZero;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.concurrent.Tasks;
import org.mscmeta.effect.CcMode;
import org.mscmeta.effect.Convention;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.report.ConsoleSummary;
import org.mscmeta.report.ReportWriter;
import org.mscmeta.report.ResultsJson;
import org.mscmeta.report.RunInfo;
import org.mscmeta.sheet.DecimalText;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.files.FileProblems;
import org.mscmeta.files.OutputFolder;
import org.mscmeta.files.OutputFolderException;
import org.mscmeta.report.Terminal;
import org.mscmeta.report.plot.PlotOptions;
import org.mscmeta.sheet.InvalidInputException;
import org.mscmeta.sheet.OutcomeMap;
import org.mscmeta.sheet.SheetReader;
import org.mscmeta.sheet.Vocabulary;

/** {@code analyze}: pools every outcome of an extraction sheet and writes results.json (and reports). */
final class AnalyzeCommand implements Main.Subcommand {

    @Override
    public CommandOptions options() {
        return new CommandOptions("analyze", "INPUT", "Pool the adverse-event outcomes of an extraction sheet (CSV or"
                + " .xlsx): for every outcome, the common- and random-effects estimates overall and per subgroup (route"
                + " and cell source by default), with the tests for subgroup differences. Writes DIR/results.json."
                + "\nINPUT: the extraction sheet, delimited text (.csv, .tsv, .txt; UTF-8, UTF-16, Windows-1252 or"
                + " Mac OS Roman), .xlsx, .xls or .ods, or a RevMan 5 review (.rm5) (docs/input-format.md)."
                + "\nExit status: 0 done, 2 bad input or options (nothing is written), 1 other failure.")
                .value("out", "DIR", "Output folder (created if needed); results.json is written there. Required.")
                .value("measure", names(Measure.values()), "Effect measure: risk ratio, odds ratio or risk difference"
                        + " (MSC vs control), or the incidence among MSC recipients of every trial, single-arm"
                        + " included: PLOGIT (logit), PFT (Freeman-Tukey) or PRAW (raw proportion)", "RR")
                .value("method", names(Method.values()), "Common-effect method: Mantel-Haenszel, inverse variance, Peto (OR"
                        + " only), or GLMM (OR, PLOGIT: maximum-likelihood mixed logistic model as the random-effects"
                        + " model)", "MH")
                .value("glmm-model", "UM.FS|UM.RS", "GLMM for odds ratios: UM.FS (fixed study effects, random"
                        + " treatment effect, 7-point adaptive quadrature) or UM.RS (random study and treatment effects,"
                        + " Laplace), as metafor", "UM.FS")
                .value("tau2", "EST", "Between-study variance estimator of the random-effects model: DL, REML, PM, ML,"
                        + " HE, SJ, HS, EB, or none for no random-effects model", "REML")
                .flag("hksj", "Hartung-Knapp-Sidik-Jonkman CI for the random-effects estimate.")
                .value("convention", "metafor|revman5|meta", "Follow this program where programs compute differently:"
                        + " RR correction (n+1 or n+0.5), MH with or without correction, Q around MH or IV for"
                        + " DerSimonian-Laird, prediction interval t(k-2) or t(k-1), all-event studies for RR"
                        , "metafor")
                .value("prediction-interval", "z|t(k-1)|t(k-2)", "Quantile of the prediction interval: z (metafor's"
                        + " predict), t(k-1) (metafor with --hksj, R meta) or t(k-2) (Higgins et al. 2009, RevMan 5);"
                        + " default: that of the convention")
                .value("cc", "VALUE", "Continuity correction added to the cells", "0.5")
                .value("cc-mode", "MODE", "Studies corrected: only0 (those with a zero cell), all, if0all (all, if any"
                        + " has a zero cell), none, tacc (Sweeting's treatment-arm correction)", "only0")
                .value("double-zero", "exclude|include", "Studies with no events in both arms, for RR and OR: exclude"
                        + " (listed and counted) or include with the correction; RD always includes them"
                        , "exclude")
                .list("by", "COL[,COL]", "Subgroup variables: any column of the sheet (default: route,cell_source"
                        + " when the sheet has values for them). --by none for no subgroups.")
                .list("moderators", "COL[,COL]", "Columns for a meta-regression of every outcome: numeric"
                        + " columns as numbers, text columns as factors against their first level in alphabetical"
                        + " order (e.g. route,cell_source,dose_cells_per_kg).")
                .value("sensitivity", "auto|all|none", "Sensitivity analyses of each outcome: auto (Egger, Begg, trim"
                        + " and fill; leave-one-out and cumulative up to k = 200), all, or none (the meta-regression"
                        + " of --moderators is run with any of them)", "auto")
                .repeated("outcome", "NAME", "Analyse only this outcome; give it again for more outcomes (a name may"
                        + " hold commas).")
                .value("level", "LEVEL", "Confidence level (0.95, or 95 as in metafor, or 95%; below 0.5, alpha, as"
                        + " metafor reads it: 0.05 is 0.95)", "0.95")
                .value("sheet", "NAME", "For .xlsx, .xls or .ods input: the sheet to read (default: the first sheet with the"
                        + " required columns; in a workbook of one sheet per adverse event, without an outcome column,"
                        + " every such sheet, each named by its event; in a results.xlsx mscmeta wrote, its Data"
                        + " sheet).")
                .value("vocabulary", "FILE", "Extra route / cell-source aliases, a TSV like the built-in"
                        + " vocabulary.tsv.")
                .value("outcome-map", "FILE", "Outcome harmonisation table: a CSV of term,outcome (as"
                        + " examples/outcome_harmonisation.csv); each outcome named in its first column is pooled"
                        + " under the name in its second.")
                .flag("force", "Write into an output folder that holds files of the names a run writes (results.json,"
                        + " results.xlsx, plots/) that no run of mscmeta wrote, or files of the previous run edited"
                        + " since; they are replaced.")
                .value("sort", "input|year|effect|weight", "Order of the studies in forest plots;"
                        + " results.json and the workbook keep the input order", "input")
                .value("plot-size", "single|double|page", "Size the plots are drawn for: one journal column (85 mm),"
                        + " two columns (174 mm) or a page turned sideways (234 x 174 mm); text is 7 pt or more",
                        "double")
                .value("plot-title", "TEXT", "Title of the forest plots, {outcome} standing for the outcome's name"
                        + " (default: the outcome)")
                .list("axis-limits", "MIN,MAX", "Ends of the effect axis of every forest plot, natural scale (e.g."
                        + " 0.1,10); default: one regular range per outcome that holds its estimates")
                .value("favours-left", "TEXT", "Label under the left half of the effect axis (default: Favours MSC)")
                .value("favours-right", "TEXT", "Label under the right half (default: Favours control)")
                .list("columns", "COL[,COL]", "Columns of the forest plots besides the study: counts, weight,"
                        + " estimate, plot (default: all; estimate,plot at --plot-size single)")
                .value("control-risk", "RISK", "Assumed control-arm risk of the summary of findings, a proportion"
                        + " or a percentage (0.05 or 5%; default: each outcome's median control-arm risk, or its"
                        + " pooled control-arm risk where the median is 0)")
                .value("fdr-alpha1", "LEVEL", "Double FDR (Mehrotra and Adewale 2012): level at which organ systems"
                        + " are flagged", "0.1")
                .value("fdr-alpha2", "LEVEL", "Double FDR: level at which terms within flagged organ systems are"
                        + " flagged", "0.1")
                .value("organ-system", "COL", "Column naming each outcome's organ system for the double FDR"
                        + " (default: organ_system when the sheet has it)")
                .flag("no-report", "Write only results.json (no plots, no workbook).")
                .flag("quiet", "Do not print the summary.");
    }

    /** The tables a run may read besides the sheet, in words. */
    private static final String VOCABULARY = "the vocabulary (--vocabulary)";
    private static final String OUTCOME_MAP = "the outcome map (--outcome-map)";

    private Path input;
    private Path out;
    private Measure measure;
    private Method method;
    private String glmmModel;
    private String tau2;
    private boolean hksj;
    private String convention;
    private double cc;
    private String ccMode;
    private String doubleZero;
    private List<String> by;
    private List<String> moderators;
    private String sensitivity;
    private List<String> outcomes;
    private String predictionInterval;
    private double level;
    private String sheet;
    private Path vocabulary;
    private Path outcomeMap;
    private boolean force;
    private String sort;
    private String plotSize;
    private String plotTitle;
    private List<String> axisLimits;
    private String favoursLeft;
    private String favoursRight;
    private List<String> columns;
    private String controlRisk;
    /** {@code --level} as written (a percentage keeps its sign in a refusal). */
    private String levelGiven = "0.95";
    /** What the run says of a {@code --level} read as alpha ("0.05": 95% intervals), or null. */
    private String levelNote;
    /** Whether --method was given (not left at its default). */
    private boolean methodGiven;
    /** Whether --tau2 was given (not left at its default, REML, which the GLMM takes as ML without a word). */
    private boolean tau2Given;
    /** What the run says of a {@code --tau2 REML} the GLMM fits by maximum likelihood, or null. */
    private String tau2Note;
    private double fdrAlpha1;
    private double fdrAlpha2;
    private String organSystem;
    private boolean noReport;
    /** The plot options given on the command line, which a run with {@code --no-report} has no use for. */
    private List<String> plotOptionsGiven = List.of();
    private boolean quiet;

    @Override
    public int run(CommandOptions.Parsed o) throws Exception {
        List<String> params = o.parameters();
        if (params.size() != 1) {
            throw new CommandOptions.BadValue(params.isEmpty() ? "missing INPUT, the extraction sheet"
                    : "one INPUT expected, got " + params.size() + ": " + String.join(" ", params));
        }
        input = CommandOptions.Parsed.toPath("INPUT", params.get(0));
        out = o.outputFolder("out", "results.json, with the workbook, the manuscript kit and plots/ beside it"
                + " unless --no-report, is written into that folder");
        measure = o.choice("measure", Measure.class);
        method = o.choice("method", Method.class);
        glmmModel = o.text("glmm-model");
        tau2 = o.text("tau2");
        tau2Given = o.has("tau2");
        hksj = o.has("hksj");
        convention = o.text("convention");
        cc = o.number("cc");
        ccMode = o.text("cc-mode");
        doubleZero = o.has("double-zero") ? o.text("double-zero") : null; // null: not given (exclude where it applies)
        by = o.list("by");
        moderators = o.list("moderators");
        sensitivity = o.text("sensitivity");
        outcomes = o.values("outcome");
        predictionInterval = o.text("prediction-interval");
        levelGiven = o.text("level").strip();
        level = o.numberOrPercent("level"); // 0.95, 95 (as metafor) or 95%
        sheet = o.text("sheet");
        vocabulary = o.inputFile("vocabulary");
        outcomeMap = o.inputFile("outcome-map");
        force = o.has("force");
        sort = o.text("sort");
        plotSize = o.text("plot-size");
        plotTitle = o.text("plot-title");
        axisLimits = o.list("axis-limits");
        favoursLeft = o.text("favours-left");
        favoursRight = o.text("favours-right");
        columns = o.list("columns");
        controlRisk = o.text("control-risk");
        fdrAlpha1 = o.level("fdr-alpha1");
        fdrAlpha2 = o.level("fdr-alpha2");
        organSystem = o.text("organ-system");
        noReport = o.has("no-report");
        plotOptionsGiven = java.util.stream.Stream.of("plot-size", "sort", "plot-title", "axis-limits",
                "favours-left", "favours-right", "columns").filter(o::has).map(name -> "--" + name).toList();
        quiet = o.has("quiet");
        methodGiven = o.has("method");
        return call();
    }

    /**
     * Runs the analysis. An option's value, or a combination of options, that cannot be run is refused as a
     * {@link CommandOptions.BadValue} (pointing to {@code --help}, as an unknown option is), before anything is read.
     */
    private int call() throws IOException, CommandOptions.BadValue {
        var err = new java.io.PrintWriter(System.err, true);
        var outStream = System.out;
        Settings settings;
        PlotOptions order;
        try {
            settings = settings();
            order = plotOptions();
        } catch (IllegalArgumentException e) {
            throw new CommandOptions.BadValue(e.getMessage());
        }
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try (ProgressLine progress = ProgressLine.startIfTerminal(System.err)) {
            return analyse(settings, order, started, progress, err, outStream);
        }
    }

    /** The tables the run reads besides the sheet, which its output folder must not lose. */
    private List<OutputFolder.Kept> tables() {
        List<OutputFolder.Kept> tables = new java.util.ArrayList<>();
        if (vocabulary != null) {
            tables.add(new OutputFolder.Kept(vocabulary, VOCABULARY));
        }
        if (outcomeMap != null) {
            tables.add(new OutputFolder.Kept(outcomeMap, OUTCOME_MAP));
        }
        return tables;
    }

    private int analyse(Settings settings, PlotOptions order, String started, ProgressLine progress,
                        java.io.PrintWriter err, java.io.PrintStream outStream) throws IOException {
        progress.phase("reading " + input.getFileName());
        // the input's checksum (for results.json) is computed on another core while the sheet is parsed
        java.util.concurrent.FutureTask<String> checksum = new java.util.concurrent.FutureTask<>(() -> sha256(input));
        Thread hashing = new Thread(checksum, "sha256");
        hashing.setDaemon(true);
        hashing.start();
        ExtractionSheet data;
        try {
            Vocabulary vocab = vocabulary == null ? Vocabulary.builtIn() : Vocabulary.withUserTable(vocabulary);
            OutcomeMap map = outcomeMap == null ? OutcomeMap.NONE : OutcomeMap.read(outcomeMap);
            data = new SheetReader(vocab, map).read(input, sheet);
        } catch (InvalidInputException e) {
            // what to correct: the file the problems name, the sheet or a table read before it
            String file = e.problems().isEmpty() ? "" : e.problems().get(0).file();
            String correct = vocabulary != null && file.equals(String.valueOf(vocabulary.getFileName()))
                    ? VOCABULARY : outcomeMap != null && file.equals(String.valueOf(outcomeMap.getFileName()))
                    ? OUTCOME_MAP : "the sheet";
            err.println("error: " + Terminal.safeLines(e.getMessage()));
            err.println("Nothing was written. Correct " + correct + " and run again.");
            return Main.EXIT_BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("error: " + Terminal.safe(CommandOptions.noSuchFile(e.getFile(), e.getFile())));
            return Main.EXIT_BAD_INPUT;
        } catch (java.nio.file.AccessDeniedException e) {
            err.println("error: " + Terminal.safe(e.getFile()) + ": permission denied");
            return Main.EXIT_BAD_INPUT;
        }
        Settings resolved;
        try {
            resolved = MetaAnalysis.resolve(data, settings);
        } catch (IllegalArgumentException e) {
            err.println("error: " + Terminal.safeLines(e.getMessage()));
            err.println("Nothing was written.");
            return Main.EXIT_BAD_INPUT;
        }
        RunInfo run = new RunInfo(input.toString(), Tasks.valueOf(checksum, "computing the input's checksum"),
                started);
        Results results;
        ReportWriter.Written written;
        String summaryText;
        // results.json takes each outcome as it is pooled; nothing is in place in --out before the end
        ReportWriter.Session opened;
        try {
            opened = ReportWriter.begin(out, data, resolved, run, force, tables());
        } catch (OutputFolderException e) {
            err.println("error: " + Terminal.safeLines(e.getMessage()));
            return Main.EXIT_BAD_INPUT;
        }
        try (ReportWriter.Session session = opened) {
            try {
                progress.phase("pooling");
                results = MetaAnalysis.run(data, resolved, new MetaAnalysis.Progress() {
                    @Override
                    public void outcomeAnalysed(int index, List<org.mscmeta.analysis.Analysis> analyses) {
                        session.analysed(index, analyses);
                    }

                    @Override
                    public void outcomesDone(int done, int total) {
                        progress.phase("pooling: " + done + " of " + total + " outcomes");
                    }
                });
            } catch (IllegalArgumentException e) {
                if (e.getClass() != IllegalArgumentException.class) {
                    throw e; // a library's (Commons Math's "matrix is singular"): a defect, not the user's input
                }
                err.println("error: " + Terminal.safeLines(e.getMessage()));
                err.println("Nothing was written.");
                return Main.EXIT_BAD_INPUT;
            }
            // the summary is composed on another core while the files are finished
            Results pooled = results;
            java.util.concurrent.FutureTask<String> summary = new java.util.concurrent.FutureTask<>(
                    () -> quiet ? "" : ConsoleSummary.text(pooled));
            Thread composing = new Thread(summary, "summary");
            composing.setDaemon(true);
            composing.start();
            try {
                written = session.finish(results, noReport, order, part -> progress.phase("writing " + part));
            } catch (OutputFolderException e) {
                err.println("error: " + Terminal.safeLines(e.getMessage()));
                err.println("Nothing was written.");
                return Main.EXIT_BAD_INPUT;
            } catch (IOException e) {
                err.println("error: the outputs could not be written to " + Terminal.safe(out.toString()) + " ("
                        + Terminal.safe(FileProblems.describe(e)) + "); the folder is as it was before the run");
                return 1;
            }
            summaryText = Tasks.valueOf(summary, "composing the summary");
        }
        if (!quiet) {
            outStream.print(summaryText);
            outStream.println();
            outStream.println("Wrote " + org.mscmeta.sheet.Notice.count(written.files().size(), "file", "files")
                    + " to " + out + ": " + String.join(", ", topLevel(written.files())));
        }
        List<String> notes = new java.util.ArrayList<>(written.notes());
        if (levelNote != null) {
            notes.add(0, levelNote);
        }
        if (tau2Note != null) {
            notes.add(0, tau2Note);
        }
        if (noReport && !plotOptionsGiven.isEmpty()) {
            notes.add(0, String.join(", ", plotOptionsGiven) + (plotOptionsGiven.size() == 1 ? " shapes" : " shape")
                    + " the plots, which --no-report leaves out: not used");
        }
        for (String note : notes) {
            if (quiet) {
                err.println("Note: " + Terminal.safe(note));
            } else {
                outStream.println("Note: " + Terminal.safe(note));
            }
        }
        return 0;
    }

    private Settings settings() {
        if (measure.isProportion() && methodGiven && method == Method.MH) {
            // as Peto's: the engine would pool by inverse variance while the user read Mantel-Haenszel
            throw new IllegalArgumentException("--method MH pools two-arm tables; --measure " + measure.name()
                    + " pools the incidence among MSC recipients, one arm of each trial, by inverse variance (--method"
                    + " IV)" + (measure == Measure.PLOGIT ? " or by the GLMM (--method GLMM)" : ""));
        }
        TauSquared t;
        try {
            t = tau2.equalsIgnoreCase("none") ? null : TauSquared.parse(tau2);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tau2: unknown estimator '" + tau2
                    + "'; expected one of DL, REML, PM, ML, HE, SJ, HS, EB, none");
        }
        CcMode mode;
        try {
            mode = CcMode.parse(ccMode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cc-mode: unknown mode '" + ccMode
                    + "'; expected one of only0, all, if0all, none, tacc");
        }
        DoubleZero dz;
        try {
            dz = doubleZero == null ? null : DoubleZero.parse(doubleZero);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--double-zero: expected exclude or include, got '" + doubleZero + "'");
        }
        if (!(cc >= 0) || Double.isInfinite(cc)) {
            throw new IllegalArgumentException("--cc: expected a number of 0 or more (0.5, the default, adds half a"
                    + " participant to each cell), got " + number(cc));
        }
        // 95 for 95%, and 0.05 for 95% (the error rate alpha), as metafor's level takes them; 5% is 5%
        boolean alpha = level > 0 && level < 0.5 && !levelGiven.endsWith("%");
        double confidence = level > 1 && level < 100 ? level / 100 : alpha ? 1 - level : level;
        levelNote = alpha ? "--level " + levelGiven + " is read as metafor reads a number below 0.5, as the error rate"
                + " alpha: " + org.mscmeta.analysis.Settings.percent(confidence) + " confidence intervals (give "
                + number(confidence) + " or " + org.mscmeta.analysis.Settings.percent(confidence).replace("%", "")
                + " to say so directly)" : null;
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("--level: expected a confidence level between 0 and 1 (0.95, or 95, for"
                    + " 95% intervals), got " + (levelGiven.endsWith("%") ? levelGiven : number(level)));
        }
        List<String> byList = by;
        if (by != null && by.size() == 1 && by.get(0).equalsIgnoreCase("none")) {
            byList = List.of();
        }
        org.mscmeta.pool.PredictionInterval pi = predictionInterval == null ? null
                : org.mscmeta.pool.PredictionInterval.parse(predictionInterval);
        double risk = Double.NaN;
        if (controlRisk != null) {
            // a proportion, or a percentage written as one ("5%"), as a summary-of-findings table states it
            String v = controlRisk.strip();
            boolean percent = v.endsWith("%");
            risk = CommandOptions.numberOrPercent(v);
            if (!(risk > 0 && risk < 1)) {
                throw new IllegalArgumentException("--control-risk: expected a proportion between 0 and 1 (e.g. 0.05,"
                        + " or 5%, for 50 per 1,000), got '" + controlRisk + "'" + (risk >= 1 && risk < 100 && !percent
                        ? ": for " + v + "% write " + v + "%" : ""));
            }
        }
        Settings settings = new Settings(measure, method, t, hksj, new org.mscmeta.effect.ContinuityCorrection(cc,
                mode), dz, confidence, byList, outcomes, moderators, sensitivityMode(), glmmModel,
                Convention.parse(convention), pi, new org.mscmeta.analysis.Multiplicity(fdrAlpha1, fdrAlpha2,
                organSystem), risk);
        Settings.Conflict conflict = settings.conflict();
        if (conflict != null) {
            throw new IllegalArgumentException(inOptions(conflict, t));
        }
        // the GLMM takes the default REML as ML (Settings.tau2()); asked for by name, it is not what was fitted
        tau2Note = tau2Given && t == TauSquared.REML && settings.method() == Method.GLMM
                ? "--tau2 REML: the GLMM (--method GLMM) estimates tau\u00b2 by maximum likelihood, as metafor's"
                + " rma.glmm does (it has no REML): the random-effects results are ML's, as results.json's settings"
                + " say (--tau2 ML says so directly)" : null;
        return settings;
    }

    /** A conflict of the settings ({@link Settings#conflict()}: the rules live there) in the command line's words. */
    private String inOptions(Settings.Conflict conflict, TauSquared t) {
        return switch (conflict) {
            case GLMM_MEASURE -> "--method GLMM fits odds ratios (--measure OR) or logit proportions (--measure PLOGIT)";
            case GLMM_TAU2 -> "--method GLMM estimates tau\u00b2 by maximum likelihood: use --tau2 ML (or --tau2 none"
                    + " for the common-effect GLMM alone), not --tau2 " + t.name();
            // the engine would fit the GLMM whatever hksj says, so the option would be ignored without a word
            case GLMM_HKSJ -> "--hksj adjusts the inverse-variance random-effects model; the GLMM is a likelihood model"
                    + " with a Wald z interval (as metafor's rma.glmm): leave out --hksj, or use --method IV or MH with"
                    + " --hksj";
            case PETO_MEASURE -> "Peto's method estimates odds ratios: use --measure OR with --method PETO"
                    + (measure.isProportion() ? " (proportions are pooled by inverse variance, or by --method GLMM for"
                    + " PLOGIT)" : "");
        };
    }

    /** The plot options of the command line. */
    private PlotOptions plotOptions() {
        org.mscmeta.report.plot.StudyOrder order;
        try {
            order = org.mscmeta.report.plot.StudyOrder.parse(sort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sort: expected input, year, effect or weight, got '" + sort + "'");
        }
        double min = Double.NaN;
        double max = Double.NaN;
        if (axisLimits != null) {
            try {
                if (axisLimits.size() != 2) {
                    throw new NumberFormatException();
                }
                min = DecimalText.parse(axisLimits.get(0));
                max = DecimalText.parse(axisLimits.get(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--axis-limits: expected two numbers MIN,MAX such as 0.1,10, got '"
                        + String.join(",", axisLimits) + "'");
            }
            if (!(min < max)) {
                throw new IllegalArgumentException("--axis-limits: expected MIN below MAX, got "
                        + String.join(",", axisLimits));
            }
        }
        java.util.Set<org.mscmeta.report.plot.ForestColumn> cols = columns == null ? null
                : org.mscmeta.report.plot.ForestColumn.parse(String.join(",", columns));
        PlotOptions o = new PlotOptions(org.mscmeta.report.plot.PlotSize.parse(plotSize), order, plotTitle, min, max,
                favoursLeft, favoursRight, cols);
        String problem = o.axisLimitsProblem(measure);
        if (problem != null) {
            throw new IllegalArgumentException("--axis-limits " + String.join(",", axisLimits) + ": " + problem);
        }
        return o;
    }

    private org.mscmeta.analysis.SensitivityMode sensitivityMode() {
        try {
            return org.mscmeta.analysis.SensitivityMode.parse(sensitivity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sensitivity: expected auto, all or none, got '" + sensitivity + "'");
        }
    }

    /** {@code A|B|C}: the names of an enumeration's constants, for the help of an option. */
    private static String names(Enum<?>[] values) {
        StringBuilder sb = new StringBuilder();
        for (Enum<?> v : values) {
            sb.append(sb.length() == 0 ? "" : "|").append(v.name());
        }
        return sb.toString();
    }

    /** A number as the user wrote it, without a trailing ".0". */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The names the run wrote in the output folder, a folder once with a slash ("plots/"): what was written, not what
     * a run writes (a sheet without a comparison has no plots). results.json, the workbook and the kit first, in that
     * order, then the folders.
     */
    static List<String> topLevel(List<Path> files) {
        List<String> order = List.of(ResultsJson.FILE_NAME, org.mscmeta.report.workbook.Workbook.FILE_NAME,
                org.mscmeta.report.docx.ManuscriptKit.FILE_NAME);
        java.util.TreeSet<String> names = new java.util.TreeSet<>(java.util.Comparator
                .comparingInt((String n) -> order.contains(n) ? order.indexOf(n) : order.size())
                .thenComparing(java.util.Comparator.naturalOrder()));
        for (Path f : files) {
            names.add(f.getNameCount() > 1 ? f.getName(0) + "/" : f.toString());
        }
        return List.copyOf(names);
    }
}

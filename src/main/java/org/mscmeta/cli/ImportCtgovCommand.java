package org.mscmeta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mscmeta.ctgov.AactTables;
import org.mscmeta.ctgov.CtgovImport;
import org.mscmeta.ctgov.CtgovInputException;
import org.mscmeta.ctgov.Download;
import org.mscmeta.ctgov.GroupMapping;
import org.mscmeta.ctgov.GroupRoles;
import org.mscmeta.ctgov.ImportFiles;
import org.mscmeta.ctgov.JsonRecords;
import org.mscmeta.ctgov.SheetRow;
import org.mscmeta.ctgov.Trial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-ctgov}: ClinicalTrials.gov adverse-event tables into an extraction sheet ready for analyze. */
@Command(name = "import-ctgov", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Turn ClinicalTrials.gov records (API v2 JSON, legacy API v1 JSON, AACT reported_events /"
                + " reported_event_totals / result_groups tables as CSV, TSV or pipe-delimited) into an extraction"
                + " sheet: one row per trial and AE term, plus the group totals (serious, other, deaths) as their"
                + " own outcomes. Also writes review/groups.csv (the group roles, editable for --groups) and"
                + " review/review.md; the extraction sheet is the only sheet in DIR itself.",
                "Exit status: 0 done, 2 bad input or options (nothing is written), 1 other failure."})
final class ImportCtgovCommand implements Callable<Integer> {

    /** File name of the extraction sheet, without extension. */
    static final String SHEET = "ctgov_adverse_events";

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Registry files: .json records or AACT tables.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    Path out;

    @Option(names = "--groups", paramLabel = "mapping.csv",
            description = "Group roles to use instead of the automatic ones: columns nct_id, group_id, role"
                    + " (msc, control, exclude); the groups.csv of an earlier import, edited, will do.")
    Path groups;

    @Option(names = "--format", paramLabel = "csv|xlsx", defaultValue = "csv",
            description = "Format of the extraction sheet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--merge-msc-groups",
            description = "Merge several MSC groups of a trial (dose cohorts) into one MSC arm.")
    boolean mergeMsc;

    @Option(names = "--nct", split = ",", paramLabel = "NCT",
            description = "Download these records from the ClinicalTrials.gov API (needs a network).")
    List<String> nct = new ArrayList<>();

    @Option(names = "--search", paramLabel = "EXPR",
            description = "Download every record with results matching this search expression.")
    String search;

    @Option(names = "--api", paramLabel = "URL", defaultValue = Download.DEFAULT_API,
            description = "API base address (default: ${DEFAULT-VALUE}).")
    String api;

    @Option(names = "--quiet", description = "Do not print the summary.")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("xlsx")) {
            err.println("error: --format: expected csv or xlsx, got '" + format + "'");
            return Main.EXIT_BAD_INPUT;
        }
        if (files.isEmpty() && nct.isEmpty() && search == null) {
            err.println("error: give registry FILEs, --nct or --search");
            return Main.EXIT_BAD_INPUT;
        }
        List<String> warnings = new ArrayList<>();
        List<Trial> trials;
        Map<String, Map<String, GroupRoles.Role>> mapping;
        try {
            List<Path> inputs = new ArrayList<>(files);
            if (!nct.isEmpty() || search != null) {
                Path folder = out.resolve("downloaded");
                Files.createDirectories(folder);
                Download d = new Download(api, folder);
                for (String id : nct) {
                    inputs.add(d.study(id));
                }
                if (search != null) {
                    inputs.addAll(d.search(search));
                }
            }
            trials = read(inputs, warnings);
            mapping = groups == null ? Map.of() : GroupMapping.read(groups);
        } catch (CtgovInputException e) {
            err.println("error: " + e.getMessage());
            err.println("Nothing was written.");
            return Main.EXIT_BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("error: " + e.getFile() + ": no such file");
            return Main.EXIT_BAD_INPUT;
        } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
            err.println("error: cannot reach " + api + " (" + e.getMessage() + "); import saved files instead");
            return Main.EXIT_BAD_INPUT;
        }
        List<CtgovImport.TrialReport> reports = new ArrayList<>();
        List<SheetRow> rows = new ArrayList<>();
        for (Trial t : trials) {
            if (!t.hasAdverseEvents()) {
                String w = t.nctId() + " (" + t.source() + "): no adverse-events results section; nothing imported";
                warnings.add(w);
                err.println("warning: " + w);
            }
            CtgovImport.TrialReport r = CtgovImport.of(t, mapping, mergeMsc);
            reports.add(r);
            rows.addAll(r.rows());
        }
        Files.createDirectories(out);
        Path sheet = out.resolve(SHEET + "." + fmt);
        if (fmt.equals("csv")) {
            ImportFiles.csv(sheet, rows);
        } else {
            ImportFiles.xlsx(sheet, rows);
        }
        Path review = out.resolve("review");
        Files.createDirectories(review);
        ImportFiles.groups(review.resolve("groups.csv"), reports);
        ImportFiles.review(review.resolve("review.md"), reports, warnings);
        if (!quiet) {
            long imported = reports.stream().filter(x -> !x.rows().isEmpty()).count();
            System.out.printf(Locale.ROOT, "%d trial%s read; %d imported (%d rows) into %s; %d need review (see %s).%n",
                    reports.size(), reports.size() == 1 ? "" : "s", imported, rows.size(), sheet,
                    reports.size() - imported, review.resolve("review.md"));
            for (CtgovImport.TrialReport r : reports) {
                if (!r.decision().usable()) {
                    System.out.println("  " + r.trial().nctId() + ": " + String.join("; ", r.decision().flags()));
                }
            }
        }
        return 0;
    }

    /** Reads JSON records and AACT tables; a trial met twice is kept once (the first), with a warning. */
    private static List<Trial> read(List<Path> inputs, List<String> warnings) throws IOException, CtgovInputException {
        List<Trial> all = new ArrayList<>();
        AactTables aact = null;
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString());
            }
            if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                all.addAll(JsonRecords.read(p));
            } else if (AactTables.isAactTable(p)) {
                aact = aact == null ? new AactTables() : aact;
                aact.add(p);
            } else {
                throw new CtgovInputException(p.toString(), null, "neither a .json record nor an AACT table"
                        + " (reported_events, reported_event_totals, result_groups)");
            }
        }
        if (aact != null) {
            all.addAll(aact.trials());
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Trial> out = new ArrayList<>();
        for (Trial t : all) {
            if (seen.add(t.nctId())) {
                out.add(t);
            } else {
                warnings.add(t.nctId() + " met again in " + t.source() + ": the first record was kept");
            }
        }
        return out;
    }
}

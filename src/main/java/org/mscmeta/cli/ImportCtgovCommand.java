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

/** {@code import-ctgov}: ClinicalTrials.gov adverse-event tables into an extraction sheet ready for analyze. */
final class ImportCtgovCommand implements Main.Subcommand {

    /** File name of the extraction sheet, without extension. */
    static final String SHEET = "ctgov_adverse_events";

    @Override
    public CommandOptions options() {
        return new CommandOptions("import-ctgov", "[FILE...]", "Turn ClinicalTrials.gov records (API v2 JSON,"
                + " legacy API v1 JSON, AACT reported_events / reported_event_totals / result_groups tables as CSV,"
                + " TSV or pipe-delimited) into an extraction sheet: one row per trial and AE term, plus the group"
                + " totals (serious, other, deaths) as their own outcomes. Also writes review/groups.csv (the group"
                + " roles, editable for --groups) and review/review.md; the extraction sheet is the only sheet in DIR"
                + " itself.\nFILE: registry files, .json records or AACT tables."
                + "\nExit status: 0 done, 2 bad input or options (nothing is written), 1 other failure.")
                .value("out", "DIR", "Output folder (created if needed). Required.")
                .value("groups", "mapping.csv", "Group roles to use instead of the automatic ones: columns nct_id,"
                        + " group_id, role (msc, control, exclude); the groups.csv of an earlier import, edited, will"
                        + " do.")
                .value("format", "csv|xlsx", "Format of the extraction sheet", "csv")
                .flag("merge-msc-groups", "Merge several MSC groups of a trial (dose cohorts) into one MSC arm.")
                .list("nct", "NCT", "Download these records from the ClinicalTrials.gov API (needs a network).")
                .value("search", "EXPR", "Download every record with results matching this search expression.")
                .value("api", "URL", "API base address", Download.DEFAULT_API)
                .flag("quiet", "Do not print the summary.");
    }

    @Override
    public int run(CommandOptions.Parsed o) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String f : o.parameters()) {
            files.add(CommandOptions.Parsed.toPath("FILE", f));
        }
        Path out = o.requiredPath("out");
        Path groups = o.path("groups");
        String format = o.text("format");
        boolean mergeMsc = o.has("merge-msc-groups");
        List<String> given = o.list("nct");
        List<String> nct = given == null ? List.of() : given;
        String search = o.text("search");
        String api = o.text("api");
        boolean quiet = o.has("quiet");
        PrintWriter err = new PrintWriter(System.err, true);
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

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
import org.mscmeta.ctgov.XmlRecords;
import org.mscmeta.ctgov.Trial;
import org.mscmeta.files.OutputFolder;
import org.mscmeta.files.OutputFolderException;
import org.mscmeta.report.Terminal;
import org.mscmeta.sheet.InvalidInputException;
import org.mscmeta.sheet.Notice;
import org.mscmeta.sheet.OutcomeMap;
import org.mscmeta.sheet.OutcomeNames;
import org.mscmeta.sheet.TextColumn;

/** {@code import-ctgov}: ClinicalTrials.gov adverse-event tables into an extraction sheet ready for analyze. */
final class ImportCtgovCommand implements Main.Subcommand {

    /** File name of the extraction sheet, without extension. */
    static final String SHEET = "ctgov_adverse_events";

    @Override
    public CommandOptions options() {
        return new CommandOptions("import-ctgov", "[FILE...]", "Turn ClinicalTrials.gov records (API v2 JSON,"
                + " legacy API v1 JSON, legacy XML, AACT reported_events / reported_event_totals / result_groups"
                + " tables as CSV,"
                + " TSV or pipe-delimited) into an extraction sheet: one row per trial and AE term, plus the group"
                + " totals (serious, other, deaths) as their own outcomes. Also writes review/groups.csv (the group"
                + " roles, editable for --groups) and review/review.md; the extraction sheet is the only sheet in DIR"
                + " itself.\nFILE: registry files, .json or .xml records or AACT tables, or a folder of them (such as"
                + " the downloaded/ folder of an earlier import)."
                + "\nExit status: 0 done, 2 bad input or options (nothing is written), 1 other failure.")
                .value("out", "DIR", "Output folder (created if needed). Required.")
                .value("groups", "mapping.csv", "Group roles to use instead of the automatic ones: columns nct_id,"
                        + " group_id, role (msc, control, exclude); the groups.csv of an earlier import, edited, will"
                        + " do.")
                .value("format", "csv|xlsx", "Format of the extraction sheet", "csv")
                .flag("merge-msc-groups", "Merge several MSC groups of a trial (dose cohorts) into one MSC arm.")
                .value("outcome-map", "FILE", "Outcome harmonisation table (CSV of term,outcome, as"
                        + " examples/outcome_harmonisation.csv): terms named in its first column are written under"
                        + " the outcome in its second.")
                .flag("force", "Write into an output folder that holds files of the names an import writes that no"
                        + " import wrote, or files of the previous import edited since (not the groups.csv given to"
                        + " --groups); they are replaced.")
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
        Path groups = o.inputFile("groups");
        Path outcomeMapFile = o.inputFile("outcome-map");
        boolean force = o.has("force");
        String format = o.text("format");
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        boolean mergeMsc = o.has("merge-msc-groups");
        List<String> given = o.list("nct");
        List<String> nct = given == null ? List.of() : given;
        String search = o.text("search");
        String api = o.text("api");
        boolean quiet = o.has("quiet");
        PrintWriter err = new PrintWriter(System.err, true);
        if (!fmt.equals("csv") && !fmt.equals("xlsx")) {
            throw new CommandOptions.BadValue("--format: expected csv or xlsx, got '" + format + "'");
        }
        Path out = o.outputFolder("out", "the extraction sheet is written into that folder as " + SHEET + "." + fmt
                + ", with review/ beside it");
        if (files.isEmpty() && nct.isEmpty() && search == null) {
            throw new CommandOptions.BadValue("give registry FILEs, --nct or --search");
        }
        OutcomeMap outcomeMap;
        try {
            outcomeMap = outcomeMapFile == null ? OutcomeMap.NONE : OutcomeMap.read(outcomeMapFile);
        } catch (InvalidInputException e) {
            err.println("error: " + Terminal.safeLines(e.getMessage()));
            return Main.EXIT_BAD_INPUT;
        }
        // records downloaded are kept (in DIR/downloaded) only once the import has been written
        try (Download download = nct.isEmpty() && search == null ? null
                : new Download(api, out.resolve("downloaded"))) {
            List<String> warnings = new ArrayList<>();
            List<Trial> trials;
            Map<String, Map<String, GroupRoles.Role>> mapping;
            try {
                List<RegistryFile> named = files(files);
                // the records downloaded first: of a trial met twice the first record is kept, and the registry's
                // record of now wins over a copy saved before (which it then replaces in DIR/downloaded)
                List<RegistryFile> inputs = new ArrayList<>();
                if (download != null) {
                    for (String id : nct) {
                        inputs.add(RegistryFile.downloaded(download.study(id)));
                    }
                    if (search != null) {
                        for (Download.Saved page : download.search(search)) {
                            inputs.add(RegistryFile.downloaded(page));
                        }
                    }
                }
                inputs.addAll(named);
                trials = read(inputs, warnings);
                for (String w : warnings) { // a trial met twice, tables that cannot tell the groups apart
                    err.println("warning: " + Terminal.safe(w));
                }
                mapping = groups == null ? Map.of() : GroupMapping.read(groups);
            } catch (CtgovInputException | InvalidInputException e) {
                err.println("error: " + Terminal.safeLines(e.getMessage()));
                err.println("Nothing was written.");
                return Main.EXIT_BAD_INPUT;
            } catch (NoSuchFileException e) {
                err.println("error: " + Terminal.safe(CommandOptions.noSuchFile(e.getFile(), e.getFile())));
                return Main.EXIT_BAD_INPUT;
            } catch (Download.Unreachable e) {
                err.println("error: " + Terminal.safe(e.getMessage()) + "; import saved records instead");
                err.println("Nothing was written.");
                return Main.EXIT_BAD_INPUT;
            }
            if (trials.isEmpty()) { // an empty sheet and review would only fail later, in analyze
                err.println("error: " + (files.isEmpty() && nct.isEmpty()
                        ? "the search '" + Terminal.safe(search) + "' matched no study with results at " + api
                        : Terminal.safe(String.join(", ", files.subList(0, Math.min(3, files.size())).stream()
                        .map(Path::toString).toList())) + (files.size() > 3 ? " and " + (files.size() - 3) + " more"
                        : "") + ": no study record in " + (files.size() == 1 ? "it" : "them") + " (a search response"
                        + " whose studies[] is empty?)")
                        + ": nothing to import");
                err.println("Nothing was written.");
                return Main.EXIT_BAD_INPUT;
            }
            for (String w : GroupMapping.unmatched(mapping, trials)) {
                warnings.add(w);
                err.println("warning: " + Terminal.safe(w));
            }
            List<CtgovImport.TrialReport> reports = new ArrayList<>();
            List<SheetRow> rows = new ArrayList<>();
            for (String w : withoutAdverseEvents(trials)) {
                warnings.add(w);
                err.println("warning: " + Terminal.safe(w));
            }
            for (Trial t : trials) {
                CtgovImport.TrialReport r = CtgovImport.of(t, mapping, mergeMsc);
                reports.add(r);
                rows.addAll(r.rows());
            }
            rows = harmonise(rows, outcomeMap, warnings);
            Path sheetName = Path.of(SHEET + "." + fmt);
            Path reviewMd = Path.of("review", "review.md");
            if (rows.isEmpty()) { // the review still says, trial by trial, why; the sheet alone would not
                String w = "no rows imported: " + sheetName + " holds only its header, so analyze has nothing to"
                        + " pool; " + reviewMd + " says why for each trial";
                warnings.add(w);
                err.println("warning: " + w);
            }
            List<OutputFolder.Kept> read = new ArrayList<>();
            for (Path f : files) {
                read.add(new OutputFolder.Kept(f, "a registry record"));
            }
            if (outcomeMapFile != null) {
                read.add(new OutputFolder.Kept(outcomeMapFile, "the outcome map (--outcome-map)"));
            }
            try (OutputFolder folder = OutputFolder.open(out, LAYOUT, force, groups == null ? List.of()
                    : List.of(groups), read)) {
                Path staging = folder.staging();
                Files.createDirectories(staging.resolve("review"));
                if (fmt.equals("csv")) {
                    ImportFiles.csv(staging.resolve(sheetName), rows);
                } else {
                    ImportFiles.xlsx(staging.resolve(sheetName), rows);
                }
                ImportFiles.groups(staging.resolve("review").resolve("groups.csv"), reports);
                ImportFiles.review(staging.resolve(reviewMd), reports, warnings);
                folder.commit(List.of(sheetName, Path.of("review", "groups.csv"), reviewMd));
            } catch (OutputFolderException e) {
                err.println("error: " + Terminal.safeLines(e.getMessage()));
                return Main.EXIT_BAD_INPUT;
            } catch (IOException | java.io.UncheckedIOException e) {
                err.println("error: the import could not be written to " + Terminal.safe(out.toString()) + " ("
                        + Terminal.safe(org.mscmeta.files.FileProblems.describe(e)) + "); the folder is as it was"
                        + " before the run");
                return 1;
            }
            int kept = download == null ? 0 : download.keep();
            if (!quiet) {
                ImportFiles.Counts c = ImportFiles.counts(reports);
                System.out.printf(Locale.ROOT, "%d trial%s read; %d imported (%d rows) into %s, of which %d with rows"
                        + " flagged needs_review; %d not imported, to review%s (see %s).%n", reports.size(),
                        reports.size() == 1 ? "" : "s", c.imported(), rows.size(), out.resolve(sheetName),
                        c.flagged(), c.notImported(), c.notWrittenClause(), out.resolve(reviewMd));
                if (kept > 0) {
                    System.out.println("The " + (kept == 1 ? "record downloaded is"
                            : Notice.count(kept, "file", "files") + " downloaded are") + " kept in "
                            + out.resolve("downloaded") + ", to import again offline.");
                }
                // each trial not imported with its reasons; trials of the same reasons (no adverse-event results)
                // on one line, listed in the order met
                Map<String, List<String>> byReasons = new java.util.LinkedHashMap<>();
                for (CtgovImport.TrialReport r : reports) {
                    if (!r.decision().usable()) {
                        byReasons.computeIfAbsent(String.join("; ", r.decision().flags()), k -> new ArrayList<>())
                                .add(r.trial().nctId());
                    }
                }
                byReasons.forEach((reasons, ids) -> System.out.println("  " + Terminal.safe((ids.size() == 1
                        ? ids.get(0) : listed(ids) + " (" + ids.size() + " trials)") + ": " + reasons)));
                for (String w : warnings) {
                    if (w.startsWith(HARMONISED)) {
                        System.out.println("  " + Terminal.safe(w));
                    }
                }
            }
            return 0;
        }
    }

    /** What an import writes into its folder, for recognising an earlier import's files. */
    static final OutputFolder.Layout LAYOUT = new OutputFolder.Layout(
            Set.of(SHEET + ".csv", SHEET + ".xlsx"), Set.of("review"));

    private static final String HARMONISED = "Outcome names: ";

    /**
     * The terms of every trial as one vocabulary: names that differ only in case, spacing or punctuation written as
     * one (the form most rows use), the outcome map applied, near-duplicates listed; each notice a warning of the
     * review.
     */
    private static List<SheetRow> harmonise(List<SheetRow> rows, OutcomeMap map, List<String> warnings) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> codeOf = new java.util.HashMap<>();
        int[] codes = new int[rows.size()];
        int[] rowNumber = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String o = rows.get(i).outcome();
            codes[i] = codeOf.computeIfAbsent(o, k -> {
                names.add(k);
                return names.size() - 1;
            });
            rowNumber[i] = i + 2;
        }
        List<Notice> notices = new ArrayList<>();
        TextColumn merged = OutcomeNames.harmonise(new TextColumn("outcome", names, codes), rowNumber, map, SHEET,
                notices);
        for (Notice n : notices) {
            warnings.add(HARMONISED + n.message());
        }
        List<SheetRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String name = merged.get(i);
            out.add(name.equals(rows.get(i).outcome()) ? rows.get(i) : rows.get(i).withOutcome(name));
        }
        return out;
    }

    /** What a registry file holds, told once per file: by its name for records, by its columns for AACT tables. */
    private enum Kind { JSON, XML, AACT }

    /**
     * A file to read, what it holds, and the name the sheet and the messages give it: its path, or for a record
     * downloaded into a temporary folder, the path it is kept under.
     */
    private record RegistryFile(Path path, Kind kind, String name) {

        RegistryFile(Path path, Kind kind) {
            this(path, kind, path.toString());
        }

        static RegistryFile downloaded(Download.Saved s) {
            return new RegistryFile(s.file(), Kind.JSON, s.kept().toString());
        }
    }

    /** Whether {@code f}, which is no registry file, is a sheet analyze reads as it is. */
    private static boolean isSheet(Path f) {
        try {
            org.mscmeta.sheet.SheetReader.withBuiltInVocabulary().read(f, null);
            return true;
        } catch (IOException | InvalidInputException | RuntimeException e) {
            return false;
        }
    }

    /** The most NCT ids a warning of trials without adverse events lists; the others are counted. */
    private static final int IDS_LISTED = 20;

    /**
     * The warnings of the trials without an adverse-events results section (nothing imported from them), one per file
     * they came from: the trial's id alone, or, for a search response of many, how many and their ids.
     */
    static List<String> withoutAdverseEvents(List<Trial> trials) {
        Map<String, List<String>> bySource = new java.util.LinkedHashMap<>();
        for (Trial t : trials) {
            if (!t.hasAdverseEvents()) {
                bySource.computeIfAbsent(t.source(), k -> new ArrayList<>()).add(t.nctId());
            }
        }
        List<String> out = new ArrayList<>();
        bySource.forEach((source, ids) -> out.add(ids.size() == 1
                ? ids.get(0) + " (" + source + "): no adverse-events results section; nothing imported"
                : ids.size() + " trials of " + source + " have no adverse-events results section; nothing imported"
                + " from them: " + listed(ids)));
        return out;
    }

    /** NCT ids as a line lists them: the first {@value #IDS_LISTED}, then how many more. */
    private static String listed(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(IDS_LISTED, ids.size())))
                + (ids.size() > IDS_LISTED ? " and " + (ids.size() - IDS_LISTED) + " more" : "");
    }

    /** What {@code f} holds, or null when it is no registry file. */
    private static Kind kind(Path f) throws IOException {
        String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") ? Kind.JSON : lower.endsWith(".xml") ? Kind.XML
                : AactTables.isAactTable(f) ? Kind.AACT : null;
    }

    /**
     * The files to read: each input file, and for a folder the .json and .xml records and AACT tables in it (not in its
     * subfolders), by name; its other files (a README, say) are not registry files and are passed over.
     */
    private static List<RegistryFile> files(List<Path> inputs) throws IOException, CtgovInputException {
        List<RegistryFile> out = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString());
            }
            if (!Files.isDirectory(p)) {
                Kind k = kind(p);
                if (k == null) {
                    throw new CtgovInputException(p.toString(), null, "neither a .json or .xml record nor an AACT"
                            + " table (reported_events, reported_event_totals, result_groups)" + (isSheet(p)
                            ? ": it is an extraction sheet already, which analyze reads ('mscmeta analyze " + p
                            + " --out FOLDER')" : ""));
                }
                out.add(new RegistryFile(p, k));
                continue;
            }
            List<RegistryFile> found = new ArrayList<>();
            List<String> subfolders = new ArrayList<>();
            try (java.util.stream.Stream<Path> in = Files.list(p)) {
                for (Path f : (Iterable<Path>) in.sorted()::iterator) {
                    Kind k = Files.isRegularFile(f) ? kind(f) : null;
                    if (k != null) {
                        found.add(new RegistryFile(f, k));
                    } else if (Files.isDirectory(f)) {
                        subfolders.add(f.getFileName() + "/");
                    }
                }
            }
            if (found.isEmpty()) {
                // records kept one folder per trial are not read: say so, rather than that there is nothing
                String inside = subfolders.isEmpty() ? "" : " (its subfolders are not read: "
                        + String.join(", ", subfolders.subList(0, Math.min(3, subfolders.size())))
                        + (subfolders.size() > 3 ? " and " + (subfolders.size() - 3) + " more" : "")
                        + "; name them, or their files)";
                throw new CtgovInputException(p.toString(), null, "a folder that holds no .json or .xml record and"
                        + " no AACT table (reported_events, reported_event_totals, result_groups)" + inside
                        + ": name the registry files");
            }
            out.addAll(found);
        }
        return out;
    }

    /**
     * Reads JSON and XML records and AACT tables; a trial met twice is kept once (the first), with a warning. Files
     * that cannot be read are refused together, each named with its problem.
     */
    private static List<Trial> read(List<RegistryFile> inputs, List<String> warnings)
            throws IOException, CtgovInputException {
        List<Trial> all = new ArrayList<>();
        AactTables aact = null;
        List<CtgovInputException> unreadable = new ArrayList<>(); // every file's problem, said at once
        for (RegistryFile f : inputs) {
            try {
                switch (f.kind()) {
                    case JSON -> {
                        try (java.io.InputStream in = Files.newInputStream(f.path())) {
                            all.addAll(JsonRecords.read(in, f.name()));
                        }
                    }
                    case XML -> all.addAll(XmlRecords.read(f.path()));
                    default -> {
                        aact = aact == null ? new AactTables() : aact;
                        aact.add(f.path());
                    }
                }
            } catch (CtgovInputException e) {
                unreadable.add(e);
            }
        }
        if (!unreadable.isEmpty()) {
            throw CtgovInputException.of(unreadable);
        }
        if (aact != null) {
            all.addAll(aact.trials());
            if (!aact.hasGroupTitles()) {
                warnings.add("AACT tables without their result_groups table: the groups have no titles, so the MSC and"
                        + " control groups cannot be told apart; give result_groups too, or the roles with --groups");
            }
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

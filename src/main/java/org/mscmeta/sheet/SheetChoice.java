package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which sheets of a workbook (.xlsx, .xls or .ods) are read, and the notices that say so.
 *
 * <ul>
 *   <li>{@code --sheet NAME}: that sheet.</li>
 *   <li>Otherwise the first sheet whose first rows hold the required columns (study, outcome, events_msc, n_msc);
 *       other sheets with a table are named in a notice, not read. Hidden sheets are passed over, with a notice,
 *       while a visible sheet has a table (a hidden sheet is often an earlier copy); they are read, and said to be
 *       hidden, only when none has.</li>
 *   <li>A workbook in which no sheet has an outcome column, but sheets have study, events_msc and n_msc, is read as
 *       many reviewers lay out their extraction: one sheet per adverse event, named by the event ("Fever",
 *       "Infection"). Every such sheet is read, each row's outcome the name of its sheet, and a notice says so. A
 *       sheet whose name is a program's default or says nothing of an event ("Sheet1", "Data") is refused instead
 *       of analysed as an outcome of that name.</li>
 * </ul>
 *
 * @param sheets    the sheets to read, in workbook order
 * @param headers   the header of each
 * @param byOutcome whether each sheet is the table of the adverse event it is named after (no outcome column)
 * @param notices   what the reading of the workbook as a whole is noted with
 * @param namesSheet whether problems and notices name the sheet besides the file: in a workbook of more than one
 *                   sheet ("results.xlsx, sheet 'Data': row 2, ..."; "row 2" alone sent a reader to the first sheet)
 * @param resultsData whether the sheet is the Data sheet of a results workbook mscmeta wrote, whose added columns
 *                    are left out ({@link AddedColumns})
 */
record SheetChoice(List<String> sheets, List<HeaderSearch.Found> headers, boolean byOutcome, List<Notice> notices,
                   boolean namesSheet, boolean resultsData) {

    SheetChoice {
        sheets = List.copyOf(sheets);
        headers = List.copyOf(headers);
        notices = List.copyOf(notices);
    }

    /** A choice whose problems name the sheet only in a workbook of one sheet per event. */
    SheetChoice(List<String> sheets, List<HeaderSearch.Found> headers, boolean byOutcome, List<Notice> notices) {
        this(sheets, headers, byOutcome, notices, byOutcome, false);
    }

    /** This choice, its problems naming the sheet when the workbook has more than one ({@code sheets} of them). */
    private SheetChoice inWorkbookOf(int sheets) {
        return new SheetChoice(this.sheets, headers, byOutcome, notices, byOutcome || sheets > 1, resultsData);
    }

    /**
     * Names a spreadsheet program gives a sheet, and names of a whole extraction: such a sheet names no adverse event.
     */
    private static final Pattern NO_EVENT = Pattern.compile("(?iu)(sheet|tabelle|feuil(le)?|hoja|foglio|planilha"
            + "|blad|arkusz|munkalap|list|\u043B\u0438\u0441\u0442|\u5DE5\u4F5C\u8868|\u30B7\u30FC\u30C8|ark|taulukko"
            + "|sayfa|data|extraction|data extraction|studies|included studies|trials|table|results|all|main|raw"
            + "|input|summary|sheet data)\\s*\\d*");

    /** Whether a sheet's name could be an adverse event's. */
    static boolean namesAnEvent(String sheet) {
        String s = Blanks.strip(sheet);
        return !s.isEmpty() && !NO_EVENT.matcher(s).matches();
    }

    /**
     * Chooses.
     *
     * @param name      the workbook's file name, for the messages
     * @param sheetName the sheet {@code --sheet} names, or null
     * @param names     the workbook's sheets, in order
     * @param found     the header of each sheet ({@link HeaderSearch.Found#NONE} where none, or not looked for)
     * @throws InvalidInputException when no sheet can be read, or a sheet without an outcome column names no event
     */
    static SheetChoice of(String name, String sheetName, List<String> names, List<HeaderSearch.Found> found,
                          java.util.Set<String> hidden) throws InvalidInputException {
        return choose(name, sheetName, names, found, hidden).inWorkbookOf(names.size());
    }

    private static SheetChoice choose(String name, String sheetName, List<String> names,
                                      List<HeaderSearch.Found> found, java.util.Set<String> hidden)
            throws InvalidInputException {
        if (sheetName != null || hidden.isEmpty()) {
            return of(name, sheetName, names, found);
        }
        // hidden sheets (an old copy, a template, a lookup table) are passed over while a visible sheet has a table
        List<String> visible = new ArrayList<>();
        List<HeaderSearch.Found> shown = new ArrayList<>();
        List<String> passedOver = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!hidden.contains(names.get(i))) {
                visible.add(names.get(i));
                shown.add(found.get(i));
            } else if (found.get(i).any()) {
                passedOver.add(names.get(i));
            }
        }
        if (passedOver.isEmpty()) {
            return of(name, null, names, found);
        }
        if (shown.stream().noneMatch(HeaderSearch.Found::any)) {
            SheetChoice c = of(name, null, names, found);
            return c.with(new Notice("sheet", null, name + ": " + (c.sheets().size() == 1 ? "sheet '" : "sheets '")
                    + String.join("', '", c.sheets()) + "' " + (c.sheets().size() == 1 ? "is" : "are") + " hidden in"
                    + " the workbook, and read: no visible sheet has a table of counts"));
        }
        SheetChoice c = of(name, null, visible, shown);
        return c.with(new Notice("sheet", null, name + ": " + (passedOver.size() == 1 ? "sheet '" : "sheets '")
                + String.join("', '", passedOver) + "' " + (passedOver.size() == 1 ? "is" : "are") + " hidden in the"
                + " workbook and " + (passedOver.size() == 1 ? "was" : "were") + " not read, though "
                + (passedOver.size() == 1 ? "it has" : "they have") + " a table of counts (an earlier copy?):"
                + " --sheet NAME reads a hidden sheet"));
    }

    /**
     * As {@link #of(String, String, List, List, java.util.Set)}, for a workbook that mscmeta wrote when {@code ours}
     * holds its description (its author in the file's properties; a spreadsheet program keeps the author when it
     * saves the file again): without {@code --sheet}, its {@link SheetReader#RESULTS_DATA_SHEET} sheet, the input rows
     * as listed there (a co-author's edits included), with one notice saying so instead of a list of its outcome
     * sheets as tables not read, and its added columns left out ({@link AddedColumns}); hidden, it is read all the
     * same, with a notice (its outcome sheets are results, never studies). A Data sheet that lists only
     * the first rows of a run on more than a worksheet holds ({@link SheetReader#resultsDataCut}) is refused, as its
     * analysis would leave the others out, unless {@code --sheet} names it (read then with a notice).
     */
    static SheetChoice of(String name, String sheetName, List<String> names, List<HeaderSearch.Found> found,
                          java.util.Set<String> hidden, java.util.Optional<String> ours) throws InvalidInputException {
        if (ours.isEmpty()) {
            return of(name, sheetName, names, found, hidden);
        }
        int data = names.indexOf(SheetReader.RESULTS_DATA_SHEET);
        boolean hasData = data >= 0 && found.get(data).any() && !found.get(data).noOutcome();
        String cut = dataCut(ours.get());
        boolean results = names.contains(SheetReader.RESULTS_SUMMARY_SHEET)
                && names.contains(SheetReader.RESULTS_METHODS_SHEET);
        if (sheetName == null && !hasData && results) {
            // its other sheets are results: read as tables of one event each, they were refused in 1,953 problems
            throw new InvalidInputException(name, "the input rows on sheet '" + SheetReader.RESULTS_DATA_SHEET
                    + "' of a results workbook mscmeta wrote, but " + (data < 0 ? "it has no such sheet (renamed or"
                    + " deleted?)" : "that sheet has no table of counts") + ", and its other sheets hold results: name"
                    + " the sheet of input rows with --sheet, or analyse the run's input (the "
                    + SheetReader.RESULTS_METHODS_SHEET + " sheet names it)");
        }
        if (sheetName != null || !hasData) {
            SheetChoice c = of(name, sheetName, names, found, hidden);
            boolean dataSheet = c.sheets().equals(List.of(SheetReader.RESULTS_DATA_SHEET));
            if (!dataSheet && !(results && c.sheets().size() == 1)) {
                return c; // another of mscmeta's workbooks (an import's sheet)
            }
            // a sheet of a results workbook named by --sheet (the Data sheet, or its copy under another name): the
            // columns the run adds there are the run's all the same
            c = new SheetChoice(c.sheets(), c.headers(), c.byOutcome(), c.notices(), c.namesSheet(), true);
            return cut == null || !dataSheet ? c : c.with(new Notice("sheet", null, name + ", sheet '"
                    + SheetReader.RESULTS_DATA_SHEET + "': read as named, but it " + cut + ": the analysis leaves the"
                    + " others out"));
        }
        if (cut != null) {
            throw new InvalidInputException(name + ", sheet '" + SheetReader.RESULTS_DATA_SHEET + "'", "the input"
                    + " rows of a results workbook, but this sheet " + cut + ", so an analysis of it would leave the"
                    + " others out: analyse that run's input instead (the workbook's "
                    + SheetReader.RESULTS_METHODS_SHEET + " sheet names it), or read the listed rows alone with"
                    + " --sheet " + SheetReader.RESULTS_DATA_SHEET);
        }
        List<Notice> notices = new ArrayList<>();
        notices.add(new Notice("sheet", null, name + ": a workbook mscmeta wrote: its sheet '"
                + SheetReader.RESULTS_DATA_SHEET + "' was read, the input rows as listed there (edits included); its"
                + " other sheets hold results and were not read"));
        if (hidden.contains(SheetReader.RESULTS_DATA_SHEET)) {
            // hidden by a co-author: still the only sheet of input rows (the outcome sheets, read as tables of one
            // event each, would be results taken for studies)
            notices.add(new Notice("sheet", null, name + ": sheet '" + SheetReader.RESULTS_DATA_SHEET + "' is hidden"
                    + " in the workbook, and was read all the same"));
        }
        headerNotice(name, SheetReader.RESULTS_DATA_SHEET, found.get(data), notices);
        return new SheetChoice(List.of(SheetReader.RESULTS_DATA_SHEET), List.of(found.get(data)), false, notices,
                names.size() > 1, true);
    }

    /**
     * What a workbook's document properties say for {@link #of(String, String, List, List, java.util.Set,
     * java.util.Optional)}: its {@code description} (empty text when null) when its {@code author} is mscmeta
     * ("mscmeta 0.1.0"); empty when another program wrote it (or none is named).
     */
    static java.util.Optional<String> ours(String author, String description) {
        return author != null && author.strip().startsWith(org.mscmeta.Tool.name() + " ")
                ? java.util.Optional.of(description == null ? "" : description) : java.util.Optional.empty();
    }

    /**
     * What a results workbook's {@code description} says of a Data sheet that lists only the first rows of its run
     * ({@link SheetReader#resultsDataCut}), in words ("lists only the first 1,048,575 of the 2,400,000 input rows
     * ..."); null when it says nothing of the kind.
     */
    private static String dataCut(String description) {
        java.util.regex.Matcher cut = SheetReader.RESULTS_DATA_CUT.matcher(description.strip());
        return cut.matches() ? String.format(java.util.Locale.ROOT, "lists only the first %,d of the %,d input rows"
                + " of the run that wrote it (a worksheet holds no more)", Long.parseLong(cut.group(1)),
                Long.parseLong(cut.group(2))) : null;
    }

    /** This choice with {@code notice} added to its notices. */
    private SheetChoice with(Notice notice) {
        List<Notice> all = new ArrayList<>(notices);
        all.add(notice);
        return new SheetChoice(sheets, headers, byOutcome, all, namesSheet, resultsData);
    }

    /** As {@link #of(String, String, List, List, java.util.Set)}, every sheet visible. */
    static SheetChoice of(String name, String sheetName, List<String> names, List<HeaderSearch.Found> found)
            throws InvalidInputException {
        if (sheetName != null) {
            for (int i = 0; i < names.size(); i++) {
                if (WorkbookRows.names(names.get(i), sheetName)) {
                    return named(name, names.get(i), found.get(i));
                }
            }
            throw new InvalidInputException(name, "a sheet named '" + sheetName + "' (the workbook has '"
                    + String.join("', '", names) + "')");
        }
        List<String> withOutcome = new ArrayList<>();
        List<String> withoutOutcome = new ArrayList<>();
        List<HeaderSearch.Found> headersWithout = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            HeaderSearch.Found f = found.get(i);
            if (f.any() && !f.noOutcome()) {
                withOutcome.add(names.get(i));
            } else if (f.any()) {
                withoutOutcome.add(names.get(i));
                headersWithout.add(f);
            }
        }
        if (!withOutcome.isEmpty()) {
            String chosen = withOutcome.get(0);
            List<String> alsoData = new ArrayList<>(withOutcome.subList(1, withOutcome.size()));
            alsoData.addAll(withoutOutcome);
            alsoData.sort(java.util.Comparator.comparingInt(names::indexOf));
            List<Notice> notices = new ArrayList<>();
            if (!chosen.equals(names.get(0))) {
                notices.add(new Notice("sheet", null, name + ": read sheet '" + chosen + "', the first with the"
                        + " required columns (the first sheet, '" + names.get(0) + "', has none)"));
            }
            if (!alsoData.isEmpty()) {
                notices.add(new Notice("sheet", null, name + ": read sheet '" + chosen + "' only; "
                        + (alsoData.size() == 1 ? "sheet '" : "sheets '") + String.join("', '", alsoData) + "' "
                        + (alsoData.size() == 1 ? "has" : "have") + " a table of counts too and"
                        + (alsoData.size() == 1 ? " was" : " were") + " not read: --sheet NAME reads another, and"
                        + " rows in one sheet are analysed together"));
            }
            headerNotice(name, chosen, found.get(names.indexOf(chosen)), notices);
            return new SheetChoice(List.of(chosen), List.of(found.get(names.indexOf(chosen))), false, notices);
        }
        if (withoutOutcome.isEmpty()) {
            throw new InvalidInputException(name, "a sheet with a header row naming study, outcome, events_msc and"
                    + " n_msc in its first rows, but none of its sheets ('" + String.join("', '", names)
                    + "') has one (a sheet whose first row holds data needs a header row of column names"
                    + " above it: docs/input-format.md)");
        }
        for (String sheet : withoutOutcome) {
            refuseUnlessAnEvent(name, sheet);
        }
        List<Notice> notices = new ArrayList<>();
        List<String> others = new ArrayList<>(names);
        others.removeAll(withoutOutcome);
        notices.add(new Notice("sheet", null, name + ": no sheet has an outcome column, so "
                + (withoutOutcome.size() == 1 ? "sheet '" + withoutOutcome.get(0) + "' was read as the table of one"
                + " adverse event, named by the sheet" : "each of its " + withoutOutcome.size() + " sheets of study,"
                + " events and totals was read as the table of one adverse event, named by its sheet ('"
                + String.join("', '", withoutOutcome) + "')")
                + (others.isEmpty() ? "" : "; " + (others.size() == 1 ? "sheet '" : "sheets '")
                + String.join("', '", others) + "' " + (others.size() == 1 ? "has" : "have") + " no such table and"
                + (others.size() == 1 ? " was" : " were") + " not read")));
        for (int i = 0; i < withoutOutcome.size(); i++) {
            headerNotice(name, withoutOutcome.get(i), headersWithout.get(i), notices);
        }
        cutNames(name, withoutOutcome, notices);
        return new SheetChoice(withoutOutcome, headersWithout, true, notices);
    }

    /** The sheet {@code --sheet} named. */
    private static SheetChoice named(String name, String sheet, HeaderSearch.Found header)
            throws InvalidInputException {
        if (!header.any()) {
            throw new InvalidInputException(name, "a header row naming study, outcome, events_msc and n_msc in the"
                    + " first " + String.format(java.util.Locale.ROOT, "%,d", HeaderSearch.ROWS) + " rows of sheet '"
                    + sheet + "'");
        }
        List<Notice> notices = new ArrayList<>();
        if (header.noOutcome()) {
            refuseUnlessAnEvent(name, sheet);
            notices.add(new Notice("sheet", null, name + ": sheet '" + sheet + "' has no outcome column and was read"
                    + " as the table of one adverse event, named by the sheet"));
        }
        headerNotice(name, sheet, header, notices);
        if (header.noOutcome()) {
            cutNames(name, List.of(sheet), notices);
        }
        return new SheetChoice(List.of(sheet), List.of(header), header.noOutcome(), notices);
    }

    /** A sheet's name holds at most this many characters (Excel's limit): a longer event's name was cut. */
    static final int NAME_MAX = 31;

    /** A notice of outcomes named by sheets whose names may have been cut to {@link #NAME_MAX} characters. */
    private static void cutNames(String name, List<String> sheets, List<Notice> notices) {
        List<String> cut = sheets.stream().filter(s -> s.length() >= NAME_MAX).toList();
        if (!cut.isEmpty()) {
            notices.add(new Notice("sheet", null, name + ": a sheet's name holds at most " + NAME_MAX + " characters,"
                    + " so the outcome " + (cut.size() == 1 ? "'" + cut.get(0) + "' may be" : "names '"
                    + String.join("', '", cut) + "' may be") + " cut short: --outcome-map gives an outcome its full"
                    + " name"));
        }
    }

    private static void refuseUnlessAnEvent(String name, String sheet) throws InvalidInputException {
        if (!namesAnEvent(sheet)) {
            throw new InvalidInputException(name, "a column named outcome (or ae, event, adverse_event, ae_term) in"
                    + " sheet '" + sheet + "', which has study, events and totals but no outcome: add the column, with"
                    + " each row's adverse event (a workbook of one sheet per adverse event is read with each sheet's"
                    + " name as its event, but '" + sheet + "' does not name one)");
        }
    }

    private static void headerNotice(String name, String sheet, HeaderSearch.Found header, List<Notice> notices) {
        String where = HeaderSearch.notice(name, header, " of sheet '" + sheet + "'");
        if (where != null) {
            notices.add(new Notice("sheet", null, where));
        }
    }

    /** How the problems and notices of one sheet name where they are: the file, and the sheet ({@link #namesSheet}). */
    String partName(String file, String sheet) {
        return namesSheet ? file + ", sheet '" + sheet + "'" : file;
    }

    /**
     * A fresh validator for the {@code i}th sheet chosen, from {@code validators} (by the sheet's part name): its
     * header row set, the sheet's name as every row's outcome in a workbook of one sheet per event, and the notices
     * of the choice given to the first sheet's.
     */
    SheetValidator validator(int i, String file, java.util.function.Function<String, SheetValidator> validators) {
        String sheet = sheets.get(i);
        SheetValidator v = validators.apply(partName(file, sheet));
        v.headerRow(headers.get(i).row());
        if (byOutcome) {
            v.outcomeOfEveryRow(sheet);
        }
        if (resultsData) {
            v.leaveOutAddedColumns();
        }
        if (i == 0) {
            notices.forEach(v::notice);
        }
        return v;
    }
}

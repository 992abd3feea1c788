package org.mscmeta.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A Cochrane review of RevMan 5 (an {@code .rm5} file, XML), read as an extraction sheet: every dichotomous analysis
 * ({@code DICH_OUTCOME} of a {@code COMPARISON}) an outcome, each study's data ({@code DICH_DATA}: {@code EVENTS_1},
 * {@code TOTAL_1} of the experimental group, {@code EVENTS_2}, {@code TOTAL_2} of the control group) a row, the study
 * named and dated as the review's list of studies gives it, a RevMan subgroup ({@code DICH_SUBGROUP}) in a column of
 * its own ({@code subgroup}, for {@code --by subgroup}) and the analysis's number in another ({@code analysis},
 * "1.2" or "1.2.1"). The element names are RevMan 5's, as R's {@code meta::read.rm5} reads them too. RevMan 5's
 * "Data and analyses" export (CSV) is read alike ({@link #readExport}).
 *
 * <ul>
 *   <li>RevMan's group 1 is the experimental group; an analysis whose group labels say otherwise (group 1 "Placebo",
 *       group 2 "MSC") is read the other way round, with a notice.</li>
 *   <li>A study without data in an analysis (both totals 0 or blank, as RevMan keeps a study added but not filled
 *       in) is left out of it, with a notice; so are continuous, generic inverse-variance and O-E analyses, which
 *       this program does not pool.</li>
 *   <li>The same analysis name in two comparisons is two outcomes, each named with its comparison.</li>
 *   <li>How RevMan pooled each analysis (its effect measure, method and model) is noted: this run's settings
 *       apply.</li>
 *   <li>Rows are numbered in the review's order of analyses and studies, from 1.</li>
 * </ul>
 */
final class RevManFile {

    /** The columns of the sheet read. */
    static final String[] HEADER = {"study", "year", "outcome", "subgroup", "events_msc", "n_msc", "events_control",
        "n_control", "analysis"};

    /** Files larger than this are refused (a review with every analysis is a few megabytes). */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    private RevManFile() {
    }

    /** Reads the review into {@code validator}, which has not yet had a header. */
    static void read(Path file, String name, SheetValidator validator) throws IOException, InvalidInputException {
        long size = Files.size(file);
        if (size == 0 || size > MAX_BYTES) {
            throw new InvalidInputException(name, size == 0 ? "a RevMan 5 review (.rm5), but the file is empty"
                    : "a RevMan 5 review of at most " + (MAX_BYTES >> 20) + " MB, but it has " + (size >> 20) + " MB");
        }
        Review review = new Review();
        try (InputStream in = Files.newInputStream(file)) {
            XMLReader parser = org.apache.poi.util.XMLHelper.newXMLReader(); // no DTDs, no external entities
            parser.setContentHandler(review);
            parser.parse(new InputSource(in));
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            String why = String.valueOf(e.getMessage());
            throw new InvalidInputException(name, why.contains("DOCTYPE") || why.contains("ENTITY")
                    ? "a RevMan 5 review (.rm5), but its XML declares a document type or entities, which RevMan never"
                    + " writes; it was not read"
                    : "a RevMan 5 review (.rm5): well-formed XML as RevMan writes it, but the file is not"
                    + (e instanceof org.xml.sax.SAXParseException p && p.getLineNumber() > 0 ? " (at line "
                    + p.getLineNumber() + ")" : "") + ": it is damaged, cut short or of another kind; export the"
                    + " review again from RevMan");
        }
        if (!review.isReview) {
            throw new InvalidInputException(name, "a RevMan 5 review (.rm5), whose XML begins with COCHRANE_REVIEW,"
                    + " but this file's XML does not");
        }
        review.review.emit(name, "a RevMan 5 review", validator);
    }

    /** The columns by which RevMan 5's "Data and analyses" export (a CSV file) is known. */
    private static final List<String> EXPORT_COLUMNS = List.of("comparison_number", "outcome_number",
            "subgroup_number", "name");

    /** Whether a header is that of RevMan 5's "Data and analyses" export. */
    static boolean isExport(String[] header) {
        Set<String> keys = columnsByKey(header).keySet();
        return keys.containsAll(EXPORT_COLUMNS) && keys.contains("events_1") && keys.contains("total_1");
    }

    /**
     * Reads RevMan 5's "Data and analyses" export (File, Export, Data and analyses: a CSV file of one row per
     * comparison, analysis, subgroup and study, in that nesting, each kind of row known by which number changed) into
     * {@code validator}, as the review itself is read ({@link #read}).
     *
     * @param records the file's records, the header first
     */
    static void readExport(List<String[]> records, String name, SheetValidator validator) throws InvalidInputException {
        Map<String, Integer> at = columnsByKey(records.get(0));
        ReviewData review = new ReviewData();
        String comparisonNo = null;
        String comparison = "";
        String outcomeNo = null;
        String subgroupNo = null;
        Analysis analysis = null;
        Subgroup subgroup = null;
        for (int r = 1; r < records.size(); r++) {
            java.util.function.Function<String, String> cell = cells(at, records.get(r));
            String comp = cell.apply("comparison_number");
            String outc = cell.apply("outcome_number");
            String grp = cell.apply("subgroup_number");
            String label = cell.apply("name");
            String type = cell.apply("data_type");
            if (comp.isEmpty() && label.isEmpty()) {
                continue;
            }
            if (!comp.equals(comparisonNo)) {
                comparisonNo = comp;
                comparison = label;
                outcomeNo = null;
                analysis = null;
            } else if (!outc.equals(outcomeNo)) {
                outcomeNo = outc;
                subgroupNo = grp;
                subgroup = null;
                analysis = null;
                if ("DIC".equalsIgnoreCase(type)) {
                    analysis = new Analysis();
                    analysis.comparisonNo = comp;
                    analysis.comparison = comparison;
                    analysis.no = outc;
                    analysis.name = label;
                    analysis.measure = cell.apply("effect_measure");
                    analysis.method = cell.apply("statistical_method");
                    analysis.random = "random".equalsIgnoreCase(cell.apply("analysis_model"));
                    analysis.label1 = cell.apply("group_label_1");
                    analysis.label2 = cell.apply("group_label_2");
                    review.analyses.add(analysis);
                } else {
                    review.otherAnalyses.add(comp + "." + outc + " '" + label + "'");
                }
            } else if (!type.isEmpty() && !grp.equals(subgroupNo)) {
                subgroupNo = grp;
                subgroup = new Subgroup();
                subgroup.no = grp;
                subgroup.name = label;
            } else if (analysis != null) {
                String id = label + "\u0000" + cell.apply("year_of_study");
                review.studies.put(id, new String[] {label, cell.apply("year_of_study")});
                analysis.data.add(new Data(id, count(cell.apply("events_1")), count(cell.apply("total_1")),
                        count(cell.apply("events_2")), count(cell.apply("total_2")), subgroup));
            }
        }
        review.emit(name, "RevMan 5's \"Data and analyses\" export", validator);
    }

    /** The columns by which RevMan Web's data package's table of study data ({@code CD...-data-rows.csv}) is known. */
    private static final List<String> DATA_ROWS_COLUMNS = List.of("analysis_group", "analysis_number",
            "analysis_name", "study", "experimental_cases", "experimental_n", "control_cases", "control_n");

    /** Whether a header is that of RevMan Web's table of study data ({@code CD...-data-rows.csv}). */
    static boolean isDataRows(String[] header) {
        return columnsByKey(header).keySet().containsAll(DATA_ROWS_COLUMNS);
    }

    /**
     * Reads the table of study data of a Cochrane data package, as RevMan Web exports it and the Cochrane Library
     * offers it ({@code CD...-data-rows.csv}: one row per study and analysis, its analysis group, number and name,
     * its subgroup, the study and its year, the experimental and control cases and N), as a review is read
     * ({@link #read}). An analysis none of whose rows has cases (continuous, generic inverse variance, O-E) is not
     * read; the analyses' settings are in another file of the package, so the group labels are taken as RevMan's
     * (experimental first) and how RevMan pooled them is not noted.
     *
     * @param records the file's records, the header first
     */
    static void readDataRows(List<String[]> records, String name, SheetValidator validator)
            throws InvalidInputException {
        Map<String, Integer> at = columnsByKey(records.get(0));
        ReviewData review = new ReviewData();
        Map<String, Analysis> byNumber = new LinkedHashMap<>();
        Map<String, Map<String, Subgroup>> subgroups = new HashMap<>();
        for (int r = 1; r < records.size(); r++) {
            java.util.function.Function<String, String> cell = cells(at, records.get(r));
            String group = cell.apply("analysis_group");
            String number = cell.apply("analysis_number");
            String study = cell.apply("study");
            if (group.isEmpty() && number.isEmpty() && study.isEmpty()) {
                continue;
            }
            String key = group + "." + number;
            Analysis an = byNumber.computeIfAbsent(key, k -> {
                Analysis a = new Analysis();
                a.comparisonNo = group;
                a.comparison = "analysis group " + group;
                a.no = number;
                a.name = cell.apply("analysis_name");
                return a;
            });
            String sub = cell.apply("subgroup");
            Subgroup sg = sub.isEmpty() ? null : subgroups.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .computeIfAbsent(sub, k -> {
                        Subgroup g = new Subgroup();
                        g.no = String.valueOf(subgroups.get(key).size() + 1);
                        g.name = k;
                        return g;
                    });
            String e1 = count(cell.apply("experimental_cases"));
            String e2 = count(cell.apply("control_cases"));
            if (e1.isEmpty() && e2.isEmpty()) {
                continue; // no cases: a continuous, generic inverse-variance or O-E row
            }
            String id = study + "\u0000" + cell.apply("study_year"); // two trials of one label, told by their years
            review.studies.put(id, new String[] {study, cell.apply("study_year")});
            an.data.add(new Data(id, e1, count(cell.apply("experimental_n")), e2, count(cell.apply("control_n")), sg));
        }
        for (Map.Entry<String, Analysis> e : byNumber.entrySet()) {
            if (e.getValue().data.isEmpty()) {
                review.otherAnalyses.add(e.getKey() + " '" + e.getValue().name + "'");
            } else {
                review.analyses.add(e.getValue());
            }
        }
        review.settingsInFile = false;
        review.emit(name, "a Cochrane data package's table of study data", validator);
    }

    /** Each column's index by its header's key ({@link Field#headerKey}), the first of a key. */
    private static Map<String, Integer> columnsByKey(String[] header) {
        Map<String, Integer> at = new HashMap<>();
        for (int j = 0; j < header.length; j++) {
            at.putIfAbsent(Field.headerKey(header[j]), j);
        }
        return at;
    }

    /** A record's cell by its column's key, stripped; "" where the record or the header has none. */
    private static java.util.function.Function<String, String> cells(Map<String, Integer> at, String[] record) {
        return key -> {
            Integer j = at.get(key);
            return j == null || j >= record.length ? "" : Blanks.strip(record[j]);
        };
    }

    /** A count as RevMan's export writes it, thousands separated by commas ("14,186"). */
    private static String count(String v) {
        return v.matches("[0-9]{1,3}(,[0-9]{3})+") ? v.replace(",", "") : v;
    }

    /** A dichotomous analysis. */
    private static final class Analysis {
        String comparisonNo = "";
        String comparison = "";
        String no = "";
        String name = "";
        String label1 = "";
        String label2 = "";
        String measure = "";
        String method = "";
        boolean random;
        boolean swapEvents;
        final List<Data> data = new ArrayList<>();
    }

    /** A subgroup of an analysis. */
    private static final class Subgroup {
        String no = "";
        String name = "";
    }

    /** One study's data in an analysis. */
    private record Data(String studyId, String events1, String total1, String events2, String total2,
                        Subgroup subgroup) {
    }

    /** What is read of a review, from its XML or from RevMan's export: the studies, the analyses, the others. */
    private static final class ReviewData {
        final Map<String, String[]> studies = new HashMap<>(); // id -> {name, year}
        final List<Analysis> analyses = new ArrayList<>();
        final Set<String> otherAnalyses = new LinkedHashSet<>();
        /** Whether the analyses' settings and group labels are in the file read (not so in a data package). */
        boolean settingsInFile = true;
        /** The analyses as rows of the sheet, with the notices of how they were read. */
        void emit(String file, String what, SheetValidator v) throws InvalidInputException {
            if (analyses.isEmpty()) {
                throw new InvalidInputException(file, what + " with at least one dichotomous analysis (events"
                        + " and totals), but it has none" + (otherAnalyses.isEmpty() ? "" : " (its analyses "
                        + String.join(", ", otherAnalyses) + " are continuous, generic inverse variance or O-E)"));
            }
            Map<String, Set<String>> comparisonsOf = new HashMap<>();
            for (Analysis an : analyses) {
                comparisonsOf.computeIfAbsent(an.name.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                        .add(an.comparisonNo);
            }
            v.headerRow(0);
            v.header(HEADER.clone());
            int row = 0;
            List<String> swapped = new ArrayList<>();
            List<String> empty = new ArrayList<>();
            Map<String, List<String>> pooledAs = new LinkedHashMap<>();
            for (Analysis an : analyses) {
                String number = an.comparisonNo + "." + an.no;
                String outcome = comparisonsOf.get(an.name.toLowerCase(Locale.ROOT)).size() > 1
                        ? an.comparison + ": " + an.name : an.name;
                boolean swap = ArmRows.kind(an.label1) == 0 && ArmRows.kind(an.label2) == 1;
                if (swap) {
                    swapped.add(number + " '" + an.name + "' (group 1 '" + an.label1 + "', group 2 '" + an.label2
                            + "')");
                }
                pooledAs.computeIfAbsent(settings(an), k -> new ArrayList<>()).add(number);
                for (Data d : an.data) {
                    if (blankOrZero(d.total1()) && blankOrZero(d.total2())) {
                        empty.add(number + " " + study(d.studyId())[0]);
                        continue;
                    }
                    String[] s = study(d.studyId());
                    String sub = d.subgroup() == null ? "" : d.subgroup().name;
                    String at = d.subgroup() == null ? number : number + "." + d.subgroup().no;
                    String[] msc = swap ? new String[] {d.events2(), d.total2()} : new String[] {d.events1(), d.total1()};
                    String[] control = swap ? new String[] {d.events1(), d.total1()}
                            : new String[] {d.events2(), d.total2()};
                    v.placeRow(++row, "analysis " + at + " '" + an.name + "', study '" + s[0] + "'");
                    v.row(row, new String[] {s[0], s[1], outcome, sub, msc[0], msc[1], control[0], control[1], at});
                }
            }
            v.notice(new Notice("sheet", null, file + ": " + what + ": " + Notice.count(analyses.size(),
                    "dichotomous analysis", "dichotomous analyses") + " read as " + (analyses.size() == 1
                    ? "an outcome" : "outcomes") + ", one row per study and analysis, numbered in the review's order"
                    + " (column 'analysis' gives each row's RevMan analysis; a RevMan subgroup is in column"
                    + " 'subgroup', for --by subgroup)"));
            if (!swapped.isEmpty()) {
                v.notice(new Notice("sheet", null, file + ": in " + String.join("; ", swapped) + " RevMan's group 1"
                        + " is the control group, so group 2 was read as the MSC arm"));
            }
            if (!empty.isEmpty()) {
                v.notice(new Notice("sheet", null, file + ": " + Notice.count(empty.size(), "study has", "studies have")
                        + " no data in an analysis and " + (empty.size() == 1 ? "was" : "were") + " left out of it"
                        + " (first: " + empty.get(0) + ")"));
            }
            if (!otherAnalyses.isEmpty()) {
                v.notice(new Notice("sheet", null, file + ": " + Notice.count(otherAnalyses.size(), "analysis",
                        "analyses") + " of continuous, generic inverse-variance or O-E data "
                        + (otherAnalyses.size() == 1 ? "was" : "were") + " not read (this program pools events and totals): "
                        + String.join(", ", otherAnalyses)));
            }
            List<String> how = new ArrayList<>();
            pooledAs.forEach((settings, numbers) -> how.add(settings + " (" + String.join(", ", numbers) + ")"));
            if (settingsInFile) {
                v.notice(new Notice("settings", null, file + ": RevMan pooled " + String.join("; ", how) + "; this"
                        + " run's settings apply instead (--measure, --method, --tau2; --convention revman5 for"
                        + " RevMan's conventions)"));
            } else {
                v.notice(new Notice("sheet", null, file + ": the group labels of its analyses are in another file"
                        + " of the data package, not read: the Experimental columns were read as the MSC arm and the"
                        + " Control columns as the control arm; check that the review's experimental group is the MSC"
                        + " group in every analysis"));
            }
            for (Analysis an : analyses) {
                if (an.swapEvents) {
                    v.notice(new Notice("sheet", null, file + ": analysis " + an.comparisonNo + "." + an.no + " '"
                            + an.name + "' swaps events and non-events in RevMan; its events are read as entered"));
                }
            }
        }

        /** A study's name and year from the review's list of studies, or its id without RevMan's prefix. */
        private String[] study(String id) {
            String[] s = studies.get(id);
            if (s != null && !s[0].isEmpty()) {
                return s;
            }
            return new String[] {id.startsWith("STD-") ? id.substring(4) : id, s == null ? "" : s[1]};
        }

        private static boolean blankOrZero(String v) {
            return v.isEmpty() || "0".equals(v);
        }

        /** How RevMan pooled an analysis, in words: "M-H risk ratio, random effects". */
        private static String settings(Analysis an) {
            String method = switch (an.method) {
                case "MH" -> "M-H";
                case "IV" -> "inverse-variance";
                case "PETO" -> "Peto";
                default -> an.method;
            };
            String measure = switch (an.measure) {
                case "RR" -> "risk ratio";
                case "OR" -> "odds ratio";
                case "RD" -> "risk difference";
                case "PETO_OR" -> "Peto odds ratio";
                default -> an.measure;
            };
            String both = "PETO_OR".equals(an.measure) ? measure : (method + " " + measure).strip();
            return both + ", " + (an.random ? "random effects" : "fixed effect");
        }
    }

    /** The SAX handler of a review's XML. */
    private static final class Review extends DefaultHandler {
        boolean isReview;
        final ReviewData review = new ReviewData();
        final Map<String, String[]> studies = review.studies;
        final List<Analysis> analyses = review.analyses;
        final Set<String> otherAnalyses = review.otherAnalyses;
        private final Deque<String> path = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private String comparisonNo = "";
        private String comparison = "";
        private Analysis analysis;
        private Subgroup subgroup;
        private String otherNo;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            String e = qName;
            if (path.isEmpty()) {
                isReview = "COCHRANE_REVIEW".equals(e);
            }
            path.push(e);
            text.setLength(0);
            switch (e) {
                case "STUDY" -> {
                    if (a.getValue("ID") != null) {
                        studies.put(a.getValue("ID"), new String[] {value(a, "NAME"), value(a, "YEAR")});
                    }
                }
                case "COMPARISON" -> {
                    comparisonNo = value(a, "NO");
                    comparison = "";
                }
                case "DICH_OUTCOME" -> {
                    analysis = new Analysis();
                    analysis.comparisonNo = comparisonNo;
                    analysis.comparison = comparison;
                    analysis.no = value(a, "NO");
                    analysis.measure = value(a, "EFFECT_MEASURE");
                    analysis.method = value(a, "METHOD");
                    analysis.random = "YES".equals(a.getValue("RANDOM"));
                    analysis.swapEvents = "YES".equals(a.getValue("SWAP_EVENTS"));
                    analyses.add(analysis);
                }
                case "DICH_SUBGROUP" -> {
                    subgroup = new Subgroup();
                    subgroup.no = value(a, "NO");
                }
                case "DICH_DATA" -> {
                    if (analysis != null) {
                        analysis.data.add(new Data(value(a, "STUDY_ID"), value(a, "EVENTS_1"), value(a, "TOTAL_1"),
                                value(a, "EVENTS_2"), value(a, "TOTAL_2"), subgroup));
                    }
                }
                case "CONT_OUTCOME", "IV_OUTCOME", "IPD_OUTCOME" -> otherNo = comparisonNo + "." + value(a, "NO");
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            path.pop();
            String parent = path.peek();
            String t = Blanks.strip(text.toString());
            switch (qName) {
                case "NAME" -> {
                    if ("COMPARISON".equals(parent)) {
                        comparison = t;
                    } else if ("DICH_OUTCOME".equals(parent) && analysis != null) {
                        analysis.name = t;
                    } else if ("DICH_SUBGROUP".equals(parent) && subgroup != null) {
                        subgroup.name = t;
                    } else if (parent != null && parent.endsWith("_OUTCOME") && otherNo != null) {
                        otherAnalyses.add(otherNo + " '" + t + "'");
                    }
                }
                case "GROUP_LABEL_1" -> {
                    if ("DICH_OUTCOME".equals(parent) && analysis != null) {
                        analysis.label1 = t;
                    }
                }
                case "GROUP_LABEL_2" -> {
                    if ("DICH_OUTCOME".equals(parent) && analysis != null) {
                        analysis.label2 = t;
                    }
                }
                case "DICH_OUTCOME" -> analysis = null;
                case "DICH_SUBGROUP" -> subgroup = null;
                case "COMPARISON" -> {
                    for (Analysis an : analyses) {
                        if (an.comparisonNo.equals(comparisonNo) && an.comparison.isEmpty()) {
                            an.comparison = comparison; // the comparison's name may follow its first analysis
                        }
                    }
                }
                default -> {
                }
            }
            text.setLength(0);
        }

        private static String value(Attributes a, String name) {
            String v = a.getValue(name);
            return v == null ? "" : Blanks.strip(v);
        }
    }
}

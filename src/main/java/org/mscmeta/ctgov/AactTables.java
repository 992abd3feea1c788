package org.mscmeta.ctgov;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads AACT table exports (ctgov schema, docs/ctgov-adverse-events.md §3): {@code reported_events},
 * {@code reported_event_totals} and {@code result_groups}, as CSV, TSV or AACT's pipe-delimited flat files (the
 * delimiter is taken from the header line; the table from its columns). Rows are grouped by {@code nct_id}.
 * Legacy "Total" rows inside {@code reported_events} ({@code organ_system = 'Total'}, AACT before August 2020) are
 * skipped so that totals come only from {@code reported_event_totals}, matched by {@code classification}.
 * AACT exports carry no protocol text here, so arms are classified from the group titles and descriptions.
 */
public final class AactTables {

    private final Map<String, Map<String, String[]>> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, int[]>> totals = new HashMap<>();
    private final Map<String, Map<String, Trial.AdverseEvent>> events = new LinkedHashMap<>();
    private final List<String> files = new ArrayList<>();
    private boolean groupTables;

    /** Whether {@code file}'s header is that of an AACT table this reader knows. */
    public static boolean isAactTable(Path file) throws IOException {
        String header = headerLine(file);
        return header != null && table(split(header, delimiter(header))) != null;
    }

    /** Adds one table file. */
    public void add(Path file) throws IOException, CtgovInputException {
        String name = file.toString();
        String header = headerLine(file);
        if (header == null) {
            throw new CtgovInputException(name, "line 1", "empty file");
        }
        char sep = delimiter(header);
        List<String> cols = split(header, sep);
        String table = table(cols);
        if (table == null) {
            throw new CtgovInputException(name, "line 1", "not an AACT reported_events, reported_event_totals or"
                    + " result_groups table (columns: " + String.join(", ", cols) + ")");
        }
        files.add(file.getFileName().toString());
        groupTables |= table.equals("result_groups");
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < cols.size(); i++) {
            at.put(cols.get(i), i);
        }
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(sep).ignoreDifferentFieldCount(true)
                .detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (CsvRecord rec : csv) {
                if (first) {
                    first = false;
                    continue;
                }
                Row r = new Row(name, rec.getStartingLineNumber(), rec.getFields(), at);
                String nct = r.text("nct_id");
                if (nct == null) {
                    if (rec.getFields().stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    throw new CtgovInputException(name, "line " + rec.getStartingLineNumber() + ", column nct_id",
                            "expected the trial's NCT id, which every row of an AACT table gives; without it the row's"
                            + " counts belong to no trial");
                }
                switch (table) {
                    case "result_groups" -> {
                        String type = r.text("result_type");
                        if (type == null || type.equalsIgnoreCase("Reported Event")) {
                            groups.computeIfAbsent(nct, k -> new LinkedHashMap<>()).put(r.group(),
                                    new String[] {r.text("title"), r.text("description")});
                        }
                    }
                    case "reported_event_totals" -> {
                        String cls = r.text("classification");
                        int slot = cls == null ? -1 : cls.toLowerCase(Locale.ROOT).contains("mortality") ? 0
                                : cls.toLowerCase(Locale.ROOT).contains("serious") ? 1
                                : cls.toLowerCase(Locale.ROOT).contains("other") ? 2 : -1;
                        if (slot >= 0) {
                            int[] t = totals.computeIfAbsent(nct, k -> new LinkedHashMap<>())
                                    .computeIfAbsent(r.group(), k -> blankTotals());
                            t[2 * slot] = r.whole("subjects_affected");
                            t[2 * slot + 1] = r.whole("subjects_at_risk");
                        }
                    }
                    default -> {
                        String organ = r.text("organ_system");
                        if ("Total".equalsIgnoreCase(organ)) {
                            continue;
                        }
                        boolean serious = "serious".equalsIgnoreCase(r.text("event_type"));
                        String term = r.text("adverse_event_term");
                        String key = (serious ? "S|" : "O|") + organ + "|" + term;
                        Trial.AdverseEvent e = events.computeIfAbsent(nct, k -> new LinkedHashMap<>())
                                .computeIfAbsent(key, k -> new Trial.AdverseEvent(serious, term, organ,
                                        r.text("vocab"), new ArrayList<>()));
                        e.counts().add(new Trial.Count(r.group(), boxed(r.whole("subjects_affected")),
                                boxed(r.whole("subjects_at_risk")), boxed(r.whole("event_count"))));
                        groups.computeIfAbsent(nct, k -> new LinkedHashMap<>())
                                .putIfAbsent(r.group(), new String[] {null, null});
                    }
                }
            }
        }
    }

    /**
     * Whether a result_groups table was read: without it the groups have neither title nor description, and the
     * MSC and control groups cannot be told from their text.
     */
    public boolean hasGroupTitles() {
        return groupTables;
    }

    /** The trials read so far, in order of first appearance. */
    public List<Trial> trials() {
        List<String> ncts = new ArrayList<>(groups.keySet());
        for (String n : totals.keySet()) {
            if (!ncts.contains(n)) {
                ncts.add(n);
            }
        }
        List<Trial> out = new ArrayList<>();
        for (String nct : ncts) {
            Map<String, String[]> g = groups.getOrDefault(nct, Map.of());
            Map<String, int[]> t = totals.getOrDefault(nct, Map.of());
            List<String> codes = new ArrayList<>(g.keySet());
            for (String c : t.keySet()) {
                if (!codes.contains(c)) {
                    codes.add(c);
                }
            }
            List<Trial.EventGroup> eg = new ArrayList<>();
            for (String code : codes) {
                String[] tt = g.getOrDefault(code, new String[] {null, null});
                int[] x = t.getOrDefault(code, blankTotals());
                eg.add(new Trial.EventGroup(code, tt[0], tt[1], boxed(x[0]), boxed(x[1]), boxed(x[2]), boxed(x[3]),
                        boxed(x[4]), boxed(x[5])));
            }
            List<Trial.AdverseEvent> ev = new ArrayList<>(events.getOrDefault(nct, Map.of()).values());
            out.add(new Trial(nct, null, null, null, List.of(), null, List.of(), List.of(), eg, ev, true, null,
                    String.join(" + ", files), "AACT tables"));
        }
        return out;
    }

    private static int[] blankTotals() {
        return new int[] {-1, -1, -1, -1, -1, -1};
    }

    private static Integer boxed(int v) {
        return v < 0 ? null : v;
    }

    private static String table(List<String> cols) {
        if (cols.contains("nct_id") && cols.contains("adverse_event_term") && cols.contains("subjects_affected")) {
            return "reported_events";
        }
        if (cols.contains("nct_id") && cols.contains("classification") && cols.contains("subjects_at_risk")) {
            return "reported_event_totals";
        }
        if (cols.contains("nct_id") && cols.contains("ctgov_group_code") && cols.contains("title")) {
            return "result_groups";
        }
        return null;
    }

    /**
     * The first line of {@code file}, its bytes that are not UTF-8 replaced (a binary file, or text in another
     * encoding, is then simply no table of this reader's, rather than a decoding error).
     */
    static String headerLine(Path file) throws IOException {
        byte[] start;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(1 << 16);
        }
        String text = new String(start, StandardCharsets.UTF_8);
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return start.length == 0 ? null : text.substring(0, end).replace("\uFEFF", "");
    }

    /** The separator of a table whose header is {@code header}: tab, pipe, semicolon or comma, the most frequent. */
    static char delimiter(String header) {
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '|', '\t'}) {
            long n = header.chars().filter(x -> x == c).count();
            if (n > most) {
                best = c;
                most = n;
            }
        }
        return best;
    }

    private static List<String> split(String header, char sep) {
        List<String> out = new ArrayList<>();
        for (String c : header.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1)) {
            out.add(c.strip().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** One table row with typed access; errors name the file, line and column. */
    private record Row(String file, long line, List<String> fields, Map<String, Integer> at) {

        /** The row's group code (EG000): every row of the three tables gives the group its counts belong to. */
        String group() throws CtgovInputException {
            String code = text("ctgov_group_code");
            if (code == null) {
                throw new CtgovInputException(file, "line " + line + ", column ctgov_group_code", "expected the code of"
                        + " the group (such as EG000) the row belongs to; without it its counts belong to no group");
            }
            return code;
        }

        String text(String col) {
            Integer i = at.get(col);
            if (i == null || i >= fields.size()) {
                return null;
            }
            String s = fields.get(i).strip();
            return s.isEmpty() ? null : s;
        }

        int whole(String col) throws CtgovInputException {
            String s = text(col);
            if (s == null) {
                return -1;
            }
            if (!s.matches("\\d{1,9}(\\.0+)?")) {
                throw new CtgovInputException(file, "line " + line + ", column " + col,
                        "expected a whole number of participants >= 0, got '" + s + "'");
            }
            return Integer.parseInt(s.replaceAll("\\.0+$", ""));
        }
    }
}

package org.mscmeta.sheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * Normalises free-text route and cell-source values to the controlled vocabularies of the input format.
 * The table is data ({@code vocabulary.tsv} beside this class; a user file can add to it), not code.
 *
 * <p>Lookup ignores case and everything but letters and digits; a value not found as written is looked up
 * again without its parenthesised parts, so {@code "Bone marrow (remestemcel-L)"} becomes {@code bone marrow}, and
 * then without the words that say what every value is ({@link #GENERIC}: "allogeneic", "human", "mesenchymal stem
 * cells", "MSCs", "derived"; "injection", "infusion", "administration"), so that the ways papers write a source or a
 * route are found: {@code "Allogeneic BM-MSCs"}, {@code "hUC-MSCs"}, {@code "bone marrow-derived mesenchymal stem
 * cells"}, {@code "MSC (bone marrow)"}, {@code "intrathecal administration"}, {@code "intrathecally"}. A value
 * that names two or more of the vocabulary's values joined by {@code +}, {@code /}, {@code &}, a comma or
 * "and" ({@code "IV and IT"}, {@code "intravenous/intrathecal"}) is their combination, in the table's order
 * ({@code intravenous + intrathecal}), so that one combination written two ways is one subgroup. A value still not
 * found is kept as written and reported by the caller.
 */
public final class Vocabulary {

    /** The two vocabularies of the input format. */
    public enum Kind {
        ROUTE("route"), CELL_SOURCE("cell_source");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** Name as in the table's first column and in the sheet, e.g. {@code cell_source}. */
        public String id() {
            return id;
        }
    }

    /** Shown for a blank route or cell source, so that such studies stay visible as their own subgroup. */
    public static final String NOT_REPORTED = "not reported";

    /** The vocabulary's values (vocabulary.tsv) of a route or cell source that names none: "unknown" and "other". */
    static final String UNKNOWN = "unknown";
    static final String OTHER = "other";

    /** Whether {@code value}, a value of the vocabulary, names a route or cell source ({@link #UNKNOWN} does not). */
    static boolean namesOne(String value) {
        return !value.equals(NOT_REPORTED) && !value.equals(UNKNOWN) && !value.equals(OTHER);
    }

    private final Map<Kind, Map<String, String>> table = new HashMap<>();
    /** Per kind, each canonical value's position in the table: the order of a combination's parts. */
    private final Map<Kind, Map<String, Integer>> order = new HashMap<>();
    /**
     * Per kind, the words that say what every value of it is, not which: left out of a value not found as written.
     * Donor type is a column of its own ({@code donor}).
     */
    static final Map<Kind, java.util.Set<String>> GENERIC = Map.of(
            Kind.CELL_SOURCE, java.util.Set.of("human", "allogeneic", "allogenic", "autologous", "mesenchymal", "stem",
                    "stromal", "cell", "cells", "msc", "mscs", "derived", "from", "expanded", "cultured", "culture",
                    "tissue", "origin"),
            Kind.ROUTE, java.util.Set.of("injection", "injections", "infusion", "infusions", "administration",
                    "administered", "delivery", "delivered", "transplantation", "route", "single", "repeated", "via",
                    "by", "drip", "bolus", "percutaneous", "knee", "joint", "once", "twice", "dose", "doses"));

    /** A count of doses in a route ("x2", "3x"), which says nothing of the route. */
    private static final java.util.regex.Pattern DOSE_COUNT = java.util.regex.Pattern.compile("x?\\d+x?");

    /** What joins the parts of a combination: +, /, &, a comma, a semicolon, "and", "plus". */
    private static final java.util.regex.Pattern JOINS = java.util.regex.Pattern.compile(
            "\\s*(?:[+/&,;]|\\band\\b|\\bplus\\b)\\s*", java.util.regex.Pattern.CASE_INSENSITIVE);

    private Vocabulary() {
        for (Kind k : Kind.values()) {
            table.put(k, new HashMap<>());
            order.put(k, new HashMap<>());
        }
    }

    /** The built-in vocabulary. */
    public static Vocabulary builtIn() {
        Vocabulary v = new Vocabulary();
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.tsv")) {
            if (in == null) {
                throw new IllegalStateException("vocabulary.tsv missing from the jar");
            }
            List<InputProblem> problems = v.load(new InputStreamReader(in, StandardCharsets.UTF_8), "vocabulary.tsv");
            if (!problems.isEmpty()) {
                throw new IllegalStateException(problems.get(0).message());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in vocabulary", e);
        }
        return v;
    }

    /**
     * The built-in vocabulary extended (and, for clashing aliases, overridden) by a user's table.
     *
     * @throws InvalidInputException naming the line and column of every line that is not kind, canonical value and
     *                               aliases separated by tabs, or a file that is not UTF-8 text
     */
    public static Vocabulary withUserTable(Path file) throws IOException, InvalidInputException {
        Vocabulary v = builtIn();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (org.mscmeta.files.FileSignatures.isWorkbook(file)) {
            throw new InvalidInputException(name, "tab-separated text (kind, canonical value, aliases), but this is a"
                    + " workbook (.xlsx, .xls or .ods): save the table as tab-separated text");
        }
        List<InputProblem> problems;
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder())) {
            problems = v.load(r, name);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(name, "UTF-8 text (save the vocabulary as UTF-8)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, problems.size());
        }
        return v;
    }

    /** Adds the lines of {@code reader} to the tables; returns the lines that are not kind, value and aliases. */
    private List<InputProblem> load(Reader reader, String source) throws IOException {
        List<InputProblem> problems = new java.util.ArrayList<>();
        BufferedReader br = new BufferedReader(reader);
        String line;
        int lineNo = 0;
        boolean read = false; // a line other than blank lines and comments
        while ((line = br.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // the byte-order mark an editor puts before UTF-8 text
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            Kind kind = null;
            // "Route", "Cell source" and "cell-source", as a spreadsheet saved as tab-separated text may write them
            String written = parts[0].strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (Kind k : Kind.values()) {
                if (k.id.equals(written)) {
                    kind = k;
                }
            }
            boolean first = !read;
            read = true;
            if (parts.length < 2) {
                problems.add(new InputProblem(source, lineNo, InputProblem.NO_COLUMN, line, "the kind (route or"
                        + " cell_source), the canonical value and its aliases separated by tabs, but the line has no"
                        + " tab" + (line.contains(",") || line.contains(";") ? " (a table saved as CSV? save it as"
                        + " tab-separated text)" : "")));
                continue;
            }
            if (kind == null) {
                // columns named by their part of a line (the file has no header): "kind <TAB> canonical value <TAB>
                // aliases"; '1' and '2' read as the names of columns no line has
                problems.add(new InputProblem(source, lineNo, "kind", parts[0], "route or cell_source" + (first
                        ? " (a header line? the vocabulary has none: delete it, or start it with # to keep it as a"
                        + " comment)" : "")));
                continue;
            }
            if (parts[1].isBlank()) {
                problems.add(new InputProblem(source, lineNo, "canonical value", parts[1], "the canonical value the"
                        + " aliases stand for"));
                continue;
            }
            String canonical = parts[1].strip();
            Map<String, String> m = table.get(kind);
            m.put(key(canonical), canonical);
            order.get(kind).putIfAbsent(canonical, order.get(kind).size());
            if (parts.length > 2) {
                for (String alias : parts[2].split("\\|")) {
                    if (!alias.isBlank()) {
                        m.put(key(alias), canonical);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The canonical value for {@code raw}, {@link #NOT_REPORTED} for a blank, or null when the value is not in
     * the vocabulary.
     */
    public String normalise(Kind kind, String raw) {
        if (raw == null || raw.isBlank()) {
            return NOT_REPORTED;
        }
        String plain = raw.indexOf('(') >= 0 ? raw.replaceAll("\\([^)]*\\)?", " ") : raw;
        String hit = one(kind, raw, plain);
        return hit != null ? hit : combination(kind, plain);
    }

    /**
     * The canonical value of one value: as written, without its parenthesised parts, or without the generic words
     * of its kind (of the whole, then of the part outside the parentheses); null when none is in the table.
     */
    private String one(Kind kind, String raw, String plain) {
        Map<String, String> m = table.get(kind);
        String hit = m.get(key(raw));
        if (hit == null && plain != raw) {
            hit = m.get(key(plain));
        }
        if (hit == null) {
            hit = specific(kind, raw);
        }
        if (hit == null && plain != raw) {
            hit = specific(kind, plain);
        }
        return hit;
    }

    /**
     * {@code text} without the generic words of its kind looked up: words are runs of letters and digits, a cell
     * source's word ending in "msc" or "mscs" loses the ending ({@code BMMSCs} is {@code bm}), and a leading "h"
     * (human) is tried away ({@code hUC} is {@code uc}; {@code hBMSC} is {@code bmsc}, its ending kept); null when nothing specific is left or it is not in the table.
     */
    private String specific(Kind kind, String text) {
        java.util.Set<String> generic = GENERIC.get(kind);
        StringBuilder sb = new StringBuilder();
        StringBuilder whole = new StringBuilder(); // with the words' "msc" endings: hBMSC is h + bmsc, not hb + msc
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (!word.isEmpty() && !generic.contains(word)) {
                whole.append(word);
            }
            if (kind == Kind.CELL_SOURCE && word.length() > 4 && word.endsWith("msc")) {
                word = word.substring(0, word.length() - 3);
            } else if (kind == Kind.CELL_SOURCE && word.length() > 5 && word.endsWith("mscs")) {
                word = word.substring(0, word.length() - 4);
            } else if (kind == Kind.ROUTE && word.length() > 7 && word.endsWith("ly")) {
                word = word.substring(0, word.length() - 2); // intrathecally, intravenously, intra-articularly
            } else if (kind == Kind.ROUTE && DOSE_COUNT.matcher(word).matches()) {
                continue; // a count of doses: x2, 3x, 2
            }
            if (!word.isEmpty() && !generic.contains(word)) {
                sb.append(word);
            }
        }
        if (sb.length() == 0) {
            return null;
        }
        Map<String, String> m = table.get(kind);
        String hit = m.get(sb.toString());
        if (hit == null && kind == Kind.CELL_SOURCE && sb.length() > 2 && sb.charAt(0) == 'h') {
            hit = m.get(sb.substring(1));
        }
        if (hit == null && kind == Kind.CELL_SOURCE && whole.length() > 3 && whole.charAt(0) == 'h') {
            hit = m.get(whole.substring(1));
        }
        return hit;
    }

    /**
     * The combination {@code raw} names ({@code "IV and IT"} is {@code intravenous + intrathecal}), or null unless
     * it joins two or more values of the vocabulary, each found (none of them "unknown" or "other").
     */
    private String combination(Kind kind, String raw) {
        String[] parts = JOINS.split(raw.strip());
        if (parts.length < 2) {
            return null;
        }
        Map<String, Integer> rank = order.get(kind);
        java.util.TreeSet<String> found = new java.util.TreeSet<>(java.util.Comparator.comparing(rank::get));
        for (String part : parts) {
            String hit = part.isBlank() ? null : one(kind, part, part);
            if (hit == null || !namesOne(hit)) {
                return null;
            }
            found.add(hit);
        }
        return found.size() < 2 ? found.first() : String.join(" + ", found);
    }

    private static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        String lower = s.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}

package org.mscmeta.sheet;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An outcome harmonisation table ({@code --outcome-map}): a delimited text file with a header row and two columns,
 * the term as reported and the outcome to pool it under (as examples/outcome_harmonisation.csv:
 * {@code outcome_reported,outcome}). Terms are matched as {@link OutcomeNames#key} matches names: ignoring case,
 * spacing and punctuation. A term mapped to two different outcomes is an error naming both rows.
 */
public final class OutcomeMap {

    /** No renaming. */
    public static final OutcomeMap NONE = new OutcomeMap(Map.of(), List.of(), "(none)");

    /** A term as the map gives it, and its row in the map's file (0 for a map given in memory). */
    record Term(String text, int row) {
    }

    private final Map<String, String> outcomeByKey;
    /** The terms in the order of the file, one per key. */
    private final List<Term> terms;
    private final String source;

    private OutcomeMap(Map<String, String> outcomeByKey, List<Term> terms, String source) {
        this.outcomeByKey = outcomeByKey;
        this.terms = terms;
        this.source = source;
    }

    /** An in-memory map: term to outcome. */
    public static OutcomeMap of(Map<String, String> termToOutcome) {
        Map<String, String> m = new HashMap<>();
        List<Term> terms = new ArrayList<>();
        termToOutcome.forEach((t, o) -> {
            if (m.put(OutcomeNames.key(t), o.strip()) == null) {
                terms.add(new Term(t.strip(), 0));
            }
        });
        return new OutcomeMap(Map.copyOf(m), List.copyOf(terms), "(given)");
    }

    /** The map's terms whose key ({@link OutcomeNames#key}) is not among {@code keys}, in the map's order. */
    List<Term> termsNotIn(java.util.Set<String> keys) {
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            if (!keys.contains(OutcomeNames.key(t.text()))) {
                out.add(t);
            }
        }
        return out;
    }

    /** The outcome {@code term} is pooled under, or null when the map does not name it. */
    public String outcomeFor(String term) {
        return outcomeByKey.isEmpty() ? null : outcomeByKey.get(OutcomeNames.key(term));
    }

    /** Where the map came from (its file name), for notices. */
    public String source() {
        return source;
    }

    /** The number of terms mapped. */
    public int size() {
        return outcomeByKey.size();
    }

    /**
     * Reads a map file (comma, semicolon or tab separated; UTF-8 or Windows-1252).
     *
     * @throws InvalidInputException naming the file, row and column of every problem
     */
    public static OutcomeMap read(Path file) throws IOException, InvalidInputException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such outcome map");
        }
        if (org.mscmeta.files.FileSignatures.isWorkbook(file)) {
            throw new InvalidInputException(name, "a CSV of term, outcome, but this is a workbook (.xlsx, .xls or"
                    + " .ods): save the table as CSV");
        }
        CsvDialect dialect = CsvDialect.sniff(file);
        List<CsvRecord> records;
        try {
            try {
                records = read(file, dialect);
            } catch (UncheckedIOException e) {
                if (dialect.byteOrderMark()) {
                    throw new InvalidInputException(name, "text in the encoding its byte-order mark names");
                }
                try {
                    records = read(file, dialect.asSingleByte(file));
                } catch (UncheckedIOException again) {
                    throw new InvalidInputException(name, "a CSV of term, outcome in UTF-8 (or Windows-1252), but"
                            + " the file holds bytes that are text in neither: is it a CSV?");
                }
            }
        } catch (CsvParseException e) {
            throw new InvalidInputException(name, "a well-formed delimited text file (term, outcome)");
        }
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> m = new HashMap<>();
        Map<String, Integer> rowOf = new HashMap<>();
        List<Term> terms = new ArrayList<>();
        int row = 0;
        String[] column = {"1", "2"}; // as the header names the two columns, else by number
        for (CsvRecord r : records) {
            row++;
            if (row == 1) { // the header
                for (int j = 0; j < 2 && j < r.getFieldCount(); j++) {
                    String h = r.getField(j).strip();
                    column[j] = h.isEmpty() ? column[j] : h;
                }
                continue;
            }
            List<String> f = r.getFields();
            if (f.stream().allMatch(String::isBlank)) {
                continue;
            }
            String term = f.get(0).strip();
            String outcome = f.size() > 1 ? f.get(1).strip() : "";
            if (term.isEmpty() || outcome.isEmpty()) {
                problems.add(new InputProblem(name, row, column[term.isEmpty() ? 0 : 1], term.isEmpty() ? "" : outcome,
                        "a term and the outcome to pool it under, in the first two columns"));
                continue;
            }
            String key = OutcomeNames.key(term);
            String before = m.putIfAbsent(key, outcome);
            if (before != null && !OutcomeNames.key(before).equals(OutcomeNames.key(outcome))) {
                problems.add(new InputProblem(name, row, column[1], outcome, "one outcome per term, but row "
                        + rowOf.get(key) + " maps '" + term + "' to '" + before + "'"));
            }
            if (rowOf.putIfAbsent(key, row) == null) {
                terms.add(new Term(term, row));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, problems.size());
        }
        if (m.isEmpty()) {
            throw new InvalidInputException(name, "a header row and at least one row of term, outcome");
        }
        return new OutcomeMap(Map.copyOf(m), List.copyOf(terms), name);
    }

    private static List<CsvRecord> read(Path file, CsvDialect d) throws IOException {
        List<CsvRecord> out = new ArrayList<>();
        try (var in = Files.newInputStream(file)) {
            in.skipNBytes(d.bomBytes());
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, d.strictDecoder()));
            if (d.sepLine()) {
                reader.readLine();
            }
            try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(d.separator())
                    .ignoreDifferentFieldCount(true).ofCsvRecord(reader)) {
                for (CsvRecord r : csv) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}

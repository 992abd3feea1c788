package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sheets of a workbook of one adverse event per sheet ({@link SheetChoice}), each validated on its own (so that
 * its problems and notices name the sheet), joined into one extraction sheet: the rows in sheet order, the columns
 * the union of the sheets' (a known column under whichever alias each sheet gives it; another column by its name),
 * blank where a sheet has no such column. Row numbers stay those of each row's own sheet, whose name the outcome
 * carries. Outcomes of two sheets that differ only in case, spacing or punctuation are one, and a study with a row in
 * two sheets of one outcome (after {@code --outcome-map}) is refused as a duplicate.
 */
final class SheetParts {

    private SheetParts() {
    }

    /**
     * Finishes every part and joins them; the problems of all parts are reported together.
     *
     * @param file the workbook's file name, as the joined sheet names its file
     */
    static ExtractionSheet join(String file, List<SheetValidator> parts) throws InvalidInputException {
        List<ExtractionSheet> sheets = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        int total = 0;
        for (SheetValidator part : parts) {
            try {
                sheets.add(part.finish());
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
                total += e.total();
            }
        }
        if (total > 0) {
            throw new InvalidInputException(problems.subList(0, Math.min(problems.size(),
                    SheetValidator.MAX_PROBLEMS)), total);
        }
        return join(file, sheets, duplicatesRefused(file, sheets));
    }

    private static ExtractionSheet join(String file, List<ExtractionSheet> sheets, List<Notice> outcomeNotices) {
        // the union of the columns: a known field by its field, another column by its name's key
        Map<String, Integer> union = new LinkedHashMap<>();
        List<String> unionNames = new ArrayList<>();
        List<int[]> columnOf = new ArrayList<>(); // per sheet, the union index of each of its columns
        Map<Field, Integer> fieldColumns = new java.util.EnumMap<>(Field.class);
        for (ExtractionSheet s : sheets) {
            Map<Integer, Field> fieldAt = new HashMap<>();
            s.fieldColumns().forEach((f, j) -> fieldAt.put(j, f));
            int[] to = new int[s.columns().size()];
            for (int j = 0; j < to.length; j++) {
                Field f = fieldAt.get(j);
                String name = s.columns().get(j).name();
                String key = f != null ? "\u0000" + f.name() : Field.headerKey(name);
                Integer u = union.get(key);
                if (u == null) {
                    u = union.size();
                    union.put(key, u);
                    unionNames.add(name);
                    if (f != null) {
                        fieldColumns.put(f, u);
                    }
                }
                to[j] = u;
            }
            columnOf.add(to);
        }
        int n = 0;
        for (ExtractionSheet s : sheets) {
            n += s.size();
        }
        List<TextColumnBuilder> columns = new ArrayList<>();
        for (String name : unionNames) {
            TextColumnBuilder b = new TextColumnBuilder(name);
            b.reserve(n);
            columns.add(b);
        }
        TextColumnBuilder study = new TextColumnBuilder(sheets.get(0).study().name());
        TextColumnBuilder route = new TextColumnBuilder(sheets.get(0).route().name());
        TextColumnBuilder source = new TextColumnBuilder(sheets.get(0).cellSource().name());
        SheetCounts counts = new SheetCounts(n);
        List<Notice> notices = new ArrayList<>();
        int at = 0;
        for (int p = 0; p < sheets.size(); p++) {
            ExtractionSheet s = sheets.get(p);
            int[] to = columnOf.get(p);
            boolean[] has = new boolean[columns.size()];
            for (int u : to) {
                has[u] = true;
            }
            for (int i = 0; i < s.size(); i++) {
                for (int u = 0; u < columns.size(); u++) {
                    if (!has[u]) {
                        columns.get(u).add("");
                    }
                }
                for (int j = 0; j < to.length; j++) {
                    columns.get(to[j]).add(s.columns().get(j).get(i));
                }
                study.add(s.study().get(i));
                route.add(s.route().get(i));
                source.add(s.cellSource().get(i));
                counts.copy(at++, s, i);
            }
            notices.addAll(s.notices());
        }
        notices.addAll(outcomeNotices);
        List<TextColumn> built = new ArrayList<>();
        for (TextColumnBuilder b : columns) {
            built.add(b.build());
        }
        return counts.sheet(file, study.build(), outcomes(sheets), route.build(), source.build(), built, fieldColumns,
                notices);
    }

    /** The outcome of every row, the outcomes of sheets that differ only in case, spacing or punctuation one. */
    private static TextColumn outcomes(List<ExtractionSheet> sheets) {
        TextColumnBuilder b = new TextColumnBuilder(sheets.get(0).outcome().name());
        Map<String, String> byKey = new HashMap<>();
        for (ExtractionSheet s : sheets) {
            for (int i = 0; i < s.size(); i++) {
                String o = s.outcome().get(i);
                b.add(byKey.computeIfAbsent(OutcomeNames.key(o), k -> o));
            }
        }
        return b.build();
    }

    /**
     * Notices of sheets whose outcomes are one, and the problems of a study with rows in two sheets of one outcome
     * (which would count its participants twice), thrown.
     */
    private static List<Notice> duplicatesRefused(String file, List<ExtractionSheet> sheets)
            throws InvalidInputException {
        Map<String, String> firstName = new LinkedHashMap<>();
        Map<String, List<String>> variants = new LinkedHashMap<>();
        Map<String, String> firstRow = new HashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (ExtractionSheet s : sheets) {
            TextColumn trial = s.raw(Field.TRIAL_ID);
            String studyHeader = s.columns().get(s.fieldColumns().get(Field.STUDY)).name();
            for (int i = 0; i < s.size(); i++) {
                String outcome = s.outcome().get(i);
                String key = OutcomeNames.key(outcome);
                String first = firstName.putIfAbsent(key, outcome);
                if (first != null && !first.equals(outcome)) {
                    List<String> v = variants.computeIfAbsent(key, x -> new ArrayList<>());
                    if (!v.contains(outcome)) {
                        v.add(outcome);
                    }
                }
                String row = s.study().get(i).toLowerCase(Locale.ROOT) + "\u0000" + s.year()[i] + "\u0000"
                        + (trial == null ? "" : trial.get(i).toLowerCase(Locale.ROOT)) + "\u0000" + key;
                String where = (s.file().startsWith(file + ", ") ? s.file().substring(file.length() + 2) : s.file())
                        + " row " + s.rowNumber()[i];
                String before = firstRow.putIfAbsent(row, where);
                if (before != null && problems.size() < SheetValidator.MAX_PROBLEMS) {
                    problems.add(new InputProblem(s.file(), s.rowNumber()[i], studyHeader, s.study().get(i),
                            "one row per study and outcome, but " + before + " has the same study, year, trial_id"
                            + " and outcome ('" + firstName.get(key) + "')"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, problems.size());
        }
        List<Notice> notices = new ArrayList<>();
        variants.forEach((key, names) -> notices.add(new Notice("outcome_names", firstName.get(key), file + ": outcome names"
                + " that differ only in case, spacing or punctuation are one outcome, '" + firstName.get(key) + "': '"
                + String.join("', '", names) + "'")));
        return notices;
    }
}

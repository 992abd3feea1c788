package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sheet of one row per arm, as arm-level extraction forms and metafor's "long" format have it: a column naming the
 * arm ("MSC", "Placebo"), a column of its participants with the event and one of its participants, and no
 * events_msc or n_msc column. Every row is first validated as an arm of its own (its counts under the sheet's own
 * column names and row numbers); then the MSC and control rows of each study and outcome (study, year, trial id and
 * outcome alike; an arm without a year takes the one year its study's other arms give) are paired into one row,
 * numbered as its MSC arm's. A study with an MSC arm only is single-arm.
 * Refused: an arm whose label is neither an MSC nor a control arm's, two MSC (or two control) arms of one study and
 * outcome (a trial of several doses belongs in one row: Cochrane Handbook, section 23.3.4), a control arm without
 * an MSC arm.
 *
 * @param arm    the arm column's index in the sheet
 * @param events the index of the arm's participants with the event
 * @param total  the index of the arm's participants
 */
record ArmRows(int arm, int events, int total) {

    /** Names of the arm column (header keys). */
    private static final Set<String> ARM = Set.of("arm", "arms", "group", "arm_group", "study_arm", "arm_type",
            "treatment_arm", "allocation", "allocated_to", "arm_label", "arm_name", "group_name");
    /** Names of the arm's participants with the event. */
    private static final Set<String> EVENTS = Set.of("events", "n_events", "number_of_events", "cases", "affected",
            "n_affected", "subjects_affected", "patients_with_event", "participants_with_event", "with_event", "r");
    /** Names of the arm's participants. */
    private static final Set<String> TOTAL = Set.of("n", "total", "n_total", "participants", "sample_size",
            "n_randomised", "n_randomized", "n_analysed", "n_analyzed", "subjects_at_risk", "at_risk",
            "number_at_risk", "denominator", "n_arm", "arm_n", "arm_total");

    /**
     * Words of a label: of a control arm whatever else it says ("active control"), of an MSC arm, and of a control arm
     * unless it names MSCs too ("MSC plus standard care").
     */
    private static final Set<String> CONTROL_WORDS = Set.of("control", "controls", "placebo", "sham", "vehicle",
            "untreated");
    private static final Set<String> MSC_WORDS = Set.of("msc", "mscs", "mesenchymal", "stem", "stromal",
            "experimental", "intervention", "treatment", "treated", "active", "cell", "cells");
    private static final Set<String> CARE_WORDS = Set.of("usual", "standard", "saline", "conventional", "comparator",
            "soc", "supportive", "care");

    /** The arm layout of a header, or null when the sheet is not laid out so. */
    static ArmRows of(String[] header) {
        int arm = -1;
        int events = -1;
        int total = -1;
        int lowerN = -1;
        int upperN = -1;
        for (int j = 0; j < header.length; j++) {
            Field f = Field.forHeader(header[j]);
            if (f == Field.EVENTS_MSC || f == Field.N_MSC || f == Field.EVENTS_CONTROL || f == Field.N_CONTROL) {
                return null;
            }
            String key = Field.headerKey(header[j]);
            String written = header[j] == null ? "" : Blanks.strip(header[j]);
            if (written.equals("n") && lowerN < 0) {
                lowerN = j;
            } else if (written.equals("N") && upperN < 0) {
                upperN = j;
            }
            if (arm < 0 && ARM.contains(key)) {
                arm = j;
            } else if (events < 0 && EVENTS.contains(key)) {
                events = j;
            } else if (total < 0 && TOTAL.contains(key)) {
                total = j;
            }
        }
        if (events < 0 && lowerN >= 0 && upperN >= 0) {
            events = lowerN; // "n" and "N": n/N, as papers write an arm's counts
            total = upperN;
        }
        return arm >= 0 && events >= 0 && total >= 0 && ArmCells.of(header) == null
                ? new ArmRows(arm, events, total) : null;
    }

    /** Whether an arm's label names an MSC arm (1), a control arm (0), or neither (-1). */
    static int kind(String label) {
        String k = Field.headerKey(label);
        if (k.isEmpty()) {
            return -1;
        }
        if (k.startsWith("no_") || k.startsWith("non_") || k.startsWith("without_")) {
            return 0; // "no MSC", "non-MSC"
        }
        List<String> words = List.of(k.split("_"));
        if (words.stream().anyMatch(CONTROL_WORDS::contains)) {
            return 0;
        }
        if (words.stream().anyMatch(w -> MSC_WORDS.contains(w) || w.endsWith("msc") || w.endsWith("mscs"))) {
            return 1;
        }
        return words.stream().anyMatch(CARE_WORDS::contains) ? 0 : -1;
    }

    /**
     * The arms of each study and outcome paired into one row.
     *
     * @param s    the sheet validated arm by arm (the arm's counts in its events_msc and n_msc)
     * @param file how problems and notices name the sheet
     */
    ExtractionSheet pair(ExtractionSheet s, String file) throws InvalidInputException {
        TextColumn labels = s.columns().get(arm);
        String armHeader = labels.name();
        List<InputProblem> problems = new ArrayList<>();
        TextColumn trial = s.raw(Field.TRIAL_ID);
        Map<String, int[]> groups = new LinkedHashMap<>(); // key -> {MSC row index, control row index}
        // the years given in each study's arms: an arm without one takes its study's only year (the year typed on
        // the first arm of a study, as the study's label often is)
        Map<String, Set<Integer>> years = new java.util.HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.year()[i] != ExtractionSheet.NO_YEAR) {
                years.computeIfAbsent(base(s, trial, i), k -> new java.util.HashSet<>()).add(s.year()[i]);
            }
        }
        for (int i = 0; i < s.size(); i++) {
            int kind = kind(labels.get(i));
            int row = s.rowNumber()[i];
            if (kind < 0) {
                problems.add(new InputProblem(file, row, armHeader, labels.get(i), "the arm: an MSC arm (MSC,"
                        + " experimental, intervention, treatment, ...) or a control arm (control, placebo, standard"
                        + " care, ...)"));
                continue;
            }
            String key = base(s, trial, i) + "\u0000" + year(s, trial, i, years);
            int[] g = groups.computeIfAbsent(key, x -> new int[] {-1, -1});
            int slot = kind == 1 ? 0 : 1;
            if (g[slot] >= 0) {
                problems.add(new InputProblem(file, row, armHeader, labels.get(i), "one "
                        + (kind == 1 ? "MSC" : "control") + " arm per study and outcome, but row " + s.rowNumber()[g[slot]] + " is one of "
                        + s.study().get(i) + " for " + s.outcome().get(i) + " too" + (kind == 1 ? " (a trial of"
                        + " several MSC arms belongs in one row: sum their events and participants, Cochrane Handbook"
                        + " 23.3.4)" : "")));
            } else {
                g[slot] = i;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int[] g : groups.values()) {
            if (g[0] < 0 && g[1] >= 0) {
                problems.add(new InputProblem(file, s.rowNumber()[g[1]], armHeader, labels.get(g[1]), "an MSC arm"
                        + " of the same study, year, trial_id and outcome as this control arm ('" + s.study().get(g[1])
                        + "', '" + s.outcome().get(g[1]) + "'), but the sheet has none"));
            } else if (g[0] >= 0) {
                pairs.add(g);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(InputProblem::row));
            throw new InvalidInputException(problems.subList(0, Math.min(problems.size(), SheetValidator.MAX_PROBLEMS)),
                    problems.size());
        }
        return paired(s, file, pairs);
    }

    /** The study, trial id and outcome of row {@code i}, as the arms of one study share them. */
    private static String base(ExtractionSheet s, TextColumn trial, int i) {
        return Blanks.studyKey(s.study().get(i)) + "\u0000"
                + (trial == null ? "" : Blanks.labelKey(trial.get(i))) + "\u0000"
                + OutcomeNames.key(s.outcome().get(i));
    }

    /** Row {@code i}'s year, or, when it has none, the one year the other arms of its study give. */
    private static int year(ExtractionSheet s, TextColumn trial, int i, Map<String, Set<Integer>> years) {
        Set<Integer> given = years.get(base(s, trial, i));
        return s.year()[i] == ExtractionSheet.NO_YEAR && given != null && given.size() == 1 ? given.iterator().next()
                : s.year()[i];
    }

    private ExtractionSheet paired(ExtractionSheet s, String file, List<int[]> pairs) {
        int n = pairs.size();
        int[] msc = new int[n];
        SheetCounts counts = new SheetCounts(n);
        String[] controlEvents = new String[n];
        String[] controlTotal = new String[n];
        String[] controlLabel = new String[n];
        int singleArm = 0;
        for (int p = 0; p < n; p++) {
            int i = pairs.get(p)[0];
            int c = pairs.get(p)[1];
            msc[p] = i;
            counts.copy(p, s, i); // the MSC arm's, whose counts are its events_msc and n_msc; then its control arm's
            counts.eventsControl[p] = c < 0 ? -1 : s.eventsMsc()[c];
            counts.nControl[p] = c < 0 ? -1 : s.nMsc()[c];
            counts.year[p] = s.year()[i] != ExtractionSheet.NO_YEAR || c < 0 ? s.year()[i] : s.year()[c];
            controlEvents[p] = c < 0 ? "" : s.columns().get(events).get(c);
            controlTotal[p] = c < 0 ? "" : s.columns().get(total).get(c);
            controlLabel[p] = c < 0 ? "" : s.columns().get(arm).get(c);
            singleArm += c < 0 ? 1 : 0;
        }
        List<TextColumn> columns = new ArrayList<>();
        for (TextColumn c : s.columns()) {
            columns.add(subset(c, msc));
        }
        columns.add(column(s.columns().get(arm).name() + " (control)", controlLabel)); // a subgroup variable
        columns.add(column(s.columns().get(events).name() + " (control)", controlEvents));
        columns.add(column(s.columns().get(total).name() + " (control)", controlTotal));
        Map<Field, Integer> fields = new EnumMap<>(s.fieldColumns());
        fields.put(Field.EVENTS_CONTROL, columns.size() - 2);
        fields.put(Field.N_CONTROL, columns.size() - 1);
        List<Notice> notices = new ArrayList<>(s.notices());
        notices.add(new Notice("columns", null, file + ": one row per arm (column '" + s.columns().get(arm).name()
                + "', the participants with the event in '" + s.columns().get(events).name() + "', the arm's"
                + " participants in '" + s.columns().get(total).name() + "'): the MSC and control arms of each study and outcome were paired into one row, numbered as its"
                + " MSC arm's: " + Notice.count(s.size(), "arm", "arms") + " into " + Notice.count(n, "row", "rows")
                + (singleArm == 0 ? "" : ", " + singleArm + " of them single-arm (an MSC arm only)")));
        return counts.sheet(s.file(), subset(s.study(), msc), subset(s.outcome(), msc), subset(s.route(), msc),
                subset(s.cellSource(), msc), columns, fields, notices);
    }

    /** The rows {@code rows} of a column, its levels those they use, in order of first use. */
    private static TextColumn subset(TextColumn c, int[] rows) {
        TextColumnBuilder b = new TextColumnBuilder(c.name());
        for (int i : rows) {
            b.add(c.get(i));
        }
        return b.build();
    }

    private static TextColumn column(String name, String[] values) {
        TextColumnBuilder b = new TextColumnBuilder(name);
        for (String v : values) {
            b.add(v);
        }
        return b.build();
    }
}

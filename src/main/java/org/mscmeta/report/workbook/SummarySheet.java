package org.mscmeta.report.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.report.Formats;
import org.mscmeta.report.ModelWords;

/**
 * The Summary sheet: one row per outcome and subgroup, every value a number in its own column (the models named
 * in the headings), then the tests for subgroup differences. It prints landscape on A4, two pages wide at most,
 * with the heading row and the outcome and subgroup columns repeated on every page.
 */
final class SummarySheet {

    private SummarySheet() {
    }

    /**
     * One column: heading, width in characters, its value (a number, NaN for none; or text) per analysis, and where an
     * overall row finds that value on its outcome's sheet (null where the sheet does not show it).
     */
    private record Column(String head, int width, Function<Analysis, Object> value, Function<Cells, CellStyle> style,
                          Link link) {
        Column(String head, int width, Function<Analysis, Object> value, Function<Cells, CellStyle> style) {
            this(head, width, value, style, null);
        }
    }

    /** The formula giving an overall row's value from its outcome's sheet, or null where that sheet has none. */
    @FunctionalInterface
    private interface Link {
        /** {@code sheet} is the outcome sheet's quoted name with its "!". */
        String formula(OutcomeSheet.Places at, String sheet);

        /** A column of the study table, summed. */
        static Link sum(OutcomeSheet.Col c) {
            return (at, sheet) -> "SUM(" + sheet + at.studies(c) + ")";
        }

        /** A cell of the common-effect row. */
        static Link common(int col) {
            return (at, sheet) -> at.common(col) == null ? null : sheet + at.common(col);
        }

        /** A cell of the random-effects row. */
        static Link random(int col) {
            return (at, sheet) -> at.random(col) == null ? null : sheet + at.random(col);
        }
    }

    /** The heading of the column of reasons why a row's values are not estimable. */
    private static final String REASONS = "Not estimable";

    private static List<Column> columns(Settings s) {
        String m = ModelWords.shortName(s.measure());
        List<Column> c = new ArrayList<>();
        c.add(new Column("Outcome", 34, Analysis::outcome, null));
        c.add(new Column("Subgroup variable", 14, a -> a.subgroup() == null ? "(overall)" : a.subgroup().variable(),
                null));
        c.add(new Column("Subgroup", 18, a -> a.subgroup() == null ? "" : a.subgroup().level(), null));
        // a proportion pools the MSC arm alone: no control arm, no double-zero studies, and no null hypothesis to
        // test (the console and the plots show no p for it either)
        boolean comparative = !s.measure().isProportion();
        c.add(new Column("k", 5, a -> (double) a.k(), w -> w.intStyle));
        if (comparative) {
            c.add(new Column("Double-zero studies excluded", 9, a -> (double) a.kDoubleZeroExcluded(),
                    w -> w.intStyle));
        }
        c.add(new Column("MSC events", 8, a -> (double) a.eventsMsc(), w -> w.intStyle, Link.sum(OutcomeSheet.Col.A)));
        c.add(new Column("MSC total", 8, a -> (double) a.nMsc(), w -> w.intStyle, Link.sum(OutcomeSheet.Col.N1)));
        if (comparative) {
            c.add(new Column("Control events", 8, a -> (double) a.eventsControl(), w -> w.intStyle,
                    Link.sum(OutcomeSheet.Col.C)));
            c.add(new Column("Control total", 8, a -> (double) a.nControl(), w -> w.intStyle,
                    Link.sum(OutcomeSheet.Col.N2)));
        }
        String common = "Common " + m + " (" + ModelWords.commonMethod(s) + ")";
        c.add(new Column(common, 12, a -> a.common().estimate(), w -> w.est, Link.common(OutcomeSheet.P_EST)));
        c.add(new Column("CI lower", 9, a -> a.common().ciLower(), w -> w.est, Link.common(OutcomeSheet.P_LO)));
        c.add(new Column("CI upper", 9, a -> a.common().ciUpper(), w -> w.est, Link.common(OutcomeSheet.P_HI)));
        if (comparative) {
            c.add(new Column("p", 8, a -> a.common().p(), w -> w.pStyle, Link.common(OutcomeSheet.P_P)));
        }
        if (s.tau2() != null) {
            c.add(new Column("Random " + m + " (" + ModelWords.randomMethod(s) + ")", 12,
                    a -> a.random().estimate(), w -> w.est, Link.random(OutcomeSheet.P_EST)));
            c.add(new Column("CI lower", 9, a -> a.random().ciLower(), w -> w.est, Link.random(OutcomeSheet.P_LO)));
            c.add(new Column("CI upper", 9, a -> a.random().ciUpper(), w -> w.est, Link.random(OutcomeSheet.P_HI)));
            if (comparative) {
                c.add(new Column("p", 8, a -> a.random().p(), w -> w.pStyle, Link.random(OutcomeSheet.P_P)));
            }
            c.add(new Column("Tau\u00b2", 9, a -> a.random().tau2(), w -> w.num4, Link.random(OutcomeSheet.P_TAU2)));
        }
        c.add(new Column("I\u00b2 (%)", 7, a -> a.heterogeneity() == null ? Double.NaN : a.heterogeneity().i2(),
                w -> w.pct, Link.common(OutcomeSheet.P_I2)));
        c.add(new Column("Q", 9, a -> a.heterogeneity() == null ? Double.NaN : a.heterogeneity().q(), w -> w.num4,
                Link.common(OutcomeSheet.P_Q)));
        c.add(new Column("df", 5, a -> a.heterogeneity() == null ? Double.NaN : (double) a.heterogeneity().df(),
                w -> w.intStyle, Link.common(OutcomeSheet.P_DF)));
        c.add(new Column("p (Q)", 8, a -> a.heterogeneity() == null ? Double.NaN : a.heterogeneity().p(),
                w -> w.pStyle, Link.common(OutcomeSheet.P_QP)));
        if (s.tau2() != null) {
            c.add(new Column("Prediction lower", 10, a -> a.random().piLower(), w -> w.est,
                    Link.random(OutcomeSheet.P_PI_LO)));
            c.add(new Column("Prediction upper", 10, a -> a.random().piUpper(), w -> w.est,
                    Link.random(OutcomeSheet.P_PI_HI)));
        }
        if (comparative) {
            c.add(new Column("Incidence in MSC recipients (all trials)", 12, a -> a.incidence() == null
                    ? Double.NaN : a.incidence().random().estimate(), w -> w.est));
            c.add(new Column("CI lower", 9, a -> a.incidence() == null ? Double.NaN
                    : a.incidence().random().ciLower(), w -> w.est));
            c.add(new Column("CI upper", 9, a -> a.incidence() == null ? Double.NaN
                    : a.incidence().random().ciUpper(), w -> w.est));
            c.add(new Column("Trials in incidence (incl. single-arm)", 10, a -> a.incidence() == null ? Double.NaN
                    : (double) a.incidence().k(), w -> w.intStyle));
        }
        c.add(new Column(REASONS, 40, a -> reasons(a, s), null));
        return c;
    }

    /** The false-discovery columns of an outcome's overall row (blank on subgroup rows). */
    private static List<Column> falseDiscovery(Results r) {
        var f = r.falseDiscovery();
        List<Column> c = new ArrayList<>();
        java.util.Map<String, org.mscmeta.analysis.FalseDiscovery.Row> byOutcome = new java.util.HashMap<>();
        for (var o : f.outcomes()) {
            byOutcome.put(o.outcome(), o);
        }
        java.util.function.Function<Analysis, org.mscmeta.analysis.FalseDiscovery.Row> row = a -> a.subgroup() == null
                ? byOutcome.get(a.outcome()) : null;
        c.add(new Column("p (model shown)", 8, a -> row.apply(a) == null ? Double.NaN : row.apply(a).p(),
                w -> w.pStyle));
        c.add(new Column("p, Benjamini-Hochberg across outcomes", 12, a -> row.apply(a) == null ? Double.NaN
                : row.apply(a).bh(), w -> w.pStyle));
        c.add(new Column("Flagged (BH at " + Formats.plain(f.alpha2()) + ")", 9, a -> row.apply(a) == null ? ""
                : row.apply(a).bhFlagged() ? "yes" : "no", null));
        if (f.column() != null) {
            c.add(new Column("Organ system", 20, a -> row.apply(a) == null || row.apply(a).organSystem() == null ? ""
                    : row.apply(a).organSystem(), null));
            c.add(new Column("Double FDR: p within system", 10, a -> row.apply(a) == null ? Double.NaN
                    : row.apply(a).withinSystem(), w -> w.pStyle));
            c.add(new Column("Double FDR: system p", 10, a -> row.apply(a) == null ? Double.NaN
                    : row.apply(a).systemAdjusted(), w -> w.pStyle));
            c.add(new Column("Double FDR: flagged (systems at " + Formats.plain(f.alpha1()) + ", terms at "
                    + Formats.plain(f.alpha2()) + ")", 12,
                    a -> row.apply(a) == null || row.apply(a).organSystem() == null ? ""
                    : row.apply(a).flagged() ? "yes" : "no", null));
        }
        return c;
    }

    /**
     * Why a model's estimate does not exist, in words, for each model whose estimate does not; and where the heading
     * names Hartung-Knapp, a random-effects model of one study, whose interval is its own z one, and one of studies
     * of identical effects, which has no test; and why a random-effects model has no prediction interval.
     */
    private static String reasons(Analysis a, Settings s) {
        List<String> out = new ArrayList<>();
        if (!a.common().isEstimable() && a.common().notEstimable() != null) {
            out.add("common effect: " + Formats.notEstimable(a.common().notEstimable()));
        }
        if (!a.random().isEstimable() && a.random().notEstimable() != null && !a.random().notAsked()
                && !a.random().notEstimable().equals(a.common().notEstimable())) {
            out.add("random effects: " + Formats.notEstimable(a.random().notEstimable()));
        }
        String ownZ = ModelWords.ownZIntervalInRow(s, a.random());
        if (ownZ != null) {
            out.add("random effects: " + ownZ);
        }
        if (a.random().testNotEstimable() != null) {
            out.add("random effects: " + org.mscmeta.analysis.RandomResult.HK_IDENTICAL);
        }
        if (a.random().predictionNotEstimable() != null) {
            // the blank prediction cells' reason, in the console's short form ("k < 3")
            out.add(Formats.predictionNotEstimable(a.random().predictionNotEstimable()));
        }
        return String.join("; ", out);
    }

    /**
     * The between-subgroup Q of a test for subgroup differences ({@link org.mscmeta.pool.SubgroupTest}) as a formula
     * of the subgroups' pooled cells on their outcome's sheet (estimate and standard error on the analysis scale, of
     * the test's model): {@code sum(L^2/S^2) - sum(L/S^2)^2 / sum(1/S^2)}, the sum of squares around their
     * inverse-variance mean, over the subgroups whose estimate enters the test ({@code blocks}: the subgroup
     * analyses of the test's outcome that have a block); null where a subgroup has no block (registry scale) or the
     * formula would pass a spreadsheet's length.
     */
    private static String betweenQ(SubgroupComparison c, List<Analysis> blocks,
                                   java.util.Map<Analysis, OutcomeSheet.Placed> placed) {
        boolean random = "random".equals(c.model());
        StringBuilder squares = new StringBuilder();
        StringBuilder sum = new StringBuilder();
        StringBuilder weights = new StringBuilder();
        int levels = 0;
        for (Analysis a : blocks) {
            if (!a.subgroup().variable().equals(c.variable()) || !a.entersSubgroupTest(random)) {
                continue;
            }
            OutcomeSheet.Placed p = placed.get(a);
            String estimate = p == null ? null : random ? p.at().random(OutcomeSheet.P_LOG)
                    : p.at().common(OutcomeSheet.P_LOG);
            if (estimate == null) {
                return null;
            }
            String sheet = SheetNames.reference(p.sheet());
            String l = sheet + estimate;
            String se = sheet + (random ? p.at().random(OutcomeSheet.P_SE) : p.at().common(OutcomeSheet.P_SE));
            String sep = levels++ == 0 ? "" : "+";
            squares.append(sep).append(l).append("^2/").append(se).append("^2");
            sum.append(sep).append(l).append("/").append(se).append("^2");
            weights.append(sep).append("1/").append(se).append("^2");
        }
        String f = squares + "-(" + sum + ")^2/(" + weights + ")";
        return levels == c.df() + 1 && f.length() < 8000 ? f : null;
    }

    /**
     * Writes the sheet. A row's values that its outcome's sheet shows ({@code placed}: analysis to its sheet and rows;
     * a subgroup's in its block there) are formulas referring to them, with the same values cached: a count edited
     * there changes the Summary too, and so do the tests for subgroup differences ({@code blocks}: each outcome's
     * overall analysis to its subgroup analyses that have a block). The values no outcome sheet shows are the numbers
     * mscmeta computed.
     */
    static void write(Cells w, Results r, java.util.Map<Analysis, OutcomeSheet.Placed> placed,
                      java.util.Map<Analysis, List<Analysis>> blocks) {
        java.util.Map<String, List<Analysis>> byOutcome = new java.util.HashMap<>();
        blocks.forEach((overall, levels) -> byOutcome.put(overall.outcome(), levels));
        Sheet s = w.wb.createSheet(Workbook.SUMMARY);
        List<Column> cols = new ArrayList<>(columns(r.settings()));
        if (r.falseDiscovery() != null && r.falseDiscovery().tested() > 0) { // none for proportions
            cols.addAll(cols.size() - 1, falseDiscovery(r));
        }
        String[] heads = cols.stream().map(Column::head).toArray(String[]::new);
        w.headerRow(s, 0, heads);
        s.getRow(0).setHeightInPoints(58);
        int row = 1;
        // each column as wide as its header asks, or as its widest number of four decimals (a Q of 133.5580
        // showed as "###" in the five characters of the k column, above which the tests' Q column lies)
        int[] widths = cols.stream().mapToInt(Column::width).toArray();
        for (Analysis a : r.analyses()) {
            Row x = s.createRow(row++);
            OutcomeSheet.Placed p = placed.get(a);
            String sheet = p == null ? null : SheetNames.reference(p.sheet());
            OutcomeSheet.Places at = p == null ? null : p.at();
            for (int j = 0; j < cols.size(); j++) {
                Column col = cols.get(j);
                Object v = col.value().apply(a);
                if (v instanceof Double d && col.style() != null && col.style().apply(w) == w.num4) {
                    widths[j] = Math.max(widths[j], fourDecimalsWidth(d));
                }
                String f = v instanceof Double d && Double.isFinite(d) && at != null && col.link() != null
                        ? col.link().formula(at, sheet) : null;
                if (f != null) {
                    w.formula(x, j, f, col.style().apply(w), (Double) v);
                } else if (v instanceof Double d) {
                    w.number(x, j, d, col.style().apply(w));
                } else if (col.head().equals(REASONS) && !((String) v).isEmpty()) {
                    // wrapped in their column: run on to the right, the reasons were cut at the edge of the printed
                    // page and went on, alone, on the next
                    w.wrapped(x, j, (String) v, col.width());
                } else {
                    w.text(x, j, (String) v);
                }
            }
        }
        int last = Math.max(row - 1, 1);
        s.setAutoFilter(new CellRangeAddress(0, last, 0, heads.length - 1));
        s.createFreezePane(3, 1);
        row += 2;
        Row t = s.createRow(row++);
        w.cell(t, 0, "Tests for subgroup differences", w.bold);
        w.headerRow(s, row++, new String[] {"Outcome", "Subgroup variable", "Model", "Q (Chi\u00b2)", "df", "p",
            "I\u00b2 (%)"});
        int modelWidth = cols.get(2).width();
        for (SubgroupComparison c : r.subgroupTests()) {
            Row x = s.createRow(row++);
            w.text(x, 0, c.outcome());
            w.text(x, 1, c.variable());
            String model = ModelWords.model(c.model(), r.settings());
            w.text(x, 2, model);
            modelWidth = Math.max(modelWidth, model.length() + 1);
            widths[3] = Math.max(widths[3], fourDecimalsWidth(c.q()));
            String q = betweenQ(c, byOutcome.getOrDefault(c.outcome(), List.of()), placed);
            if (q != null && Double.isFinite(c.q())) {
                // live on the subgroups' pooled cells, as the pooled rows themselves
                String at = "$D$" + (x.getRowNum() + 1);
                w.formula(x, 3, q, w.num4, c.q());
                w.number(x, 4, c.df(), w.intStyle);
                w.formula(x, 5, "CHIDIST(" + at + "," + c.df() + ")", w.pStyle, c.p());
                w.formula(x, 6, "IF(" + at + ">0,100*MAX(0,(" + at + "-" + c.df() + ")/" + at + "),\"\")", w.pct,
                        c.i2());
            } else {
                w.number(x, 3, c.q(), w.num4);
                w.number(x, 4, c.df(), w.intStyle);
                w.number(x, 5, c.p(), w.pStyle);
                w.number(x, 6, c.i2(), w.pct);
            }
        }
        for (int j = 0; j < cols.size(); j++) {
            // the third column also names the model of each test for subgroup differences, in full
            s.setColumnWidth(j, (j == 2 ? Math.max(modelWidth, widths[j]) : widths[j]) * 256);
        }
        // printable: at most two pages wide, the heading row and the first three columns repeated
        Cells.printLayout(s, 2, "1:1", "A:C");
    }

    /**
     * The width, in characters, that {@code v} takes in a cell of four decimals ({@link Cells#num4}, "133.5580"),
     * with one to spare; 0 for a value not shown.
     */
    static int fourDecimalsWidth(double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        double rounded = Math.abs(v) + 0.00005;
        int whole = rounded < 10 ? 1 : (int) Math.floor(Math.log10(rounded)) + 1;
        return (v < 0 ? 1 : 0) + whole + 5 + 1;
    }
}

package org.mscmeta.report;

import static org.mscmeta.report.Formats.left;
import static org.mscmeta.report.Formats.right;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.sheet.Notice;

/**
 * The readable summary {@code analyze} prints: per outcome and subgroup, k, the common and random estimates
 * with their CI and p, tau2, I2 and the prediction interval; then the subgroup tests and the notices. At registry
 * scale, one line per outcome ({@link #brief}). Numbers in the
 * formats of {@link Formats}; a value that does not exist reads "not estimable", with the reason on the next line.
 */
public final class ConsoleSummary {

    private static final int MAX_NOTICES = 40;

    private ConsoleSummary() {
    }

    /** Prints the summary of {@code r} to {@code out}. */
    public static void print(Results r, PrintStream out) {
        out.print(text(r));
    }

    /** The summary of {@code r}, as {@link #print} prints it (lines ended by the platform's line separator). */
    public static String text(Results r) {
        java.io.StringWriter text = new java.io.StringWriter();
        write(r, new java.io.PrintWriter(text));
        return text.toString();
    }

    private static void write(Results r, java.io.PrintWriter out) {
        Settings s = r.settings();
        boolean ratio = s.measure().isRatio();
        out.printf(Locale.ROOT, "%s: %s; %s, %s%s, %s CI;%s conventions of %s%n",
                Terminal.safe(r.input()), Notice.count(r.rows(), "row", "rows"),
                s.measure().label() + (s.measure().isProportion() ? " among MSC recipients" : " (MSC vs control)"),
                ModelWords.common(s),
                s.tau2() == null ? "" : ", " + ModelWords.random(s),
                Formats.level(s.level()),
                s.tau2() == null ? "" : " prediction interval on " + s.prediction().words() + ";",
                s.convention().displayName());
        if (r.rows() > ResultsJson.PRETTY_MAX_ROWS) {
            brief(r, out);
            return;
        }
        String current = null;
        List<Analysis> all = r.analyses();
        for (int ai = 0; ai < all.size(); ai++) {
            Analysis a = all.get(ai);
            if (!a.outcome().equals(current)) {
                current = a.outcome();
                out.println();
                out.println(Terminal.safe(current));
                out.println(head("", s));
            }
            String label = a.subgroup() == null ? "Overall" : a.subgroup().variable() + ": " + a.subgroup().level();
            RandomResult rr = a.random();
            out.println(analysisRow(label, a, s));
            CommonResult c = a.common();
            if (c.isFitted() && c.k() != a.k()) {
                out.println("    " + ModelWords.commonMethod(s) + " pools " + Notice.count(c.k(), "table", "tables")
                        + "; " + a.k()
                        + (a.k() == 1 ? " has" : " have")
                        + " a study estimate (the others: " + a.withoutOwnEstimate() + ")");
            }
            if (!c.isFitted() && !rr.isFitted() && java.util.Objects.equals(c.notEstimable(), rr.notEstimable())) {
                out.println("    " + Formats.notEstimable(c.notEstimable()));
            } else {
                if (c.notEstimable() != null) {
                    out.println("    common effect: " + Formats.notEstimable(c.notEstimable()));
                }
                if (rr.notEstimable() != null && !rr.isEstimable() && !rr.notAsked()
                        && (rr.isFitted() || a.k() == 0)) {
                    out.println("    random effects: " + Formats.notEstimable(rr.notEstimable()));
                }
            }
            if (a.incidence() != null && a.incidence().random().isFitted()) {
                RandomResult i = a.incidence().random();
                out.println("  " + left("Incidence in MSC recipients", 28) + " "
                        + right(Integer.toString(a.incidence().k()), 4) + "  " + pct(i.estimate()) + " ["
                        + pct(i.ciLower()) + ", " + pct(i.ciUpper()) + "] (" + a.incidence().eventsMsc() + "/"
                        + a.incidence().nMsc() + " with the event, all trials incl. single-arm)");
            }
            int methodWidth = 34; // the labels in one column, the longest setting its width
            for (var z : a.zeroEvents()) {
                methodWidth = Math.max(methodWidth, z.method().length());
            }
            for (var z : a.zeroEvents()) {
                out.println("    zero-event sensitivity: " + left(z.method(), methodWidth) + " k="
                        + left(Integer.toString(z.k()), 4) + " " + z.measure() + " "
                        + (Double.isFinite(z.estimate()) ? Formats.interval(z.estimate(), z.ciLower(), z.ciUpper(),
                        org.mscmeta.effect.Measure.valueOf(z.measure()).isRatio()) + " (" + z.model() + ")"
                        : z.note()));
            }
            if (!a.zeroEvents().isEmpty()) {
                out.println("    " + ModelWords.zeroEventModels(s) + ".");
            }
            if (a.subgroup() == null) {
                summaryOfFindings(a, out);
                routeBySource(a, s, out);
                metaRegression(a, s, out);
            }
            if (a.subgroup() != null && isLastOfVariable(all, ai)) {
                printTests(r.subgroupTests(), a.outcome() + "\u0000" + a.subgroup().variable(), out);
            }
        }
        ending(r, out);
    }

    /**
     * At registry scale (results.json compact: more than {@link ResultsJson#PRETTY_MAX_ROWS} rows) one line per
     * outcome, its overall analysis: forty outcomes with their subgroups, sensitivity analyses and route x cell-source
     * matrices made 1,300 lines that scrolled past (and a tenth of the run's time); the files hold every one.
     */
    private static void brief(Results r, java.io.PrintWriter out) {
        Settings s = r.settings();
        out.println();
        out.println(head("Outcome (overall)", s));
        for (Analysis a : r.analyses()) {
            if (a.subgroup() != null) {
                continue;
            }
            out.println(analysisRow(a.outcome(), a, s));
        }
        out.println();
        out.println("One line per outcome (" + r.rows() + " rows): the subgroups, their tests, the incidence, the"
                + " sensitivity analyses, the summary of findings and route x cell source are in results.json (and the"
                + " workbook and plots when they are written).");
        ending(r, out);
    }

    /** What both summaries end with: the false-discovery flags and the notices. */
    private static void ending(Results r, java.io.PrintWriter out) {
        falseDiscovery(r, out);
        if (!r.notices().isEmpty()) {
            out.println();
            out.println("Notices:");
            List<Notice> ns = r.notices();
            for (int i = 0; i < Math.min(ns.size(), MAX_NOTICES); i++) {
                out.println("  - " + Terminal.safe(ns.get(i).message()));
            }
            if (ns.size() > MAX_NOTICES) {
                out.println("  ... and " + (ns.size() - MAX_NOTICES) + " more in results.json");
            }
        }
    }

    /** The outcome's summary of findings, per 1,000 people. */
    private static void summaryOfFindings(Analysis a, java.io.PrintWriter out) {
        var f = a.summaryOfFindings();
        if (f == null || f.model() == null) { // no summary of findings, or a proportion (MSC arms alone)
            return;
        }
        if (!f.isEstimable()) {
            out.println("  Per 1,000 people: not estimable: " + Terminal.safe(f.notEstimable()));
            return;
        }
        out.println("  Per 1,000 people: " + Formats.whole(1000 * f.controlRisk()) + " with control ("
                + f.controlRiskSource().words() + "), " + Formats.whole(f.mscPer1000()) + " ["
                + Formats.whole(f.mscLower()) + ", " + Formats.whole(f.mscUpper()) + "] with MSC; difference "
                + Formats.signedWhole(f.differencePer1000()) + " [" + Formats.signedWhole(f.differenceLower()) + ", "
                + Formats.signedWhole(f.differenceUpper()) + "]");
    }

    /** The meta-regression on the moderators asked for (--moderators): its test, residual tau2 and R2. */
    private static void metaRegression(Analysis a, Settings s, java.io.PrintWriter out) {
        var m = a.sensitivity() == null ? null : a.sensitivity().metaRegression();
        if (m == null) {
            if (a.sensitivity() != null && a.sensitivity().metaRegressionNotEstimable() != null) {
                out.println("  Meta-regression on " + Terminal.safe(String.join(", ", s.moderators())) + ": "
                        + Formats.notEstimable(a.sensitivity().metaRegressionNotEstimable()));
            }
            return;
        }
        out.println("  Meta-regression on " + Terminal.safe(String.join(", ", m.terms().subList(1, m.terms().size())))
                + " (k = " + m.k() + "): " + ModelWords.waldTest("QM", m.qm(), m.qmDf(), m.qeDf(), m.hksj(), " ",
                "p", m.qmP(), m.qmNotEstimable()) + "; residual tau2" + Formats.is(Formats.tau2(m.tau2()), " ")
                + (Double.isFinite(m.r2()) ? "; R2 = " + Formats.percent(m.r2(), 0) : ""));
    }

    /** The route x cell-source analysis: the combinations (when few) and the test of the interaction. */
    private static void routeBySource(Analysis a, Settings s, java.io.PrintWriter out) {
        var rs = a.routeBySource();
        if (rs == null) {
            return;
        }
        boolean ratio = s.measure().isRatio();
        out.println("  Route x cell source: " + Notice.count(rs.cells().size(), "combination", "combinations")
                + " with a study estimate" + (rs.withoutEstimate().isEmpty() ? "" : ", "
                + rs.withoutEstimate().size() + " with studies but no study estimate"));
        if (rs.cells().size() + rs.withoutEstimate().size() <= 9) {
            List<org.mscmeta.analysis.RouteBySource.Cell> all = new java.util.ArrayList<>(rs.cells());
            all.addAll(rs.withoutEstimate());
            for (var c : all) {
                out.println("    " + left(Terminal.safe(c.route() + " x " + c.source()), 44) + " k=" + left(
                        Integer.toString(c.k()), 4) + " " + (Double.isFinite(c.estimate()) ? Formats.interval(
                        c.estimate(), c.ciLower(), c.ciUpper(), ratio) : Formats.notEstimable(c.notEstimable())));
            }
        }
        var main = rs.mainEffects();
        out.println("    main effects: " + (main.isEstimable() ? ModelWords.waldTest("QM", main.qm(), main.qmDf(),
                main.qeDf(), s.hksj(), " ", "p", main.qmP(), main.qmNotEstimable()) + "; residual tau2"
                + Formats.is(Formats.tau2(main.tau2()), " ")
                : Formats.notEstimable(main.notEstimable())));
        var inter = rs.interaction();
        out.println("    interaction: " + (inter.isEstimable() ? ModelWords.waldTest("Chi2", inter.interactionQm(),
                inter.interactionDf(), inter.qeDf(), s.hksj(), " ", "p", inter.interactionP(), inter.qmNotEstimable())
                : Terminal.safe(Formats.notEstimable(inter.notEstimable()))));
    }

    /** Outcomes flagged by Benjamini-Hochberg and by the double FDR. */
    private static void falseDiscovery(Results r, java.io.PrintWriter out) {
        var f = r.falseDiscovery();
        if (f == null || f.tested() < 2) {
            return;
        }
        out.println();
        long tested = f.tested();
        List<String> bh = f.outcomes().stream().filter(o -> o.bhFlagged()).map(o -> Terminal.safe(o.outcome())
                + " (" + pIs(o.p()) + ", adjusted " + Formats.p(o.bh()) + ")").toList();
        out.println("False discovery rate across " + tested + " outcomes (Benjamini-Hochberg, "
                + Formats.plain(f.alpha2()) + "): " + (bh.isEmpty() ? "none flagged" : String.join("; ", bh)));
        if (f.column() != null) {
            List<String> systems = f.outcomes().stream().filter(o -> o.systemFlagged()).map(o -> o.organSystem())
                    .distinct().toList();
            List<String> terms = f.outcomes().stream().filter(o -> o.flagged()).map(o -> Terminal.safe(o.outcome())
                    + " (" + Terminal.safe(o.organSystem()) + ", adjusted " + Formats.p(o.withinSystem()) + ")").toList();
            out.println("Double FDR by " + f.column() + " (Mehrotra and Adewale 2012; systems at "
                    + Formats.plain(f.alpha1()) + ", terms at " + Formats.plain(f.alpha2()) + "): "
                    + (systems.isEmpty() ? "no system flagged" : "systems flagged: " + String.join(", ", systems)
                    + "; terms flagged: " + (terms.isEmpty() ? "none" : String.join("; ", terms))));
        }
    }

    /**
     * The table's head. A proportion has no p: its test is of a logit (or a transformed proportion) of 0, which says
     * nothing of the incidence (results.json keeps metafor's z and p).
     */
    private static String head(String label, Settings s) {
        boolean proportion = s.measure().isProportion();
        String m = ModelWords.shortName(s.measure());
        String p = proportion ? "" : " p";
        return row(label, "k", "common " + m + " [CI]" + p, "random " + m + " [CI]" + p, "tau2", "I2",
                "prediction interval", s.tau2() != null);
    }

    /** An analysis as one line of the table, under {@code label}. */
    private static String analysisRow(String label, Analysis a, Settings s) {
        boolean ratio = s.measure().isRatio();
        boolean test = !s.measure().isProportion();
        RandomResult rr = a.random();
        return row(truncate(Terminal.safe(label), 28), Integer.toString(a.k()), common(a.common(), ratio, test),
                random(rr, ratio, test), !rr.isEstimable() ? "" : Formats.tau2(rr.tau2()),
                a.heterogeneity() == null ? "" : Formats.percent(a.heterogeneity().i2(), 1),
                !rr.isEstimable() ? "" : Double.isFinite(rr.piLower()) ? "[" + Formats.estimate(rr.piLower(), ratio)
                + ", " + Formats.estimate(rr.piUpper(), ratio) + "]" : Formats.NOT_ESTIMABLE + " ("
                + Formats.shortReason(rr.predictionNotEstimable()) + ")",
                s.tau2() != null);
    }

    /**
     * One line of the table: label, k, common, random, tau2, I2, prediction interval, in fixed columns; without the
     * random-effects columns (random, tau2, prediction interval) when no random-effects model was asked for
     * ({@code --tau2 none}).
     */
    private static String row(String label, String k, String common, String random, String tau2, String i2,
                              String pi, boolean withRandom) {
        String line = "  " + left(label, 28) + " " + right(k, 4) + "  " + left(common, 36) + " "
                + (withRandom ? left(random, 36) + " " + right(tau2, 8) + " " + right(i2, 6) + "  " + pi
                : right(i2, 6));
        return line.stripTrailing();
    }

    private static boolean isLastOfVariable(List<Analysis> all, int i) {
        Analysis a = all.get(i);
        if (i + 1 >= all.size()) {
            return true;
        }
        Analysis next = all.get(i + 1);
        return next.subgroup() == null || !next.outcome().equals(a.outcome())
                || !next.subgroup().variable().equals(a.subgroup().variable());
    }

    private static void printTests(List<SubgroupComparison> tests, String key, java.io.PrintWriter out) {
        StringBuilder sb = new StringBuilder();
        for (SubgroupComparison t : tests) {
            if ((t.outcome() + "\u0000" + t.variable()).equals(key)) {
                sb.append(sb.length() == 0 ? "  Test for subgroup differences (" + Terminal.safe(t.variable()) + "): "
                        : "; ");
                sb.append(t.model().equals("common") ? "common-effect" : "random-effects").append(" Q = ")
                        .append(Formats.test(t.q())).append(", df = ").append(t.df()).append(", ")
                        .append(pIs(t.p()));
            }
        }
        if (sb.length() > 0) {
            out.println(sb);
        }
    }

    private static String common(CommonResult c, boolean ratio, boolean test) {
        if (!c.isEstimable()) {
            return Formats.NOT_ESTIMABLE;
        }
        return Formats.interval(c.estimate(), c.ciLower(), c.ciUpper(), ratio) + (test ? " " + pEquals(c.p()) : "");
    }

    private static String random(RandomResult r, boolean ratio, boolean test) {
        if (r.notAsked()) {
            return "-";
        }
        if (!r.isEstimable()) {
            return Formats.NOT_ESTIMABLE;
        }
        return Formats.interval(r.estimate(), r.ciLower(), r.ciUpper(), ratio) + (test ? " " + pEquals(r.p()) : "");
    }

    /** "p = 0.22", "p < 0.001" (not "p = <0.001"), "p not estimable": in sentences. */
    private static String pIs(double p) {
        return Formats.pIs("p", p, " ");
    }

    /** "p=0.22", "p<0.001" (not "p=<0.001"), "p not estimable". */
    private static String pEquals(double p) {
        return Formats.pIs("p", p, "");
    }

    private static String pct(double p) {
        return Formats.percent(100 * p, 1);
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }
}

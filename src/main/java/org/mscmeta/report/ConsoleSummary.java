package org.mscmeta.report;

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
 * with their CI and p, tau2, I2 and the prediction interval; then the subgroup tests and the notices.
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
        String m = s.measure().name();
        out.printf(Locale.ROOT, "%s: %d rows; %s (MSC vs control), common effect %s, random effects %s%s, %s%% CI;"
                + " conventions of %s%n",
                r.input(), r.rows(), s.measure().label(), s.method(), s.tau2Name(), s.hksj() ? " + HKSJ" : "",
                new java.math.BigDecimal(Double.toString(s.level() * 100)).stripTrailingZeros().toPlainString(),
                s.convention().displayName());
        String current = null;
        List<Analysis> all = r.analyses();
        for (int ai = 0; ai < all.size(); ai++) {
            Analysis a = all.get(ai);
            if (!a.outcome().equals(current)) {
                current = a.outcome();
                out.println();
                out.println(current);
                out.println(row("", "k", "common " + m + " [CI] p", "random " + m + " [CI] p", "tau2", "I2",
                        "prediction interval"));
            }
            String label = a.subgroup() == null ? "Overall" : a.subgroup().variable() + ": " + a.subgroup().level();
            out.println(row(truncate(label, 28), Integer.toString(a.k()), common(a.common()), random(a.random()),
                    a.random() == null ? "" : fmt(a.random().tau2()),
                    a.heterogeneity() == null || Double.isNaN(a.heterogeneity().i2()) ? ""
                            : fmt1(a.heterogeneity().i2()) + "%",
                    a.random() == null || Double.isNaN(a.random().piLower()) ? ""
                            : "[" + fmt(a.random().piLower()) + ", " + fmt(a.random().piUpper()) + "]"));
            if (a.incidence() != null && a.incidence().random() != null) {
                RandomResult i = a.incidence().random();
                out.println("  " + Decimals.left("Incidence in MSC recipients", 28) + " "
                        + Decimals.right(Integer.toString(a.incidence().k()), 4) + "  " + pct(i.estimate()) + " ["
                        + pct(i.ciLower()) + ", " + pct(i.ciUpper()) + "] (" + a.incidence().eventsMsc() + "/"
                        + a.incidence().nMsc() + " events, all trials incl. single-arm)");
            }
            for (var z : a.zeroEvents()) {
                out.println("    zero-event sensitivity: " + Decimals.left(z.method(), 34) + " k="
                        + Decimals.left(Integer.toString(z.k()), 4) + " " + z.measure() + " "
                        + (Double.isFinite(z.estimate()) ? fmt(z.estimate()) + " [" + fmt(z.ciLower()) + ", "
                                + fmt(z.ciUpper()) + "] (" + z.model() + ")" : z.note()));
            }
            if (a.subgroup() != null && isLastOfVariable(all, ai)) {
                printTests(r.subgroupTests(), a.outcome() + "\u0000" + a.subgroup().variable(), out);
            }
        }
        if (!r.notices().isEmpty()) {
            out.println();
            out.println("Notices:");
            List<Notice> ns = r.notices();
            for (int i = 0; i < Math.min(ns.size(), MAX_NOTICES); i++) {
                out.println("  - " + ns.get(i).message());
            }
            if (ns.size() > MAX_NOTICES) {
                out.println("  ... and " + (ns.size() - MAX_NOTICES) + " more in results.json");
            }
        }
    }

    /** One line of the table: label, k, common, random, tau2, I2, prediction interval, in fixed columns. */
    private static String row(String label, String k, String common, String random, String tau2, String i2,
                              String pi) {
        return "  " + Decimals.left(label, 28) + " " + Decimals.right(k, 4) + "  " + Decimals.left(common, 36) + " "
                + Decimals.left(random, 36) + " " + Decimals.right(tau2, 8) + " " + Decimals.right(i2, 6) + "  " + pi;
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
                sb.append(sb.length() == 0 ? "  Test for subgroup differences (" + t.variable() + "): " : "; ");
                sb.append(t.model()).append(" Q = ").append(fmt(t.q())).append(", df = ").append(t.df())
                        .append(", p = ").append(p(t.p()));
            }
        }
        if (sb.length() > 0) {
            out.println(sb);
        }
    }

    private static String common(CommonResult c) {
        if (c == null || !Double.isFinite(c.estimate())) {
            return "not estimable";
        }
        return fmt(c.estimate()) + " [" + fmt(c.ciLower()) + ", " + fmt(c.ciUpper()) + "] p=" + p(c.p());
    }

    private static String random(RandomResult r) {
        if (r == null || !Double.isFinite(r.estimate())) {
            return r == null ? "-" : "not estimable";
        }
        return fmt(r.estimate()) + " [" + fmt(r.ciLower()) + ", " + fmt(r.ciUpper()) + "] p=" + p(r.p());
    }

    private static String pct(double p) {
        return Double.isFinite(p) ? Decimals.fixed(100 * p, 1) + "%" : "NA";
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }

    static String fmt(double d) {
        if (!Double.isFinite(d)) {
            return "NA";
        }
        double a = Math.abs(d);
        if (a != 0 && (a < 0.001 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", d);
        }
        return Decimals.fixed(d, a < 0.1 ? 4 : 2);
    }

    private static String fmt1(double d) {
        return Decimals.fixed(d, 1);
    }

    static String p(double p) {
        if (!Double.isFinite(p)) {
            return "NA";
        }
        if (p < 0.0001) {
            return "<0.0001";
        }
        return Decimals.fixed(p, p < 0.001 ? 4 : 3);
    }
}

package org.mscmeta.analysis;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.mscmeta.effect.Measure;
import org.mscmeta.effect.StudyEffects;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.TextColumn;

/**
 * The study rows of an analysis, held column-wise: the arrays the fit already made (counts, the study effects,
 * the weights) and the sheet's own columns, shared rather than copied. A {@link StudyResult} is made when a row is
 * read. At registry scale (tens of thousands of rows pooled overall and again within every subgroup) this keeps
 * the results a few arrays per analysis instead of an object per study and analysis.
 *
 * <p>The natural-scale estimate and its Wald interval, exp(yi ± z·sqrt(vi)) for ratios, are computed when a row
 * is read, with the same expressions an eager table would use. The accessors by index read single columns
 * without making the row (for renderers and summaries that need only a few of them).
 */
public final class StudyTable extends AbstractList<StudyResult> implements RandomAccess {

    private final int[] rows;
    private final int[] rowNumber;
    private final int[] year;
    private final TextColumn study;
    private final int[] a;
    private final int[] n1;
    private final int[] c;
    private final int[] n2;
    private final StudyEffects eff;
    /** Comparative measure whose Wald interval is shown, or null for proportions. */
    private final Measure measure;
    private final double z;
    /** Proportions: the study intervals (Clopper-Pearson), or null when not shown. */
    private final double[] lower;
    private final double[] upper;
    private final double[] weightCommon;
    private final double[] weightRandom;
    private final boolean commonOnlyIncluded;

    private StudyTable(int[] none) {
        this.rows = none;
        this.rowNumber = none;
        this.year = none;
        this.study = new TextColumn("study", java.util.List.of(), none);
        this.a = none;
        this.n1 = none;
        this.c = none;
        this.n2 = none;
        this.eff = new StudyEffects(new double[0], new double[0], new boolean[0], new boolean[0], new boolean[0]);
        this.measure = null;
        this.z = Double.NaN;
        this.lower = null;
        this.upper = null;
        this.weightCommon = null;
        this.weightRandom = null;
        this.commonOnlyIncluded = false;
    }

    /** A table without studies (an analysis of a subgroup no study of the outcome belongs to). */
    static final StudyTable EMPTY = new StudyTable(new int[0]);

    private StudyTable(ExtractionSheet sheet, int[] rows, int[] a, int[] n1, int[] c, int[] n2, StudyEffects eff,
                       Measure measure, double z, double[] lower, double[] upper, double[] weightCommon,
                       double[] weightRandom, boolean commonOnlyIncluded) {
        this.rows = rows;
        this.rowNumber = sheet.rowNumber();
        this.year = sheet.year();
        this.study = sheet.study();
        this.a = a;
        this.n1 = n1;
        this.c = c;
        this.n2 = n2;
        this.eff = eff;
        this.measure = measure;
        this.z = z;
        this.lower = lower;
        this.upper = upper;
        this.weightCommon = weightCommon;
        this.weightRandom = weightRandom;
        this.commonOnlyIncluded = commonOnlyIncluded;
    }

    /**
     * Two-arm studies: natural-scale estimate and Wald interval with critical value {@code z}; a study left out
     * (double zero, not estimable) shows no estimate.
     *
     * @param weightCommon       common-effect weights in percent, or null without a common-effect model
     * @param weightRandom       random-effects weights in percent, or null without a random-effects model
     * @param commonOnlyIncluded the common-effect model weighs only the studies with an estimate (inverse
     *                           variance); Mantel-Haenszel and Peto weigh every table they pool
     */
    static StudyTable comparative(ExtractionSheet sheet, int[] rows, int[] a, int[] n1, int[] c, int[] n2,
                                  StudyEffects eff, Measure measure, double z, double[] weightCommon,
                                  double[] weightRandom, boolean commonOnlyIncluded) {
        return new StudyTable(sheet, rows, a, n1, c, n2, eff, measure, z, null, null, weightCommon, weightRandom,
                commonOnlyIncluded);
    }

    /**
     * MSC-arm proportions x/n with the given study intervals (null: none shown).
     *
     * @param weightCommon common-effect weights in percent, or null without a common-effect model
     * @param weightRandom random-effects weights in percent, or null without a random-effects model
     */
    static StudyTable proportions(ExtractionSheet sheet, int[] rows, int[] x, int[] n, StudyEffects eff,
                                  double[] lower, double[] upper, double[] weightCommon, double[] weightRandom) {
        int[] c = new int[rows.length];
        int[] n2 = new int[rows.length];
        for (int j = 0; j < rows.length; j++) {
            c[j] = sheet.eventsControl()[rows[j]];
            n2[j] = sheet.nControl()[rows[j]];
        }
        return new StudyTable(sheet, rows, x, n, c, n2, eff, null, Double.NaN, lower, upper, weightCommon,
                weightRandom, false);
    }

    /** The per-study effects of the fit. */
    StudyEffects effects() {
        return eff;
    }

    @Override
    public int size() {
        return rows.length;
    }

    @Override
    public StudyResult get(int j) {
        return new StudyResult(row(j), study(j), year(j), included(j), exclusion(j), a[j], n1[j], c[j], n2[j],
                corrected(j), yi(j), vi(j), estimate(j), ciLower(j), ciUpper(j), weightCommon(j), weightRandom(j));
    }

    /** Events, MSC arm. */
    public int eventsMsc(int j) {
        return a[j];
    }

    /** Events, control arm (-1 for a single-arm study). */
    public int eventsControl(int j) {
        return c[j];
    }

    /** The study's own estimate on the natural scale (ratio, difference or proportion); NaN when left out. */
    public double estimate(int j) {
        if (measure == null) {
            return (double) a[j] / n1[j];
        }
        return included(j) ? measure.toNatural(yi(j)) : Double.NaN;
    }

    /** Lower bound of its confidence interval, natural scale (Wald; Clopper-Pearson for proportions). */
    public double ciLower(int j) {
        if (measure == null) {
            return lower == null ? Double.NaN : lower[j];
        }
        return included(j) ? measure.toNatural(yi(j) - z * Math.sqrt(vi(j))) : Double.NaN;
    }

    /** Upper bound of its confidence interval, natural scale. */
    public double ciUpper(int j) {
        if (measure == null) {
            return upper == null ? Double.NaN : upper[j];
        }
        return included(j) ? measure.toNatural(yi(j) + z * Math.sqrt(vi(j))) : Double.NaN;
    }

    /** Index of study {@code j} among the extraction sheet's data rows (0-based, as {@link ExtractionSheet}'s arrays). */
    int index(int j) {
        return rows[j];
    }

    /** Spreadsheet row of study {@code j}. */
    public int row(int j) {
        return rowNumber[rows[j]];
    }

    /** Study label. */
    public String study(int j) {
        return study.get(rows[j]);
    }

    /** Publication year, or {@link ExtractionSheet#NO_YEAR}. */
    public int year(int j) {
        return year[rows[j]];
    }

    /** Contributes to the pooled estimates. */
    public boolean included(int j) {
        return eff.included()[j];
    }

    /** {@link #exclusion} of a study with no events, or only events, in both arms, left out of RR and OR. */
    public static final String DOUBLE_ZERO = "double zero";

    /**
     * {@link #exclusion} of any other study left out: its effect or its variance does not exist without a continuity
     * correction (a zero cell under {@code --cc-mode none} or {@code --cc 0}; with a correction every table has both).
     */
    public static final String NOT_ESTIMABLE = "not estimable";

    /**
     * Why the studies a model counts beyond those with a study estimate have none, in words, from how many were left
     * out as double zeros and how many as {@link #NOT_ESTIMABLE}: "no events, or only events, in both arms", "a zero
     * cell and no continuity correction", or both joined by "or".
     */
    public static String withoutOwnEstimate(int doubleZero, int notEstimable) {
        String dz = "no events, or only events, in both arms";
        String zeroCell = "a zero cell and no continuity correction";
        if (notEstimable == 0) {
            return dz;
        }
        return doubleZero == 0 ? zeroCell : dz + ", or " + zeroCell;
    }

    /** Why study {@code j} is left out ({@link #DOUBLE_ZERO}, {@link #NOT_ESTIMABLE}), or null when included. */
    public String exclusion(int j) {
        return included(j) ? null : measure != null && eff.doubleZero()[j] ? DOUBLE_ZERO : NOT_ESTIMABLE;
    }

    /** A continuity correction was added to its cells. */
    public boolean corrected(int j) {
        return eff.corrected()[j];
    }

    /** Participants, MSC arm. */
    public int nMsc(int j) {
        return n1[j];
    }

    /** Participants, control arm (-1 for a single-arm study). */
    public int nControl(int j) {
        return n2[j];
    }

    /** Effect on the analysis scale. */
    public double yi(int j) {
        return eff.yi()[j];
    }

    /** Its sampling variance. */
    public double vi(int j) {
        return eff.vi()[j];
    }

    /** Weight in the common-effect model, percent (NaN without one, or for a study left out of it). */
    public double weightCommon(int j) {
        return weightCommon == null || (commonOnlyIncluded && !included(j)) ? Double.NaN : weightCommon[j];
    }

    /** Weight in the random-effects model, percent (NaN without one). */
    public double weightRandom(int j) {
        return weightRandom == null ? Double.NaN : weightRandom[j];
    }
}

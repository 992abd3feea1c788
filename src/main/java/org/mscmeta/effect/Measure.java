package org.mscmeta.effect;

/**
 * Effect measure of a two-arm comparison (MSC arm versus control), as metafor's {@code escalc(measure=...)}.
 *
 * <p>RR and OR are analysed on the log scale and reported on the ratio scale; RD is analysed and reported
 * as a difference of proportions.
 */
public enum Measure {
    /** Risk ratio; analysis scale log(RR). */
    RR("Risk Ratio", true),
    /** Odds ratio; analysis scale log(OR). */
    OR("Odds Ratio", true),
    /** Risk difference; analysis scale the difference itself. */
    RD("Risk Difference", false);

    private final String label;
    private final boolean ratio;

    Measure(String label, boolean ratio) {
        this.label = label;
        this.ratio = ratio;
    }

    /** Name as a forest plot or table heading shows it, e.g. "Risk Ratio". */
    public String label() {
        return label;
    }

    /** True when the analysis scale is the log of a ratio. */
    public boolean isRatio() {
        return ratio;
    }

    /** Value of "no effect" on the analysis scale (0 for log ratios and for RD). */
    public double nullValue() {
        return 0.0;
    }

    /** Back-transformation from the analysis scale to the natural scale (exp for ratios). */
    public double toNatural(double analysisScale) {
        return ratio ? Math.exp(analysisScale) : analysisScale;
    }

    /** Studies with no events (or only events) in both arms carry no information on a ratio. */
    public boolean dropsDoubleZero() {
        return ratio;
    }
}

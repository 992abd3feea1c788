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
    RD("Risk Difference", false),
    /** Proportion of MSC recipients with the event, logit scale (metafor {@code measure="PLO"}). */
    PLOGIT("Proportion", false),
    /**
     * Proportion, Freeman-Tukey double arcsine (metafor {@code measure="PFT"}), back-transformed with the
     * harmonic mean of the sample sizes (Miller 1978, Am Stat 32:138; metafor {@code transf.ipft.hm}).
     */
    PFT("Proportion", false),
    /** Proportion, untransformed (metafor {@code measure="PR"}). */
    PRAW("Proportion", false);

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

    /** Back-transformation from the analysis scale to the natural scale (exp for ratios, expit for logits). */
    public double toNatural(double analysisScale) {
        if (this == PFT) {
            throw new IllegalStateException("the Freeman-Tukey back-transformation needs the harmonic mean n");
        }
        return toNatural(analysisScale, Double.NaN);
    }

    /**
     * Back-transformation from the analysis scale; for PFT with the harmonic mean {@code nHarmonic} of the
     * sample sizes (Miller 1978): {@code p = (1 - sgn(cos 2t) sqrt(1 - (sin 2t + (sin 2t - 1/sin 2t)/n)^2)) / 2},
     * 0 below the transform of p = 0 and 1 above that of p = 1, as metafor's {@code transf.ipft.hm}.
     */
    public double toNatural(double y, double nHarmonic) {
        return switch (this) {
            case RR, OR -> Math.exp(y);
            case RD, PRAW -> y;
            case PLOGIT -> 1 / (1 + Math.exp(-y));
            case PFT -> {
                if (!Double.isFinite(y)) {
                    yield Double.NaN;
                }
                if (y > Proportions.freemanTukey(1, nHarmonic)) {
                    yield 1;
                }
                if (y < Proportions.freemanTukey(0, nHarmonic)) {
                    yield 0;
                }
                double s = Math.sin(2 * y);
                double inner = 1 - Math.pow(s + (s - 1 / s) / nHarmonic, 2);
                yield inner < 0 ? Double.NaN : 0.5 * (1 - Math.signum(Math.cos(2 * y)) * Math.sqrt(inner));
            }
        };
    }

    /** Single-arm proportions of MSC recipients (PLOGIT, PFT, PRAW) rather than a two-arm comparison. */
    public boolean isProportion() {
        return this == PLOGIT || this == PFT || this == PRAW;
    }

    /** Studies with no events (or only events) in both arms carry no information on a ratio. */
    public boolean dropsDoubleZero() {
        return ratio;
    }
}

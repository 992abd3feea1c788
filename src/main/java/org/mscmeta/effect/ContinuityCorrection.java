package org.mscmeta.effect;

/**
 * Continuity correction added to the cells of 2x2 tables before per-study effects are computed.
 *
 * @param value amount added to each cell (metafor's {@code add}, default 0.5)
 * @param mode  which studies receive it (metafor's {@code to}, default {@code only0})
 */
public record ContinuityCorrection(double value, CcMode mode) {

    /** metafor's default: 0.5 added to the four cells of studies with a zero cell. */
    public static final ContinuityCorrection DEFAULT = new ContinuityCorrection(0.5, CcMode.ONLY0);

    public ContinuityCorrection {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("continuity correction must be a finite number >= 0, got " + value);
        }
        if (mode == null) {
            throw new IllegalArgumentException("continuity correction mode is required");
        }
    }
}

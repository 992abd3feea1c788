package org.mscmeta.report.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The horizontal scale of an effect: logarithmic for ratios, linear for differences and proportions. Ranges and
 * ticks are regular: a ratio axis runs from 1/M to M with M one of 2, 5, 10, 100, 1000 and ticks on the 1-2-5
 * series (0.1, 0.2, 0.5, 1, 2, 5, 10), or on the decades when those are too many; a difference axis is symmetric
 * about 0. The range is chosen once per outcome from everything its plots show ({@link #forValues}) so that an
 * outcome's overall, subgroup, leave-one-out and cumulative plots share it; values beyond it are drawn at its end
 * with an arrow.
 *
 * @param ratio    log scale
 * @param min      left end, natural scale
 * @param max      right end, natural scale
 * @param ticks    tick values, natural scale
 * @param nullLine the value of no effect (1 for ratios, 0 for differences), NaN for proportions
 */
record Axis(boolean ratio, double min, double max, double[] ticks, double nullLine) {

    private static final double[] RATIO_ENDS = {2, 5, 10, 100, 1000};
    private static final double[] DIFFERENCE_ENDS = {0.05, 0.1, 0.2, 0.5, 1};
    private static final double[] PROPORTION_ENDS = {0.1, 0.2, 0.5, 1};

    /** The kind of scale. */
    enum Scale {
        RATIO, DIFFERENCE, PROPORTION;

        /** The scale of {@code m}'s effects. */
        static Scale of(org.mscmeta.effect.Measure m) {
            return m.isProportion() ? PROPORTION : m.isRatio() ? RATIO : DIFFERENCE;
        }
    }

    /**
     * The smallest regular range that holds every finite value of {@code mustShow} (natural scale), capped at the
     * widest range (ratios 0.001 to 1000).
     */
    static Axis forValues(Scale scale, List<Double> mustShow) {
        double need = 0;
        for (double v : mustShow) {
            if (!Double.isFinite(v)) {
                continue;
            }
            if (scale == Scale.RATIO) {
                if (v > 0) {
                    need = Math.max(need, Math.abs(Math.log(v)));
                }
            } else {
                need = Math.max(need, Math.abs(v));
            }
        }
        double[] ends = scale == Scale.RATIO ? RATIO_ENDS : scale == Scale.DIFFERENCE ? DIFFERENCE_ENDS
                : PROPORTION_ENDS;
        double end = ends[ends.length - 1];
        for (double e : ends) {
            double size = scale == Scale.RATIO ? Math.log(e) : e;
            if (size >= need * (1 + 1e-9)) {
                end = e;
                break;
            }
        }
        return switch (scale) {
            case RATIO -> ratio(1 / end, end);
            case DIFFERENCE -> linear(-end, end, 0);
            case PROPORTION -> linear(0, end, Double.NaN);
        };
    }

    /**
     * A pooled interval's bound as it may widen an axis: a ratio at most to 0.01 and 100. An interval wider than
     * that says little but that it is wide (two studies under Hartung-Knapp-Sidik-Jonkman, a t quantile of 12.7,
     * reach 0.001 and 1000): it is drawn to the axis's end with an arrow, and the outcome's studies keep the room
     * (estimates themselves, which every square needs, are not capped). Differences and proportions are bounded by
     * 1 anyway, and an interval to 0.6 is no outlier there: their bounds are as they are.
     */
    static double intervalBound(Scale scale, double v) {
        return scale == Scale.RATIO ? Math.min(Math.max(v, 1 / INTERVAL_END), INTERVAL_END) : v;
    }

    /** Just inside 100: a value at an end takes the next range ({@link #forValues}), a bound here does not. */
    private static final double INTERVAL_END = 100 * (1 - 1e-6);

    /** A user's range: the ticks of the 1-2-5 series inside it, with both ends labelled. */
    static Axis limits(Scale scale, double min, double max) {
        String problem = limitsProblem(scale, min, max);
        if (problem != null) {
            throw new IllegalArgumentException("axis limits " + min + " and " + max + ": " + problem);
        }
        return scale == Scale.RATIO ? ratio(min, max) : linear(min, max, scale == Scale.DIFFERENCE ? 0 : Double.NaN);
    }

    /** The widest range a user may give a ratio axis: the ticks of {@link #ratio} run from 0.0001 to 10000. */
    private static final double RATIO_LIMIT = 1e4;

    /**
     * Why a user's range cannot be drawn, or null: a ratio or difference axis must hold the line of no effect (1 or
     * 0), between the two "favours" labels, strictly inside it; a ratio's ends lie from 0.0001 to 10000, a difference's
     * from -1 to 1 and a proportion's from 0 to 1, the values such an effect takes.
     */
    static String limitsProblem(Scale scale, double min, double max) {
        if (!(min < max)) {
            return "the left end must be below the right";
        }
        return switch (scale) {
            case RATIO -> !(min >= 1 / RATIO_LIMIT * (1 - 1e-9) && max <= RATIO_LIMIT * (1 + 1e-9))
                    ? "a ratio axis runs at most from 0.0001 to 10000"
                    : !(min < 1 && max > 1) ? "a ratio axis must have 1, the line of no effect, between its ends,"
                    + " with a 'favours' label either side (e.g. 0.5,5)" : null;
            case DIFFERENCE -> !(min >= -1 && max <= 1) ? "a risk difference axis runs at most from -1 to 1"
                    : !(min < 0 && max > 0) ? "a risk difference axis must have 0, the line of no effect, between"
                    + " its ends, with a 'favours' label either side (e.g. -0.2,0.2)" : null;
            case PROPORTION -> !(min >= 0 && max <= 1) ? "a proportion axis runs at most from 0 to 1" : null;
        };
    }

    private static Axis ratio(double min, double max) {
        List<Double> series = new ArrayList<>();
        for (int e = -4; e <= 4; e++) {
            for (double m : new double[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                    series.add(v);
                }
            }
        }
        if (series.size() > 9) {
            series.removeIf(v -> Math.abs(Math.log10(v) - Math.rint(Math.log10(v))) > 1e-9);
        }
        addEnds(series, min, max);
        return new Axis(true, min, max, toArray(series), 1);
    }

    private static Axis linear(double min, double max, double nullLine) {
        double span = max - min;
        double step = evenStep(min, max, span / 4);
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + 1e-9 * span; t += step) {
            ticks.add(Math.abs(t) < 1e-12 * span ? 0 : t);
        }
        addEnds(ticks, min, max);
        return new Axis(false, min, max, toArray(ticks), nullLine);
    }

    /**
     * A step of 1, 2, 2.5 or 5 times a power of ten, near {@code rough} (half to twice it), that falls on both ends,
     * the one nearest {@code rough}: an axis to 0.5 gets ticks 0, 0.1, ..., 0.5, not 0, 0.2, 0.4 and an end at 0.5.
     * Where none falls on both ends (a user's range such as 0.12 to 0.7), {@link #niceStep}: the ends are labelled
     * beside the regular ticks.
     */
    static double evenStep(double min, double max, double rough) {
        double best = Double.NaN;
        double p = Math.pow(10, Math.floor(Math.log10(rough)) - 1);
        for (int e = 0; e < 3; e++, p *= 10) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                double step = m * p;
                if (step >= rough / 2 * (1 - 1e-9) && step <= rough * 2 * (1 + 1e-9) && onStep(min, step)
                        && onStep(max, step) && (Double.isNaN(best)
                        || Math.abs(Math.log(step / rough)) < Math.abs(Math.log(best / rough)) - 1e-9)) {
                    best = step;
                }
            }
        }
        return Double.isNaN(best) ? niceStep(rough) : best;
    }

    private static boolean onStep(double v, double step) {
        double n = v / step;
        return Math.abs(n - Math.rint(n)) < 1e-6;
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code rough}. */
    private static double niceStep(double rough) {
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= rough * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static void addEnds(List<Double> ticks, double min, double max) {
        if (ticks.isEmpty() || Math.abs(ticks.get(0) - min) > 1e-9 * Math.abs(min)) {
            ticks.add(0, min);
        }
        if (Math.abs(ticks.get(ticks.size() - 1) - max) > 1e-9 * Math.abs(max)) {
            ticks.add(max);
        }
    }

    private static double[] toArray(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    /** Position in [0, 1] of a natural-scale value (outside for values beyond the ends). */
    double fraction(double v) {
        if (ratio) {
            return (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min));
        }
        return (v - min) / (max - min);
    }

    /** Whether the axis has a line of no effect. */
    boolean hasNullLine() {
        return Double.isFinite(nullLine);
    }

    /** A tick's label: the number as it would be written by hand (0.1, 2, 1000, -0.25). */
    String tickLabel(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 * Math.max(1, Math.abs(v))) {
            return Long.toString(Math.round(v));
        }
        // three significant digits, more on an axis narrower than a tenth of its ends (--axis-limits 1,1.0001
        // labelled both ends "1")
        double narrow = (max - min) / Math.max(Math.abs(min), Math.abs(max));
        int digits = 3 + (narrow > 0 && narrow < 0.1 ? (int) Math.ceil(-Math.log10(narrow)) - 1 : 0);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(Math.min(digits, 15))).stripTrailingZeros()
                .toPlainString();
    }
}

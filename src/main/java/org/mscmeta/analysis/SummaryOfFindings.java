package org.mscmeta.analysis;

import java.util.Arrays;
import org.mscmeta.effect.Measure;

/**
 * One outcome's row of a GRADE summary-of-findings table (Guyatt et al. 2011, J Clin Epidemiol 64:383-94; GRADE
 * handbook, section 5.2): the participants and studies, the relative effect with its confidence interval (the model
 * the plots show), the assumed control risk, and the corresponding risk with MSC and the risk difference, both per
 * 1,000 people with their intervals. The corresponding risk is, for a risk ratio, {@code ACR x RR}; for an odds ratio
 * {@code ACR x OR / (1 - ACR + ACR x OR)}; for a risk difference {@code ACR + RD} (each kept within 0 and 1,000);
 * its interval applies the same to the relative effect's limits. The assumed control risk is the median control-arm
 * risk (events / participants) of the outcome's studies, or the value the user gives ({@code --control-risk}). Where
 * the median is 0 (rare events: most control arms have none) it is the pooled control-arm risk, all control events
 * over all control participants, as the GRADE handbook suggests for a control group risk across studies; where that
 * is 0 too, the absolute effects of a ratio are not estimable (they would all be 0); those of a risk difference are
 * the difference itself (from a risk of 0, kept within 0 and 1,000).
 * GRADE's certainty of the evidence is the reviewers' judgement and is not rated here.
 *
 * @param participants     participants of the studies compared (both arms)
 * @param studies          studies compared (with a control arm)
 * @param measure          RR, OR or RD
 * @param model            "random" or "common": the model the relative effect is from
 * @param relative         relative effect (natural scale)
 * @param relativeLower    its lower confidence limit
 * @param relativeUpper    its upper confidence limit
 * @param controlRisk      assumed control risk, a proportion
 * @param controlRiskSource where the assumed control risk comes from
 * @param mscPer1000       corresponding risk with MSC, per 1,000
 * @param mscLower         its lower limit
 * @param mscUpper         its upper limit
 * @param differencePer1000 risk difference (MSC minus control), per 1,000
 * @param differenceLower  its lower limit
 * @param differenceUpper  its upper limit
 * @param notEstimable     why the row has no numbers (null when it has)
 */
public record SummaryOfFindings(long participants, int studies, String measure, String model, double relative,
                                double relativeLower, double relativeUpper, double controlRisk,
                                ControlRisk controlRiskSource, double mscPer1000, double mscLower, double mscUpper,
                                double differencePer1000, double differenceLower, double differenceUpper,
                                String notEstimable) {

    /** Where an assumed control risk comes from. */
    public enum ControlRisk {
        /** The user's {@code --control-risk}. */
        GIVEN("given (--control-risk)"),
        /** The median of the studies' control-arm risks. */
        MEDIAN("median control-arm risk of the studies"),
        /** All control events over all control participants: the median is 0. */
        POOLED("pooled control-arm risk of the studies (their median is 0)");

        private final String words;

        ControlRisk(String words) {
            this.words = words;
        }

        /** In words, for a reader. */
        public String words() {
            return words;
        }
    }

    /**
     * The rule the assumed control risks of a run follow, in words for a reader of a table or figure ("50 per 1,000
     * for every outcome, as given for this review", "the median ..."), without the command line's option names.
     */
    public static String controlRiskRule(Settings s) {
        if (Double.isFinite(s.controlRisk())) {
            String per1000 = new java.math.BigDecimal(Double.toString(1000 * s.controlRisk()))
                    .round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
            return per1000 + " per 1,000 for every outcome, as given for this review";
        }
        return "the median control-arm risk of the outcome's studies (their pooled risk where the median is 0)";
    }

    /** The row of an outcome's overall analysis; its numbers not estimable, with the reason, where they are not. */
    public static SummaryOfFindings of(Analysis a, Settings s) {
        Measure m = s.measure();
        long participants = a.nMsc() + Math.max(a.nControl(), 0);
        int studies = a.studies().size();
        double nan = Double.NaN;
        if (m.isProportion()) {
            return new SummaryOfFindings(participants, studies, m.name(), null, nan, nan, nan, nan, null, nan, nan,
                    nan, nan, nan, nan, "a summary of findings compares MSC with control; " + m.name()
                    + " pools the MSC arms alone");
        }
        boolean random = s.tau2() != null && a.random().isFitted();
        double est = random ? a.random().estimate() : a.common().estimate();
        double lo = random ? a.random().ciLower() : a.common().ciLower();
        double hi = random ? a.random().ciUpper() : a.common().ciUpper();
        String model = random ? "random" : "common";
        ControlRisk given = Double.isFinite(s.controlRisk()) ? ControlRisk.GIVEN : ControlRisk.MEDIAN;
        double acr = given == ControlRisk.GIVEN ? s.controlRisk() : medianControlRisk(a);
        if (acr == 0 && given == ControlRisk.MEDIAN) {
            given = ControlRisk.POOLED;
            acr = (double) a.eventsControl() / a.nControl();
        }
        if (!Double.isFinite(est)) {
            String why = random ? a.random().notEstimable() : a.common().notEstimable();
            return new SummaryOfFindings(participants, studies, m.name(), model, nan, nan, nan, acr, given, nan, nan,
                    nan, nan, nan, nan, "the relative effect is not estimable" + (why == null ? "" : ": " + why));
        }
        if (!Double.isFinite(acr)) {
            return new SummaryOfFindings(participants, studies, m.name(), model, est, lo, hi, acr, given, nan, nan,
                    nan, nan, nan, nan, "no control arm to take the assumed control risk from, and no risk was given for"
                    + " this review");
        }
        // a ratio of a risk of 0 is 0, whatever the ratio; a risk difference is added to it (ACR + RD), and stands
        if (acr == 0 && given == ControlRisk.POOLED && m.isRatio()) {
            return new SummaryOfFindings(participants, studies, m.name(), model, est, lo, hi, acr, given, nan, nan,
                    nan, nan, nan, nan, "no control arm has an event, which makes every absolute effect 0, and no assumed"
                    + " control risk was given for this review");
        }
        double msc = risk(m, acr, est);
        double mscLo = risk(m, acr, lo);
        double mscHi = risk(m, acr, hi);
        return new SummaryOfFindings(participants, studies, m.name(), model, est, lo, hi, acr, given, 1000 * msc,
                1000 * mscLo, 1000 * mscHi, 1000 * (msc - acr), 1000 * (mscLo - acr), 1000 * (mscHi - acr),
                null);
    }

    /** The corresponding risk with MSC at control risk {@code acr} and relative effect {@code effect}. */
    static double risk(Measure m, double acr, double effect) {
        if (!Double.isFinite(effect)) {
            return Double.NaN;
        }
        double r = switch (m) {
            case RR -> acr * effect;
            case OR -> acr * effect / (1 - acr + acr * effect);
            case RD -> acr + effect;
            default -> Double.NaN;
        };
        return Math.max(0, Math.min(1, r));
    }

    /**
     * {@link #risk} as a spreadsheet formula (Excel's syntax) of the cells {@code acr} and {@code effect}, for a
     * workbook whose summary of findings follows its pooled cells; the same clamp within 0 and 1. Null for a measure
     * that has no corresponding risk.
     */
    public static String riskFormula(Measure m, String acr, String effect) {
        String r = switch (m) {
            case RR -> acr + "*" + effect;
            case OR -> acr + "*" + effect + "/(1-" + acr + "+" + acr + "*" + effect + ")";
            case RD -> acr + "+" + effect;
            default -> null;
        };
        return r == null ? null : "MAX(0,MIN(1," + r + "))";
    }

    /**
     * The assumed control risk as a spreadsheet formula of the range {@code risks} (each study's control events over
     * participants, blank without a control arm) and the ranges of control events and participants: their median,
     * or their pooled risk where the median is 0, as {@link #of} takes it; null where the user gave the risk.
     */
    public static String controlRiskFormula(ControlRisk source, String risks, String events, String participants) {
        if (source == ControlRisk.GIVEN) {
            return null;
        }
        return "IF(MEDIAN(" + risks + ")=0,SUM(" + events + ")/SUM(" + participants + "),MEDIAN(" + risks + "))";
    }

    /** The median of the studies' control-arm risks (events / participants); NaN without a control arm. */
    static double medianControlRisk(Analysis a) {
        double[] r = new double[a.studies().size()];
        int n = 0;
        for (int j = 0; j < a.studies().size(); j++) {
            int n2 = a.studies().nControl(j);
            if (n2 > 0) {
                r[n++] = (double) a.studies().eventsControl(j) / n2;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] v = Arrays.copyOf(r, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Whether the row has numbers. */
    public boolean isEstimable() {
        return notEstimable == null;
    }
}

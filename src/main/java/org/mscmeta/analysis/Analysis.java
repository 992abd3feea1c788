package org.mscmeta.analysis;

import java.util.List;
import org.mscmeta.pool.Heterogeneity;

/**
 * The pooled analysis of one outcome, overall or within one subgroup.
 *
 * @param outcome              outcome name
 * @param subgroup             null for the overall analysis
 * @param k                    studies contributing to the pooled estimate
 * @param kDoubleZeroExcluded  studies left out for no events (or only events) in both arms
 * @param kNotEstimable        other studies whose effect could not be computed
 * @param eventsMsc            total events, MSC arm, over the studies listed
 * @param nMsc                 total participants, MSC arm
 * @param eventsControl        total events, control arm (0 for a proportion measure, which pools the MSC arm alone;
 *                             results.json has null)
 * @param nControl             total participants, control arm (0 for a proportion measure)
 * @param common               common-effect result; {@linkplain CommonResult#isFitted() not fitted}, with the reason,
 *                             when nothing could be pooled (a null given is replaced so)
 * @param random               random-effects result; not fitted, with the reason, without a random model or with
 *                             k = 0 (a null given is replaced so)
 * @param heterogeneity        Q statistics; null when k = 0
 * @param studies              study rows in input order (a list of {@link StudyResult}, held column-wise)
 * @param sensitivity          sensitivity and small-study analyses (overall analyses with k &gt;= 2); else null
 * @param incidence            for comparative measures, the incidence among MSC recipients of every trial of the
 *                             outcome (single-arm included), pooled as logit proportions; else null
 * @param zeroEvents           the zero-event sensitivity table (outcomes with a zero cell); else empty
 * @param summaryOfFindings    the outcome's row of the summary of findings (overall analyses); else null
 * @param routeBySource        the route x cell-source analysis (overall analyses, when both columns have values);
 *                             else null
 */
public record Analysis(String outcome, Subgroup subgroup, int k, int kDoubleZeroExcluded, int kNotEstimable,
                       long eventsMsc, long nMsc, long eventsControl, long nControl, CommonResult common,
                       RandomResult random, Heterogeneity heterogeneity, StudyTable studies,
                       Sensitivity sensitivity, Analysis incidence, List<ZeroEventRow> zeroEvents,
                       SummaryOfFindings summaryOfFindings, RouteBySource routeBySource) {

    /** An analysis without the overall analysis' additions (summary of findings, route x cell source). */
    public Analysis(String outcome, Subgroup subgroup, int k, int kDoubleZeroExcluded, int kNotEstimable,
                    long eventsMsc, long nMsc, long eventsControl, long nControl, CommonResult common,
                    RandomResult random, Heterogeneity heterogeneity, StudyTable studies, Sensitivity sensitivity,
                    Analysis incidence, List<ZeroEventRow> zeroEvents) {
        this(outcome, subgroup, k, kDoubleZeroExcluded, kNotEstimable, eventsMsc, nMsc, eventsControl, nControl,
                common, random, heterogeneity, studies, sensitivity, incidence, zeroEvents, null, null);
    }

    public Analysis {
        zeroEvents = zeroEvents == null ? List.of() : List.copyOf(zeroEvents);
        if (common == null) {
            common = CommonResult.absent(noStudy(k, kDoubleZeroExcluded, studies));
        }
        if (random == null) {
            random = RandomResult.absent(k == 0 ? noStudy(k, kDoubleZeroExcluded, studies)
                    : RandomResult.NOT_ASKED);
        }
    }

    private static String noStudy(int k, int doubleZero, StudyTable studies) {
        int n = studies == null ? 0 : studies.size();
        if (n == 0) {
            return "no study to pool";
        }
        if (doubleZero == n) {
            return "no study to pool: " + (n == 1 ? "the study has" : "all " + n + " studies have")
                    + " no events (or only events) in both arms";
        }
        return "no study to pool: no study has an estimate of its own";
    }

    /**
     * Why the studies the Mantel-Haenszel or Peto estimate pools beyond the {@code k} with a study estimate have none,
     * in words ({@link StudyTable#withoutOwnEstimate}).
     */
    public String withoutOwnEstimate() {
        return StudyTable.withoutOwnEstimate(kDoubleZeroExcluded, kNotEstimable);
    }

    /**
     * The pooled result the plots show: the random-effects model when there is one, else the common-effect model;
     * never null ({@link Estimate#isEstimable()} false, with the reason, when it does not exist).
     */
    public Estimate estimate() {
        return random.isFitted() ? Estimate.of(random) : Estimate.of(common);
    }

    /**
     * Whether this subgroup's estimate of one model (the random-effects model's with {@code random}, else the
     * common-effect model's) enters the test for subgroup differences: an estimate with a positive standard error, as
     * {@link org.mscmeta.pool.SubgroupTest#between} takes it.
     */
    public boolean entersSubgroupTest(boolean random) {
        double est = random ? this.random.logEstimate() : common.logEstimate();
        double se = random ? this.random.se() : common.se();
        return Double.isFinite(est) && Double.isFinite(se) && se > 0;
    }

    /** A copy with the sensitivity analyses attached. */
    public Analysis withSensitivity(Sensitivity s) {
        return new Analysis(outcome, subgroup, k, kDoubleZeroExcluded, kNotEstimable, eventsMsc, nMsc, eventsControl,
                nControl, common, random, heterogeneity, studies, s, incidence, zeroEvents, summaryOfFindings,
                routeBySource);
    }

    /** A copy with the incidence analysis attached. */
    public Analysis withIncidence(Analysis i) {
        return new Analysis(outcome, subgroup, k, kDoubleZeroExcluded, kNotEstimable, eventsMsc, nMsc, eventsControl,
                nControl, common, random, heterogeneity, studies, sensitivity, i, zeroEvents, summaryOfFindings,
                routeBySource);
    }

    /** A copy with the zero-event sensitivity table attached. */
    public Analysis withZeroEvents(List<ZeroEventRow> z) {
        return new Analysis(outcome, subgroup, k, kDoubleZeroExcluded, kNotEstimable, eventsMsc, nMsc, eventsControl,
                nControl, common, random, heterogeneity, studies, sensitivity, incidence, z, summaryOfFindings,
                routeBySource);
    }

    /** A copy with the summary-of-findings row attached. */
    public Analysis withSummaryOfFindings(SummaryOfFindings f) {
        return new Analysis(outcome, subgroup, k, kDoubleZeroExcluded, kNotEstimable, eventsMsc, nMsc, eventsControl,
                nControl, common, random, heterogeneity, studies, sensitivity, incidence, zeroEvents, f, routeBySource);
    }

    /** A copy with the route x cell-source analysis attached. */
    public Analysis withRouteBySource(RouteBySource r) {
        return new Analysis(outcome, subgroup, k, kDoubleZeroExcluded, kNotEstimable, eventsMsc, nMsc, eventsControl,
                nControl, common, random, heterogeneity, studies, sensitivity, incidence, zeroEvents, summaryOfFindings,
                r);
    }
}

package org.mscmeta.tablesaw;

import java.util.List;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.StudyTable;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.pool.Heterogeneity;
import org.mscmeta.sheet.ExtractionSheet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A run's results as Tablesaw {@link Table}s, to filter, join and export as a data frame. Column names are those of
 * results.json (docs/results-json.md); a value that does not exist is missing (NaN or a missing integer), and the
 * {@code *_not_estimable} columns say why.
 *
 * <pre>{@code
 * Table pooled = ResultTables.analyses(results);
 * Table byRoute = pooled.where(pooled.stringColumn("variable").isEqualTo("route"));
 * Table studies = ResultTables.studies(results.overall("Death"));
 * }</pre>
 */
public final class ResultTables {

    static {
        org.mscmeta.files.QuietLogging.forSlf4j(); // before Tablesaw's first class: no SLF4J warning
    }

    private ResultTables() {
    }

    /**
     * One row per outcome and subgroup (the overall analysis first, with {@code variable} and {@code level}
     * missing): k, the events and participants, both models' estimates with CI and p, tau2, I2, the prediction
     * interval, Q (and under the GLMM its Wald and likelihood-ratio tests), and on subgroup rows the tests for subgroup
     * differences of their variable.
     */
    public static Table analyses(Results results) {
        StringColumn outcome = StringColumn.create("outcome");
        StringColumn variable = StringColumn.create("variable");
        StringColumn level = StringColumn.create("level");
        IntColumn k = IntColumn.create("k");
        IntColumn kDz = IntColumn.create("k_double_zero_excluded");
        LongColumn eventsMsc = LongColumn.create("events_msc");
        LongColumn nMsc = LongColumn.create("n_msc");
        LongColumn eventsControl = LongColumn.create("events_control");
        LongColumn nControl = LongColumn.create("n_control");
        StringColumn cMethod = StringColumn.create("common_method");
        IntColumn cK = IntColumn.create("common_k");
        DoubleColumn cEst = DoubleColumn.create("common_estimate");
        DoubleColumn cLo = DoubleColumn.create("common_ci_lower");
        DoubleColumn cHi = DoubleColumn.create("common_ci_upper");
        DoubleColumn cP = DoubleColumn.create("common_p");
        StringColumn cWhy = StringColumn.create("common_not_estimable");
        StringColumn rMethod = StringColumn.create("random_tau2_method");
        BooleanColumn rHksj = BooleanColumn.create("random_hksj");
        IntColumn rK = IntColumn.create("random_k");
        DoubleColumn rEst = DoubleColumn.create("random_estimate");
        DoubleColumn rLo = DoubleColumn.create("random_ci_lower");
        DoubleColumn rHi = DoubleColumn.create("random_ci_upper");
        DoubleColumn rP = DoubleColumn.create("random_p");
        DoubleColumn piLo = DoubleColumn.create("random_pi_lower");
        DoubleColumn piHi = DoubleColumn.create("random_pi_upper");
        DoubleColumn tau2 = DoubleColumn.create("tau2");
        DoubleColumn rI2 = DoubleColumn.create("random_I2");
        StringColumn rWhy = StringColumn.create("random_not_estimable");
        DoubleColumn q = DoubleColumn.create("Q");
        IntColumn qDf = IntColumn.create("Q_df");
        DoubleColumn qP = DoubleColumn.create("Q_p");
        DoubleColumn i2 = DoubleColumn.create("I2");
        // the GLMM's own tests for heterogeneity (missing under other methods), as results.json names them
        DoubleColumn qWald = DoubleColumn.create("Q_wald");
        DoubleColumn qWaldP = DoubleColumn.create("Q_wald_p");
        DoubleColumn qLrt = DoubleColumn.create("Q_lrt");
        DoubleColumn qLrtP = DoubleColumn.create("Q_lrt_p");
        DoubleColumn tcQ = DoubleColumn.create("subgroup_test_common_Q");
        IntColumn tcDf = IntColumn.create("subgroup_test_common_df");
        DoubleColumn tcP = DoubleColumn.create("subgroup_test_common_p");
        DoubleColumn trQ = DoubleColumn.create("subgroup_test_random_Q");
        IntColumn trDf = IntColumn.create("subgroup_test_random_df");
        DoubleColumn trP = DoubleColumn.create("subgroup_test_random_p");
        boolean comparative = !results.settings().measure().isProportion();
        for (Analysis a : results.analyses()) {
            outcome.append(a.outcome());
            variable.append(a.subgroup() == null ? null : a.subgroup().variable());
            level.append(a.subgroup() == null ? null : a.subgroup().level());
            k.append(a.k());
            kDz.append(a.kDoubleZeroExcluded());
            eventsMsc.append(a.eventsMsc());
            nMsc.append(a.nMsc());
            if (comparative) {
                eventsControl.append(a.eventsControl());
                nControl.append(a.nControl());
            } else { // a proportion pools the MSC arm alone, as results.json says (null)
                eventsControl.appendMissing();
                nControl.appendMissing();
            }
            CommonResult c = a.common();
            cMethod.append(c.method());
            count(cK, c.isFitted(), c.k());
            cEst.append(c.estimate());
            cLo.append(c.ciLower());
            cHi.append(c.ciUpper());
            cP.append(c.p());
            cWhy.append(c.notEstimable());
            RandomResult r = a.random();
            rMethod.append(r.tau2Method());
            if (r.isFitted()) {
                rHksj.append(r.hksj());
            } else {
                rHksj.appendMissing();
            }
            count(rK, r.isFitted(), r.k());
            rEst.append(r.estimate());
            rLo.append(r.ciLower());
            rHi.append(r.ciUpper());
            rP.append(r.p());
            piLo.append(r.piLower());
            piHi.append(r.piUpper());
            tau2.append(r.tau2());
            rI2.append(r.i2());
            rWhy.append(r.notEstimable());
            Heterogeneity h = a.heterogeneity();
            q.append(h == null ? Double.NaN : h.q());
            count(qDf, h != null, h == null ? 0 : h.df());
            qP.append(h == null ? Double.NaN : h.p());
            i2.append(h == null ? Double.NaN : h.i2());
            org.mscmeta.pool.HeterogeneityTests t = h == null ? null : h.glmm();
            qWald.append(t == null ? Double.NaN : t.wald());
            qWaldP.append(t == null ? Double.NaN : t.waldP());
            qLrt.append(t == null ? Double.NaN : t.lrt());
            qLrtP.append(t == null ? Double.NaN : t.lrtP());
            SubgroupComparison common = a.subgroup() == null ? null : test(results, a, "common");
            SubgroupComparison random = a.subgroup() == null ? null : test(results, a, "random");
            tcQ.append(common == null ? Double.NaN : common.q());
            count(tcDf, common != null, common == null ? 0 : common.df());
            tcP.append(common == null ? Double.NaN : common.p());
            trQ.append(random == null ? Double.NaN : random.q());
            count(trDf, random != null, random == null ? 0 : random.df());
            trP.append(random == null ? Double.NaN : random.p());
        }
        return Table.create("analyses", outcome, variable, level, k, kDz, eventsMsc, nMsc, eventsControl, nControl,
                cMethod, cK, cEst, cLo, cHi, cP, cWhy, rMethod, rHksj, rK, rEst, rLo, rHi, rP, piLo, piHi, tau2, rI2,
                rWhy, q, qDf, qP, i2, qWald, qWaldP, qLrt, qLrtP, tcQ, tcDf, tcP, trQ, trDf, trP);
    }

    /** The tests for subgroup differences: one row per outcome, variable and model ("common", "random"). */
    public static Table subgroupTests(Results results) {
        StringColumn outcome = StringColumn.create("outcome");
        StringColumn variable = StringColumn.create("variable");
        StringColumn model = StringColumn.create("model");
        DoubleColumn q = DoubleColumn.create("Q");
        IntColumn df = IntColumn.create("df");
        DoubleColumn p = DoubleColumn.create("p");
        DoubleColumn i2 = DoubleColumn.create("I2");
        for (SubgroupComparison t : results.subgroupTests()) {
            outcome.append(t.outcome());
            variable.append(t.variable());
            model.append(t.model());
            q.append(t.q());
            df.append(t.df());
            p.append(t.p());
            i2.append(t.i2());
        }
        return Table.create("subgroup_tests", outcome, variable, model, q, df, p, i2);
    }

    /**
     * One row per study of an analysis, in the sheet's order: its row, label, counts, effect ({@code yi},
     * {@code vi}), the estimate with CI on the natural scale, and its weights (percent) in both models.
     */
    public static Table studies(Analysis analysis) {
        return studies(List.of(analysis), "studies of " + analysis.outcome()
                + (analysis.subgroup() == null ? "" : ", " + analysis.subgroup().variable() + " "
                + analysis.subgroup().level()));
    }

    /** The studies of every outcome's overall analysis, one table (the {@code outcome} column tells them apart). */
    public static Table studies(Results results) {
        return studies(results.analyses().stream().filter(a -> a.subgroup() == null).toList(), "studies");
    }

    private static Table studies(List<Analysis> analyses, String name) {
        StringColumn outcome = StringColumn.create("outcome");
        StringColumn variable = StringColumn.create("variable");
        StringColumn level = StringColumn.create("level");
        IntColumn row = IntColumn.create("row");
        StringColumn study = StringColumn.create("study");
        IntColumn year = IntColumn.create("year");
        BooleanColumn included = BooleanColumn.create("included");
        StringColumn exclusion = StringColumn.create("exclusion");
        IntColumn eventsMsc = IntColumn.create("events_msc");
        IntColumn nMsc = IntColumn.create("n_msc");
        IntColumn eventsControl = IntColumn.create("events_control");
        IntColumn nControl = IntColumn.create("n_control");
        BooleanColumn corrected = BooleanColumn.create("corrected");
        DoubleColumn yi = DoubleColumn.create("yi");
        DoubleColumn vi = DoubleColumn.create("vi");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn lo = DoubleColumn.create("ci_lower");
        DoubleColumn hi = DoubleColumn.create("ci_upper");
        DoubleColumn wc = DoubleColumn.create("weight_common");
        DoubleColumn wr = DoubleColumn.create("weight_random");
        for (Analysis a : analyses) {
            StudyTable t = a.studies();
            for (int j = 0; j < t.size(); j++) {
                outcome.append(a.outcome());
                variable.append(a.subgroup() == null ? null : a.subgroup().variable());
                level.append(a.subgroup() == null ? null : a.subgroup().level());
                row.append(t.row(j));
                study.append(t.study(j));
                count(year, t.year(j) != ExtractionSheet.NO_YEAR, t.year(j));
                included.append(t.included(j));
                exclusion.append(t.exclusion(j));
                eventsMsc.append(t.eventsMsc(j));
                nMsc.append(t.nMsc(j));
                count(eventsControl, t.nControl(j) >= 0, t.eventsControl(j));
                count(nControl, t.nControl(j) >= 0, t.nControl(j));
                corrected.append(t.corrected(j));
                yi.append(t.yi(j));
                vi.append(t.vi(j));
                estimate.append(t.estimate(j));
                lo.append(t.ciLower(j));
                hi.append(t.ciUpper(j));
                wc.append(t.weightCommon(j));
                wr.append(t.weightRandom(j));
            }
        }
        return Table.create(name, outcome, variable, level, row, study, year, included, exclusion, eventsMsc, nMsc,
                eventsControl, nControl, corrected, yi, vi, estimate, lo, hi, wc, wr);
    }

    private static void count(IntColumn c, boolean exists, int value) {
        if (exists) {
            c.append(value);
        } else {
            c.appendMissing();
        }
    }

    private static SubgroupComparison test(Results results, Analysis a, String model) {
        for (SubgroupComparison t : results.subgroupTests(a.outcome(), a.subgroup().variable())) {
            if (t.model().equals(model)) {
                return t;
            }
        }
        return null;
    }
}

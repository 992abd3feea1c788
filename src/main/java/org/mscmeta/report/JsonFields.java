package org.mscmeta.report;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import java.util.List;
import org.mscmeta.Tool;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Sensitivity;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.pool.Heterogeneity;
import org.mscmeta.sensitivity.MetaRegression;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Notice;

/**
 * The fields of results.json (docs/results-json.md): how each result record is written, in order. Field names are
 * part of the contract: do not rename them. Numbers are written in full precision; a value that does not exist is
 * {@code null}.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The head of the document: opens it, then the tool, the input and the settings. */
    static void head(JsonGenerator g, String input, int rows, Settings settings, RunInfo run) {
        g.writeStartObject();
        g.writeObjectPropertyStart("tool");
        g.writeStringProperty("name", Tool.name());
        g.writeStringProperty("version", Tool.version());
        g.writeEndObject();
        g.writeObjectPropertyStart("input");
        g.writeStringProperty("file", input);
        g.writeStringProperty("path", run == null ? null : run.inputPath());
        g.writeStringProperty("sha256", run == null ? null : run.inputSha256());
        g.writeNumberProperty("rows", rows);
        g.writeEndObject();
        settings(g, settings);
    }

    /** After the analyses: the tests for subgroup differences and the notices. */
    static void tail(JsonGenerator g, Results r) {
        g.writeArrayPropertyStart("subgroup_tests");
        for (SubgroupComparison t : r.subgroupTests()) {
            g.writeStartObject();
            g.writeStringProperty("outcome", t.outcome());
            g.writeStringProperty("variable", t.variable());
            g.writeStringProperty("model", t.model());
            num(g, "Q", t.q());
            g.writeNumberProperty("df", t.df());
            num(g, "p", t.p());
            num(g, "I2", t.i2());
            g.writeEndObject();
        }
        g.writeEndArray();
        falseDiscovery(g, r.falseDiscovery());
        g.writeArrayPropertyStart("notices");
        for (Notice n : r.notices()) {
            g.writeStartObject();
            g.writeStringProperty("category", n.category());
            g.writeStringProperty("outcome", n.outcome());
            g.writeStringProperty("message", n.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The outcomes' p-values adjusted across the run: Benjamini-Hochberg, and the double FDR by organ system. */
    private static void falseDiscovery(JsonGenerator g, org.mscmeta.analysis.FalseDiscovery f) {
        g.writeObjectPropertyStart("false_discovery");
        g.writeStringProperty("method", "Benjamini-Hochberg across outcomes; double FDR by organ system (Mehrotra"
                + " and Adewale 2012)");
        num(g, "alpha1", f.alpha1());
        num(g, "alpha2", f.alpha2());
        g.writeStringProperty("organ_system_column", f.column());
        g.writeArrayPropertyStart("outcomes");
        for (var o : f.outcomes()) {
            g.writeStartObject();
            g.writeStringProperty("outcome", o.outcome());
            g.writeStringProperty("organ_system", o.organSystem());
            num(g, "p", o.p());
            num(g, "p_bh", o.bh());
            g.writeBooleanProperty("flagged_bh", o.bhFlagged());
            num(g, "p_within_system", o.withinSystem());
            num(g, "system_p_adjusted", o.systemAdjusted());
            g.writeBooleanProperty("system_flagged", o.systemFlagged());
            g.writeBooleanProperty("flagged", o.flagged());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void settings(JsonGenerator g, Settings s) {
        g.writeObjectPropertyStart("settings");
        g.writeStringProperty("measure", s.measure().name());
        g.writeStringProperty("method", s.method().name());
        g.writeStringProperty("tau2", s.tau2Name());
        if (s.method() == org.mscmeta.analysis.Method.GLMM) {
            g.writeStringProperty("glmm_model", s.measure().isProportion() ? "PLO" : s.glmmModel());
        }
        g.writeBooleanProperty("hksj", s.hksj());
        g.writeNumberProperty("cc", s.cc().value());
        g.writeStringProperty("cc_mode", s.cc().mode().id());
        g.writeStringProperty("double_zero", s.effectiveDoubleZero().id());
        g.writeNumberProperty("level", s.level());
        g.writeArrayPropertyStart("by");
        for (String b : s.by()) {
            g.writeString(b);
        }
        g.writeEndArray();
        g.writeStringProperty("outcome", s.outcome());
        g.writeArrayPropertyStart("outcomes");
        for (String o : s.outcomes()) {
            g.writeString(o);
        }
        g.writeEndArray();
        g.writeStringProperty("prediction_interval", s.prediction().label());
        g.writeArrayPropertyStart("moderators");
        for (String m : s.moderators()) {
            g.writeString(m);
        }
        g.writeEndArray();
        g.writeStringProperty("sensitivity", s.sensitivity().id());
        g.writeStringProperty("convention", s.convention().label());
        num(g, "control_risk", s.controlRisk());
        num(g, "fdr_alpha1", s.multiplicity().alpha1());
        num(g, "fdr_alpha2", s.multiplicity().alpha2());
        g.writeStringProperty("organ_system", s.multiplicity().groupColumn());
        g.writeEndObject();
    }

    /**
     * {@code log_estimate} is the analysis-scale estimate (log ratio, logit, ...); null for RD, as in the metafor
     * reference cases.
     */
    static void analysis(JsonGenerator g, Analysis a, boolean ratio, boolean comparative, boolean registryScale,
                         List<String> moderators) {
        g.writeStartObject();
        g.writeStringProperty("outcome", a.outcome());
        if (a.subgroup() == null) {
            g.writeNullProperty("subgroup");
        } else {
            g.writeObjectPropertyStart("subgroup");
            g.writeStringProperty("variable", a.subgroup().variable());
            g.writeStringProperty("level", a.subgroup().level());
            g.writeEndObject();
        }
        g.writeNumberProperty("k", a.k());
        g.writeNumberProperty("k_double_zero_excluded", a.kDoubleZeroExcluded());
        g.writeNumberProperty("k_not_estimable", a.kNotEstimable());
        g.writeNumberProperty("events_msc", a.eventsMsc());
        g.writeNumberProperty("n_msc", a.nMsc());
        if (comparative) {
            g.writeNumberProperty("events_control", a.eventsControl());
            g.writeNumberProperty("n_control", a.nControl());
        } else { // a proportion pools the MSC arm alone: it has no control arm to total
            g.writeNullProperty("events_control");
            g.writeNullProperty("n_control");
        }
        common(g, a.common(), ratio);
        random(g, a.random(), ratio);
        heterogeneity(g, a.heterogeneity());
        g.writeArrayPropertyStart("studies");
        boolean slim = a.subgroup() != null && (registryScale || a.studies().size() > ResultsJson.SLIM_SUBGROUP_STUDIES);
        org.mscmeta.analysis.StudyTable studies = a.studies();
        double[] values = new double[STUDY_NUMBERS.length];
        for (int j = 0; j < studies.size(); j++) {
            if (slim) {
                slimStudy(g, studies, j, values);
            } else {
                study(g, studies, j, values);
            }
        }
        g.writeEndArray();
        if (a.sensitivity() != null) {
            sensitivity(g, a.sensitivity(), ratio, moderators);
        }
        if (a.incidence() != null) {
            incidence(g, a.incidence());
        }
        if (!a.zeroEvents().isEmpty()) {
            g.writeArrayPropertyStart("zero_event_sensitivity");
            for (var z : a.zeroEvents()) {
                g.writeStartObject();
                g.writeStringProperty("method", z.method());
                g.writeStringProperty("measure", z.measure());
                g.writeStringProperty("model", z.model());
                g.writeNumberProperty("k", z.k());
                num(g, "estimate", z.estimate());
                num(g, "ci_lower", z.ciLower());
                num(g, "ci_upper", z.ciUpper());
                g.writeStringProperty("note", z.note());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (a.summaryOfFindings() != null) {
            summaryOfFindings(g, a.summaryOfFindings());
        }
        if (a.routeBySource() != null) {
            routeBySource(g, a.routeBySource());
        }
        g.writeEndObject();
    }

    /** The outcome's row of the GRADE summary of findings; risks per 1,000. */
    private static void summaryOfFindings(JsonGenerator g, org.mscmeta.analysis.SummaryOfFindings f) {
        g.writeObjectPropertyStart("summary_of_findings");
        g.writeNumberProperty("participants", f.participants());
        g.writeNumberProperty("studies", f.studies());
        g.writeStringProperty("measure", f.measure());
        g.writeStringProperty("model", f.model());
        num(g, "relative_estimate", f.relative());
        num(g, "relative_ci_lower", f.relativeLower());
        num(g, "relative_ci_upper", f.relativeUpper());
        num(g, "control_risk", f.controlRisk());
        g.writeStringProperty("control_risk_source", f.controlRiskSource() == null ? null
                : f.controlRiskSource().words());
        num(g, "control_per_1000", 1000 * f.controlRisk());
        num(g, "msc_per_1000", f.mscPer1000());
        num(g, "msc_per_1000_ci_lower", f.mscLower());
        num(g, "msc_per_1000_ci_upper", f.mscUpper());
        num(g, "difference_per_1000", f.differencePer1000());
        num(g, "difference_per_1000_ci_lower", f.differenceLower());
        num(g, "difference_per_1000_ci_upper", f.differenceUpper());
        g.writeStringProperty("not_estimable", f.notEstimable());
        g.writeEndObject();
    }

    /**
     * The route x cell-source analysis: {@code main_effects}, {@code interaction} and {@code cells}, fields of the
     * outcome's overall analysis (as the reference values name them), and {@code route_by_cell_source} with the
     * levels and the notes.
     */
    private static void routeBySource(JsonGenerator g, org.mscmeta.analysis.RouteBySource r) {
        g.writeObjectPropertyStart("route_by_cell_source");
        g.writeArrayPropertyStart("routes");
        r.routes().forEach(g::writeString);
        g.writeEndArray();
        g.writeArrayPropertyStart("cell_sources");
        r.sources().forEach(g::writeString);
        g.writeEndArray();
        g.writeNumberProperty("left_out", r.leftOut());
        g.writeArrayPropertyStart("notes");
        r.notes().forEach(g::writeString);
        g.writeEndArray();
        g.writeArrayPropertyStart("without_estimate");
        for (var c : r.withoutEstimate()) {
            g.writeStartObject();
            g.writeStringProperty("route", c.route());
            g.writeStringProperty("cell_source", c.source());
            g.writeStringProperty("not_estimable", c.notEstimable());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        model(g, "main_effects", r.mainEffects(), false);
        model(g, "interaction", r.interaction(), true);
        g.writeArrayPropertyStart("cells");
        for (var c : r.cells()) {
            g.writeStartObject();
            g.writeStringProperty("route", c.route());
            g.writeStringProperty("cell_source", c.source());
            g.writeNumberProperty("k", c.k());
            g.writeStringProperty("model", c.model());
            num(g, "tau2", c.tau2());
            num(g, "estimate", c.estimate());
            num(g, "ci_lower", c.ciLower());
            num(g, "ci_upper", c.ciUpper());
            num(g, "p", c.p());
            g.writeStringProperty("not_estimable", c.notEstimable());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void model(JsonGenerator g, String name, org.mscmeta.analysis.RouteBySource.Model m,
                              boolean interaction) {
        g.writeObjectPropertyStart(name);
        g.writeNumberProperty("k", m.k());
        num(g, "tau2", m.tau2());
        num(g, "QM", m.qm());
        g.writeNumberProperty("QM_df", m.qmDf());
        num(g, "QM_p", m.qmP());
        g.writeStringProperty("QM_not_estimable", m.qmNotEstimable());
        num(g, "QE", m.qe());
        g.writeNumberProperty("QE_df", m.qeDf());
        num(g, "QE_p", m.qeP());
        num(g, "R2", m.r2());
        if (interaction) {
            num(g, "interaction_QM", m.interactionQm());
            g.writeNumberProperty("interaction_df", m.interactionDf());
            num(g, "interaction_p", m.interactionP());
        }
        g.writeArrayPropertyStart("reference_levels");
        m.references().forEach(g::writeString);
        g.writeEndArray();
        g.writeArrayPropertyStart("coefficients");
        for (int j = 0; j < m.terms().size(); j++) {
            g.writeStartObject();
            g.writeStringProperty("term", m.terms().get(j));
            num(g, "estimate", m.coefficients()[j]);
            num(g, "se", m.se()[j]);
            num(g, "p", m.p()[j]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("dropped");
        m.dropped().forEach(g::writeString);
        g.writeEndArray();
        g.writeStringProperty("not_estimable", m.notEstimable());
        g.writeEndObject();
    }

    private static int singleArm(org.mscmeta.analysis.StudyTable studies) {
        int n = 0;
        for (int j = 0; j < studies.size(); j++) {
            if (studies.nControl(j) < 0) {
                n++;
            }
        }
        return n;
    }

    /** The incidence among MSC recipients beside a comparative analysis (its study rows are the MSC arms). */
    private static void incidence(JsonGenerator g, Analysis i) {
        g.writeObjectPropertyStart("incidence");
        g.writeStringProperty("measure", "PLOGIT");
        g.writeNumberProperty("k", i.k());
        g.writeNumberProperty("k_single_arm", singleArm(i.studies()));
        g.writeNumberProperty("events_msc", i.eventsMsc());
        g.writeNumberProperty("n_msc", i.nMsc());
        common(g, i.common(), false);
        random(g, i.random(), false);
        heterogeneity(g, i.heterogeneity());
        g.writeEndObject();
    }

    /** Keys as in src/test/resources/reference/sensitivity_cases.json. */
    private static void sensitivity(JsonGenerator g, Sensitivity s, boolean ratio, List<String> moderators) {
        g.writeArrayPropertyStart("leave_one_out");
        for (Sensitivity.Step st : s.leaveOneOut()) {
            g.writeStartObject();
            g.writeStringProperty("omitted", st.study());
            steps(g, st, ratio);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("cumulative");
        for (Sensitivity.Step st : s.cumulative()) {
            g.writeStartObject();
            g.writeStringProperty("added", st.study());
            steps(g, st, ratio);
            g.writeEndObject();
        }
        g.writeEndArray();
        if (s.egger() != null) {
            g.writeObjectPropertyStart("egger");
            num(g, "bias", s.egger().bias());
            num(g, "t", s.egger().t());
            g.writeNumberProperty("df", s.egger().df());
            num(g, "p", s.egger().p());
            num(g, "limit_estimate", s.egger().limitEstimate());
            g.writeEndObject();
        }
        if (s.begg() != null) {
            g.writeObjectPropertyStart("begg");
            num(g, "kendall_tau", s.begg().kendallTau());
            num(g, "z", s.begg().z());
            num(g, "p", s.begg().p());
            g.writeEndObject();
        }
        if (s.smallStudyNotEstimable() != null) {
            g.writeStringProperty("small_study_not_estimable", s.smallStudyNotEstimable());
        }
        if (s.trimAndFill() != null) {
            Sensitivity.Filled f = s.trimAndFill();
            g.writeObjectPropertyStart("trim_and_fill");
            g.writeStringProperty("model", "common");
            g.writeStringProperty("estimator", "L0");
            g.writeStringProperty("side", f.side());
            g.writeNumberProperty("k0", f.k0());
            num(g, "estimate", f.estimate());
            num(g, "ci_lower", f.ciLower());
            num(g, "ci_upper", f.ciUpper());
            g.writeEndObject();
        }
        MetaRegression m = s.metaRegression();
        if (m == null && s.metaRegressionNotEstimable() != null) {
            // asked for, not fitted: the moderators asked, and why, as a route x cell-source model says it
            g.writeObjectPropertyStart("meta_regression");
            g.writeArrayPropertyStart("moderators");
            moderators.forEach(g::writeString);
            g.writeEndArray();
            g.writeNullProperty("k");
            g.writeNullProperty("tau2");
            g.writeNullProperty("QM");
            g.writeNullProperty("QM_df");
            g.writeNullProperty("QM_p");
            g.writeNullProperty("QM_not_estimable");
            g.writeNullProperty("R2");
            g.writeNullProperty("QE");
            g.writeNullProperty("QE_df");
            g.writeNullProperty("QE_p");
            g.writeArrayPropertyStart("reference_levels");
            g.writeEndArray();
            g.writeArrayPropertyStart("dropped");
            g.writeEndArray();
            g.writeArrayPropertyStart("coefficients");
            g.writeEndArray();
            g.writeStringProperty("not_estimable", s.metaRegressionNotEstimable());
            g.writeEndObject();
        }
        if (m != null) {
            g.writeObjectPropertyStart("meta_regression");
            g.writeArrayPropertyStart("moderators");
            for (String t : m.terms().subList(1, m.terms().size())) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeNumberProperty("k", m.k());
            num(g, "tau2", m.tau2());
            num(g, "QM", m.qm());
            g.writeNumberProperty("QM_df", m.qmDf());
            num(g, "QM_p", m.qmP());
            g.writeStringProperty("QM_not_estimable", m.qmNotEstimable());
            num(g, "R2", m.r2());
            num(g, "QE", m.qe());
            g.writeNumberProperty("QE_df", m.qeDf());
            num(g, "QE_p", m.qeP());
            g.writeArrayPropertyStart("reference_levels");
            m.references().forEach(g::writeString);
            g.writeEndArray();
            g.writeArrayPropertyStart("dropped");
            m.dropped().forEach(g::writeString);
            g.writeEndArray();
            g.writeArrayPropertyStart("coefficients");
            for (int j = 0; j < m.terms().size(); j++) {
                g.writeStartObject();
                g.writeStringProperty("term", m.terms().get(j));
                num(g, "estimate", m.estimate()[j]);
                num(g, "se", m.se()[j]);
                num(g, "z", m.z()[j]);
                num(g, "p", m.p()[j]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNullProperty("not_estimable");
            g.writeEndObject();
        }
    }

    /** A refit's columns, as metafor's {@code leave1out} and {@code cumul} give them. */
    private static void steps(JsonGenerator g, Sensitivity.Step st, boolean ratio) {
        g.writeNumberProperty("row", st.row());
        g.writeStringProperty("model", st.model());
        g.writeNumberProperty("k", st.k());
        num(g, "estimate", st.estimate());
        num(g, "ci_lower", st.ciLower());
        num(g, "ci_upper", st.ciUpper());
        num(g, "log_estimate", ratio ? st.logEstimate() : Double.NaN);
        num(g, "se", st.se());
        num(g, "z", st.statistic());
        if (Double.isFinite(st.df())) {
            num(g, "t", st.statistic());
        }
        num(g, "df", st.df());
        num(g, "p", st.p());
        num(g, "tau2", st.tau2());
        num(g, "Q", st.q());
        num(g, "Q_p", st.qp());
        num(g, "I2", st.i2());
        num(g, "H2", st.h2());
        g.writeStringProperty("not_estimable", st.notEstimable());
    }

    private static void common(JsonGenerator g, CommonResult c, boolean ratio) {
        if (!c.isFitted()) {
            g.writeNullProperty("common");
            return;
        }
        g.writeObjectPropertyStart("common");
        g.writeStringProperty("method", c.method());
        g.writeNumberProperty("k", c.k());
        num(g, "estimate", c.estimate());
        num(g, "ci_lower", c.ciLower());
        num(g, "ci_upper", c.ciUpper());
        num(g, "log_estimate", ratio ? c.logEstimate() : Double.NaN);
        num(g, "se", c.se());
        num(g, "z", c.z());
        num(g, "p", c.p());
        if (c.method().equals("GLMM")) {
            num(g, "log_likelihood", c.logLik());
        }
        g.writeStringProperty("not_estimable", c.notEstimable());
        g.writeEndObject();
    }

    private static void random(JsonGenerator g, RandomResult r, boolean ratio) {
        if (!r.isFitted()) {
            g.writeNullProperty("random");
            return;
        }
        g.writeObjectPropertyStart("random");
        g.writeStringProperty("tau2_method", r.tau2Method());
        g.writeBooleanProperty("hksj", r.hksj());
        g.writeNumberProperty("k", r.k());
        num(g, "tau2", r.tau2());
        num(g, "tau", r.tau());
        num(g, "log_estimate", ratio ? r.logEstimate() : Double.NaN);
        num(g, "se", r.se());
        num(g, "estimate", r.estimate());
        num(g, "ci_lower", r.ciLower());
        num(g, "ci_upper", r.ciUpper());
        num(g, r.hksj() ? "t" : "z", r.statistic());
        num(g, "df", r.df());
        num(g, "p", r.p());
        num(g, "pi_lower", r.piLower());
        num(g, "pi_upper", r.piUpper());
        if (r.predictionNotEstimable() != null) {
            g.writeStringProperty("pi_not_estimable", r.predictionNotEstimable());
        }
        num(g, "I2", r.i2());
        num(g, "H2", r.h2());
        if (Double.isFinite(r.logLik())) {
            num(g, "log_likelihood", r.logLik());
        }
        g.writeStringProperty("not_estimable", r.notEstimable());
        g.writeEndObject();
    }

    private static void heterogeneity(JsonGenerator g, Heterogeneity h) {
        if (h == null) {
            g.writeNullProperty("heterogeneity");
            return;
        }
        g.writeObjectPropertyStart("heterogeneity");
        num(g, "Q", h.q());
        g.writeNumberProperty("df", h.df());
        num(g, "p", h.p());
        num(g, "I2", h.i2());
        num(g, "H2", h.h2());
        num(g, "tau2_ci_lower", h.tau2Lower());
        num(g, "tau2_ci_upper", h.tau2Upper());
        num(g, "I2_ci_lower", h.i2Lower());
        num(g, "I2_ci_upper", h.i2Upper());
        if (h.intervalNotEstimable() != null) {
            g.writeStringProperty("ci_not_estimable", h.intervalNotEstimable());
        }
        if (h.glmm() != null) {
            // the mixed logistic model's own tests (metafor's QE.Wld and QE.LRT), on the same df
            num(g, "Q_wald", h.glmm().wald());
            num(g, "Q_wald_p", h.glmm().waldP());
            num(g, "Q_lrt", h.glmm().lrt());
            num(g, "Q_lrt_p", h.glmm().lrtP());
            if (!h.glmm().isEstimable()) {
                g.writeStringProperty("glmm_tests_not_estimable", h.glmm().notEstimable());
            }
        }
        g.writeEndObject();
    }

    /**
     * A study row of a large subgroup level: name, spreadsheet row, inclusion and the weights within the level;
     * counts, effect and CI are those of the same row in the outcome's overall analysis.
     */
    private static void slimStudy(JsonGenerator g, org.mscmeta.analysis.StudyTable s, int j, double[] values) {
        g.writeStartObject();
        g.writeName(F_STUDY);
        g.writeString(s.study(j));
        g.writeName(F_ROW);
        g.writeNumber(s.row(j));
        g.writeName(F_INCLUDED);
        g.writeBoolean(s.included(j));
        values[0] = s.weightCommon(j);
        values[1] = s.weightRandom(j);
        numbers(g, SLIM_NUMBERS, values);
        g.writeEndObject();
    }

    // the study rows' field names, encoded once (tens of thousands of rows at registry scale)
    private static final SerializedString F_STUDY = new SerializedString("study");
    private static final SerializedString F_ROW = new SerializedString("row");
    private static final SerializedString F_YEAR = new SerializedString("year");
    private static final SerializedString F_INCLUDED = new SerializedString("included");
    private static final SerializedString F_EXCLUSION = new SerializedString("exclusion");
    private static final SerializedString F_EVENTS_MSC = new SerializedString("events_msc");
    private static final SerializedString F_N_MSC = new SerializedString("n_msc");
    private static final SerializedString F_EVENTS_CONTROL = new SerializedString("events_control");
    private static final SerializedString F_N_CONTROL = new SerializedString("n_control");
    private static final SerializedString F_CORRECTED = new SerializedString("corrected");
    private static final SerializedString F_YI = new SerializedString("yi");
    private static final SerializedString F_VI = new SerializedString("vi");
    private static final SerializedString F_ESTIMATE = new SerializedString("estimate");
    private static final SerializedString F_CI_LOWER = new SerializedString("ci_lower");
    private static final SerializedString F_CI_UPPER = new SerializedString("ci_upper");
    private static final SerializedString F_WEIGHT_COMMON = new SerializedString("weight_common");
    private static final SerializedString F_WEIGHT_RANDOM = new SerializedString("weight_random");

    /** A study row, read from the table's columns (no object per row: hundreds of thousands at registry scale). */
    private static void study(JsonGenerator g, org.mscmeta.analysis.StudyTable s, int j, double[] values) {
        g.writeStartObject();
        g.writeName(F_STUDY);
        g.writeString(s.study(j));
        g.writeName(F_ROW);
        g.writeNumber(s.row(j));
        g.writeName(F_YEAR);
        if (s.year(j) == ExtractionSheet.NO_YEAR) {
            g.writeNull();
        } else {
            g.writeNumber(s.year(j));
        }
        g.writeName(F_INCLUDED);
        g.writeBoolean(s.included(j));
        g.writeName(F_EXCLUSION);
        g.writeString(s.exclusion(j));
        g.writeName(F_EVENTS_MSC);
        g.writeNumber(s.eventsMsc(j));
        g.writeName(F_N_MSC);
        g.writeNumber(s.nMsc(j));
        g.writeName(F_EVENTS_CONTROL);
        if (s.nControl(j) < 0) {
            g.writeNull();
            g.writeName(F_N_CONTROL);
            g.writeNull();
        } else {
            g.writeNumber(s.eventsControl(j));
            g.writeName(F_N_CONTROL);
            g.writeNumber(s.nControl(j));
        }
        g.writeName(F_CORRECTED);
        g.writeBoolean(s.corrected(j));
        values[0] = s.yi(j);
        values[1] = s.vi(j);
        values[2] = s.estimate(j);
        values[3] = s.ciLower(j);
        values[4] = s.ciUpper(j);
        values[5] = s.weightCommon(j);
        values[6] = s.weightRandom(j);
        numbers(g, STUDY_NUMBERS, values);
        g.writeEndObject();
    }

    private static final SerializedString[] STUDY_NUMBERS = {F_YI, F_VI, F_ESTIMATE, F_CI_LOWER, F_CI_UPPER,
        F_WEIGHT_COMMON, F_WEIGHT_RANDOM};
    private static final SerializedString[] SLIM_NUMBERS = {F_WEIGHT_COMMON, F_WEIGHT_RANDOM};

    /**
     * The numbers of a study row, through one call site: tens of thousands of rows make these methods hot, and
     * with a call per field the JIT compiled a copy of the number writer into each, which made compiling them
     * take longer than writing a registry's rows.
     */
    private static void numbers(JsonGenerator g, SerializedString[] names, double[] values) {
        for (int f = 0; f < names.length; f++) {
            num(g, names[f], values[f]);
        }
    }

    private static void num(JsonGenerator g, SerializedString name, double v) {
        g.writeName(name);
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    private static void num(JsonGenerator g, String name, double v) {
        if (Double.isFinite(v)) {
            g.writeNumberProperty(name, v);
        } else {
            g.writeNullProperty(name);
        }
    }
}

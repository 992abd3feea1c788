package org.mscmeta.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.mscmeta.Tool;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.StudyResult;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.pool.Heterogeneity;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Notice;

/**
 * Renders {@link Results} as {@code results.json}, the contract of shared/docs/results-json.md, with Jackson's
 * streaming generator. Numbers are written in full precision; a value that does not exist is {@code null}.
 * Field names are part of the contract: do not rename them.
 */
public final class ResultsJson {

    /** The file name inside the output folder. */
    public static final String FILE_NAME = "results.json";

    private static final JsonFactory FACTORY = new JsonFactory();

    private ResultsJson() {
    }

    /** Writes {@code results.json} atomically into {@code dir}. */
    public static Path write(Results results, RunInfo run, Path dir) throws IOException {
        Path target = dir.resolve(FILE_NAME);
        AtomicFiles.write(target, out -> write(results, run, out));
        return target;
    }

    /** Writes the JSON document to a stream (left open). */
    public static void write(Results r, RunInfo run, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", Tool.name());
            g.writeStringField("version", Tool.version());
            g.writeEndObject();
            g.writeObjectFieldStart("input");
            g.writeStringField("file", r.input());
            g.writeStringField("path", run == null ? null : run.inputPath());
            g.writeStringField("sha256", run == null ? null : run.inputSha256());
            g.writeNumberField("rows", r.rows());
            g.writeEndObject();
            settings(g, r.settings());
            g.writeArrayFieldStart("analyses");
            boolean ratio = r.settings().measure().isRatio();
            for (Analysis a : r.analyses()) {
                analysis(g, a, ratio);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("subgroup_tests");
            for (SubgroupComparison t : r.subgroupTests()) {
                g.writeStartObject();
                g.writeStringField("outcome", t.outcome());
                g.writeStringField("variable", t.variable());
                g.writeStringField("model", t.model());
                num(g, "Q", t.q());
                g.writeNumberField("df", t.df());
                num(g, "p", t.p());
                num(g, "I2", t.i2());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notices");
            for (Notice n : r.notices()) {
                g.writeStartObject();
                g.writeStringField("category", n.category());
                g.writeStringField("outcome", n.outcome());
                g.writeStringField("message", n.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void settings(JsonGenerator g, Settings s) throws IOException {
        g.writeObjectFieldStart("settings");
        g.writeStringField("measure", s.measure().name());
        g.writeStringField("method", s.method().name());
        g.writeStringField("tau2", s.tau2Name());
        g.writeBooleanField("hksj", s.hksj());
        g.writeNumberField("cc", s.cc().value());
        g.writeStringField("cc_mode", s.cc().mode().id());
        g.writeStringField("double_zero", s.effectiveDoubleZero().id());
        g.writeNumberField("level", s.level());
        g.writeArrayFieldStart("by");
        for (String b : s.by()) {
            g.writeString(b);
        }
        g.writeEndArray();
        g.writeStringField("outcome", s.outcome());
        g.writeEndObject();
    }

    /** {@code log_estimate} exists only for ratio measures (null for RD, as in the metafor reference cases). */
    private static void analysis(JsonGenerator g, Analysis a, boolean ratio) throws IOException {
        g.writeStartObject();
        g.writeStringField("outcome", a.outcome());
        if (a.subgroup() == null) {
            g.writeNullField("subgroup");
        } else {
            g.writeObjectFieldStart("subgroup");
            g.writeStringField("variable", a.subgroup().variable());
            g.writeStringField("level", a.subgroup().level());
            g.writeEndObject();
        }
        g.writeNumberField("k", a.k());
        g.writeNumberField("k_double_zero_excluded", a.kDoubleZeroExcluded());
        g.writeNumberField("k_not_estimable", a.kNotEstimable());
        g.writeNumberField("events_msc", a.eventsMsc());
        g.writeNumberField("n_msc", a.nMsc());
        g.writeNumberField("events_control", a.eventsControl());
        g.writeNumberField("n_control", a.nControl());
        common(g, a.common(), ratio);
        random(g, a.random(), ratio);
        heterogeneity(g, a.heterogeneity());
        g.writeArrayFieldStart("studies");
        for (StudyResult s : a.studies()) {
            study(g, s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void common(JsonGenerator g, CommonResult c, boolean ratio) throws IOException {
        if (c == null) {
            g.writeNullField("common");
            return;
        }
        g.writeObjectFieldStart("common");
        g.writeStringField("method", c.method());
        num(g, "estimate", c.estimate());
        num(g, "ci_lower", c.ciLower());
        num(g, "ci_upper", c.ciUpper());
        num(g, "log_estimate", ratio ? c.logEstimate() : Double.NaN);
        num(g, "se", c.se());
        num(g, "z", c.z());
        num(g, "p", c.p());
        g.writeEndObject();
    }

    private static void random(JsonGenerator g, RandomResult r, boolean ratio) throws IOException {
        if (r == null) {
            g.writeNullField("random");
            return;
        }
        g.writeObjectFieldStart("random");
        g.writeStringField("tau2_method", r.tau2Method());
        g.writeBooleanField("hksj", r.hksj());
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
        g.writeEndObject();
    }

    private static void heterogeneity(JsonGenerator g, Heterogeneity h) throws IOException {
        if (h == null) {
            g.writeNullField("heterogeneity");
            return;
        }
        g.writeObjectFieldStart("heterogeneity");
        num(g, "Q", h.q());
        g.writeNumberField("df", h.df());
        num(g, "p", h.p());
        num(g, "I2", h.i2());
        num(g, "H2", h.h2());
        num(g, "tau2_ci_lower", h.tau2Lower());
        num(g, "tau2_ci_upper", h.tau2Upper());
        num(g, "I2_ci_lower", h.i2Lower());
        num(g, "I2_ci_upper", h.i2Upper());
        g.writeEndObject();
    }

    private static void study(JsonGenerator g, StudyResult s) throws IOException {
        g.writeStartObject();
        g.writeStringField("study", s.study());
        g.writeNumberField("row", s.row());
        if (s.year() == ExtractionSheet.NO_YEAR) {
            g.writeNullField("year");
        } else {
            g.writeNumberField("year", s.year());
        }
        g.writeBooleanField("included", s.included());
        g.writeStringField("exclusion", s.exclusion());
        g.writeNumberField("events_msc", s.eventsMsc());
        g.writeNumberField("n_msc", s.nMsc());
        if (s.nControl() < 0) {
            g.writeNullField("events_control");
            g.writeNullField("n_control");
        } else {
            g.writeNumberField("events_control", s.eventsControl());
            g.writeNumberField("n_control", s.nControl());
        }
        g.writeBooleanField("corrected", s.corrected());
        num(g, "yi", s.yi());
        num(g, "vi", s.vi());
        num(g, "estimate", s.estimate());
        num(g, "ci_lower", s.ciLower());
        num(g, "ci_upper", s.ciUpper());
        num(g, "weight_common", s.weightCommon());
        num(g, "weight_random", s.weightRandom());
        g.writeEndObject();
    }

    private static void num(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }
}

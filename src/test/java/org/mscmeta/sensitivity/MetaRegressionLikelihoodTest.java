package org.mscmeta.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.testing.ReferenceCases;
import tools.jackson.databind.JsonNode;

/**
 * Meta-regressions whose ML likelihood of tau2 has two maxima, against metafor's {@code rma(yi, vi, mods = ~ x)}
 * (reference-extra/likelihood_regression_cases.json, from src/test/r/likelihood_reference.R, which checks that
 * metafor's value is the higher maximum): tau2, coefficients, their standard errors, QM and QE.
 */
class MetaRegressionLikelihoodTest {

    static Stream<Arguments> cases() throws java.io.IOException {
        return ReferenceCases.load("reference-extra/likelihood_regression_cases.json").stream()
                .map(c -> Arguments.of(c.get("name").asString(), c));
    }

    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, ReferenceCases.REL_TOL * Math.max(Math.abs(expected), 1e-6), what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesMetafor(String name, JsonNode c) {
        double[] y = ReferenceCases.doubles(c.get("y"));
        double[] v = ReferenceCases.doubles(c.get("v"));
        double[] mod = ReferenceCases.doubles(c.get("x"));
        double[][] x = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            x[i] = new double[] {1, mod[i]};
        }
        MetaRegression fit = MetaRegression.fit(y, v, x, List.of("intercept", "x"), List.of(),
                TauSquared.parse(c.get("method").asString()), false);
        near(c.get("tau2").asDouble(), fit.tau2(), name + " tau2");
        double[] b = ReferenceCases.doubles(c.get("estimate"));
        double[] se = ReferenceCases.doubles(c.get("se"));
        for (int j = 0; j < b.length; j++) {
            near(b[j], fit.estimate()[j], name + " coefficient " + j);
            near(se[j], fit.se()[j], name + " se " + j);
        }
        near(c.get("QM").asDouble(), fit.qm(), name + " QM");
        near(c.get("QE").asDouble(), fit.qe(), name + " QE");
    }
    /**
     * Knapp-Hartung where the model fits the studies exactly (two effects of 0 in one cell, one study in each other):
     * metafor 3.8-1 ({@code rma(yi, vi, mods = ~ route + src, method = "PM", test = "knha")}, the redundant column
     * dropped) gives every coefficient a standard error of 0, t = +-Inf, p = 0, and QM = NA; the residual that is
     * rounding only gave an F of 3e32.
     */
    @org.junit.jupiter.api.Test
    void knappHartungOnAnExactFitHasNoF() {
        double[] y = {0.0357142857142857, 0, 0, -0.030303030303030276};
        double[] v = {0.017530672983479108, 0.019679218400162835, 0.005689576695493855, 0.004944867509911893};
        double[][] x = {{1, 1, 1, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}, {1, 1, 0, 1}};
        MetaRegression fit = MetaRegression.fit(y, v, x, List.of("intercept", "route = intravenous",
                "cell source = umbilical cord", "cell source = unknown"), List.of(), TauSquared.PM, true);
        assertEquals(List.of("cell source = unknown"), fit.dropped());
        double[] b = {7.2721001377030712e-18, -3.0303030303030297e-02, 6.6017316017316030e-02};
        for (int j = 0; j < b.length; j++) {
            assertEquals(b[j], fit.estimate()[j], 1e-12, "coefficient " + j);
            assertEquals(0, fit.se()[j], "se " + j);
        }
        assertEquals(0, fit.tau2(), 1e-12);
        assertEquals(0, fit.qe(), 1e-12);
        assertTrue(Double.isNaN(fit.qm()), "metafor's QM is NA: " + fit.qm());
        assertTrue(Double.isNaN(fit.qmP()));
        assertEquals(MetaRegression.EXACT_FIT, fit.qmNotEstimable());
    }
}

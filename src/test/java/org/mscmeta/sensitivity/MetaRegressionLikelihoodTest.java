package org.mscmeta.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

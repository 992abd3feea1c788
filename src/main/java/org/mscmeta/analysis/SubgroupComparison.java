package org.mscmeta.analysis;

/**
 * Test for subgroup differences of one outcome and variable.
 *
 * @param outcome  outcome name
 * @param variable subgroup variable
 * @param model    "common" or "random"
 * @param q        between-subgroup Q
 * @param df       subgroups - 1
 * @param p        p-value (NaN when df = 0)
 * @param i2       I2 of the between-subgroup Q, percent, as RevMan reports it
 */
public record SubgroupComparison(String outcome, String variable, String model, double q, int df, double p,
                                 double i2) {
}

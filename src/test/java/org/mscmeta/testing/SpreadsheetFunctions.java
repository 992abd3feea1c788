package org.mscmeta.testing;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.formula.eval.EvaluationException;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.OperandResolver;
import org.apache.poi.ss.formula.eval.ValueEval;

/**
 * The functions every spreadsheet program has that POI's formula evaluator (the tests' calculator) lacks, registered
 * once for the tests that recalculate a workbook: {@code CHIDIST} and {@code TINV}.
 */
public final class SpreadsheetFunctions {

    private static boolean registered;

    private SpreadsheetFunctions() {
    }

    /** Registers the functions with POI's evaluator (POI refuses a second registration: done once). */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        WorkbookEvaluator.registerFunction("CHIDIST", (args, row, col) -> {
            double q = number(args[0], row, col);
            double df = number(args[1], row, col);
            return new NumberEval(1 - new ChiSquaredDistribution(df).cumulativeProbability(q));
        });
        WorkbookEvaluator.registerFunction("TINV", (args, row, col) -> {
            double p = number(args[0], row, col);
            double df = number(args[1], row, col);
            // as exact as a spreadsheet's (Commons Math's default accuracy stops at 1e-9)
            return new NumberEval(new TDistribution(null, df, 1e-15).inverseCumulativeProbability(1 - p / 2));
        });
        registered = true;
    }

    private static double number(ValueEval v, int row, int col) {
        try {
            return OperandResolver.coerceValueToDouble(OperandResolver.getSingleValue(v, row, col));
        } catch (EvaluationException e) {
            throw new IllegalStateException(e);
        }
    }
}

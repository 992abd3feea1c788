package org.mscmeta.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.formula.eval.EvaluationException;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.OperandResolver;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Recalculating a workbook in the tests, with POI's formula evaluator: the functions every spreadsheet program has
 * that it lacks ({@code CHIDIST}, {@code TINV}), and the check that every formula gives the value written beside it.
 */
public final class Recalculation {

    private static boolean registered;

    private Recalculation() {
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

    /**
     * How far a recalculated value may be from the one written beside it (relative above 1): the two are the same
     * formula in another order of operations, so they differ by round-off, which a square root of a variance that
     * cancels to 0 magnifies (a Mantel-Haenszel risk difference of one table with every MSC participant and no control
     * participant affected: SE 0 written, 2.2e-9 recalculated, and the interval around it by as much).
     */
    private static final double TOLERANCE = 1e-8;

    /**
     * Recalculates every formula of {@code file} and adds to {@code problems} each whose value is not the one written
     * beside it (within {@link #TOLERANCE}, relative above 1), that gives an error where a number was written, or a number where
     * none was (the engine has none: the formula must give a blank); returns the number of values compared.
     */
    public static int check(Path file, List<String> problems) throws IOException {
        register();
        int checked = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            for (Sheet s : wb) {
                for (Row row : s) {
                    for (Cell c : row) {
                        if (c.getCellType() != CellType.FORMULA) {
                            continue;
                        }
                        CellValue v = ev.evaluate(c);
                        String at = s.getSheetName() + "!" + c.getAddress().formatAsString() + " =" + c.getCellFormula();
                        if (!((XSSFCell) c).getCTCell().isSetV()) {
                            // no value written (the engine has none): the formula gives none either, shown blank
                            boolean blank = v == null || v.getCellType() == CellType.BLANK
                                    || v.getCellType() == CellType.STRING && v.getStringValue().isEmpty();
                            if (!blank) {
                                problems.add(at + ": gives " + v.formatAsString() + ", where the engine has no value");
                            }
                        } else if (c.getCachedFormulaResultType() == CellType.NUMERIC) {
                            double written = c.getNumericCellValue();
                            if (v.getCellType() != CellType.NUMERIC) {
                                problems.add(at + ": gives " + v.formatAsString() + ", written " + written);
                            } else if (Math.abs(v.getNumberValue() - written) > TOLERANCE * Math.max(1,
                                    Math.abs(written))) {
                                problems.add(at + ": gives " + v.getNumberValue() + ", written " + written);
                            } else {
                                checked++;
                            }
                        } else if (v.getCellType() == CellType.ERROR) {
                            problems.add(at + ": gives " + v.formatAsString());
                        }
                    }
                }
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        return checked;
    }

    private static double number(ValueEval v, int row, int col) {
        try {
            return OperandResolver.coerceValueToDouble(OperandResolver.getSingleValue(v, row, col));
        } catch (EvaluationException e) {
            throw new IllegalStateException(e);
        }
    }
}

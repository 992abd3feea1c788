package org.mscmeta.effect;

import java.util.Locale;
import java.util.function.Function;

/**
 * A formula of one study's counts, written once and used twice: evaluated for the engine's numbers, and rendered as a
 * spreadsheet formula for the workbook, whose study rows recalculate when a count is edited. The per-study formulas
 * of every measure, convention and continuity correction are built from these ({@link EffectFormula}), so that the
 * workbook cannot compute a study differently from the engine.
 *
 * <p>Variables are the study's cells and corrections ({@link Var}); numbers, the four arithmetic operations,
 * {@code ln}, {@code sqrt}, {@code asin}, and a choice on a condition ({@link #when}). Evaluation is a walk of the
 * tree with doubles; rendering writes Excel's syntax ({@code LN}, {@code SQRT}, {@code ASIN}, {@code IF},
 * {@code AND}, {@code OR}), each operation parenthesised.
 */
public abstract class Expr {

    /** The quantities a study formula is written in. */
    public enum Var {
        /** Events in the MSC arm ({@code ai}). */
        A,
        /** Participants in the MSC arm ({@code n1i}). */
        N1,
        /** Events in the control arm ({@code ci}). */
        C,
        /** Participants in the control arm ({@code n2i}). */
        N2,
        /** The amount added to each MSC-arm cell (continuity correction). */
        K1,
        /** The amount added to each control-arm cell. */
        K2,
        /** The continuity correction asked for ({@code --cc}). */
        CC
    }

    Expr() {
    }

    /** The value with the variables' values {@code v} (indexed by {@link Var#ordinal()}). */
    public abstract double eval(double[] v);

    /** The formula in Excel's syntax, each variable written as {@code refs} gives it (a cell reference). */
    public final String excel(Function<Var, String> refs) {
        StringBuilder sb = new StringBuilder();
        write(sb, refs);
        return sb.toString();
    }

    abstract void write(StringBuilder sb, Function<Var, String> refs);

    /**
     * The same formula with {@code var} fixed at {@code value}, simplified ({@code x + 0} is {@code x}, an operation
     * on numbers is its number): the formula of a study without a correction, evaluated for most studies, is about
     * half as long. Its value is this formula's with {@code var = value} (conditions, which are of the counts, are
     * kept as they are).
     */
    public abstract Expr fix(Var var, double value);

    // ------------------------------------------------------------------ building

    /** A variable. */
    public static Expr of(Var v) {
        return new Variable(v);
    }

    /** A number. */
    public static Expr num(double d) {
        return new Constant(d);
    }

    public Expr plus(Expr b) {
        return new Binary('+', this, b);
    }

    public Expr minus(Expr b) {
        return new Binary('-', this, b);
    }

    public Expr times(Expr b) {
        return new Binary('*', this, b);
    }

    public Expr over(Expr b) {
        return new Binary('/', this, b);
    }

    /** {@code 1 / this}. */
    public Expr inverse() {
        return num(1).over(this);
    }

    public static Expr ln(Expr x) {
        return new Function1(Function1.LN, x);
    }

    public static Expr sqrt(Expr x) {
        return new Function1(Function1.SQRT, x);
    }

    public static Expr asin(Expr x) {
        return new Function1(Function1.ASIN, x);
    }

    /** {@code then} where {@code condition} holds, else {@code otherwise}. */
    public static Expr when(Condition condition, Expr then, Expr otherwise) {
        return new When(condition, then, otherwise);
    }

    /** A condition on a study's values. */
    public abstract static class Condition {
        Condition() {
        }

        abstract boolean test(double[] v);

        abstract void write(StringBuilder sb, Function<Var, String> refs);

        /** Both hold. */
        public Condition and(Condition b) {
            return new Junction(true, this, b);
        }

        /** Either holds. */
        public Condition or(Condition b) {
            return new Junction(false, this, b);
        }
    }

    /** {@code a = b}. */
    public static Condition equal(Expr a, Expr b) {
        return new Condition() {
            @Override
            boolean test(double[] v) {
                return a.eval(v) == b.eval(v);
            }

            @Override
            void write(StringBuilder sb, Function<Var, String> refs) {
                a.write(sb, refs);
                sb.append('=');
                b.write(sb, refs);
            }
        };
    }

    /** A condition that always or never holds (a decision made for a whole analysis). */
    public static Condition always(boolean holds) {
        return new Condition() {
            @Override
            boolean test(double[] v) {
                return holds;
            }

            @Override
            void write(StringBuilder sb, Function<Var, String> refs) {
                sb.append(holds ? "TRUE" : "FALSE");
            }
        };
    }

    // ------------------------------------------------------------------ nodes

    private static final class Variable extends Expr {
        private final Var v;
        private final int index;

        Variable(Var v) {
            this.v = v;
            this.index = v.ordinal();
        }

        @Override
        public double eval(double[] values) {
            return values[index];
        }

        @Override
        void write(StringBuilder sb, Function<Var, String> refs) {
            sb.append(refs.apply(v));
        }

        @Override
        public Expr fix(Var var, double value) {
            return var == v ? new Constant(value) : this;
        }
    }

    private static final class Constant extends Expr {
        private final double d;

        Constant(double d) {
            this.d = d;
        }

        @Override
        public double eval(double[] v) {
            return d;
        }

        @Override
        public Expr fix(Var var, double value) {
            return this;
        }

        @Override
        void write(StringBuilder sb, Function<Var, String> refs) {
            sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                    : String.format(Locale.ROOT, "%.17g", d).replaceAll("0+$", ""));
        }
    }

    private static final class Binary extends Expr {
        private final char op;
        private final Expr a;
        private final Expr b;

        Binary(char op, Expr a, Expr b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        public double eval(double[] v) {
            double x = a.eval(v);
            double y = b.eval(v);
            return switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                default -> x / y;
            };
        }

        @Override
        void write(StringBuilder sb, Function<Var, String> refs) {
            sb.append('(');
            a.write(sb, refs);
            sb.append(op);
            b.write(sb, refs);
            sb.append(')');
        }

        @Override
        public Expr fix(Var var, double value) {
            Expr x = a.fix(var, value);
            Expr y = b.fix(var, value);
            if (x instanceof Constant cx && y instanceof Constant cy) {
                return new Constant(new Binary(op, cx, cy).eval(null));
            }
            boolean zeroX = x instanceof Constant c && c.d == 0;
            boolean zeroY = y instanceof Constant c && c.d == 0;
            boolean oneY = y instanceof Constant c && c.d == 1;
            return switch (op) {
                case '+' -> zeroY ? x : zeroX ? y : new Binary(op, x, y);
                case '-' -> zeroY ? x : new Binary(op, x, y);
                default -> oneY ? x : new Binary(op, x, y);
            };
        }
    }

    private static final class Function1 extends Expr {
        static final int LN = 0;
        static final int SQRT = 1;
        static final int ASIN = 2;
        private static final String[] NAMES = {"LN", "SQRT", "ASIN"};
        private final int f;
        private final Expr x;

        Function1(int f, Expr x) {
            this.f = f;
            this.x = x;
        }

        @Override
        public double eval(double[] v) {
            double y = x.eval(v);
            return switch (f) {
                case LN -> Math.log(y);
                case SQRT -> Math.sqrt(y);
                default -> Math.asin(y);
            };
        }

        @Override
        void write(StringBuilder sb, Function<Var, String> refs) {
            sb.append(NAMES[f]).append('(');
            x.write(sb, refs);
            sb.append(')');
        }

        @Override
        public Expr fix(Var var, double value) {
            Expr y = x.fix(var, value);
            return y instanceof Constant c ? new Constant(new Function1(f, c).eval(null)) : new Function1(f, y);
        }
    }

    private static final class When extends Expr {
        private final Condition condition;
        private final Expr then;
        private final Expr otherwise;

        When(Condition condition, Expr then, Expr otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        public double eval(double[] v) {
            return condition.test(v) ? then.eval(v) : otherwise.eval(v);
        }

        @Override
        void write(StringBuilder sb, Function<Var, String> refs) {
            sb.append("IF(");
            condition.write(sb, refs);
            sb.append(',');
            then.write(sb, refs);
            sb.append(',');
            otherwise.write(sb, refs);
            sb.append(')');
        }

        @Override
        public Expr fix(Var var, double value) {
            return new When(condition, then.fix(var, value), otherwise.fix(var, value));
        }
    }

    private static final class Junction extends Condition {
        private final boolean and;
        private final Condition a;
        private final Condition b;

        Junction(boolean and, Condition a, Condition b) {
            this.and = and;
            this.a = a;
            this.b = b;
        }

        @Override
        boolean test(double[] v) {
            return and ? a.test(v) && b.test(v) : a.test(v) || b.test(v);
        }

        @Override
        void write(StringBuilder sb, Function<Var, String> refs) {
            sb.append(and ? "AND" : "OR").append('(');
            a.write(sb, refs);
            sb.append(',');
            b.write(sb, refs);
            sb.append(')');
        }
    }
}

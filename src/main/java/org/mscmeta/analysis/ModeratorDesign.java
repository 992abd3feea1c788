package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.mscmeta.sheet.TextColumn;
import org.mscmeta.sheet.Vocabulary;

/**
 * The design matrix of a meta-regression, as R's {@code model.matrix(~ ...)} builds it for metafor's {@code rma}: an
 * intercept, each numeric moderator as it is, each text moderator as a factor in treatment (dummy) coding whose first
 * level, alphabetically as R's {@code factor()} orders them, is the reference, and optionally the interaction of two
 * factors (the products of their dummies). Levels are compared ignoring case and punctuation first (the order of
 * R's {@code sort} in an English locale: {@code intra-articular < intrathecal < intravenous}), then as written.
 *
 * <p>A moderator is numeric when every study's value reads as a number; otherwise it is a factor. A study with no
 * value ("", "not reported") for a moderator is left out.
 *
 * @param terms      "intercept" and one name per column: {@code dose_cells_per_kg}, {@code route = intrathecal},
 *                   {@code route = intrathecal : cell_source = bone marrow}
 * @param x          per study used, its row (the intercept first)
 * @param used       positions (in the studies given) of the studies used
 * @param references per factor moderator, its reference level ("route" -> "intra-articular"); in moderator order
 * @param interactionColumns the columns of the interaction, if any
 */
public record ModeratorDesign(List<String> terms, double[][] x, int[] used, List<String[]> references,
                              int[] interactionColumns) {

    /** Orders factor levels as R's {@code factor()} does in an English locale. */
    static final Comparator<String> LEVEL_ORDER = Comparator
            .comparing((String s) -> s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""))
            .thenComparing(Comparator.naturalOrder());

    /** One moderator: its name and each study's value (as text). */
    record Moderator(String name, String[] values) {
    }

    /**
     * Builds the design for {@code moderators} over {@code n} studies.
     *
     * @param interaction whether to add the interaction of the first two moderators (both factors)
     */
    static ModeratorDesign of(List<Moderator> moderators, int n, boolean interaction) {
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        for (Moderator m : moderators) {
            for (int i = 0; i < n; i++) {
                String v = m.values()[i];
                if (v == null || v.isBlank() || v.equals(Vocabulary.NOT_REPORTED)) {
                    keep[i] = false;
                }
            }
        }
        int[] used = java.util.stream.IntStream.range(0, n).filter(i -> keep[i]).toArray();
        List<String> terms = new ArrayList<>();
        terms.add("intercept");
        List<double[]> columns = new ArrayList<>();
        columns.add(ones(used.length));
        List<String[]> references = new ArrayList<>();
        List<List<double[]>> dummies = new ArrayList<>();
        List<List<String>> dummyNames = new ArrayList<>();
        for (Moderator m : moderators) {
            double[] numeric = numeric(m, used);
            if (numeric != null) {
                terms.add(m.name());
                columns.add(numeric);
                dummies.add(null);
                dummyNames.add(null);
                continue;
            }
            TreeSet<String> levels = new TreeSet<>(LEVEL_ORDER);
            for (int i : used) {
                levels.add(m.values()[i].strip());
            }
            List<String> ordered = new ArrayList<>(levels);
            references.add(new String[] {m.name(), ordered.get(0)});
            List<double[]> ds = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int l = 1; l < ordered.size(); l++) {
                double[] d = new double[used.length];
                for (int r = 0; r < used.length; r++) {
                    d[r] = m.values()[used[r]].strip().equals(ordered.get(l)) ? 1 : 0;
                }
                String name = m.name() + " = " + ordered.get(l);
                terms.add(name);
                columns.add(d);
                ds.add(d);
                names.add(name);
            }
            dummies.add(ds);
            dummyNames.add(names);
        }
        int[] interactionColumns = new int[0];
        if (interaction && moderators.size() >= 2 && dummies.get(0) != null && dummies.get(1) != null) {
            List<Integer> idx = new ArrayList<>();
            for (int a = 0; a < dummies.get(0).size(); a++) {
                for (int b = 0; b < dummies.get(1).size(); b++) {
                    double[] d = new double[used.length];
                    for (int r = 0; r < used.length; r++) {
                        d[r] = dummies.get(0).get(a)[r] * dummies.get(1).get(b)[r];
                    }
                    idx.add(columns.size());
                    terms.add(dummyNames.get(0).get(a) + " : " + dummyNames.get(1).get(b));
                    columns.add(d);
                }
            }
            interactionColumns = idx.stream().mapToInt(Integer::intValue).toArray();
        }
        double[][] x = new double[used.length][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            for (int r = 0; r < used.length; r++) {
                x[r][j] = columns.get(j)[r];
            }
        }
        return new ModeratorDesign(List.copyOf(terms), x, used, List.copyOf(references), interactionColumns);
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    /** The values as numbers, or null when one does not read as a number (a factor). */
    private static double[] numeric(Moderator m, int[] used) {
        double[] out = new double[used.length];
        for (int r = 0; r < used.length; r++) {
            try {
                out[r] = Double.parseDouble(m.values()[used[r]].strip());
            } catch (NumberFormatException e) {
                return null;
            }
            if (!Double.isFinite(out[r])) {
                return null;
            }
        }
        return used.length == 0 ? null : out;
    }

    /** The reference levels in words: "route: intra-articular", one per factor moderator. */
    public List<String> referenceLevels() {
        List<String> out = new ArrayList<>();
        for (String[] r : references) {
            out.add(r[0] + ": " + r[1]);
        }
        return List.copyOf(out);
    }

    /** Fits the meta-regression of {@code y} (the studies given, with variances {@code v}) on this design. */
    org.mscmeta.sensitivity.MetaRegression fit(double[] y, double[] v, org.mscmeta.pool.TauSquared est, boolean hksj) {
        double[] yu = new double[used.length];
        double[] vu = new double[used.length];
        for (int r = 0; r < used.length; r++) {
            yu[r] = y[used[r]];
            vu[r] = v[used[r]];
        }
        return org.mscmeta.sensitivity.MetaRegression.fit(yu, vu, x, terms, referenceLevels(), est, hksj);
    }
}

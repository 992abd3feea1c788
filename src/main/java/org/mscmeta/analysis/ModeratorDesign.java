package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
    static final Comparator<String> LEVEL_ORDER = Comparator.comparing(ModeratorDesign::sortKey)
            .thenComparing(Comparator.naturalOrder());

    /** Letters and digits in lower case: the order's primary key. */
    private static String sortKey(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The distinct values of {@code values}, in {@link #LEVEL_ORDER} (each value compared once per sort). */
    static List<String> levels(Iterable<String> values) {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (String v : values) {
            distinct.add(v);
        }
        List<String> out = new ArrayList<>(distinct);
        out.sort(LEVEL_ORDER);
        return out;
    }

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
        int k = used.length;
        List<String> terms = new ArrayList<>();
        terms.add("intercept");
        List<String[]> references = new ArrayList<>();
        // each moderator: its values (numeric) or each study's level and the levels (factor); its first column
        int mods = moderators.size();
        double[][] numeric = new double[mods][];
        int[][] level = new int[mods][];
        List<List<String>> levelNames = new ArrayList<>();
        int[] firstColumn = new int[mods];
        for (int mi = 0; mi < mods; mi++) {
            Moderator m = moderators.get(mi);
            firstColumn[mi] = terms.size();
            numeric[mi] = numeric(m, used);
            if (numeric[mi] != null) {
                terms.add(m.name());
                levelNames.add(null);
                continue;
            }
            String[] stripped = new String[k];
            for (int r = 0; r < k; r++) {
                stripped[r] = m.values()[used[r]].strip();
            }
            List<String> ordered = levels(java.util.Arrays.asList(stripped));
            references.add(new String[] {m.name(), ordered.get(0)});
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            for (int l = 0; l < ordered.size(); l++) {
                index.put(ordered.get(l), l);
            }
            level[mi] = new int[k];
            for (int r = 0; r < k; r++) {
                level[mi][r] = index.get(stripped[r]);
            }
            for (int l = 1; l < ordered.size(); l++) {
                terms.add(m.name() + " = " + ordered.get(l));
            }
            levelNames.add(ordered);
        }
        int[] interactionColumns = new int[0];
        boolean crossed = interaction && mods >= 2 && level[0] != null && level[1] != null;
        int interactionFirst = terms.size();
        if (crossed) {
            int la = levelNames.get(0).size();
            int lb = levelNames.get(1).size();
            interactionColumns = new int[(la - 1) * (lb - 1)];
            for (int a = 1; a < la; a++) {
                for (int b = 1; b < lb; b++) {
                    interactionColumns[(a - 1) * (lb - 1) + b - 1] = terms.size();
                    terms.add(terms.get(firstColumn[0] + a - 1) + " : " + terms.get(firstColumn[1] + b - 1));
                }
            }
        }
        // the rows, written row by row: 1, the numbers, a 1 in the column of each level but the reference
        double[][] x = new double[k][terms.size()];
        for (int r = 0; r < k; r++) {
            double[] row = x[r];
            row[0] = 1;
            for (int mi = 0; mi < mods; mi++) {
                if (numeric[mi] != null) {
                    row[firstColumn[mi]] = numeric[mi][r];
                } else if (level[mi][r] > 0) {
                    row[firstColumn[mi] + level[mi][r] - 1] = 1;
                }
            }
            if (crossed && level[0][r] > 0 && level[1][r] > 0) {
                int lb = levelNames.get(1).size();
                row[interactionFirst + (level[0][r] - 1) * (lb - 1) + level[1][r] - 1] = 1;
            }
        }
        return new ModeratorDesign(List.copyOf(terms), x, used, List.copyOf(references), interactionColumns);
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

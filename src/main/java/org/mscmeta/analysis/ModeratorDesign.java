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
 * @param x          per study used, its row (the intercept first); studies with the same factor levels share one
 *                   array, so the rows are read, never written
 * @param used       positions (in the studies given) of the studies used
 * @param references per factor moderator, its reference level ("route" -> "intra-articular"); in moderator order
 */
public record ModeratorDesign(List<String> terms, double[][] x, int[] used, List<String[]> references) {

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

    /**
     * One moderator: its name, each study's value (as text), and whether it is a factor whatever the values of
     * these studies (a column of the sheet that holds text, as R reads the whole column).
     */
    record Moderator(String name, String[] values, boolean text) {
    }

    /**
     * A factor over the studies of a design: its levels in {@link #LEVEL_ORDER} (the first is the reference) and each
     * study's level, an index into them.
     */
    record Factor(String name, List<String> levels, int[] level) {
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
                if (missing(m.values()[i])) {
                    keep[i] = false;
                }
            }
        }
        int[] used = java.util.stream.IntStream.range(0, n).filter(i -> keep[i]).toArray();
        int k = used.length;
        // each moderator: its values (numeric) or its factor
        int mods = moderators.size();
        double[][] numeric = new double[mods][];
        Factor[] factors = new Factor[mods];
        List<String> names = new ArrayList<>();
        for (int mi = 0; mi < mods; mi++) {
            Moderator m = moderators.get(mi);
            names.add(m.name());
            numeric[mi] = m.text() ? null : numeric(m, used);
            if (numeric[mi] != null) {
                continue;
            }
            String[] stripped = new String[k];
            for (int r = 0; r < k; r++) {
                stripped[r] = m.values()[used[r]].strip();
            }
            List<String> ordered = levels(java.util.Arrays.asList(stripped));
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            for (int l = 0; l < ordered.size(); l++) {
                index.put(ordered.get(l), l);
            }
            int[] level = new int[k];
            for (int r = 0; r < k; r++) {
                level[r] = index.get(stripped[r]);
            }
            factors[mi] = new Factor(m.name(), ordered, level);
        }
        return build(names, numeric, factors, used, interaction);
    }

    /**
     * The design of factors whose levels every study has (a caller that keeps its values as codes: no text per
     * study); all studies are used.
     *
     * @param interaction whether to add the interaction of the first two factors
     */
    static ModeratorDesign ofFactors(List<Factor> factors, boolean interaction) {
        int k = factors.isEmpty() ? 0 : factors.get(0).level().length;
        List<String> names = new ArrayList<>();
        for (Factor f : factors) {
            names.add(f.name());
        }
        return build(names, new double[factors.size()][], factors.toArray(new Factor[0]),
                java.util.stream.IntStream.range(0, k).toArray(), interaction);
    }

    /**
     * The design: per moderator {@code numeric[mi]} (its values) or {@code factors[mi]}, over the studies
     * {@code used}. Studies with the same levels of factors alone share one row array.
     */
    private static ModeratorDesign build(List<String> names, double[][] numeric, Factor[] factors, int[] used,
                                         boolean interaction) {
        int k = used.length;
        int mods = names.size();
        List<String> terms = new ArrayList<>();
        terms.add("intercept");
        List<String[]> references = new ArrayList<>();
        int[] firstColumn = new int[mods];
        boolean factorsOnly = true;
        long combinations = 1;
        for (int mi = 0; mi < mods; mi++) {
            firstColumn[mi] = terms.size();
            if (numeric[mi] != null) {
                terms.add(names.get(mi));
                factorsOnly = false;
                continue;
            }
            List<String> ordered = factors[mi].levels();
            if (ordered.isEmpty()) {
                continue; // no study has a value: no level, no term (the caller says the model has too few studies)
            }
            references.add(new String[] {names.get(mi), ordered.get(0)});
            for (int l = 1; l < ordered.size(); l++) {
                terms.add(names.get(mi) + " = " + ordered.get(l));
            }
            combinations = Math.min(combinations * ordered.size(), Integer.MAX_VALUE);
        }
        boolean crossed = interaction && mods >= 2 && factors[0] != null && factors[1] != null;
        int interactionFirst = terms.size();
        if (crossed) {
            int la = factors[0].levels().size();
            int lb = factors[1].levels().size();
            // in the order of R's model.matrix (the first factor's levels vary fastest), so that a term no study
            // tells apart from the others is the one R drops
            for (int b = 1; b < lb; b++) {
                for (int a = 1; a < la; a++) {
                    terms.add(terms.get(firstColumn[0] + a - 1) + " : " + terms.get(firstColumn[1] + b - 1));
                }
            }
        }
        // the rows: 1, the numbers, a 1 in the column of each level but the reference; one array per combination
        // of levels when the moderators are all factors
        double[][] shared = factorsOnly && combinations <= 4096 ? new double[(int) combinations][] : null;
        double[][] x = new double[k][];
        for (int r = 0; r < k; r++) {
            int combination = 0;
            if (shared != null) {
                for (int mi = 0; mi < mods; mi++) {
                    combination = combination * factors[mi].levels().size() + factors[mi].level()[r];
                }
                if (shared[combination] != null) {
                    x[r] = shared[combination];
                    continue;
                }
            }
            double[] row = new double[terms.size()];
            row[0] = 1;
            for (int mi = 0; mi < mods; mi++) {
                if (numeric[mi] != null) {
                    row[firstColumn[mi]] = numeric[mi][r];
                } else if (factors[mi].level()[r] > 0) {
                    row[firstColumn[mi] + factors[mi].level()[r] - 1] = 1;
                }
            }
            if (crossed && factors[0].level()[r] > 0 && factors[1].level()[r] > 0) {
                int la = factors[0].levels().size();
                row[interactionFirst + (factors[1].level()[r] - 1) * (la - 1) + factors[0].level()[r] - 1] = 1;
            }
            x[r] = row;
            if (shared != null) {
                shared[combination] = row;
            }
        }
        return new ModeratorDesign(List.copyOf(terms), x, used, List.copyOf(references));
    }

    /** The values as numbers, or null when one does not read as a number (a factor). */
    private static double[] numeric(Moderator m, int[] used) {
        double[] out = new double[used.length];
        for (int r = 0; r < used.length; r++) {
            Double d = number(m.values()[used[r]]);
            if (d == null) {
                return null;
            }
            out[r] = d;
        }
        return used.length == 0 ? null : out;
    }

    /** Whether a moderator's or subgroup's value is missing: blank, or "not reported" (route, cell source). */
    static boolean missing(String value) {
        return value == null || value.isBlank() || value.equals(Vocabulary.NOT_REPORTED);
    }

    /** {@code text} as a finite number, or null when it is not one (a numeric moderator's value). */
    static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return org.mscmeta.sheet.DecimalText.parse(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The factor moderators that take one value among the studies used, each as "route is intravenous": such a factor
     * has no column (R's {@code model.matrix} refuses a factor of one level, "contrasts can be applied only to factors
     * with 2 or more levels"; here it is left out, and the caller says so).
     */
    public List<String> singleLevelFactors() {
        List<String> out = new ArrayList<>();
        for (String[] r : references) {
            String prefix = r[0] + " = ";
            if (terms.stream().noneMatch(t -> t.startsWith(prefix))) {
                out.add(r[0] + " is " + r[1]);
            }
        }
        return List.copyOf(out);
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

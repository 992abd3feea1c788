package org.mscmeta.report.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mscmeta.analysis.StudyResult;
import org.mscmeta.sheet.ExtractionSheet;

/**
 * The order of the study rows in forest plots ({@code --sort}): as in the input (default), by year, by effect
 * size, or by weight (largest first). Studies that are not estimable come last in the sorted orders. Only the
 * plots are reordered; results.json and the workbook keep the input order.
 */
public enum StudyOrder {
    INPUT, YEAR, EFFECT, WEIGHT;

    /** Parses {@code input}, {@code year}, {@code effect}, {@code weight}. */
    public static StudyOrder parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** The studies in this order; {@code random} chooses the weights shown. */
    List<StudyResult> apply(List<StudyResult> studies, boolean random) {
        List<StudyResult> out = new ArrayList<>(studies);
        Comparator<StudyResult> estimable = Comparator.comparing(st -> !st.included());
        switch (this) {
            case YEAR -> out.sort(estimable.thenComparingInt(st -> st.year() == ExtractionSheet.NO_YEAR
                    ? Integer.MAX_VALUE : st.year()));
            case EFFECT -> out.sort(estimable.thenComparingDouble(st -> Double.isNaN(st.yi()) ? 0 : st.yi()));
            case WEIGHT -> out.sort(estimable.thenComparingDouble(st -> {
                double w = random ? st.weightRandom() : st.weightCommon();
                return Double.isNaN(w) ? 0 : -w;
            }));
            default -> {
            }
        }
        return out;
    }
}

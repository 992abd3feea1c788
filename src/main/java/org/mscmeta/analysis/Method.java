package org.mscmeta.analysis;

import java.util.Locale;

/** Pooling method of the common-effect model. */
public enum Method {
    /** Mantel-Haenszel on the raw counts (metafor {@code rma.mh}). */
    MH("M-H", "Mantel-Haenszel"),
    /** Inverse variance on the per-study effects (metafor {@code rma.uni(method="EE")}). */
    IV("IV", "inverse variance"),
    /** Peto's one-step odds ratio (metafor {@code rma.peto}); odds ratio only. */
    PETO("Peto", "Peto"),
    /**
     * Generalised linear mixed model by maximum likelihood (metafor {@code rma.glmm}): the random-effects model is
     * the GLMM (OR: {@code --glmm-model UM.FS}; proportions: random-intercept logistic model); no correction.
     */
    GLMM("GLMM", "logistic model");

    private final String label;
    private final String words;

    Method(String label, String words) {
        this.label = label;
        this.words = words;
    }

    /** In words, for a reader: "Mantel-Haenszel", "inverse variance", "Peto", "logistic model". */
    public String words() {
        return words;
    }

    /** Short label as RevMan prints it, e.g. "M-H". */
    public String label() {
        return label;
    }

    /** Parses {@code MH}, {@code IV}, {@code PETO} case-insensitively. */
    public static Method parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}

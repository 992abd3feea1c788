package org.mscmeta.synth;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic registry-scale extraction sheet for benchmarks: {@code trials} trials, each reporting
 * {@code terms} adverse-event terms; routes and cell sources drawn from the vocabularies; 30% single-arm trials;
 * per-term baseline event rates from 0.2% to 25% with a modest, heterogeneous MSC effect. The same seed gives the
 * same sheet, byte for byte.
 */
public final class SyntheticRegistry {

    private static final List<String> ROUTES = List.of("intravenous", "intra-articular", "intrathecal",
            "intramyocardial", "intramuscular", "local implantation");
    private static final List<String> SOURCES = List.of("bone marrow", "umbilical cord", "adipose", "placenta",
            "umbilical cord blood");
    private static final List<String> TERM_ROOTS = List.of("Fever", "Headache", "Infection", "Nausea", "Fatigue",
            "Diarrhoea", "Vomiting", "Rash", "Arthralgia", "Back pain", "Dyspnoea", "Cough", "Hypertension",
            "Hypotension", "Anaemia", "Thrombocytopenia", "Neutropenia", "Pneumonia", "Sepsis", "Death",
            "Thrombosis", "Pulmonary embolism", "Myocardial infarction", "Arrhythmia", "Heart failure", "Stroke",
            "Seizure", "Malignancy", "Injection-site reaction", "Allergic reaction", "Liver enzyme elevation",
            "Acute kidney injury", "Dizziness", "Insomnia", "Constipation", "Abdominal pain", "Oedema", "Pain",
            "Urinary tract infection", "Upper respiratory infection");

    /** The header row of the sheet. */
    private static final String[] HEADER = {"study", "year", "trial_id", "route", "cell_source", "outcome",
        "events_msc", "n_msc", "events_control", "n_control"};

    private SyntheticRegistry() {
    }

    /**
     * Whether {@code file} begins as a sheet of this class does (its header, then the first trial's label), so that
     * a benchmark's sheet can be written again over the last one while a sheet of the user's is not replaced.
     */
    public static boolean isSynthetic(java.nio.file.Path file) throws IOException {
        byte[] start = new byte[512];
        int n;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, start.length);
        }
        String head = new String(start, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        String header = String.join(",", HEADER);
        return head.startsWith(header) && head.substring(header.length()).replaceFirst("^\r?\n", "")
                .startsWith(study(0) + ",");
    }

    /** The label of the {@code i}-th trial (from 0). */
    private static String study(int i) {
        return String.format(Locale.ROOT, "Trial %04d", i + 1);
    }

    /** Writes the sheet as CSV. */
    public static long write(Writer out, int trials, int terms, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] baseRate = new double[terms];
        double[] logRr = new double[terms];
        for (int t = 0; t < terms; t++) {
            baseRate[t] = Math.exp(Math.log(0.002) + rnd.nextDouble() * (Math.log(0.25) - Math.log(0.002)));
            logRr[t] = rnd.nextGaussian() * 0.2;
        }
        long rows = 0;
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(HEADER);
            for (int i = 0; i < trials; i++) {
                String study = study(i);
                String year = Integer.toString(2005 + rnd.nextInt(20));
                String nct = String.format(Locale.ROOT, "NCT%08d", 1_000_000 + i * 37);
                String route = ROUTES.get(pick(rnd, ROUTES.size()));
                String source = SOURCES.get(pick(rnd, SOURCES.size()));
                boolean singleArm = rnd.nextDouble() < 0.30;
                int n1 = 10 + rnd.nextInt(190);
                int n2 = singleArm ? 0 : 10 + rnd.nextInt(190);
                double trialShift = rnd.nextGaussian() * 0.3;
                for (int t = 0; t < terms; t++) {
                    double p2 = Math.min(0.95, baseRate[t] * Math.exp(trialShift));
                    double p1 = Math.min(0.95, p2 * Math.exp(logRr[t] + rnd.nextGaussian() * 0.25));
                    String term = terms <= TERM_ROOTS.size() ? TERM_ROOTS.get(t)
                            : TERM_ROOTS.get(t % TERM_ROOTS.size()) + " " + (t / TERM_ROOTS.size() + 1);
                    String e1 = Integer.toString(binomial(rnd, n1, p1));
                    String e2 = singleArm ? "" : Integer.toString(binomial(rnd, n2, p2));
                    csv.writeRecord(study, year, nct, route, source, term, e1, Integer.toString(n1), e2,
                            singleArm ? "" : Integer.toString(n2));
                    rows++;
                }
            }
        }
        return rows;
    }

    /** Routes and sources are skewed like the literature: the first values are the most common. */
    private static int pick(SplittableRandom rnd, int n) {
        double u = rnd.nextDouble();
        return Math.min(n - 1, (int) Math.floor(n * u * u));
    }

    private static int binomial(SplittableRandom rnd, int n, double p) {
        int x = 0;
        for (int j = 0; j < n; j++) {
            if (rnd.nextDouble() < p) {
                x++;
            }
        }
        return x;
    }
}

package org.mscmeta.invariants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A sheet at the edges, generated: ratios of about 1000 and 0.0008, an 80-character study name, tables whose every
 * participant had the event, an outcome of one study, one without control events, one of 45 studies, subgroups of one
 * study. Deterministic.
 */
public final class ExtremeSheet {

    private ExtremeSheet() {
    }

    /** Writes the sheet to {@code file} and returns it. */
    public static Path write(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("study,year,route,cell_source,outcome,events_msc,n_msc,events_control,n_control");
        String longName = "A study whose label is eighty characters long, to see it wrapped, not cut off (1)";
        rows.add(row(longName, 2015, "intravenous", "bone marrow", "Extreme ratios", 50, 50, 0, 1000));
        rows.add(row("Tiny ratio 2019", 2019, "intravenous", "adipose", "Extreme ratios", 0, 2000, 400, 500));
        rows.add(row("Middle 2020", 2020, "intrathecal", "adipose", "Extreme ratios", 12, 60, 10, 58));
        rows.add(row("Middle 2021", 2021, "intrathecal", "umbilical cord", "Extreme ratios", 9, 41, 7, 40));
        rows.add(row("All events A", 2016, "intravenous", "bone marrow", "All events", 10, 10, 12, 12));
        rows.add(row("All events B", 2017, "intravenous", "bone marrow", "All events", 8, 8, 9, 9));
        rows.add(row("Some events", 2018, "intravenous", "adipose", "All events", 5, 20, 7, 22));
        rows.add(row("Only one", 2018, "intra-articular", "adipose", "Single study", 3, 30, 1, 29));
        rows.add(row("No control A", 2018, "intravenous", "bone marrow", "No control events", 3, 30, 0, 29));
        rows.add(row("No control B", 2019, "intravenous", "adipose", "No control events", 2, 25, 0, 24));
        Random r = new Random(45);
        String[] routes = {"intravenous", "intrathecal", "intra-articular"};
        String[] sources = {"bone marrow", "adipose", "umbilical cord"};
        for (int i = 1; i <= 45; i++) {
            int n1 = 20 + r.nextInt(200);
            int n2 = 20 + r.nextInt(200);
            rows.add(row("Trial " + i, 2000 + i % 23, routes[i % 3], sources[(i / 3) % 3], "Many studies",
                    r.nextInt(n1 / 4 + 1), n1, r.nextInt(n2 / 4 + 1), n2));
        }
        Files.write(file, rows);
        return file;
    }

    private static String row(String study, int year, String route, String source, String outcome, int a, int n1,
                              int c, int n2) {
        return String.format(Locale.ROOT, "\"%s\",%d,%s,%s,%s,%d,%d,%d,%d", study, year, route, source, outcome, a, n1,
                c, n2);
    }
}

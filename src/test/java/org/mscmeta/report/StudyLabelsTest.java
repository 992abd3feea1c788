package org.mscmeta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.testing.Cli;
import org.mscmeta.testing.ReferenceCases;

/**
 * Two trials of one first author (Lee 2004's meta-analysis holds Agarwal 2000 and Agarwal 2002, labelled "Agarwal"
 * with the year in a column of its own): before, every figure and the workbook's sensitivity steps named both
 * "Agarwal", so a reader could not tell which was which. They are named with their year, as RevMan's study IDs are.
 */
class StudyLabelsTest {

    @TempDir
    Path dir;

    @Test
    void aLabelWithoutItsYearIsShownWithIt() {
        assertEquals("Agarwal 2000", StudyLabels.of("Agarwal", 2000));
        assertEquals("Monsel 2022", StudyLabels.of("Monsel 2022", 2022));
        assertEquals("Lee et al., 2004a", StudyLabels.of("Lee et al., 2004a", 2004));
        assertEquals("Lee 2019 (2)", StudyLabels.of("Lee 2019 (2)", 2019));
        assertEquals("Agarwal", StudyLabels.of("Agarwal", ExtractionSheet.NO_YEAR));
        // a label of another year (a trial published later than its label says) is shown as written
        assertEquals("Lee 2018", StudyLabels.of("Lee 2018", 2019));
        assertEquals("NCT01234567 2019", StudyLabels.of("NCT01234567", 2019));
    }

    @Test
    void theFiguresAndTheSensitivitySheetTellTwoTrialsOfOneAuthorApart() throws Exception {
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run("analyze", ReferenceCases.resource("data/lee2004.csv").toString(), "--out",
                out.toString(), "--quiet");
        assertEquals(0, run.status(), run.all());
        String forest = Files.readString(out.resolve("plots").resolve("forest-event.svg"));
        String leaveOneOut = Files.readString(out.resolve("plots").resolve("leave-one-out-event.svg"));
        for (String label : List.of("Agarwal 2000", "Agarwal 2002", "Alkaissi 1999", "Alkaissi 2002")) {
            assertTrue(forest.contains(">" + label + "<"), label);
            assertTrue(leaveOneOut.contains(">Omitting " + label + "<"), label);
        }
        assertTrue(Files.readString(out.resolve("plots").resolve("cumulative-event.svg"))
                .contains(">Adding Agarwal 2000<"));
        List<String> steps = new ArrayList<>();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("results.xlsx").toFile())) {
            wb.getSheet("Sensitivity").forEach(row -> {
                if (row.getCell(0) != null && row.getCell(0).toString().startsWith("Agarwal")) {
                    steps.add(row.getCell(0).toString());
                }
            });
        }
        assertEquals(List.of("Agarwal 2000", "Agarwal 2002"), steps.subList(0, 2));
        // results.json keeps the label as written, the year beside it
        JsonNode study = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("analyses").get(0)
                .get("studies").get(0);
        assertEquals("Agarwal", study.get("study").asString());
        assertEquals(2000, study.get("year").asInt());
    }
}

package org.mscmeta.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.Analyses;
import org.mscmeta.testing.Cli;
import tools.jackson.databind.JsonNode;

/**
 * An arm's events and total in one cell, as papers tabulate adverse events ("3/20" under "MSC" and "Control"): read
 * as the arm's two counts, with the results of the same counts in four columns; a cell that is not events/total is
 * refused naming the column as written (a date, as a spreadsheet makes of "3/20", with the reason); a control
 * column of events/total beside an MSC arm in columns of its own is refused instead of leaving every study
 * single-arm; a "control" column that describes the comparator reads as before.
 */
class ArmCellsTest {

    @TempDir
    Path dir;

    private static final String FOUR = "study,year,outcome,events_msc,n_msc,events_control,n_control\n"
            + "Adams 2015,2015,Fever,3,20,1,20\nBaker 2016,2016,Fever,2,30,4,30\nClark 2018,2018,Fever,0,15,1,15\n"
            + "Davis 2020,2020,Fever,7,60,4,62\nAdams 2015,2015,Death,1,20,0,20\nBaker 2016,2016,Death,0,30,0,30\n"
            + "Clark 2018,2018,Death,1,15,2,15\n";

    private JsonNode results(Path input) {
        return Analyses.results(input, dir.resolve("out-" + input.getFileName().toString().replace('.', '-')));
    }

    private Cli.Run run(String name, String csv) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, csv);
        return Cli.run("analyze", p.toString(), "--out", dir.resolve("out-" + name.replace('.', '-')).toString(),
                "--quiet", "--no-report");
    }


    @Test
    void eventsOverTotalInAnArmsColumnAreItsTwoCounts() throws Exception {
        Path four = dir.resolve("four.csv");
        Files.writeString(four, FOUR);
        JsonNode expected = results(four).get("analyses");
        Path slashes = dir.resolve("slashes.csv");
        Files.writeString(slashes, "study,year,outcome,MSC,Control\n"
                + "Adams 2015,2015,Fever,3/20,1/20\nBaker 2016,2016,Fever,2 / 30,4 of 30\n"
                + "Clark 2018,2018,Fever,0/15 (0%),1/15 (6.7%)\nDavis 2020,2020,Fever,7/60,4/62\n"
                + "Adams 2015,2015,Death,1/20,0/20\nBaker 2016,2016,Death,0/30,0/30\nClark 2018,2018,Death,1/15,2/15\n");
        JsonNode got = results(slashes);
        assertEquals(expected, got.get("analyses"));
        assertTrue(got.get("notices").toString().contains("slashes.csv: columns 'MSC' and 'Control' hold an arm's"
                + " events and total in one cell (events/total) and were read as two columns each (events, total)"),
                got.get("notices").toString());

        // a workbook with the arms over "n/N", a header of two rows, as a forest plot's table has it
        Path xlsx = dir.resolve("grouped.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("AE");
            String[][] rows = {
                {"", "", "", "Placebo", "MSC"},
                {"Study", "Year", "Outcome", "n/N", "n/N"},
                {"Adams 2015", "2015", "Fever", "1/20", "3/20"}, {"Baker 2016", "2016", "Fever", "4/30", "2/30"},
                {"Clark 2018", "2018", "Fever", "1/15", "0/15"}, {"Davis 2020", "2020", "Fever", "4/62", "7/60"},
                {"Adams 2015", "2015", "Death", "0/20", "1/20"}, {"Baker 2016", "2016", "Death", "0/30", "0/30"},
                {"Clark 2018", "2018", "Death", "2/15", "1/15"}};
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    if (j == 1 && i >= 2) {
                        r.createCell(j).setCellValue(Integer.parseInt(rows[i][j]));
                    } else {
                        r.createCell(j).setCellValue(rows[i][j]);
                    }
                }
            }
            try (OutputStream os = Files.newOutputStream(xlsx)) {
                wb.write(os);
            }
        }
        assertEquals(Analyses.withoutRows(expected), Analyses.withoutRows(results(xlsx).get("analyses")), "rows are one further down");

        // the MSC arm alone: single-arm studies, pooled as incidences
        JsonNode single = results(Files.writeString(dir.resolve("single.csv"), "study,outcome,MSC\nA 2015,Fever,3/20\n"
                + "B 2016,Fever,2/30\nC 2017,Fever,5/25\n"));
        assertEquals(3, single.get("input").get("rows").asInt());
    }

    @Test
    void aCellThatIsNotEventsOverTotalIsRefusedByItsColumn() throws Exception {
        Cli.Run r = run("bad.csv", "study,outcome,MSC,Control\nA 2015,Fever,3/20,1/20\nB 2016,Fever,,4/30\n"
                + "C 2017,Fever,2026-03-20,2/24\nD 2018,Fever,5/25,some\nE 2019,Fever,5/25,\nF 2020,Fever,4/25,NA\n"
                + "G 2021,Fever,NR,1/20\n");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.all().contains("bad.csv: row 3, column 'MSC': found a blank cell; expected the MSC arm's"
                + " participants with the event and its participants as events/total, e.g. 3/20"), r.all());
        assertTrue(r.all().contains("bad.csv: row 4, column 'MSC': found \"2026-03-20\"; expected the arm's"
                + " participants with the event and its participants as events/total, e.g. 3/20 (a spreadsheet turns"
                + " 3/20 typed into a cell into a date: format the column as text and type the counts again)"), r.all());
        assertTrue(r.all().contains("bad.csv: row 5, column 'Control': found \"some\""), r.all());
        assertTrue(r.all().contains("bad.csv: row 8, column 'MSC': found \"NR\"; expected the MSC arm's participants"
                + " with the event and its participants as events/total, e.g. 3/20 ('NR' is read as a mark of a value"
                + " not reported)"), r.all());
        assertTrue(r.all().contains("4 problems in the input"), r.all());
        assertFalse(r.all().contains("row 6") || r.all().contains("row 7"), "a blank or 'NA' control cell is a"
                + " single-arm study: " + r.all());
    }

    /** A value beyond the header counts the sheet's own columns, not the columns the split cells become. */
    @Test
    void aValueBeyondTheHeaderCountsTheSheetsColumns() throws Exception {
        Cli.Run r = run("beyond.csv", "study,outcome,MSC,Control\nA 2015,Fever,3/20,1/20,extra\n");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.all().contains("beyond.csv: row 2, column 'column 5': found \"extra\"; expected no value beyond the"
                + " last header column (4 columns)"), r.all());
    }

    @Test
    void aControlColumnOfEventsOverTotalBesideTheMscArmsColumnsIsRefused() throws Exception {
        Cli.Run r = run("mixed.csv", "study,outcome,events_msc,n_msc,Control\nA 2015,Fever,3,20,1/20\n"
                + "B 2016,Fever,2,30,4/30\n");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.all().contains("mixed.csv: row 1, column 'Control': found \"1/20\"; expected the control arm's"
                + " counts in events_control and n_control: this column holds events and totals"), r.all());

        // a column that describes the comparator is an ordinary column, as before
        Cli.Run described = run("described.csv", "study,outcome,events_msc,n_msc,events_control,n_control,control\n"
                + "A 2015,Fever,3,20,1,20,placebo\nB 2016,Fever,2,30,4,30,standard care\n");
        assertEquals(0, described.status(), described.all());
        Cli.Run singleArm = run("single-described.csv", "study,outcome,events_msc,n_msc,control\n"
                + "A 2015,Fever,3,20,none\nB 2016,Fever,2,30,none\n");
        assertEquals(0, singleArm.status(), singleArm.all());
    }
}

package org.mscmeta.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each validation rule of the extraction sheet, with the row and column its message names. */
class ValidationTest {

    private static final String HEADER = "study,year,route,cell_source,outcome,events_msc,n_msc,events_control,n_control";

    @TempDir
    Path dir;

    private List<InputProblem> problems(String... lines) throws IOException {
        Path f = dir.resolve("sheet.csv");
        Files.writeString(f, String.join("\n", lines) + "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SheetReader.withBuiltInVocabulary().read(f, null));
        assertEquals(e.total(), e.problems().size());
        return e.problems();
    }

    /** {@code text} written as {@code name} in the test's folder and read. */
    private ExtractionSheet read(String name, String text) throws IOException, InvalidInputException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return SheetReader.withBuiltInVocabulary().read(f, null);
    }

    private static void assertProblem(InputProblem p, int row, String column, String valueFound, String expectedPart) {
        assertEquals("sheet.csv", p.file());
        assertEquals(row, p.row(), p.message());
        assertEquals(column, p.column(), p.message());
        assertEquals(valueFound, p.value(), p.message());
        assertTrue(p.expected().contains(expectedPart), p.message());
        assertTrue(p.message().startsWith("sheet.csv: row " + row + ", column '" + column + "'"), p.message());
    }

    @Test
    void missingRequiredColumn() throws IOException {
        List<InputProblem> ps = problems("study,outcome,events_msc", "A,Death,1");
        assertEquals(1, ps.size());
        assertProblem(ps.get(0), 1, "n_msc", null, "a column named n_msc (or n1i, total_msc, n_e, experimental_total, ");
    }

    /**
     * A study label or outcome that is a mark of a value not reported ("None", "NA") is missing; the problem shows
     * what the cell holds and why it counts as missing (it said "found a blank cell").
     */
    @Test
    void aLabelThatReadsAsMissingIsShownAsItIs() throws IOException {
        List<InputProblem> ps = problems("study,outcome,events_msc,n_msc", "None,Death,1,10", "B,NA,2,12");
        assertEquals(2, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "study", "None", "a study label such as 'Bowdish 2023' ('None' is read as a"
                + " mark of a value not reported)");
        assertProblem(ps.get(1), 3, "outcome", "NA", "an adverse-event outcome such as 'Death' ('NA' is read as a mark"
                + " of a value not reported)");
    }

    /**
     * A sheet grouped by study (or by outcome), its label written on the group's first row alone, as merged cells
     * saved as text leave it: each blank cell below is refused saying so and naming the label above (before, only
     * "found a blank cell"). A blank cell above any label, or a cell marked as not reported, says nothing of it.
     */
    @Test
    void aBlankLabelBelowOneWrittenOnceSaysTheSheetMayBeGrouped() throws IOException {
        List<InputProblem> ps = problems("study,outcome,events_msc,n_msc", ",Death,1,10", "A 2020,Death,1,10",
                ",Fever,2,10", ",Rash,2,10", "B 2021,Death,1,12", "B 2021,,3,12", "NA,Rash,2,12");
        assertEquals(5, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "study", "", "a study label such as 'Bowdish 2023'");
        assertFalse(ps.get(0).expected().contains("grouped"), ps.get(0).message());
        for (int i = 1; i <= 2; i++) {
            assertProblem(ps.get(i), 3 + i, "study", "", "a study label such as 'Bowdish 2023' (is the study written"
                    + " on row 3 alone, as 'A 2020', for the rows below it too? a sheet grouped by study, or merged"
                    + " cells saved as text, leaves the cells below it blank: write the study on each of its rows)");
        }
        assertProblem(ps.get(3), 7, "outcome", "", "(is the outcome written on row 6 alone, as 'Death', for the"
                + " rows below it too?");
        assertFalse(ps.get(4).expected().contains("grouped"), ps.get(4).message());
    }

    @Test
    void controlColumnWithoutItsPartner() throws IOException {
        List<InputProblem> ps = problems("study,outcome,events_msc,n_msc,events_control", "A,Death,1,10,2");
        assertProblem(ps.get(0), 1, "n_control", null, "needs both events_control and n_control");
    }

    /**
     * A row of totals copied with a paper's table (or RevMan's "Total (95% CI)", Stata's "Overall (I-squared ...)")
     * would count its participants twice: refused, naming it. A trial of such a name with its year is a study.
     */
    @Test
    void aRowOfTotalsIsRefusedNotPooledAsAStudy() throws IOException {
        List<InputProblem> ps = problems(HEADER, "Adams 2020,2020,IV,BM,Death,1,10,1,10",
                "Baker 2021,2021,IV,BM,Death,2,12,1,11", "Total,,,,Death,3,22,2,21",
                "\"Total (95% CI)\",,,,Fever,3,22,2,21", "Overall (I-squared = 0.0%),,,,Rash,3,22,2,21",
                " subtotal: ,,,,Rash,3,22,2,21");
        assertEquals(4, ps.size(), ps.toString());
        assertProblem(ps.get(0), 4, "study", "Total", "a row of totals or of a pooled result");
        assertProblem(ps.get(1), 5, "study", "Total (95% CI)", "delete the row, mscmeta pools the studies itself");
        assertProblem(ps.get(2), 6, "study", "Overall (I-squared = 0.0%)", "a row of totals");
        assertProblem(ps.get(3), 7, "study", "subtotal:", "(a trial so named: add its year to the label)");
        for (String study : new String[] {"Total 2015", "Sum 2019", "Overton 2020", "Allen 2018", "Poole 2017"}) {
            assertTrue(!SheetValidator.isTotalsLabel(study), study);
        }
    }

    /**
     * Headers as papers' tables write them: brackets, commas, hyphens and a footnote's asterisk read as underscores;
     * a percentage column beside a count stays a column of its own.
     */
    @Test
    void headersWithBracketsAndSignsNameTheirColumns() throws Exception {
        ExtractionSheet sheet = read("headers.csv",
                "Study,Outcome,Events (MSC),events_msc (%),\"N, MSC*\",Events - control,N (control)\n"
                + "A 2020,Fever,3,30,10,2,10\n");
        assertEquals(3, sheet.eventsMsc()[0]);
        assertEquals(10, sheet.nMsc()[0]);
        assertEquals(2, sheet.eventsControl()[0]);
        assertEquals(10, sheet.nControl()[0]);
        assertEquals("events_msc", Field.headerKey(" Events (MSC) "));
        assertEquals("cell_source", Field.headerKey("Cell-source"));
        assertEquals("events_msc_%", Field.headerKey("events_msc (%)"), "a percentage beside the count is its own");
    }

    /** The header repeated below the first table (two tables pasted together) is one problem, not one per column. */
    @Test
    void aRepeatedHeaderIsOneProblem() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,1,10,1,10", HEADER.toUpperCase(java.util.Locale.ROOT),
                "B,2021,IV,BM,Death,2,12,1,11");
        assertEquals(1, ps.size(), ps.toString());
        assertProblem(ps.get(0), 3, "study", "STUDY", "this row repeats the header (a second table pasted below the"
                + " first?): delete it");
    }

    /**
     * A second header row of units or sub-headings below the column names ("n", "N" over the counts) is one problem
     * saying what it looks like; before, it was six (a blank study, a blank outcome, four counts that are no numbers).
     */
    @Test
    void aRowOfUnitsBelowTheHeaderIsOneProblem() throws IOException {
        List<InputProblem> ps = problems(HEADER, ",,,,,n,N,n (%),N", "A,2020,IV,BM,Death,1,10,1,10");
        assertEquals(1, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "events_msc", "n", "this row holds no study and words where the counts go ('n',"
                + " 'N'): a second header row of sub-headings or units? Delete it, or write its words into the column"
                + " names above");
        // a study's row with a count written as a word stays that row's problem
        List<InputProblem> word = problems(HEADER, "A,2020,IV,BM,Death,two,ten,1,10");
        assertEquals(2, word.size(), word.toString());
        assertProblem(word.get(0), 2, "events_msc", "two", "a whole number of participants with the event");
    }

    @Test
    void nonNumericCount() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,two,10,1,10");
        assertEquals(1, ps.size());
        assertProblem(ps.get(0), 2, "events_msc", "two", "a whole number of participants with the event");
    }

    /** A bound ("<5", as registries hide small counts), an approximation, a footnote's mark, a decimal: each says why. */
    @Test
    void countsWithABoundAMarkOrADecimalGetAHint() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,<5,10,1,10", "B,2020,IV,BM,Death,3*,10,\u22642,10",
                "C,2020,IV,BM,Death,3a,10,~2,10", "D,2020,IV,BM,Death,3\u2020,10,\"1,5\",10");
        assertEquals(7, ps.size(), ps.toString());
        String bound = "(a count given only as a bound or an approximation, as registries hide small numbers, cannot be"
                + " pooled";
        assertProblem(ps.get(0), 2, "events_msc", "<5", bound);
        assertProblem(ps.get(1), 3, "events_msc", "3*", "(the count alone, 3, without the footnote mark '*')");
        assertProblem(ps.get(2), 3, "events_control", "\u22642", bound);
        assertProblem(ps.get(3), 4, "events_msc", "3a", "(the count alone, 3, without the footnote mark 'a')");
        assertProblem(ps.get(4), 4, "events_control", "~2", bound);
        assertProblem(ps.get(5), 5, "events_msc", "3\u2020", "(the count alone, 3, without the footnote mark '\u2020')");
        assertProblem(ps.get(6), 5, "events_control", "1,5", "(not a fraction: participants are counted in whole numbers");
    }

    /**
     * A footnote's mark "d" or "f" after a count is a mark like any other: Java reads "12d" and "40f" as numbers (its
     * literals' suffixes), and so, before, did the sheet, without a word; nor are hexadecimal, "NaN" or "Infinity"
     * numbers in a sheet. A dose so written is no number either (it is left blank, with a notice).
     */
    @Test
    void javasNumberSuffixesAreNoNumbersInASheet() throws Exception {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,12d,40f,1,10", "B,2020,IV,BM,Death,3,10,0x1p3,10",
                "C,2020,IV,BM,Death,3,10,2,Infinity");
        assertEquals(4, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "events_msc", "12d", "(the count alone, 12, without the footnote mark 'd')");
        assertProblem(ps.get(1), 2, "n_msc", "40f", "(the count alone, 40, without the footnote mark 'f')");
        assertProblem(ps.get(2), 3, "events_control", "0x1p3", "a whole number of participants with the event");
        assertProblem(ps.get(3), 4, "n_control", "Infinity", "a whole number of participants, at least 1");
        // the apostrophe that tells a spreadsheet to keep a number as text, when it has come along into the cell
        ps = problems(HEADER, "A,2020,IV,BM,Death,'12,40,\u20193,10");
        assertEquals(2, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "events_msc", "'12", "(the number alone, 12, without the apostrophe before it");
        assertProblem(ps.get(1), 2, "events_control", "\u20193", "(the number alone, 3, without the apostrophe");

        ExtractionSheet s = read("dose.csv", HEADER + ",dose_cells_per_kg\nA,2020,IV,BM,Death,1,10,1,10,1e6\n"
                + "B,2021,IV,BM,Death,2,10,1,10,2d\nC,2022,IV,BM,Death,3,10,1,10,1.5E+6\n");
        assertEquals(List.of("dose.csv: 1 row has a dose that is not a number (first: row 3); dose is left blank"
                + " there"), s.notices().stream().filter(n -> n.category().equals("dose")).map(Notice::message)
                .toList());
    }

    /**
     * Digits typed in full width, as an East Asian keyboard's input mode types them ("１２", "２０１５"), or in another
     * script's digits ("٣"), are the numbers they are, as a spreadsheet reads them: they were refused as no number.
     */
    @Test
    void digitsOfOtherScriptsAreReadAsTheDigitsTheyAre() throws Exception {
        ExtractionSheet s = read("fw.csv", HEADER + "\nA,\uFF12\uFF10\uFF11\uFF15,IV,BM,Death,\uFF11\uFF12,40,10,40\n"
                + "B,2016,IV,BM,Death,\u0663,30,\uFF15,\uFF13\uFF10\n");
        assertEquals(List.of(12, 3), java.util.Arrays.stream(s.eventsMsc()).boxed().toList());
        assertEquals(List.of(10, 5), java.util.Arrays.stream(s.eventsControl()).boxed().toList());
        assertEquals(List.of(40, 30), java.util.Arrays.stream(s.nControl()).boxed().toList());
        assertEquals(List.of(2015, 2016), java.util.Arrays.stream(s.year()).boxed().toList());
        // a full-width fraction is a fraction still, and superscript digits (a footnote's number) are no digits
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,\uFF11\uFF0E\uFF15,10,1,10",
                "B,2020,IV,BM,Death,3\u00B9,10,1,10");
        assertEquals(2, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "events_msc", "\uFF11\uFF0E\uFF15", "(not a fraction");
        assertProblem(ps.get(1), 3, "events_msc", "3\u00B9", "a whole number of participants with the event");
        // the ways a count is written that are read or hinted at, in full width too
        s = read("fwp.csv", HEADER + "\nA,2020,IV,BM,Death,\uFF16\uFF08\uFF12\uFF18\uFF0E\uFF16\uFF05\uFF09,21,1,10\n");
        assertEquals(List.of(6), java.util.Arrays.stream(s.eventsMsc()).boxed().toList());
        ps = problems(HEADER, "A,2020,IV,BM,Death,1,\"\uFF11\uFF0C\uFF10\uFF12\uFF11\",1,10");
        assertEquals(1, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "n_msc", "\uFF11\uFF0C\uFF10\uFF12\uFF11",
                "(write it without the thousands separator: 1021)");
        ps = problems(HEADER, "A,\uFF12\uFF10\uFF11\uFF15\uFF42,IV,BM,Death,1,10,1,10");
        assertEquals(1, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "year", "\uFF12\uFF10\uFF11\uFF15\uFF42", "(2015 here; the letter that tells two"
                + " papers of one year apart goes in the study label, as 'Smith 2015b')");
    }

    /**
     * In a sheet of decimal commas, "1.000" may be a thousand written with its separator: every such cell of a row is
     * named, once, and nothing is checked against what it would be read as (the second one was passed over, read as
     * 1, and its arm's events were then said to exceed "n_control = 1"; the first was also called a fraction).
     */
    @Test
    void everyNumberWithAThousandsPointInASheetOfDecimalCommasIsNamedOnce() throws IOException {
        String header = HEADER.replace(',', ';');
        List<InputProblem> ps = problems(header, "A;2020;IV;BM;Death;3;1.020;2;1.000", "B;2020;IV;BM;Death;1;12;1;10,5",
                "C;2.019;IV;BM;Death;1;12;1;12");
        String separator = "a number without a thousands separator (the sheet uses decimal commas";
        assertEquals(4, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "n_msc", "1.020", separator);
        assertProblem(ps.get(1), 2, "n_control", "1.000", separator);
        // quoted as the sheet has it, "10,5" (it said "10.5", which a search of the sheet does not find)
        assertProblem(ps.get(2), 3, "n_control", "10,5", "(not a fraction");
        assertProblem(ps.get(3), 4, "year", "2.019", separator);
        // a decimal point in such a sheet is quoted with its point; the next row's cells are not taken for commas
        List<InputProblem> mixed = problems(header, "A;2019,5;IV;BM;Death;3,5;12;1;12",
                "B;2020;IV;BM;Death;2.5;12;1;12");
        assertEquals(3, mixed.size(), mixed.toString());
        assertProblem(mixed.get(0), 2, "events_msc", "3,5", "(not a fraction");
        assertProblem(mixed.get(1), 2, "year", "2019,5", "a year as a whole number");
        assertProblem(mixed.get(2), 3, "events_msc", "2.5", "(not a fraction");
    }

    /**
     * Decimal commas are numbers' business: a label that reads as a number ("1,5" for a study, a trial id "2,1") is
     * kept as the sheet writes it (it was read as "1.5"), while a dose with a decimal comma is still a decimal.
     */
    @Test
    void aLabelThatLooksLikeADecimalCommaNumberIsKeptAsWritten() throws IOException, InvalidInputException {
        ExtractionSheet s = read("labels.csv", "study;trial_id;condition;dose;outcome;events_msc;n_msc\n"
                + "1,5;2,1;3,0;1,5;Death;1;10\n" + "B;x;y;2;Death;2;10\n");
        assertEquals("1,5", s.study().get(0));
        assertEquals("2,1", s.raw(Field.TRIAL_ID).get(0));
        assertEquals("3,0", s.raw(Field.CONDITION).get(0));
        assertEquals("1.5", s.raw(Field.DOSE).get(0));
    }

    /**
     * A study written twice for one outcome, once with a double or a no-break space, is one study written twice, as
     * one written in two cases is: it was pooled twice, its counts counted twice. So is one written with "et al." or
     * other punctuation ("Smith et al., 2020", "Smith (2020)"); labels that differ in a letter or a digit ("Smith
     * 2020a" and "Smith 2020b", "Smith 2020" and "Smith 2021", "Smith2020" and "Smith 2020") are two studies.
     */
    @Test
    void aStudyWrittenWithOtherSpacingOrEtAlIsADuplicate() throws IOException {
        List<InputProblem> ps = problems(HEADER, "Smith 2020,2020,IV,BM,Death,1,10,2,10",
                "Smith  2020,2020,IV,BM,Death,1,10,2,10", "Smith\u00a02020,2020,IV,BM,Death,1,10,2,10",
                "Smith 2020,2020,IV,BM,Fever,1,10,2,10", "Smith2020,2020,IV,BM,Fever,1,10,2,10",
                "\"Smith et al., 2020\",2020,IV,BM,Death,1,10,2,10", "Smith (2020),2020,IV,BM,Death,1,10,2,10",
                "Smith 2020a,2020,IV,BM,Pain,1,10,2,10", "Smith 2020b,2020,IV,BM,Pain,1,10,2,10",
                "Smith et al 2021,2021,IV,BM,Fever,1,10,2,10", "Smith-Jones 2020,2020,IV,BM,Death,1,10,2,10");
        assertEquals(4, ps.size(), ps.toString());
        assertProblem(ps.get(0), 3, "study", "Smith  2020", "row 2 has the same study, year, trial_id and outcome"
                + " ('Death'); row 2 writes the study 'Smith 2020': labels that differ only in case, spacing,"
                + " punctuation or 'et al.' name one study");
        assertProblem(ps.get(1), 4, "study", "Smith\u00a02020", "row 2 has the same study");
        assertProblem(ps.get(2), 7, "study", "Smith et al., 2020", "row 2 has the same study");
        assertProblem(ps.get(3), 8, "study", "Smith (2020)", "row 2 has the same study");
    }

    /**
     * A study's row entered twice for one outcome, once without its year, is one study pooled twice unless refused:
     * the year tells apart two studies of one label only where both rows give it. Two years, or one study per
     * outcome without a year, are not refused.
     */
    @Test
    void aStudyEnteredTwiceOnceWithoutItsYearIsADuplicate() throws IOException {
        List<InputProblem> ps = problems(HEADER, "Smith,2019,IV,BM,Death,1,10,2,10", "Smith,,IV,BM,Death,1,10,2,10",
                "Lee,,IV,BM,Death,1,10,2,10", "Lee,2021,IV,BM,Death,3,10,2,10", "Smith,2020,IV,BM,Death,2,10,2,10",
                "Smith,,IV,BM,Fever,2,10,2,10");
        assertEquals(3, ps.size(), ps.toString());
        assertProblem(ps.get(0), 3, "study", "Smith", "row 2 has the same study, trial_id and outcome ('Death') and"
                + " one of the two gives no year: the same study entered twice? If they are two studies, give each"
                + " its year");
        assertProblem(ps.get(1), 5, "study", "Lee", "row 4 has the same study, trial_id and outcome ('Death')");
        assertProblem(ps.get(2), 6, "study", "Smith", "row 3 has the same study, trial_id and outcome ('Death')");
    }

    /** "0 of 0" in the control columns is how some sheets write a single-arm study: the refusal says what to write. */
    @Test
    void aControlArmOfNoParticipantsSaysHowASingleArmStudyIsWritten() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,1,10,0,0", "B,2020,IV,BM,Death,1,10,1,0",
                "C,2020,IV,BM,Death,1,0,1,10");
        assertEquals(3, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "n_control", "0", "(a study arm with zero participants cannot be analysed; for a"
                + " single-arm study leave both control columns blank)");
        // events in an arm of none: not a single-arm study written so
        assertFalse(ps.get(1).expected().contains("single-arm"), ps.get(1).message());
        assertFalse(ps.get(2).expected().contains("single-arm"), ps.get(2).message());
    }

    /**
     * Events written with their percentage of the arm, as a paper's table gives them ("6 (28.6%)", "6 [29]",
     * "4 (28,6 %)"), are read as the count when the percentage is its share of the arm's total as written (rounded or
     * cut to its last digit), with a notice; a percentage that is not, or an arm without a total to check it
     * against, is refused, and the problem says which share the count is. Before, every such cell was refused.
     */
    @Test
    void eventsWithTheirPercentageOfTheArmAreReadWhenThePercentageAgrees() throws Exception {
        ExtractionSheet s = read("pct.csv", HEADER + "\nA,2020,IV,BM,Death,6 (28.6%),21,\"4 (28,6 %)\",14\n"
                + "B,2021,IV,BM,Death,2 [13],15,3 (14%),21\nC,2022,IV,BM,Death,0 (0%),12,1 (8.3%),12\n");
        assertEquals(List.of(6, 2, 0), java.util.Arrays.stream(s.eventsMsc()).boxed().toList());
        assertEquals(List.of(4, 3, 1), java.util.Arrays.stream(s.eventsControl()).boxed().toList());
        assertEquals(List.of("pct.csv: 6 cells of events written with the percentage of the arm, as a paper's table"
                + " gives them, were read as the count alone, each percentage checked against the arm's total (first:"
                + " '6 (28.6%)' in row 2, column 'events_msc')"), s.notices().stream()
                .filter(n -> n.category().equals("count_with_percentage")).map(Notice::message).toList());

        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,6 (35%),21,1,10",
                "B,2020,IV,BM,Death,2 (20%),x,1,10");
        assertProblem(ps.get(0), 2, "events_msc", "6 (35%)", "(the count alone, 6, without the percentage; but 6 of 21"
                + " is 28.6%, not 35%: check the count and the arm's total)");
        assertProblem(ps.get(1), 3, "events_msc", "2 (20%)", "0 or more (the count alone, 2, without the percentage)");
        assertProblem(ps.get(2), 3, "n_msc", "x", "a whole number of participants");
        assertEquals(3, ps.size(), ps.toString());
    }

    @Test
    void countsWrittenAsAPapersTableWritesThemGetAHint() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,\"6 (28.6%)\",\"1,021\",6/21,10",
                "B,2020,IV,BM,Death,2,10,1,\"12 [4.5]\"");
        assertEquals(4, ps.size());
        assertProblem(ps.get(0), 2, "events_msc", "6 (28.6%)", "(the count alone, 6, without the percentage)");
        assertProblem(ps.get(1), 2, "n_msc", "1,021", "(write it without the thousands separator: 1021)");
        assertProblem(ps.get(2), 2, "events_control", "6/21",
                "(the events alone, 6; the arm's total, 21, goes in its own column)");
        assertProblem(ps.get(3), 3, "n_control", "12 [4.5]", "(the count alone, 12, without the percentage)");
        assertProblem(problems(HEADER, "A,2020,IV,BM,Death,2 of 12 patients,12,1,10").get(0), 2, "events_msc",
                "2 of 12 patients", "(the events alone, 2; the arm's total, 12, goes in its own column)");
        assertProblem(problems(HEADER, "A,2020,IV,BM,Death,1,#DIV/0!,1,10").get(0), 2, "n_msc", "#DIV/0!",
                "(the cell's formula gives an error in the spreadsheet: correct the formula or type the count)");
        assertProblem(problems(HEADER, "Smith,2020b,IV,BM,Death,1,10,1,10").get(0), 2, "year", "2020b",
                "(2020 here; the letter that tells two papers of one year apart goes in the study label, as 'Smith"
                + " 2020b')");
        assertProblem(problems(HEADER, "Smith,2020-03-15,IV,BM,Death,1,10,1,10").get(0), 2, "year", "2020-03-15",
                "or a blank cell (the year alone, 2020)");
        String percent = "(a percentage, not a count: give the number of participants, as the paper's table or text"
                + " gives it";
        assertProblem(problems(HEADER, "A,2020,IV,BM,Death,15%,10,1,10").get(0), 2, "events_msc", "15%", percent);
        assertProblem(problems(HEADER, "A,2020,IV,BM,Death,1,10,\"2,5 %\",10").get(0), 2, "events_control", "2,5 %",
                percent);
        List<InputProblem> worded = problems(HEADER, "A,2020,IV,BM,Death,1,20 patients,1,n=10",
                "B,2020,IV,BM,Death,3 Events,12,1,N = 11");
        assertEquals(4, worded.size(), worded.toString());
        assertProblem(worded.get(0), 2, "n_msc", "20 patients", "(the number alone, 20)");
        assertProblem(worded.get(1), 2, "n_control", "n=10", "(the number alone, 10)");
        assertProblem(worded.get(2), 3, "events_msc", "3 Events", "(the number alone, 3)");
        assertProblem(worded.get(3), 3, "n_control", "N = 11", "(the number alone, 11)");
        // a count a workbook gives as a date: typed with a slash ("3/20"), or a number in a cell formatted as a date
        List<InputProblem> dated = problems(HEADER, "A,2020,IV,BM,Death,2026-03-20,20,1,10",
                "B,2020,IV,BM,Death,1900-01-12,30,1,1900-04-09");
        assertEquals(3, dated.size(), dated.toString());
        assertProblem(dated.get(0), 2, "events_msc", "2026-03-20", "(a date, 20 March: a spreadsheet turns a count typed"
                + " with a slash, such as events over the arm's total ('3/20' or '20/3'), into a date; type the count"
                + " alone, in a cell formatted as numbers or text, and the arm's total in its own column)");
        assertProblem(dated.get(1), 3, "events_msc", "1900-01-12", "(the number 12 in a cell formatted as a date, which"
                + " shows it as a day of 1900: format the column as numbers)");
        assertProblem(dated.get(2), 3, "n_control", "1900-04-09", "(the number 100 in a cell formatted as a date");
        // 12 as a workbook of the 1904 date system shows it (13 January 1904): no slash typed, and no 1900 day number
        assertProblem(problems(HEADER, "A,2020,IV,BM,Death,1904-01-13,20,1,10").get(0), 2, "events_msc", "1904-01-13",
                "(a number in a cell formatted as a date, which shows it as a day of 1904: format the column as"
                + " numbers)");
        // other text gets no hint
        assertEquals("a whole number of participants with the event, 0 or more",
                problems(HEADER, "A,2020,IV,BM,Death,two,10,1,10").get(0).expected());
    }

    /**
     * Each kind of cell read leniently (a mark of a value not reported, a count with its percentage, a year typed into
     * a date cell, a decimal comma, a control character in a label, a dose that is no number) is told in one notice
     * that counts its cells and names the first, in the singular for one cell and the plural for more.
     */
    @Test
    void cellsReadLenientlyAreToldOncePerKind() throws Exception {
        ExtractionSheet s = read("lenient.csv", "study;year;route;cell_source;outcome;events_msc;n_msc;events_control;"
                + "n_control;dose_cells_per_kg\n\"A\tone\";1905-07-12;IV;BM;Death;6 (28.6%);21;3;10;1,5\n"
                + "B;2020;IV;BM;Death;2;12;3;11;high\nC;2021;IV;BM;Death;1;12;NA;NA;2,5\n");
        Map<String, String> told = new java.util.LinkedHashMap<>();
        s.notices().forEach(n -> told.put(n.category(), n.message()));
        assertEquals(List.of("separator", "missing_values", "count_with_percentage", "year_as_date", "decimal_comma",
                "control_characters", "dose"), List.copyOf(told.keySet()));
        assertEquals("lenient.csv: 2 cells holding 'NA', 'N/A', '-' or a similar mark of a value not reported were"
                + " read as empty (first: 'NA' in row 4, column 'events_control')", told.get("missing_values"));
        assertEquals("lenient.csv: 1 cell of events written with the percentage of the arm, as a paper's table gives"
                + " them, was read as the count alone, each percentage checked against the arm's total (first: '6"
                + " (28.6%)' in row 2, column 'events_msc')", told.get("count_with_percentage"));
        assertEquals("lenient.csv: 1 cell of the year column is formatted as a date, so that a year typed into one"
                + " shows as a day of 1905 (2015 as 1905-07-07, the day numbered 2015); it was read as the year typed"
                + " (first: '1905-07-12' in row 2, column 'year', read as 2020); formatting the column as numbers"
                + " shows it as a year", told.get("year_as_date"));
        assertEquals("lenient.csv: 2 numbers written with a decimal comma were read as decimals (first: '1,5' in"
                + " column 'dose_cells_per_kg')", told.get("decimal_comma"));
        assertEquals("lenient.csv: 1 cell held a line break, a tab or another control character, read as a space"
                + " (first: row 2, column 'study')", told.get("control_characters"));
        assertEquals("lenient.csv: 1 row has a dose that is not a number (first: row 3); dose is left blank there",
                told.get("dose"));
    }

    /**
     * A year that cannot be a publication year (202, 3000, later than next year) is a typo, and a date cell shown as
     * General (43905) gets the date it stores; 1900 to next year are read.
     */
    @Test
    void implausibleYearsAreRefused() throws Exception {
        assertProblem(problems(HEADER, "Smith,43905,IV,BM,Death,1,10,1,10").get(0), 2, "year", "43905",
                "(43905 is how a spreadsheet stores the date 2020-03-15: the year alone, 2020)");
        // a year typed into a date cell and saved as text: a day of 1905, in the order of the spreadsheet's locale,
        // which the text does not tell (08/07/1905 is 2016 by day and month, 2046 by month and day); in a workbook's
        // ISO form it is read (SheetLayoutTest.aYearTypedIntoADateCellIsTheYearTyped)
        assertProblem(problems(HEADER, "Smith,08/07/1905,IV,BM,Death,1,10,1,10").get(0), 2, "year", "08/07/1905",
                "(a day of 1905: a year typed into a cell formatted as a date shows so, 2015 as 07/07/1905; format"
                + " the year column as numbers in the spreadsheet and save the sheet again)");
        assertProblem(problems(HEADER, "Smith,1905/7/7,IV,BM,Death,1,10,1,10").get(0), 2, "year", "1905/7/7",
                "(a day of 1905: a year typed into a cell formatted as a date shows so");
        // a year as a reference list or a paper's table may write it
        String[][] written = {
            {"2015-2016", "(one year, the paper's year of publication, not a range: 2015 or 2016)"},
            {"2015/16", "(one year, the paper's year of publication, not a range: 2015 or 2016)"},
            {"in press", "(a paper not yet published: the year of its online version, or a blank cell)"},
            {"Epub ahead of print", "(a paper not yet published: the year of its online version, or a blank cell)"},
            {"2021 (online)", "(the year alone, 2021)"}, {"Jan 2015", "(the year alone, 2015)"},
            {"15/03/2020", "(the year alone, 2020)"},
        };
        for (String[] w : written) {
            assertProblem(problems(HEADER, "Smith," + w[0] + ",IV,BM,Death,1,10,1,10").get(0), 2, "year", w[0], w[1]);
        }
        assertEquals("a year as a whole number such as 2021, or a blank cell", problems(HEADER,
                "Smith,2015 2016,IV,BM,Death,1,10,1,10").get(0).expected(), "two years, no range: no hint");
        ExtractionSheet iso = read("iso.csv", HEADER + "\nSmith,1905-07-08,IV,BM,Death,1,10,1,10\n");
        assertEquals(2016, iso.year()[0]);
        // the same year in a workbook of the 1904 date system (older Excel for Mac) shows as a day of 1909
        assertProblem(problems(HEADER, "Smith,09/07/1909,IV,BM,Death,1,10,1,10").get(0), 2, "year", "09/07/1909",
                "(a day of 1909: a year typed into a cell formatted as a date shows so in a workbook of the 1904 date"
                + " system of older Excel for Mac, 2015 as 08/07/1909;");
        assertEquals(2016, read("iso1904.csv", HEADER + "\nSmith,1909-07-09,IV,BM,Death,1,10,1,10\n").year()[0]);
        int next = java.time.Year.now().getValue() + 1;
        for (String typo : List.of("202", "1020", "3000", Integer.toString(next + 1))) {
            assertProblem(problems(HEADER, "Smith," + typo + ",IV,BM,Death,1,10,1,10").get(0), 2, "year", typo,
                    "the year the study was published, from 1900 to " + next + ", or a blank cell (" + typo
                    + " cannot be a publication year");
        }
        for (String year : List.of("1900", "1948", Integer.toString(next))) {
            Path f = dir.resolve("year.csv");
            Files.writeString(f, HEADER + "\nSmith," + year + ",IV,BM,Death,1,10,1,10\n");
            assertEquals(Integer.parseInt(year), SheetReader.withBuiltInVocabulary().read(f, null).year()[0],
                    year + " is a publication year");
        }
    }

    @Test
    void theCountColumnsOfMetaforMetaAndRevManAreRead() throws Exception {
        for (String header : List.of("study,outcome,ai,n1i,ci,n2i", "studlab,outcome,event.e,n.e,event.c,n.c",
                "Study,Adverse event,Experimental events,Experimental total,Control events,Control total")) {
            ExtractionSheet s = read("names.csv", header + "\nA 2020,Death,1,10,2,11\nB 2021,Death,0,12,3,13\n");
            assertEquals(2, s.size(), header);
            assertEquals(3, s.eventsControl()[1], header);
            assertEquals(11, s.nControl()[0], header);
        }
    }

    @Test
    void metaforsTwoByTwoColumnsGetAHint() throws IOException {
        List<InputProblem> ps = problems("study,outcome,ai,bi,ci,di", "A,Death,1,9,2,9");
        assertEquals(2, ps.size());
        assertEquals("n_msc", ps.get(0).column());
        assertTrue(ps.get(0).expected().endsWith("('bi' counts the participants without the event, as in metafor's 2 x 2"
                + " table: add a column n1i = ai + bi)"), ps.get(0).message());
        assertEquals("n_control", ps.get(1).column());
        assertTrue(ps.get(1).expected().endsWith("('di' counts the participants without the event, as in metafor's 2 x"
                + " 2 table: add a column n2i = ci + di)"), ps.get(1).message());
    }

    @Test
    void fractionalCount() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,1,10,1.5,10");
        assertProblem(ps.get(0), 2, "events_control", "1.5", "not a fraction");
    }

    @Test
    void negativeCount() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,1,10,1,-4");
        assertProblem(ps.get(0), 2, "n_control", "-4", "not negative");
    }

    /** A count beyond any trial is refused with its limit as a number reads (it said "at least 1 below 536870911"). */
    @Test
    void aCountBeyondAnyTrialNamesTheLimitReadably() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,1,3000000000,1,10");
        assertProblem(ps.get(0), 2, "n_msc", "3000000000", "a whole number of participants, at least 1 and at most"
                + " 536,870,911 (no trial is larger)");
    }

    @Test
    void eventsExceedParticipants() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,12,10,1,10");
        assertProblem(ps.get(0), 2, "events_msc", "12", "at most n_msc = 10");
    }

    @Test
    void zeroParticipants() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,0,0,1,10");
        assertProblem(ps.get(0), 2, "n_msc", "0", "zero participants");
    }

    @Test
    void controlArmHalfFilled() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,1,10,,10");
        assertProblem(ps.get(0), 2, "events_control", "", "leave both control columns blank for a single-arm study");
    }

    @Test
    void blankStudyLabel() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,1,10,1,10", " ,2021,IV,BM,Death,1,10,1,10");
        assertProblem(ps.get(0), 3, "study", "", "a study label");
    }

    @Test
    void duplicateStudyAndOutcome() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,1,10,1,10", "B,2020,IV,BM,Death,1,10,1,10",
                "a,2020,IV,BM,death,2,10,1,10");
        assertProblem(ps.get(0), 4, "study", "a", "row 2 has the same study, year, trial_id and outcome");
        // the outcomes as written, where they were written apart: the merged name alone sent the reader looking for
        // a 'Death' in row 4, or for a 'Pyrexia' in a row that says 'Fever'
        assertEquals("one row per study and outcome, but row 2 has the same study, year, trial_id and outcome ('Death':"
                + " row 2's 'Death' and this row's 'death' are one outcome, as names that differ only in case, spacing"
                + " or punctuation); row 2 writes the study 'A': labels that differ only in case, spacing, punctuation"
                + " or 'et al.' name one study", ps.get(0).expected());
        Path f = dir.resolve("sheet.csv");
        Files.writeString(f, String.join("\n", HEADER, "A,2020,IV,BM,Fever,1,10,1,10", "A,2020,IV,BM,Pyrexia,2,10,1,10")
                + "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SheetReader.withBuiltInVocabulary()
                .withOutcomeMap(OutcomeMap.of(java.util.Map.of("Fever", "Pyrexia"))).read(f, null));
        assertEquals("one row per study and outcome, but row 2 has the same study, year, trial_id and outcome"
                + " ('Pyrexia': row 2's 'Fever' and this row's 'Pyrexia' are one outcome, by the outcome map)",
                e.problems().get(0).expected());
    }

    @Test
    void everyProblemReportedAtOnceInRowOrder() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,x,10,1,10", "B,2020,IV,BM,Death,1,10,1,10",
                "C,2020,IV,BM,Death,1,10,20,10", ",2020,IV,BM,Death,1,0,1,10");
        assertEquals(4, ps.size());
        assertEquals(List.of(2, 4, 5, 5), ps.stream().map(InputProblem::row).toList());
    }

    @Test
    void headerAliasesAndSpreadsheetRowNumbers() throws Exception {
        ExtractionSheet s = read("alias.csv",
                "Author,AE,ai,n1i,ci,n2i,Administration,Tissue\n\nX 2020,Fever,1,10,2,12,I.V.,BM-MSC\n"
                + "Y 2021,Fever,3,10,,,intra-articular,\"Adipose (ADSC)\"\n");
        assertEquals(2, s.size());
        assertEquals(3, s.rowNumber()[0], "blank line 2 still counts as a row");
        assertEquals("intravenous", s.route().get(0));
        assertEquals("bone marrow", s.cellSource().get(0));
        assertEquals("adipose", s.cellSource().get(1));
        assertTrue(s.isSingleArm(1));
        assertEquals("I.V.", s.raw(Field.ROUTE).get(0), "raw value kept beside the normalised one");
    }

    /**
     * A column named by an alias beside the column of that very name is an ordinary column: named in a notice when
     * its values could be what the alias stands for (a 'source' column of cell sources beside 'cell_source'), not
     * when the vocabulary knows none of them (the example's 'source' column of URLs); an alias of another field
     * ('trial' beside 'study') is always named.
     */
    @Test
    void anAliasBesideItsColumnIsNamedWhenItsValuesCouldBeMeant() throws Exception {
        String head = "study,outcome,events_msc,n_msc,cell_source,source,trial\n";
        ExtractionSheet urls = read("urls.csv", head + "X 2020,Fever,1,10,bone marrow,https://doi.org/10.1/x,A\n"
                + "Y 2021,Fever,3,10,adipose,,B\n");
        assertEquals(List.of("urls.csv: column 'trial' is read as an ordinary column, because 'study' gives study"),
                urls.notices().stream().map(Notice::message).toList());
        assertEquals("bone marrow", urls.cellSource().get(0));
        ExtractionSheet tissues = read("tissues.csv", head + "X 2020,Fever,1,10,bone marrow,https://doi.org/10.1/x,A\n"
                + "Y 2021,Fever,3,10,adipose,umbilical cord (Wharton's jelly),B\n");
        assertEquals(List.of("tissues.csv: column 'source' (values such as 'umbilical cord (Wharton's jelly)') is read"
                + " as an ordinary column, because 'cell_source' gives cell_source",
                "tissues.csv: column 'trial' is read as an ordinary column, because 'study' gives study"),
                tissues.notices().stream().map(Notice::message).toList());
        assertEquals("adipose", tissues.cellSource().get(1));
    }

    /**
     * The phrases extraction sheets name the route and the cell source by are read as those columns: the route and
     * the cell source normalised, and so pooled by (by default) like a column named route or cell_source.
     */
    @Test
    void theRouteAndCellSourceAreReadUnderThePhrasesSheetsUse() throws Exception {
        String[][] names = {{"Route of administration", "Cell type"}, {"Administration route", "Source of MSCs"},
            {"Route of delivery", "MSC source"}, {"Delivery route", "Tissue of origin"},
            {"Mode of administration", "Cell origin"}};
        for (String[] n : names) {
            ExtractionSheet s = read("phrases.csv", "Study,Outcome,Events MSC,N MSC," + n[0] + "," + n[1] + "\n"
                    + "X 2020,Fever,1,10,IV,BM-MSC\nY 2021,Fever,3,10,intrathecally,hUC-MSCs\n");
            assertEquals(List.of("intravenous", "intrathecal"), List.of(s.route().get(0), s.route().get(1)),
                    n[0]);
            assertEquals(List.of("bone marrow", "umbilical cord"), List.of(s.cellSource().get(0),
                    s.cellSource().get(1)), n[1]);
            assertEquals(List.of(), s.notices().stream().map(Notice::message).toList(), String.join(", ", n));
        }
    }

    /**
     * A sheet naming its counts by arm and count in words is read with both arms: before, its control columns were
     * ordinary columns and every study silently single-arm. A firmer name of a field wins over a phrase (the phrase's
     * column is then named in a notice); two phrases for one field are refused, naming both.
     */
    @Test
    void countsNamedByArmAndCountInWordsAreReadWithBothArms() throws Exception {
        ExtractionSheet s = read("groups.csv", "First author,Adverse event,MSC group events,MSC group N,"
                + "Control group events,Control group N\nX 2020,Fever,1,10,2,12\nY 2021,Fever,3,11,0,9\n");
        assertEquals("X 2020", s.study().get(0));
        assertEquals("Fever", s.outcome().get(1));
        assertArrayEquals(new int[] {1, 3}, s.eventsMsc());
        assertArrayEquals(new int[] {10, 11}, s.nMsc());
        assertArrayEquals(new int[] {2, 0}, s.eventsControl());
        assertArrayEquals(new int[] {12, 9}, s.nControl());
        assertEquals(List.of(), s.notices().stream().map(Notice::message).toList());

        // a phrase beside a firmer name is a column of its own, not worth a notice ('Study ID' beside 'Study'), but
        // for a route or cell source whose values could be meant
        ExtractionSheet both = read("both.csv", "Author,First author,Study ID,outcome,events_msc,n_msc,route,"
                + "Route of administration\nX 2020,X,S1,Fever,1,10,IV,intravenous\n");
        assertEquals("X 2020", both.study().get(0));
        assertEquals(List.of("both.csv: column 'Route of administration' (values such as 'intravenous') is read as an"
                + " ordinary column, because 'route' gives route"), both.notices().stream().map(Notice::message)
                .toList());

        List<InputProblem> ps = problems("study,outcome,MSC events,n_msc,Control group events,Placebo arm: events,"
                + "n_control", "X 2020,Fever,1,10,2,3,12");
        assertEquals(1, ps.size(), ps.toString());
        assertTrue(ps.get(0).message().contains("column 'Placebo arm: events'") && ps.get(0).message().contains(
                "one column for events_control") && ps.get(0).message().endsWith("but 'Control group events' names"
                + " it too"), ps.get(0).message());
    }

    /**
     * Arms named as a RevMan review labels its groups, the MSC arm as what it adds to the care both arms have: before,
     * "Experimental + standard care" was read as the control arm and refused beside "Standard care" as a second
     * column for events_control, and "MSC plus standard care" named nothing, leaving every study single-arm.
     */
    @Test
    void anArmThatAddsToStandardCareIsTheMscArm() throws Exception {
        for (String msc : new String[] {"MSC plus standard care", "Experimental + standard care"}) {
            ExtractionSheet s = read("revman.csv", "Study,Outcome," + msc + ": events," + msc + ": N,Standard care:"
                    + " events,Standard care: N\nX 2020,Fever,1,10,2,12\nY 2021,Fever,3,11,0,9\n");
            assertArrayEquals(new int[] {1, 3}, s.eventsMsc(), msc);
            assertArrayEquals(new int[] {10, 11}, s.nMsc(), msc);
            assertArrayEquals(new int[] {2, 0}, s.eventsControl(), msc);
            assertArrayEquals(new int[] {12, 9}, s.nControl(), msc);
        }
    }

    /**
     * A column whose values are mostly routes (or cell sources) under a name mscmeta does not read as route (cell
     * source), in a sheet without that column, is named in a notice: read as an ordinary column, it would leave the
     * analyses by route out without a word. A column of other values (a condition, a dose in words) is not named.
     */
    @Test
    void aColumnOfRoutesUnderAnotherNameIsNamed() throws Exception {
        ExtractionSheet s = read("mode.csv", "study,outcome,events_msc,n_msc,Mode,Cells,condition,dose_description\n"
                + "X 2020,Fever,1,10,IV,BM-MSC,knee osteoarthritis,3 IV infusions of 10^6 UC-MSCs/kg\n"
                + "Y 2021,Fever,3,10,intravenous,hUC-MSCs,bone marrow failure,2 x 10^6/kg\n"
                + "Z 2022,Fever,2,12,,,ARDS,1 IV dose\n");
        assertEquals(List.of("mode.csv: column 'Mode' holds routes (values such as 'IV'), but routes are read from a"
                + " column named route (or an alias of it: docs/input-format.md), so 'Mode' is read as an ordinary"
                + " column, its values as written: rename it route to pool by route, its values normalised",
                "mode.csv: column 'Cells' holds cell sources (values such as 'BM-MSC'), but cell sources are read from"
                + " a column named cell_source (or an alias of it: docs/input-format.md), so 'Cells' is read as an"
                + " ordinary column, its values as written: rename it cell_source to pool by cell source, its values"
                + " normalised"), s.notices().stream().map(Notice::message).toList());
        // half its values routes or fewer: a column of something else that mentions one
        ExtractionSheet notes = read("notes.csv", "study,outcome,events_msc,n_msc,Notes\n"
                + "X 2020,Fever,1,10,IV\nY 2021,Fever,3,10,counts from table 2\nZ 2022,Fever,2,12,see S4\n");
        assertEquals(List.of(), notes.notices().stream().map(Notice::message).toList());
    }


    /**
     * A column whose header cell was left blank but which holds values is named in a notice, by the column before it:
     * before, what was typed there (routes, here) was left out without a word. Blank columns beyond the table (the
     * trailing separators of a spreadsheet's export) and the row numbers pandas writes first are not named.
     */
    @Test
    void aColumnWithValuesButNoNameIsNamed() throws Exception {
        ExtractionSheet s = read("unnamed.csv", ",study,outcome,events_msc,n_msc,,events_control,n_control,,\n"
                + "0,X 2020,Fever,1,10,IV,2,12,see S4,\n1,Y 2021,Fever,3,11,intrathecal,0,9,,\n2,Z 2022,Fever,1,10,,1,10,,\n");
        assertArrayEquals(new int[] {2, 0, 1}, s.eventsControl());
        assertEquals(List.of("unnamed.csv: the column after 'n_msc' has no name in the header row but holds values in 2"
                + " rows (such as 'IV'): it was not used; name it route to pool by it", "unnamed.csv: the column after"
                + " 'n_control' has no name in the header row but holds values in 1 row (such as 'see S4'): it was not"
                + " used; give it a name to use it (docs/input-format.md)"), s.notices().stream()
                .map(Notice::message).toList());
        ExtractionSheet fromOne = read("index.csv", ",study,outcome,events_msc,n_msc\n1,X 2020,Fever,1,10\n"
                + "2,Y 2021,Fever,3,11\n");
        assertEquals(List.of(), fromOne.notices().stream().map(Notice::message).toList());
    }
    /**
     * A column by which the sheet marks rows as left out ("Included (Y/N)" = N, "Excluded?" = x) is named in a notice
     * with the first such row: every row is analysed, and before, those rows were pooled without a word. Counts of
     * excluded patients and reasons for exclusion are no such marks.
     */
    @Test
    void rowsTheSheetMarksAsLeftOutAreNamed() throws Exception {
        ExtractionSheet s = read("marks.csv", "study,outcome,events_msc,n_msc,Included (Y/N),Excluded?,Patients"
                + " excluded,Reason for exclusion\nX 2020,Fever,1,10,Y,,0,\nY 2021,Fever,3,11,N,x,2,duplicate\n"
                + "Z 2022,Fever,1,10,n,,1,\nW 2023,Fever,2,10,y,x,0,\n");
        assertEquals(4, s.size(), "every row analysed");
        assertEquals(List.of("marks.csv: column 'Included (Y/N)' marks 2 rows as left out ('N'; first: row 3), but"
                + " they were analysed like the others: to leave a study out, delete its rows", "marks.csv: column"
                + " 'Excluded?' marks 2 rows as left out ('x'; first: row 3), but they were analysed like the others:"
                + " to leave a study out, delete its rows"), s.notices().stream().map(Notice::message).toList());
        ExtractionSheet none = read("none.csv", "study,outcome,events_msc,n_msc,Included\nX 2020,Fever,1,10,yes\n");
        assertEquals(List.of(), none.notices().stream().map(Notice::message).toList());
    }

    /**
     * A control arm described as MSCs (a trial of two MSC doses entered as MSC against control) is named in a notice:
     * before, its MSC-versus-MSC risk ratio was pooled as one of MSC against control without a word. A description
     * that denies MSCs ("without MSC", "MSC-free") and a single-arm row are not named.
     */
    @Test
    void aControlArmDescribedAsMscsIsNamed() throws Exception {
        ExtractionSheet s = read("doses.csv", "study,outcome,events_msc,n_msc,events_control,n_control,control\n"
                + "A 2020,Death,1,10,2,10,placebo\nB 2021,Death,2,12,3,11,low-dose BM-MSC (1x10^6/kg)\n"
                + "C 2022,Death,2,12,3,11,standard care without MSC\nD 2023,Death,1,8,,,MSC alone\n"
                + "E 2023,Death,1,8,1,9,MSC-free medium\nF 2024,Death,0,9,1,9,\"Mesenchymal stromal cells, 2 doses\"\n");
        assertEquals(List.of("doses.csv: column 'control' describes the control arm of 2 rows as MSCs ('low-dose"
                + " BM-MSC (1x10^6/kg)'; rows 3, 7): a trial of two MSC arms (doses, routes) compares MSCs with MSCs,"
                + " not with a control; if so, leave its control columns blank (a single-arm trial) or leave the trial"
                + " out"), s.notices().stream().map(Notice::message).toList());
        assertEquals("control_arm", s.notices().get(0).category());
    }

    /** A column name wrapped over lines in its cell ("Events" above "(MSC)") is named on one line in a problem. */
    @Test
    void aColumnNameWrappedInItsCellIsNamedOnOneLine() throws Exception {
        List<InputProblem> ps = problems("study,outcome,\"Events\r\n (MSC)\",\"Total\n\n(MSC)\"", "X 2020,Fever,2.5,10");
        assertEquals(1, ps.size(), ps.toString());
        assertProblem(ps.get(0), 2, "Events (MSC)", "2.5", "a whole number");
        assertTrue(ps.get(0).message().startsWith("sheet.csv: row 2, column 'Events (MSC)': found \"2.5\""),
                ps.get(0).message());
    }

    /** The header of RevMan's forest plot table ("Study or Subgroup", "Experimental Events", ...) is read. */
    @Test
    void revManColumnNamesAreRead() throws Exception {
        ExtractionSheet s = read("revman.csv", "Study or Subgroup,Outcome,Experimental Events,Experimental Total,"
                + "Control Events,Control Total\nA 2020,Fever,3,20,1,21\n");
        assertEquals("A 2020", s.study().get(0));
        assertEquals(3, s.eventsMsc()[0]);
        assertEquals(20, s.nMsc()[0]);
        assertEquals(1, s.eventsControl()[0]);
        assertEquals(21, s.nControl()[0]);
    }

    @Test
    void unknownVocabularyIsKeptAndNoted() throws Exception {
        ExtractionSheet s = read("vocab.csv", HEADER + "\nA,2020,retro-orbital,moon rock,Death,1,10,1,10\n");
        assertEquals("retro-orbital", s.route().get(0));
        assertEquals(2, s.notices().size());
        assertTrue(s.notices().get(0).message().contains("\"retro-orbital\" is not in the vocabulary (row 2)"));
    }

    /**
     * One combination of routes written three ways ("IV and IT", "intravenous/intrathecal", "IT + IV") is one
     * subgroup, "intravenous + intrathecal" (they were three, each "not in the vocabulary"); a value whose parts are
     * not all in the vocabulary is kept as written and noted.
     */
    @Test
    void aCombinationOfRoutesIsOneSubgroupHoweverWritten() throws Exception {
        ExtractionSheet s = read("combined.csv", HEADER + "\nA,2020,IV and IT,BM,Death,1,10,1,10\n"
                + "B,2021,intravenous/intrathecal,bone marrow and adipose,Death,2,10,1,10\n"
                + "C,2022,IT + IV,UC,Death,1,12,2,12\nD,2023,iv & IV,UC,Death,1,12,2,12\n"
                + "E,2023,left and right knee,UC,Death,1,12,2,12\n");
        for (int i = 0; i < 3; i++) {
            assertEquals("intravenous + intrathecal", s.route().get(i), "row " + (i + 2));
        }
        assertEquals("intravenous", s.route().get(3), "the same route twice is that route");
        assertEquals("bone marrow + adipose", s.cellSource().get(1));
        assertEquals("left and right knee", s.route().get(4));
        assertEquals(1, s.notices().size(), s.notices().toString());
        assertTrue(s.notices().get(0).message().contains("\"left and right knee\" is not in the vocabulary (row 6)"));
    }

    /**
     * Cell sources and routes as papers write them are found without the words every value has ("Allogeneic
     * BM-MSCs", "hUC-MSCs", "bone marrow-derived mesenchymal stem cells", "intrathecal administration"): all sixteen
     * sources were "not in the vocabulary", each its own subgroup. What names no source ("MSCs", "mesenchymal stem
     * cells") stays as written, with its notice.
     */
    @Test
    void sourcesAndRoutesAsPapersWriteThemAreFound() throws Exception {
        String[][] sources = {
            {"Allogeneic BM-MSCs", "bone marrow"}, {"hUC-MSCs", "umbilical cord"},
            {"human umbilical cord MSCs", "umbilical cord"}, {"UC-MSCs", "umbilical cord"}, {"BM-MSCs", "bone marrow"},
            {"adipose-derived MSCs", "adipose"}, {"AD-MSC", "adipose"}, {"hUC-MSC", "umbilical cord"},
            {"Wharton's jelly MSCs", "umbilical cord"}, {"autologous bone marrow MSC", "bone marrow"},
            {"BMMSCs", "bone marrow"}, {"MSC (bone marrow)", "bone marrow"},
            {"bone marrow-derived mesenchymal stem cells", "bone marrow"},
            {"umbilical cord-derived mesenchymal stromal cells", "umbilical cord"}, {"ADMSC", "adipose"},
            {"hAMSC", "amnion / amniotic fluid"}, {"iPSC-derived MSCs", "iPSC-derived"},
            {"umbilical cord blood-derived MSCs", "umbilical cord blood"},
            {"hBMSCs", "bone marrow"}, {"MenSCs", "menstrual blood"}, {"hMenSC", "menstrual blood"},
            {"endometrial regenerative cells", "menstrual blood"}, {"PD-MSCs", "placenta"},
            {"Prochymal (remestemcel-L)", "bone marrow"}, {"darvadstrocel", "adipose"}, {"Cx601", "adipose"},
            {"synovial MSCs", "synovial membrane"}, {"SM-MSC", "synovial membrane"},
            {"MSCs", "MSCs"}, {"mesenchymal stem cells", "mesenchymal stem cells"}};
        String[][] routes = {{"intrathecal administration", "intrathecal"}, {"IV infusions", "intravenous"},
            {"single intravenous injection", "intravenous"}, {"IV and IT injections", "intravenous + intrathecal"},
            {"intrathecally", "intrathecal"}, {"intra-articular knee injection", "intra-articular"},
            {"IV drip", "intravenous"}, {"percutaneous intramyocardial", "intramyocardial"},
            {"intravenous infusion x2", "intravenous"}, {"systemic", "systemic"},
            {"intrabronchial", "intranasal / inhaled"}, {"bronchoscopic instillation", "intranasal / inhaled"},
            {"stereotactic intracerebral implantation", "intracerebral"}, {"intraparenchymal", "intracerebral"}};
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < sources.length; i++) {
            String route = i < routes.length ? routes[i][0] : "IV";
            csv.append("S").append(i).append(",2020,\"").append(route).append("\",\"").append(sources[i][0].replace(
                    "\"", "\"\"")).append("\",Death,1,10,1,10\n");
        }
        ExtractionSheet s = read("papers.csv", csv.toString());
        for (int i = 0; i < sources.length; i++) {
            assertEquals(sources[i][1], s.cellSource().get(i), sources[i][0]);
        }
        for (int i = 0; i < routes.length; i++) {
            assertEquals(routes[i][1], s.route().get(i), routes[i][0]);
        }
        assertEquals(3, s.notices().size(), s.notices().toString());
        assertTrue(s.notices().get(0).message().contains("\"systemic\" is not in the vocabulary")
                && s.notices().get(1).message().contains("\"MSCs\" is not in the vocabulary")
                && s.notices().get(2).message().contains("\"mesenchymal stem cells\" is not in the vocabulary"),
                s.notices().toString());
    }

    @Test
    void csvCellsAreStrippedInternedAndCountedAsSpreadsheetRows() throws Exception {
        ExtractionSheet s = read("edges.csv", "\uFEFF" + HEADER + "\n"
                + " A ,2020, IV ,BM,  Fever ,1,10,2,12\n"
                + ",,,,,,,,\n"                                       // blank row: skipped, still numbered
                + "\"B\nmulti-line\",2021,IV,BM,Fever,3,10,,\n"     // one record over two lines; no control arm
                + "C,2022,IV,BM,\"Fever\",0,5,0,6\n");
        assertEquals(3, s.size());
        assertEquals(List.of(2, 4, 5), java.util.Arrays.stream(s.rowNumber()).boxed().toList());
        assertEquals(List.of("Fever"), s.outcome().levels(), "stripped and quoted values are one level");
        assertEquals("A", s.study().get(0));
        assertEquals("B multi-line", s.study().get(1), "one record; its line break read as a space");
        assertTrue(s.isSingleArm(1), "empty trailing cells are blank");
        assertEquals("study", s.columns().get(0).name(), "the byte-order mark is not part of the first header");
    }

    @Test
    void csvValueBeyondTheHeaderAndProblemsInRowOrderWithDuplicates() throws IOException {
        List<InputProblem> ps = problems(HEADER, "A,2020,IV,BM,Death,1,10,1,10", "A,2020,IV,BM,DEATH,1,10,1,10",
                "B,2020,IV,BM,Death,1,10,1,10,extra", "C,2020,IV,BM,Death,x,10,1,10");
        assertEquals(List.of(3, 4, 5), ps.stream().map(InputProblem::row).toList());
        assertProblem(ps.get(0), 3, "study", "A", "row 2 has the same study");
        assertProblem(ps.get(1), 4, "column 10", "extra", "no value beyond the last header column");
        assertProblem(ps.get(2), 5, "events_msc", "x", "a whole number");
    }

    @Test
    void textThatIsNotUtf8IsReadAsWindows1252WithANotice() throws Exception {
        Path f = dir.resolve("latin1.csv");
        byte[] head = (HEADER + "\nA,2020,IV,BM,Death,1,10,1,10\nM").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "ller,2021,IV,BM,Death,1,10,1,10\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xFC; // u-umlaut in Windows-1252
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Files.write(f, bytes);
        ExtractionSheet s = SheetReader.withBuiltInVocabulary().read(f, null);
        assertEquals("M\u00fcller", s.study().get(1));
        assertTrue(s.notices().stream().anyMatch(n -> n.message().contains("Windows-1252")), s.notices().toString());
    }

    /**
     * Excel for Mac's plain "CSV" is Mac OS Roman: its accented small letters between letters ("M\u00fcller",
     * "Mu\u00f1oz") say so, and the whole sheet is read in it ("\u00c1lvaro-Gracia" too, which Windows-1252 read as
     * "\u00e7lvaro-Gracia"), with a notice naming the encoding. A Windows-1252 sheet with a typographic apostrophe and
     * an en dash between words ("Crohn\u2019s", "graft\u2013versus\u2013host") stays Windows-1252.
     */
    @Test
    void textSavedAsMacOsRomanIsReadAsMacOsRoman() throws Exception {
        java.nio.charset.Charset mac = java.nio.charset.Charset.forName("x-MacRoman");
        Path f = dir.resolve("mac.csv");
        Files.write(f, (HEADER + "\n\u00c1lvaro-Gracia 2017,2017,IV,BM,Death,1,10,1,10\n"
                + "M\u00fcller,2021,IV,BM,Death,1,10,1,10\nMu\u00f1oz,2022,IV,BM,Death,2,10,1,10\n").getBytes(mac));
        ExtractionSheet s = SheetReader.withBuiltInVocabulary().read(f, null);
        assertEquals(List.of("\u00c1lvaro-Gracia 2017", "M\u00fcller", "Mu\u00f1oz"), List.of(s.study().get(0),
                s.study().get(1), s.study().get(2)));
        assertTrue(s.notices().stream().anyMatch(n -> n.message().contains("read as Mac OS Roman, the encoding of"
                + " Excel's plain 'CSV' on a Mac")), s.notices().toString());

        // a capital at a word's start alone says so too: the A-acute of Alvaro is a c-cedilla in Windows-1252
        Path alone = dir.resolve("mac-alone.csv");
        Files.write(alone, (HEADER + "\n\u00c1lvaro-Gracia 2017,2017,IV,BM,Death,1,10,1,10\n").getBytes(mac));
        assertEquals("\u00c1lvaro-Gracia 2017", SheetReader.withBuiltInVocabulary().read(alone, null).study().get(0));

        // Mac's i-acute is Windows-1252's apostrophe: a name is told from a contraction or an elision
        Path spanish = dir.resolve("mac-spanish.csv");
        Files.write(spanish, (HEADER + "\nGarc\u00eda 2019,2019,IV,BM,Death,1,10,1,10\n"
                + "Rodr\u00edguez 2020,2020,IV,BM,Death,1,10,1,10\n").getBytes(mac));
        assertEquals("Garc\u00eda 2019", SheetReader.withBuiltInVocabulary().read(spanish, null).study().get(0));
        Path apostrophes = dir.resolve("windows-apostrophes.csv");
        Files.write(apostrophes, (HEADER + "\nCrohn\u2019s,2019,IV,BM,l\u2019effet,1,10,1,10\n"
                + "B,2020,IV,BM,didn\u2019t heal,1,10,1,10\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertEquals("Crohn\u2019s", SheetReader.withBuiltInVocabulary().read(apostrophes, null).study().get(0));

        Path w = dir.resolve("windows.csv");
        Files.write(w, (HEADER + "\nCrohn\u2019s,2017,IV,BM,graft\u2013versus\u2013host disease,1,10,1,10\n"
                + "\u00d6stlund \u00c9mile,2018,IV,BM,Death,1,10,1,10\n\u00c1lvaro-Gracia,2019,IV,BM,Death,1,10,1,10\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        ExtractionSheet ws = SheetReader.withBuiltInVocabulary().read(w, null);
        assertEquals(List.of("Crohn\u2019s", "\u00d6stlund \u00c9mile", "\u00c1lvaro-Gracia"),
                List.of(ws.study().get(0), ws.study().get(1), ws.study().get(2)));
        assertTrue(ws.notices().stream().anyMatch(n -> n.message().contains("Windows-1252")), ws.notices().toString());
    }

    @Test
    void textThatIsNeitherUtf8NorWindows1252IsAnErrorNamingItsRow() throws IOException {
        Path f = dir.resolve("binary.csv");
        byte[] head = (HEADER + "\nA,2020,IV,BM,Death,1,10,1,10\nM").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0x81; // undefined in Windows-1252, and not UTF-8
        bytes[head.length + 1] = '\n';
        Files.write(f, bytes);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SheetReader.withBuiltInVocabulary().read(f, null));
        InputProblem p = e.problems().get(0);
        assertEquals(3, p.row(), p.message());
        assertEquals("M\\x81", p.value(), p.message());
        assertTrue(p.expected().contains("UTF-8") && p.expected().contains("Windows-1252"), p.message());
    }

    /** A sheet longer than the sample its length is estimated from reads whole, every row in place. */
    @Test
    void aLongSheetIsReadWholeAfterItsLengthIsEstimated() throws Exception {
        Path csv = dir.resolve("long.csv");
        try (java.io.Writer w = Files.newBufferedWriter(csv)) {
            org.mscmeta.synth.SyntheticRegistry.write(w, 1800, 40, 3); // 72,000 rows
        }
        ExtractionSheet s = SheetReader.withBuiltInVocabulary().read(csv, null);
        assertTrue(s.size() > SheetRows.ESTIMATE_AT, "past the estimate");
        assertEquals(72_000, s.size());
        assertEquals(72_001, s.rowNumber()[s.size() - 1]);
        assertEquals(s.size(), s.route().codes().length);
        assertEquals(s.size(), s.columns().get(0).codes().length);
    }

    @Test
    void rowsMarkedForReviewAreNamedInANotice() throws Exception {
        String h = HEADER + ",needs_review,review_reason\n";
        ExtractionSheet s = read("imported.csv", h
                + "A 2020,2020,intravenous,bone marrow,Death,1,10,2,10,no,\n"
                + "B 2021,2021,intravenous,,Death,1,12,1,11,yes,cell source not stated\n"
                + "C 2022,2022,intravenous,adipose,Death,0,9,1,9,YES,\n");
        List<Notice> flagged = s.notices().stream().filter(n -> n.category().equals("needs_review")).toList();
        assertEquals(1, flagged.size(), s.notices().toString());
        assertEquals("imported.csv: 2 rows marked needs_review = yes (first: row 3, cell source not stated), analysed"
                + " as they stand: settle them (import-ctgov's review/review.md says why each trial was flagged) or"
                + " leave them out before relying on the results", flagged.get(0).message());

        ExtractionSheet settled = read("settled.csv", h
                + "A 2020,2020,intravenous,bone marrow,Death,1,10,2,10,no,\n"
                + "B 2021,2021,intravenous,adipose,Death,1,12,1,11,no,settled by hand\n");
        assertTrue(settled.notices().stream().noneMatch(n -> n.category().equals("needs_review")),
                settled.notices().toString());
    }
}

package org.mscmeta.ctgov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The legacy XML reader on the registry's own records (src/test/resources/ctgov/xml, provenance in
 * ../README_PROVENANCE.md). What each record holds is read here with XPath, independently of the reader's walk.
 */
class XmlRecordsTest {

    static Path fixture(String name) throws Exception {
        return Path.of(XmlRecordsTest.class.getResource("/ctgov/xml/" + name).toURI());
    }

    private static Document document(Path p) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(p.toFile());
    }

    private static final XPath XP = XPathFactory.newInstance().newXPath();

    private static String text(Document d, String path) throws Exception {
        return XP.evaluate(path, d).strip();
    }

    private static Integer whole(String v) {
        return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
    }

    @Test
    void everyTermAndTotalIsReadAsTheRecordHoldsIt() throws Exception {
        int terms = 0;
        for (String name : List.of("NCT01065844.xml", "NCT01076361.xml", "NCT02708238.xml", "NCT03191552.xml")) {
            Path p = fixture(name);
            Document d = document(p);
            Trial t = XmlRecords.read(p).get(0);
            assertEquals(text(d, "/clinical_study/id_info/nct_id"), t.nctId(), name);
            assertEquals("legacy XML", t.format());
            assertTrue(t.hasAdverseEvents(), name);
            // the groups, with the totals of the "Total" category
            NodeList groups = (NodeList) XP.evaluate("//reported_events/group_list/group", d, XPathConstants.NODESET);
            assertEquals(groups.getLength(), t.groups().size(), name);
            for (int i = 0; i < groups.getLength(); i++) {
                String id = ((Element) groups.item(i)).getAttribute("group_id");
                Trial.EventGroup g = t.groups().get(i);
                assertEquals(id, g.id());
                assertEquals(text(d, "//reported_events/group_list/group[@group_id='" + id + "']/title"), g.title());
                String total = "//reported_events//category[title='Total']/event_list/event[sub_title='%s']/counts[@group_id='"
                        + id + "']/@subjects_%s";
                assertEquals(whole(XP.evaluate(String.format(total, "Total, serious adverse events", "affected"), d)),
                        g.seriousAffected(), name + " " + id);
                assertEquals(whole(XP.evaluate(String.format(total, "Total, serious adverse events", "at_risk"), d)),
                        g.seriousAtRisk(), name + " " + id);
                assertEquals(whole(XP.evaluate(String.format(total, "Total, other adverse events", "affected"), d)),
                        g.otherAffected(), name + " " + id);
                assertEquals(whole(XP.evaluate(String.format(total, "Total, all-cause mortality", "affected"), d)),
                        g.deathsAffected(), name + " " + id);
                assertEquals(whole(XP.evaluate(String.format(total, "Total, all-cause mortality", "at_risk"), d)),
                        g.deathsAtRisk(), name + " " + id);
            }
            // the terms: every event outside the "Total" category, serious first, in the record's order
            List<String[]> expected = new ArrayList<>();
            for (String table : List.of("serious_events", "other_events")) {
                NodeList events = (NodeList) XP.evaluate("//reported_events/" + table
                        + "/category_list/category[title!='Total']/event_list/event", d, XPathConstants.NODESET);
                for (int i = 0; i < events.getLength(); i++) {
                    Element e = (Element) events.item(i);
                    expected.add(new String[] {table, XP.evaluate("sub_title", e).strip(),
                            XP.evaluate("../../title", e).strip(), XP.evaluate("counts[1]/@subjects_affected", e),
                            XP.evaluate("counts[1]/@subjects_at_risk", e)});
                }
            }
            assertEquals(expected.size(), t.events().size(), name);
            terms += expected.size();
            for (int i = 0; i < expected.size(); i++) {
                String[] x = expected.get(i);
                Trial.AdverseEvent e = t.events().get(i);
                assertEquals(x[0].equals("serious_events"), e.serious(), name + " " + x[1]);
                assertEquals(x[1], e.term());
                assertEquals(x[2], e.organSystem());
                assertEquals(whole(x[3]), e.counts().get(0).affected(), name + " " + x[1]);
                assertEquals(whole(x[4]), e.counts().get(0).atRisk(), name + " " + x[1]);
            }
        }
        assertTrue(terms > 0, "the records hold terms besides their totals");
    }

    @Test
    void theProtocolTextIsReadForTheGroupsRoles() throws Exception {
        Path p = fixture("NCT03191552.xml");
        Document d = document(p);
        Trial t = XmlRecords.read(p).get(0);
        assertEquals(text(d, "/clinical_study/brief_title"), t.title());
        assertEquals(2017, t.year()); // results first posted December 14, 2017
        assertEquals(List.of("Cerebral Palsy", "Postural; Defect"), t.conditions());
        assertEquals("Parallel Assignment", t.interventionModel());
        assertEquals(3, t.arms().size());
        Trial.Arm first = t.arms().get(0);
        assertEquals("SPIO 2 hours", first.label());
        assertEquals("Experimental", first.type());
        // as API v2 lists them: "Type: name" of the interventions that name the arm
        assertEquals(List.of("Device: SPIO", "Other: conventional exercises"), first.interventionNames());
        assertEquals(List.of("Other: conventional exercises"), t.arms().get(2).interventionNames());
        assertEquals(List.of("SPIO 2 hours", "SPIO 6 hours"), t.interventions().get(0).armLabels());
        assertEquals("0", t.frequencyThreshold());
    }

    @Test
    void theTablesVocabularyIsEachTermsWhenTheTermNamesNone() throws Exception {
        Trial t = XmlRecords.read(fixture("NCT01065844.xml")).get(0);
        assertTrue(t.events().stream().filter(e -> !e.serious()).allMatch(e -> "CTCAE (3.0)".equals(e.vocabulary())));
        String own = "<clinical_study><id_info><nct_id>NCT00000001</nct_id></id_info><clinical_results>"
                + "<reported_events><group_list><group group_id=\"E1\"><title>MSC</title></group></group_list>"
                + "<other_events><default_vocab>CTCAE (4.0)</default_vocab><category_list><category><title>General"
                + "</title><event_list><event><sub_title vocab=\"MedDRA 21.0\">Fever</sub_title><counts group_id=\"E1\""
                + " subjects_affected=\"2\" subjects_at_risk=\"9\"/></event><event><sub_title>Chills</sub_title>"
                + "<counts group_id=\"E1\" subjects_affected=\"1\" subjects_at_risk=\"9\"/></event></event_list>"
                + "</category></category_list></other_events></reported_events></clinical_results></clinical_study>";
        Trial o = read(own);
        assertEquals("MedDRA 21.0", o.events().get(0).vocabulary());
        assertEquals("CTCAE (4.0)", o.events().get(1).vocabulary());
        assertNull(o.groups().get(0).seriousAffected(), "no total given, none made up");
    }

    @Test
    void aRecordWithoutResultsHasNoAdverseEvents() throws Exception {
        Trial t = read("<clinical_study><id_info><nct_id>NCT00000002</nct_id></id_info>"
                + "<brief_title>No results yet</brief_title></clinical_study>");
        assertEquals(false, t.hasAdverseEvents());
        assertTrue(t.groups().isEmpty() && t.events().isEmpty());
    }

    private static Trial read(String xml) throws Exception {
        return XmlRecords.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "own.xml").get(0);
    }

    private static String refusal(String xml) {
        return assertThrows(CtgovInputException.class, () -> read(xml)).getMessage();
    }

    @Test
    void whatIsNotARecordIsRefusedNamingWhere() {
        String truncated = "<clinical_study><id_info><nct_id>NCT00000003</nct_id></id_info>\n<clinical_results>";
        String m = refusal(truncated);
        assertTrue(m.startsWith("own.xml, line 2, column ") && m.contains("malformed or truncated XML"), m);
        m = refusal("{\"protocolSection\": {}}");
        assertTrue(m.contains("not XML: the file does not begin with an XML element"), m);
        m = refusal("<search_results><study/></search_results>");
        assertTrue(m.contains("element <search_results>") && m.contains("expected <clinical_study>"), m);
        m = refusal("<clinical_study><brief_title>x</brief_title></clinical_study>");
        assertTrue(m.contains("clinical_study/id_info/nct_id") && m.contains("no NCT id"), m);
        m = refusal(events("<group group_id=\"E1\"/>", "group_id=\"E1\" subjects_affected=\"two\""));
        assertTrue(m.contains("category[1]/event_list/event[1]/counts[1], attribute subjects_affected")
                && m.contains("got \"two\""), m);
    }

    /** A record whose adverse-event groups are {@code groups} and whose one count has {@code count}'s attributes. */
    private static String events(String groups, String count) {
        return "<clinical_study><id_info><nct_id>NCT00000004</nct_id></id_info><clinical_results><reported_events>"
                + "<group_list>" + groups + "</group_list><serious_events><category_list><category><title>Blood"
                + "</title><event_list><event><sub_title>Anaemia</sub_title><counts " + count
                + " subjects_at_risk=\"9\"/></event></event_list></category></category_list></serious_events>"
                + "</reported_events></clinical_results></clinical_study>";
    }

    /**
     * Counts that cannot be given to their group are refused, naming the place: a group without an id, two groups of
     * one id, a count naming no group or one the record does not list. They were read as counts of no group (left
     * out without a word) or, for a group without an id, stopped the import as a defect.
     */
    @Test
    void countsThatBelongToNoGroupOfTheRecordAreRefused() {
        String at = "own.xml, element clinical_study/clinical_results/reported_events/";
        String m = refusal(events("<group group_id=\"E1\"/><group><title>MSC</title></group>", "group_id=\"E1\""));
        assertTrue(m.startsWith(at + "group_list/group[2], attribute group_id: expected the group's id"), m);
        m = refusal(events("<group group_id=\"E1\"/><group group_id=\"E1\"/>", "group_id=\"E1\""));
        assertTrue(m.startsWith(at + "group_list/group[2], attribute group_id: expected an id of this group's own, but"
                + " the group at clinical_study/clinical_results/reported_events/group_list/group[1] has the id E1 too"),
                m);
        String count = at + "serious_events/category_list/category[1]/event_list/event[1]/counts[1], attribute"
                + " group_id: expected the id of one of the record's adverse-event groups (E1, E2)";
        m = refusal(events("<group group_id=\"E1\"/><group group_id=\"E2\"/>", "group_id=\"E3\""));
        assertEquals(count + ", got E3", m);
        m = refusal(events("<group group_id=\"E1\"/><group group_id=\"E2\"/>", "subjects_affected=\"1\""));
        assertEquals(count + ", which these counts do not give, so they belong to no group", m);
    }

    /** A document type, and with it any entity that would read a file of this machine, is refused unread. */
    @Test
    void noDocumentTypeOrExternalEntityIsRead() {
        String m = refusal("<?xml version=\"1.0\"?><!DOCTYPE clinical_study [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<clinical_study><id_info><nct_id>&x;</nct_id></id_info></clinical_study>");
        assertTrue(m.startsWith("own.xml, line 1, column ") && m.contains("a document type declaration (<!DOCTYPE"
                + " ...>), which no ClinicalTrials.gov record has and which is not read"), m);
        assertTrue(!m.contains("root:") && !m.contains("http://"), m);
    }
}

package org.mscmeta.ctgov;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a ClinicalTrials.gov record in the legacy XML of public.xsd ({@code <clinical_study>}, the format of the
 * registry's downloads until 2024), as docs/ctgov-adverse-events.md §2.2 describes it, with the JDK's XML parser.
 * The totals are ordinary events of a category titled "Total" ("Total, serious adverse events", "Total, other
 * adverse events", "Total, all-cause mortality") and become the groups' totals, as API v2 gives them; every other
 * event is a term, its vocabulary its own ({@code sub_title@vocab}) or its table's ({@code default_vocab}). Every
 * element is optional; a count that is not a whole number is an error naming the file and the element, and so is
 * malformed or truncated XML (with its line and column). No document type or external entity is read.
 */
public final class XmlRecords {

    /** The format's name in the review and the sheet. */
    static final String FORMAT = "legacy XML";

    private final String file;

    private XmlRecords(String file) {
        this.file = file;
    }

    /** Reads the study in {@code path}. */
    public static List<Trial> read(Path path) throws IOException, CtgovInputException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /** Reads the study in an XML stream; {@code name} names it in errors. */
    public static List<Trial> read(InputStream in, String name) throws IOException, CtgovInputException {
        Document doc;
        try {
            doc = parser().parse(in, name);
        } catch (SAXParseException e) {
            String at = "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new CtgovInputException(name, at, "a document type declaration (<!DOCTYPE ...>), which no"
                        + " ClinicalTrials.gov record has and which is not read (it could make the reader fetch other"
                        + " files): remove it, or download the record again");
            }
            if (e.getMessage() != null && e.getMessage().contains("not allowed in prolog")) {
                throw new CtgovInputException(name, at, "not XML: the file does not begin with an XML element (a"
                        + " record in JSON is read from a .json file)");
            }
            throw new CtgovInputException(name, at, "malformed or truncated XML: " + firstSentence(e.getMessage()));
        } catch (SAXException e) {
            throw new CtgovInputException(name, null, "malformed XML: " + firstSentence(e.getMessage()));
        }
        Element root = doc.getDocumentElement();
        if (!"clinical_study".equals(root.getTagName())) {
            throw new CtgovInputException(name, "element <" + root.getTagName() + ">", "not a ClinicalTrials.gov"
                    + " record: expected <clinical_study> (the registry's legacy XML)");
        }
        return List.of(new XmlRecords(name).study(root));
    }

    /** A parser that reads no document type and no external entity (a record has none). */
    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.ErrorHandler() { // thrown, not also printed on the console
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    /** A parser's message up to its first sentence. */
    private static String firstSentence(String m) {
        if (m == null) {
            return "not XML";
        }
        String s = m.split("\\R", 2)[0].strip();
        int dot = s.indexOf(". ");
        return dot > 0 ? s.substring(0, dot + 1) : s;
    }

    private Trial study(Element s) throws CtgovInputException {
        String nct = text(child(s, "id_info"), "nct_id");
        if (nct == null) {
            throw new CtgovInputException(file, "element clinical_study/id_info/nct_id", "the study has no NCT id");
        }
        String title = text(s, "brief_title");
        title = title != null ? title : text(s, "official_title");
        Integer year = JsonRecords.year(text(s, "results_first_posted"), text(s, "primary_completion_date"),
                text(s, "start_date"));
        List<String> conditions = texts(s, "condition");
        String model = text(child(s, "study_design_info"), "intervention_model");
        List<Trial.Intervention> interventions = new ArrayList<>();
        for (Element v : children(s, "intervention")) {
            interventions.add(new Trial.Intervention(text(v, "intervention_type"), text(v, "intervention_name"),
                    text(v, "description"), texts(v, "arm_group_label"), texts(v, "other_name")));
        }
        List<Trial.Arm> arms = new ArrayList<>();
        for (Element a : children(s, "arm_group")) {
            String label = text(a, "arm_group_label");
            // as API v2's armGroups[].interventionNames: "Type: name" of the interventions that list the arm
            List<String> names = new ArrayList<>();
            for (Trial.Intervention v : interventions) {
                if (label != null && v.armLabels().contains(label)) {
                    names.add(v.type() == null ? v.name() : v.type() + ": " + v.name());
                }
            }
            arms.add(new Trial.Arm(label, text(a, "arm_group_type"), text(a, "description"), names));
        }
        Element ae = child(child(s, "clinical_results"), "reported_events");
        List<Trial.EventGroup> groups = new ArrayList<>();
        List<Trial.AdverseEvent> events = new ArrayList<>();
        String threshold = null;
        if (ae != null) {
            // per group: deaths, serious and other, each affected and at risk
            Map<String, Integer[]> totals = new LinkedHashMap<>();
            String at = "clinical_study/clinical_results/reported_events";
            // the groups first: every count names one of them
            GroupIds ids = new GroupIds(file);
            List<Element> groupList = children(child(ae, "group_list"), "group");
            for (int i = 0; i < groupList.size(); i++) {
                String where = at + "/group_list/group[" + (i + 1) + "]";
                ids.group(attribute(groupList.get(i), "group_id"), where, "element " + where + ", attribute group_id");
            }
            events(child(ae, "serious_events"), true, at + "/serious_events", ids, totals, events);
            Element other = child(ae, "other_events");
            events(other, false, at + "/other_events", ids, totals, events);
            threshold = text(other, "frequency_threshold");
            for (Element g : groupList) {
                String id = attribute(g, "group_id");
                Integer[] t = totals.getOrDefault(id, new Integer[6]);
                groups.add(new Trial.EventGroup(id, text(g, "title"), text(g, "description"), t[0], t[1], t[2], t[3],
                        t[4], t[5]));
            }
        }
        return new Trial(nct, text(s, "acronym"), title, year, conditions, model, arms, interventions, groups, events,
                ae != null, threshold, file, FORMAT);
    }

    /** The events of one table ({@code serious_events} or {@code other_events}): terms, and the totals apart. */
    private void events(Element table, boolean serious, String at, GroupIds groups,
                        Map<String, Integer[]> totals, List<Trial.AdverseEvent> out) throws CtgovInputException {
        if (table == null) {
            return;
        }
        String vocabulary = text(table, "default_vocab");
        int c = 0;
        for (Element category : children(child(table, "category_list"), "category")) {
            c++;
            String organSystem = text(category, "title");
            int e = 0;
            for (Element event : children(child(category, "event_list"), "event")) {
                e++;
                String where = at + "/category_list/category[" + c + "]/event_list/event[" + e + "]";
                String term = text(event, "sub_title");
                List<Trial.Count> counts = new ArrayList<>();
                int k = 0;
                for (Element n : children(event, "counts")) {
                    k++;
                    String w = where + "/counts[" + k + "]";
                    String group = groups.count(attribute(n, "group_id"), "element " + w + ", attribute group_id");
                    counts.add(new Trial.Count(group, whole(n, "subjects_affected", w),
                            whole(n, "subjects_at_risk", w), whole(n, "events", w)));
                }
                int total = total(organSystem, term);
                if (total >= 0) {
                    for (Trial.Count n : counts) {
                        Integer[] t = totals.computeIfAbsent(n.groupId(), g -> new Integer[6]);
                        t[2 * total] = n.affected();
                        t[2 * total + 1] = n.atRisk();
                    }
                    continue;
                }
                Element sub = child(event, "sub_title");
                String vocab = sub == null || sub.getAttribute("vocab").isBlank() ? vocabulary
                        : sub.getAttribute("vocab").strip();
                out.add(new Trial.AdverseEvent(serious, term, organSystem, vocab, counts));
            }
        }
    }

    /**
     * Which total an event of the "Total" category is: 0 deaths, 1 serious, 2 other; -1 for an event that is a term.
     */
    private static int total(String category, String term) {
        if (category == null || term == null || !category.strip().equalsIgnoreCase("Total")) {
            return -1;
        }
        String t = term.strip().toLowerCase(Locale.ROOT);
        return t.equals("total, all-cause mortality") ? 0 : t.equals("total, serious adverse events") ? 1
                : t.equals("total, other adverse events") ? 2 : -1;
    }

    // ---- typed access with the element in errors ---------------------------------------------------------------

    private static Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && el.getTagName().equals(tag)) {
                return el;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element el && el.getTagName().equals(tag)) {
                    out.add(el);
                }
            }
        }
        return out;
    }

    /** The text of the first {@code tag} child, stripped; null when absent or blank. */
    private static String text(Element parent, String tag) {
        Element el = child(parent, tag);
        if (el == null) {
            return null;
        }
        String s = el.getTextContent().strip();
        return s.isEmpty() ? null : s;
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> out = new ArrayList<>();
        for (Element el : children(parent, tag)) {
            String s = el.getTextContent().strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String attribute(Element el, String name) {
        String v = el.getAttribute(name).strip();
        return v.isEmpty() ? null : v;
    }

    /** A whole number >= 0 (participants, or events) in attribute {@code name}; null when absent or blank. */
    private Integer whole(Element el, String name, String where) throws CtgovInputException {
        String v = attribute(el, name);
        if (v == null) {
            return null;
        }
        if (v.matches("\\d{1,9}")) {
            return Integer.parseInt(v);
        }
        throw new CtgovInputException(file, "element " + where + ", attribute " + name,
                "expected a whole number >= 0, got \"" + v + "\"");
    }
}

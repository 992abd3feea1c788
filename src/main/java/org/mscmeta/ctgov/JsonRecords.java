package org.mscmeta.ctgov;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ClinicalTrials.gov records in JSON: API v2 (one study object, or a search response with {@code studies[]})
 * and the legacy API v1 ({@code FullStudiesResponse.FullStudies[].Study}, PascalCase, every number a string; also
 * a bare {@code {"Study": ...}}). Field names are those of docs/ctgov-adverse-events.md §1.2 and §2.1. Every
 * key is optional; a value of the wrong type is an error naming the file and its JSON path, and so is malformed
 * or truncated JSON.
 */
public final class JsonRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");

    private final String file;

    private JsonRecords(String file) {
        this.file = file;
    }

    /** Reads every study in {@code path}. */
    public static List<Trial> read(Path path) throws IOException, CtgovInputException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /** Reads every study in a JSON stream; {@code name} names it in errors. */
    /** Where the parser stood: the JSON path, and the line and column when the parser knows them. */
    private static String where(JsonParser p, JacksonException e) {
        String pointer = p.streamReadContext().pathAsPointer().toString();
        if (pointer.length() > 160) {
            pointer = pointer.substring(0, 80) + "\u2026 (" + p.streamReadContext().getNestingDepth() + " levels deep)";
        }
        String path = "JSON path " + pointer;
        var at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? path : path + " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")";
    }

    /** A parser's message up to its first sentence, without the class names and source excerpts it appends. */
    private static String firstSentence(String m) {
        if (m == null) {
            return "not JSON";
        }
        String s = m.split("\\R", 2)[0];
        int dot = s.indexOf(". ");
        s = dot > 0 ? s.substring(0, dot) : s;
        return s.replaceAll("\\(?[a-z]+(\\.[a-z]+)+\\.[A-Z][A-Za-z]*(#[a-zA-Z]+)?\\)?", "").strip();
    }

    public static List<Trial> read(InputStream in, String name) throws IOException, CtgovInputException {
        JsonNode root;
        try (JsonParser p = MAPPER.createParser(in)) {
            try {
                root = MAPPER.readTree(p);
            } catch (JacksonIOException e) {
                throw e.getCause();
            } catch (tools.jackson.core.exc.StreamConstraintsException e) {
                throw new CtgovInputException(name, where(p, e), "JSON nested deeper (or holding longer values) than a"
                        + " ClinicalTrials.gov record ever does, which is refused unread; it is not a registry record");
            } catch (JacksonException e) {
                throw new CtgovInputException(name, where(p, e), "malformed or truncated JSON: "
                        + firstSentence(e.getOriginalMessage()));
            }
        }
        if (root == null || !root.isObject()) {
            throw new CtgovInputException(name, "JSON path /", "expected a JSON object (a ClinicalTrials.gov study,"
                    + " a search response or a FullStudiesResponse)");
        }
        JsonRecords r = new JsonRecords(name);
        List<Trial> out = new ArrayList<>();
        if (root.has("FullStudiesResponse")) {
            JsonNode studies = r.array(root.path("FullStudiesResponse"), "FullStudies", "/FullStudiesResponse");
            for (int i = 0; i < studies.size(); i++) {
                out.add(r.v1(studies.get(i).path("Study"), "/FullStudiesResponse/FullStudies/" + i + "/Study"));
            }
        } else if (root.has("Study")) {
            out.add(r.v1(root.path("Study"), "/Study"));
        } else if (root.has("studies")) {
            JsonNode studies = r.array(root, "studies", "");
            for (int i = 0; i < studies.size(); i++) {
                out.add(r.v2(studies.get(i), "/studies/" + i));
            }
        } else if (root.has("protocolSection") || root.has("resultsSection")) {
            out.add(r.v2(root, ""));
        } else if (root.has("StudyFieldsResponse")) {
            // docs/ctgov-adverse-events.md §2.1: one flat array per field, the counts apart from their groups and terms
            throw new CtgovInputException(name, "JSON path /StudyFieldsResponse", "a response of the legacy API v1's"
                    + " StudyFields endpoint, which lists each field apart (the counts apart from their groups and"
                    + " terms), so the adverse-event tables cannot be rebuilt from it safely: import the study's full"
                    + " record instead (API v2 JSON, e.g. with --nct " + nct(root) + ", or v1 FullStudies JSON)");
        } else {
            throw new CtgovInputException(name, "JSON path /", "not a ClinicalTrials.gov record: expected"
                    + " protocolSection (API v2), studies[] (API v2 search) or FullStudiesResponse (API v1)");
        }
        return out;
    }

    /** The NCT id a StudyFields response asked for (its expression), or "NCT..." when it is not one. */
    private static String nct(JsonNode root) {
        String e = root.path("StudyFieldsResponse").path("Expression").asString("").strip();
        return e.matches("NCT\\d{8}") ? e : "NCT...";
    }

    // ---- API v2 -----------------------------------------------------------------------------------------------

    private Trial v2(JsonNode s, String at) throws CtgovInputException {
        JsonNode ps = s.path("protocolSection");
        String pp = at + "/protocolSection";
        JsonNode id = ps.path("identificationModule");
        String nct = text(id, "nctId", pp + "/identificationModule");
        if (nct == null && ps.isMissingNode()) {
            // AACT's and other loaders' test fixtures hold a record's resultsSection alone
            throw new CtgovInputException(file, "JSON path " + pp, "a results section without the record's"
                    + " protocolSection (no NCT id, title, arms or interventions): a fragment of a record, not a whole"
                    + " one; import the study's full record instead (API v2 JSON, e.g. with --nct), or move this file"
                    + " out of the folder imported");
        }
        if (nct == null) {
            throw new CtgovInputException(file, "JSON path " + pp + "/identificationModule/nctId",
                    "the study has no NCT id");
        }
        String title = first(text(id, "briefTitle", null), text(id, "officialTitle", null));
        JsonNode st = ps.path("statusModule");
        Integer year = year(st.path("resultsFirstPostDateStruct").path("date").asString(null),
                st.path("primaryCompletionDateStruct").path("date").asString(null),
                st.path("startDateStruct").path("date").asString(null));
        List<String> conditions = strings(ps.path("conditionsModule"), "conditions", pp + "/conditionsModule");
        String model = text(ps.path("designModule").path("designInfo"), "interventionModel", null);
        JsonNode aim = ps.path("armsInterventionsModule");
        String ap = pp + "/armsInterventionsModule";
        List<Trial.Arm> arms = new ArrayList<>();
        JsonNode armNodes = array(aim, "armGroups", ap);
        for (int i = 0; i < armNodes.size(); i++) {
            String p = ap + "/armGroups/" + i;
            JsonNode a = object(armNodes, i, p);
            arms.add(new Trial.Arm(text(a, "label", p), text(a, "type", p), text(a, "description", p),
                    strings(a, "interventionNames", p)));
        }
        List<Trial.Intervention> interventions = new ArrayList<>();
        JsonNode ivNodes = array(aim, "interventions", ap);
        for (int i = 0; i < ivNodes.size(); i++) {
            String p = ap + "/interventions/" + i;
            JsonNode v = object(ivNodes, i, p);
            interventions.add(new Trial.Intervention(text(v, "type", p), text(v, "name", p), text(v, "description", p),
                    strings(v, "armGroupLabels", p), strings(v, "otherNames", p)));
        }
        JsonNode ae = s.path("resultsSection").path("adverseEventsModule");
        String ep = at + "/resultsSection/adverseEventsModule";
        List<Trial.EventGroup> groups = new ArrayList<>();
        List<Trial.AdverseEvent> events = new ArrayList<>();
        boolean has = ae.isObject();
        if (has) {
            JsonNode gs = array(ae, "eventGroups", ep);
            GroupIds ids = new GroupIds(file);
            for (int i = 0; i < gs.size(); i++) {
                String p = ep + "/eventGroups/" + i;
                JsonNode g = object(gs, i, p);
                String groupId = ids.group(text(g, "id", p), p, "JSON path " + p + "/id");
                groups.add(new Trial.EventGroup(groupId, text(g, "title", p), text(g, "description", p),
                        whole(g, "deathsNumAffected", p), whole(g, "deathsNumAtRisk", p),
                        whole(g, "seriousNumAffected", p), whole(g, "seriousNumAtRisk", p),
                        whole(g, "otherNumAffected", p), whole(g, "otherNumAtRisk", p)));
            }
            v2Events(ae, "seriousEvents", true, ep, ids, events);
            v2Events(ae, "otherEvents", false, ep, ids, events);
        }
        return new Trial(nct, text(id, "acronym", null), title, year, conditions, model, arms, interventions, groups,
                events, has, has ? text(ae, "frequencyThreshold", ep) : null, file, "API v2 JSON");
    }

    private void v2Events(JsonNode ae, String key, boolean serious, String ep, GroupIds groups,
                          List<Trial.AdverseEvent> out) throws CtgovInputException {
        JsonNode list = array(ae, key, ep);
        for (int i = 0; i < list.size(); i++) {
            String p = ep + "/" + key + "/" + i;
            JsonNode e = object(list, i, p);
            List<Trial.Count> counts = new ArrayList<>();
            JsonNode stats = array(e, "stats", p);
            for (int j = 0; j < stats.size(); j++) {
                String q = p + "/stats/" + j;
                JsonNode c = object(stats, j, q);
                String group = groups.count(text(c, "groupId", q), "JSON path " + q + "/groupId");
                counts.add(new Trial.Count(group, whole(c, "numAffected", q),
                        whole(c, "numAtRisk", q),
                        whole(c, "numEvents", q)));
            }
            out.add(new Trial.AdverseEvent(serious, text(e, "term", p), text(e, "organSystem", p),
                    text(e, "sourceVocabulary", p), counts));
        }
    }

    // ---- legacy API v1 ----------------------------------------------------------------------------------------

    private Trial v1(JsonNode s, String at) throws CtgovInputException {
        JsonNode ps = s.path("ProtocolSection");
        String pp = at + "/ProtocolSection";
        JsonNode id = ps.path("IdentificationModule");
        String nct = text(id, "NCTId", pp + "/IdentificationModule");
        if (nct == null) {
            throw new CtgovInputException(file, "JSON path " + pp + "/IdentificationModule/NCTId",
                    "the study has no NCT id");
        }
        JsonNode st = ps.path("StatusModule");
        Integer year = year(st.path("ResultsFirstPostDateStruct").path("ResultsFirstPostDate").asString(null),
                st.path("PrimaryCompletionDateStruct").path("PrimaryCompletionDate").asString(null),
                st.path("StartDateStruct").path("StartDate").asString(null));
        List<String> conditions = strings(ps.path("ConditionsModule").path("ConditionList"), "Condition",
                pp + "/ConditionsModule/ConditionList");
        String model = text(ps.path("DesignModule").path("DesignInfo"), "DesignInterventionModel", null);
        JsonNode aim = ps.path("ArmsInterventionsModule");
        String ap = pp + "/ArmsInterventionsModule";
        List<Trial.Arm> arms = new ArrayList<>();
        JsonNode armNodes = array(aim.path("ArmGroupList"), "ArmGroup", ap + "/ArmGroupList");
        for (int i = 0; i < armNodes.size(); i++) {
            String p = ap + "/ArmGroupList/ArmGroup/" + i;
            JsonNode a = object(armNodes, i, p);
            arms.add(new Trial.Arm(text(a, "ArmGroupLabel", p), text(a, "ArmGroupType", p),
                    text(a, "ArmGroupDescription", p), strings(a.path("ArmGroupInterventionList"),
                    "ArmGroupInterventionName", p + "/ArmGroupInterventionList")));
        }
        List<Trial.Intervention> interventions = new ArrayList<>();
        JsonNode ivNodes = array(aim.path("InterventionList"), "Intervention", ap + "/InterventionList");
        for (int i = 0; i < ivNodes.size(); i++) {
            String p = ap + "/InterventionList/Intervention/" + i;
            JsonNode v = object(ivNodes, i, p);
            interventions.add(new Trial.Intervention(text(v, "InterventionType", p), text(v, "InterventionName", p),
                    text(v, "InterventionDescription", p),
                    strings(v.path("InterventionArmGroupLabelList"), "InterventionArmGroupLabel", p),
                    strings(v.path("InterventionOtherNameList"), "InterventionOtherName", p)));
        }
        JsonNode ae = s.path("ResultsSection").path("AdverseEventsModule");
        String ep = at + "/ResultsSection/AdverseEventsModule";
        List<Trial.EventGroup> groups = new ArrayList<>();
        List<Trial.AdverseEvent> events = new ArrayList<>();
        boolean has = ae.isObject();
        if (has) {
            JsonNode gs = array(ae.path("EventGroupList"), "EventGroup", ep + "/EventGroupList");
            GroupIds ids = new GroupIds(file);
            for (int i = 0; i < gs.size(); i++) {
                String p = ep + "/EventGroupList/EventGroup/" + i;
                JsonNode g = object(gs, i, p);
                String groupId = ids.group(text(g, "EventGroupId", p), p, "JSON path " + p + "/EventGroupId");
                groups.add(new Trial.EventGroup(groupId, text(g, "EventGroupTitle", p),
                        text(g, "EventGroupDescription", p),
                        whole(g, "EventGroupDeathsNumAffected", p), whole(g, "EventGroupDeathsNumAtRisk", p),
                        whole(g, "EventGroupSeriousNumAffected", p), whole(g, "EventGroupSeriousNumAtRisk", p),
                        whole(g, "EventGroupOtherNumAffected", p), whole(g, "EventGroupOtherNumAtRisk", p)));
            }
            v1Events(ae, "Serious", true, ep, ids, events);
            v1Events(ae, "Other", false, ep, ids, events);
        }
        return new Trial(nct, text(id, "Acronym", null), first(text(id, "BriefTitle", null),
                text(id, "OfficialTitle", null)), year, conditions, model, arms, interventions, groups, events, has,
                has ? text(ae, "EventsFrequencyThreshold", ep) : null, file, "API v1 JSON");
    }

    private void v1Events(JsonNode ae, String kind, boolean serious, String ep, GroupIds groups,
                          List<Trial.AdverseEvent> out) throws CtgovInputException {
        String listPath = ep + "/" + kind + "EventList";
        JsonNode list = array(ae.path(kind + "EventList"), kind + "Event", listPath);
        for (int i = 0; i < list.size(); i++) {
            String p = listPath + "/" + kind + "Event/" + i;
            JsonNode e = object(list, i, p);
            List<Trial.Count> counts = new ArrayList<>();
            String sp = p + "/" + kind + "EventStatsList";
            JsonNode stats = array(e.path(kind + "EventStatsList"), kind + "EventStats", sp);
            for (int j = 0; j < stats.size(); j++) {
                String q = sp + "/" + kind + "EventStats/" + j;
                JsonNode c = object(stats, j, q);
                String pre = kind + "EventStats";
                String group = groups.count(text(c, pre + "GroupId", q), "JSON path " + q + "/" + pre + "GroupId");
                counts.add(new Trial.Count(group, whole(c, pre + "NumAffected", q),
                        whole(c, pre + "NumAtRisk", q), whole(c, pre + "NumEvents", q)));
            }
            out.add(new Trial.AdverseEvent(serious, text(e, kind + "EventTerm", p), text(e, kind + "EventOrganSystem", p),
                    text(e, kind + "EventSourceVocabulary", p), counts));
        }
    }

    // ---- typed access with the JSON path in errors -------------------------------------------------------------

    private String text(JsonNode n, String key, String at) throws CtgovInputException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new CtgovInputException(file, "JSON path " + at + "/" + key, "expected text, got "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String s = v.asString().strip();
        return s.isEmpty() ? null : s;
    }

    /** Element {@code i} of {@code array}, which is an object (an arm, a group, an event, a count). */
    private JsonNode object(JsonNode array, int i, String at) throws CtgovInputException {
        JsonNode v = array.get(i);
        if (!v.isObject()) {
            throw new CtgovInputException(file, "JSON path " + at, "expected an object, got "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + v);
        }
        return v;
    }

    /** A whole number >= 0, given as a JSON number (v2) or a string of digits (v1); null when absent or blank. */
    private Integer whole(JsonNode n, String key, String at) throws CtgovInputException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) {
            return v.intValue();
        }
        if (v.isString()) {
            String s = v.asString().strip();
            if (s.isEmpty()) {
                return null;
            }
            if (s.matches("\\d{1,9}")) {
                return Integer.parseInt(s);
            }
        }
        throw new CtgovInputException(file, "JSON path " + at + "/" + key,
                "expected a whole number of participants >= 0, got " + v);
    }

    /** The array at {@code key}; an empty array when absent (ClinicalTrials.gov leaves out empty arrays). */
    private JsonNode array(JsonNode n, String key, String at) throws CtgovInputException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return MAPPER.createArrayNode();
        }
        if (!v.isArray()) {
            throw new CtgovInputException(file, "JSON path " + at + "/" + key, "expected an array, got "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v;
    }

    private List<String> strings(JsonNode n, String key, String at) throws CtgovInputException {
        JsonNode a = array(n, key, at);
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isValueNode()) {
                throw new CtgovInputException(file, "JSON path " + at + "/" + key + "/" + i, "expected text");
            }
            out.add(a.get(i).asString());
        }
        return out;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** The year of the first date that has one ("2019-04-10", "April 10, 2019"). */
    static Integer year(String... dates) {
        for (String d : dates) {
            if (d != null) {
                Matcher m = YEAR.matcher(d);
                if (m.find()) {
                    return Integer.parseInt(m.group());
                }
            }
        }
        return null;
    }
}

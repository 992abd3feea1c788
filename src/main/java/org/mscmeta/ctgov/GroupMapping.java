package org.mscmeta.ctgov;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mscmeta.sheet.InputProblem;
import org.mscmeta.sheet.InvalidInputException;

/**
 * The user's group mapping ({@code --groups mapping.csv}): columns {@code nct_id}, {@code group_id} and
 * {@code role} (msc, control or exclude); other columns are ignored, so the {@code groups.csv} an import writes
 * can be edited and passed back. Rows with a blank role are ignored. Ids are compared ignoring case
 * ({@link #key}): {@code nct02210780} and {@code eg001}, typed by hand, name {@code NCT02210780} and {@code EG001}.
 */
public final class GroupMapping {

    private GroupMapping() {
    }

    /**
     * Roles by NCT id and group id. Every row that cannot be read is refused at once, each named by its row and
     * column as the file's header writes it, as the problems of a sheet are.
     */
    public static Map<String, Map<String, GroupRoles.Role>> read(Path file) throws IOException, InvalidInputException {
        String name = file.toString();
        if (org.mscmeta.files.FileSignatures.isWorkbook(file)) {
            throw new InvalidInputException(name, "a CSV of nct_id, group_id, role, but this is a workbook (.xlsx,"
                    + " .xls or .ods): save the table as CSV");
        }
        String header = AactTables.headerLine(file);
        char separator = header == null ? ',' : AactTables.delimiter(header); // Excel's CSV in some locales: ';'
        Map<String, Map<String, GroupRoles.Role>> out = new LinkedHashMap<>();
        Map<String, Long> rows = new HashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(separator).ignoreDifferentFieldCount(true)
                .detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            Map<String, Integer> at = null;
            List<String> head = null;
            for (CsvRecord rec : csv) {
                List<String> f = rec.getFields();
                if (at == null) {
                    at = new HashMap<>();
                    head = f;
                    for (int i = 0; i < f.size(); i++) {
                        at.putIfAbsent(f.get(i).strip().toLowerCase(Locale.ROOT), i);
                    }
                    for (String need : new String[] {"nct_id", "group_id", "role"}) {
                        if (!at.containsKey(need)) {
                            problems.add(new InputProblem(name, 1, InputProblem.NO_COLUMN, "", "the columns nct_id,"
                                    + " group_id and role (as the groups.csv of an import has them), but there is no"
                                    + " column '" + need + "'"));
                        }
                    }
                    if (!problems.isEmpty()) {
                        break;
                    }
                    continue;
                }
                int row = (int) rec.getStartingLineNumber();
                String nct = get(f, at.get("nct_id"));
                String group = get(f, at.get("group_id"));
                String role = get(f, at.get("role"));
                if (role.isEmpty()) {
                    continue; // no role: the automatic one
                }
                GroupRoles.Role r = switch (role.toLowerCase(Locale.ROOT)) {
                    case "msc" -> GroupRoles.Role.MSC;
                    case "control" -> GroupRoles.Role.CONTROL;
                    case "exclude" -> GroupRoles.Role.EXCLUDE;
                    default -> null;
                };
                if (r == null) {
                    problems.add(new InputProblem(name, row, head.get(at.get("role")), role, "msc, control or"
                            + " exclude"));
                }
                if (nct.isEmpty() || group.isEmpty()) {
                    String missing = nct.isEmpty() ? "nct_id" : "group_id";
                    problems.add(new InputProblem(name, row, head.get(at.get(missing)), "", nct.isEmpty()
                            ? "the trial's NCT id, as the row gives a role" : "the group's id (EG000, E1, ...), as the"
                            + " row gives a role"));
                }
                if (r == null || nct.isEmpty() || group.isEmpty()) {
                    continue;
                }
                GroupRoles.Role before = out.computeIfAbsent(key(nct), k -> new LinkedHashMap<>()).put(key(group), r);
                String where = key(nct) + "/" + key(group);
                if (before != null && before != r) {
                    problems.add(new InputProblem(name, row, head.get(at.get("role")), role, "one role per group, but"
                            + " row " + rows.get(where) + " gives group " + key(group) + " of " + key(nct) + " the role "
                            + before.name().toLowerCase(Locale.ROOT) + ": keep one of the two"));
                }
                rows.putIfAbsent(where, (long) row);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, problems.size());
        }
        return out;
    }

    /** An NCT or group id as the mapping is keyed by it: in capitals, without surrounding spaces. */
    public static String key(String id) {
        return id.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * What the mapping names that none of {@code trials} has, each as a warning for the review: a trial not among
     * the records read, a group its trial does not have. Their roles decide nothing, and a mistyped id would
     * otherwise leave the trial to its automatic roles unnoticed.
     */
    public static List<String> unmatched(Map<String, Map<String, GroupRoles.Role>> mapping, List<Trial> trials) {
        Map<String, Trial> byId = new HashMap<>();
        for (Trial t : trials) {
            byId.putIfAbsent(key(t.nctId()), t);
        }
        List<String> out = new java.util.ArrayList<>();
        mapping.forEach((nct, roles) -> {
            Trial t = byId.get(nct);
            if (t == null) {
                out.add("the group mapping names " + nct + ", which none of the records read holds: its roles were"
                        + " not used");
                return;
            }
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            for (Trial.EventGroup g : t.groups()) {
                ids.add(key(g.id()));
            }
            for (String group : roles.keySet()) {
                if (!ids.contains(group)) {
                    out.add("the group mapping names group " + group + " of " + nct + ", which has no such group"
                            + (ids.isEmpty() ? "" : " (its groups: " + String.join(", ", ids) + ")")
                            + ": that role was not used");
                }
            }
        });
        return out;
    }

    private static String get(List<String> f, int i) {
        return i < f.size() ? f.get(i).strip() : "";
    }
}

package org.mscmeta.ctgov;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's group mapping ({@code --groups mapping.csv}): columns {@code nct_id}, {@code group_id} and
 * {@code role} (msc, control or exclude); other columns are ignored, so the {@code groups.csv} an import writes
 * can be edited and passed back. Rows with a blank role are ignored.
 */
public final class GroupMapping {

    private GroupMapping() {
    }

    /** Roles by NCT id and group id. */
    public static Map<String, Map<String, GroupRoles.Role>> read(Path file) throws IOException, CtgovInputException {
        Map<String, Map<String, GroupRoles.Role>> out = new LinkedHashMap<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true).detectBomHeader(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            Map<String, Integer> at = null;
            for (CsvRecord rec : csv) {
                List<String> f = rec.getFields();
                if (at == null) {
                    at = new HashMap<>();
                    for (int i = 0; i < f.size(); i++) {
                        at.put(f.get(i).strip().toLowerCase(Locale.ROOT), i);
                    }
                    for (String need : new String[] {"nct_id", "group_id", "role"}) {
                        if (!at.containsKey(need)) {
                            throw new CtgovInputException(file.toString(), "line 1", "missing column '" + need
                                    + "' (expected nct_id, group_id, role)");
                        }
                    }
                    continue;
                }
                String nct = get(f, at.get("nct_id"));
                String group = get(f, at.get("group_id"));
                String role = get(f, at.get("role")).toLowerCase(Locale.ROOT);
                if (nct.isEmpty() && group.isEmpty() && role.isEmpty() || role.isEmpty()) {
                    continue;
                }
                GroupRoles.Role r = switch (role) {
                    case "msc" -> GroupRoles.Role.MSC;
                    case "control" -> GroupRoles.Role.CONTROL;
                    case "exclude" -> GroupRoles.Role.EXCLUDE;
                    default -> throw new CtgovInputException(file.toString(), "line " + rec.getStartingLineNumber()
                            + ", column role", "expected msc, control or exclude, got '" + role + "'");
                };
                if (nct.isEmpty() || group.isEmpty()) {
                    throw new CtgovInputException(file.toString(), "line " + rec.getStartingLineNumber(),
                            "nct_id and group_id are required");
                }
                out.computeIfAbsent(nct, k -> new LinkedHashMap<>()).put(group, r);
            }
        }
        return out;
    }

    private static String get(List<String> f, int i) {
        return i < f.size() ? f.get(i).strip() : "";
    }
}

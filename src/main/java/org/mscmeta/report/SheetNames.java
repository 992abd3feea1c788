package org.mscmeta.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * Excel sheet names made from outcome names: characters Excel forbids replaced (POI's
 * {@link WorkbookUtil#createSafeSheetName}), at most 31 characters, unique without regard to case, never one of
 * the workbook's own sheets or Excel's reserved "History".
 */
public final class SheetNames {

    private final Set<String> used = new HashSet<>();

    public SheetNames(String... reserved) {
        used.add("history");
        for (String r : reserved) {
            used.add(r.toLowerCase(Locale.ROOT));
        }
    }

    /** A valid, unused sheet name for {@code name}. */
    public String unique(String name) {
        String base = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? "Outcome" : name.strip(), '_');
        base = base.replaceAll("^'+|'+$", "");
        if (base.isEmpty()) {
            base = "Outcome";
        }
        String candidate = base;
        int n = 2;
        while (used.contains(candidate.toLowerCase(Locale.ROOT))) {
            String suffix = " (" + n++ + ")";
            candidate = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        used.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }
}

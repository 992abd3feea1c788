package org.mscmeta.analysis;

/**
 * The subgroup an analysis is restricted to.
 *
 * @param variable the subgroup variable, e.g. {@code route}
 * @param level    its value, e.g. {@code intravenous}
 */
public record Subgroup(String variable, String level) {
}

package org.mscmeta.analysis;

import java.util.List;
import org.mscmeta.sheet.Notice;

/**
 * Everything an {@code analyze} run found, ready for the renderers.
 *
 * @param settings       the settings in force (subgroup variables resolved)
 * @param input          the input file's name
 * @param rows           data rows read
 * @param analyses       per outcome: the overall analysis, then each subgroup level of each variable
 * @param subgroupTests  per outcome and variable: the common and the random test
 * @param notices        everything a user should know that is not an error
 */
public record Results(Settings settings, String input, int rows, List<Analysis> analyses,
                      List<SubgroupComparison> subgroupTests, List<Notice> notices) {
}

package org.mscmeta.report;

/**
 * Facts about a run that renderers state but the analysis does not know: where the input came from.
 *
 * @param inputPath   the input file as given on the command line
 * @param inputSha256 SHA-256 of the input file's bytes, hex
 * @param timestamp   when the run started, ISO-8601
 */
public record RunInfo(String inputPath, String inputSha256, String timestamp) {
}

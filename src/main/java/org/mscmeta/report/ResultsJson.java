package org.mscmeta.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.mscmeta.analysis.Results;
import org.mscmeta.files.AtomicFiles;

/**
 * Entry point of results.json, the contract of docs/results-json.md: written whole from {@link Results}, or while
 * the analysis runs through a {@link ResultsDocument}; the fields are {@link JsonFields}'.
 */
public final class ResultsJson {

    /** The file name inside the output folder. */
    public static final String FILE_NAME = "results.json";

    /** Results of more rows than this are written compact (no indentation), to keep large files small. */
    static final int PRETTY_MAX_ROWS = 5000;

    /**
     * A subgroup level with more studies than this, or any subgroup level of a registry-scale result (more than
     * {@link #PRETTY_MAX_ROWS} rows), lists each study by name, row, inclusion and its weights in the level only:
     * the full rows are in the outcome's overall analysis, and repeating them for every level of every subgroup
     * variable tripled the file.
     */
    static final int SLIM_SUBGROUP_STUDIES = 200;

    private ResultsJson() {
    }

    /** Writes {@code results.json} atomically into {@code dir}. */
    public static Path write(Results results, RunInfo run, Path dir) throws IOException {
        Path target = dir.resolve(FILE_NAME);
        java.nio.file.Files.createDirectories(dir);
        AtomicFiles.write(target, out -> write(results, run, out));
        return target;
    }

    /** Writes the JSON document to a stream. */
    public static void write(Results r, RunInfo run, OutputStream out) throws IOException {
        try (ResultsDocument d = ResultsDocument.open(out, r.input(), r.rows(), r.settings(), run)) {
            d.finish(r);
        }
    }
}

package org.mscmeta.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * results.json written while the analysis runs: the head (tool, input, settings) when opened, each outcome's
 * analyses when {@linkplain #add added} (from the pooling threads, as {@code MetaAnalysis} reports them), and
 * the subgroup tests and notices when {@linkplain #finish finished}. At registry scale (compact output) an added
 * outcome is serialised at once by the thread that adds it and written to the stream, in outcome order, by a
 * writer thread; an outcome more than {@link #AHEAD} places ahead of the last one written waits, so that few
 * serialised outcomes are held in memory. Smaller results, written indented, are written when finished. The
 * document is the same as {@link ResultsJson#write(Results, RunInfo, OutputStream)} writes. The fields are
 * written by {@link JsonFields}.
 */
public final class ResultsDocument implements AutoCloseable {

    /** How far ahead of the last outcome written an outcome may be serialised. */
    static final int AHEAD = 2 * Runtime.getRuntime().availableProcessors();

    private final OutputStream out;
    private final JsonGenerator g;
    private final boolean compact;
    private final boolean ratio;
    /** Whether the measure compares MSC with control (not a proportion of the MSC arm alone). */
    private final boolean comparative;
    /** The moderators asked for ({@code --moderators}), named by a meta-regression that could not be fitted. */
    private final List<String> moderators;
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition progress = lock.newCondition();
    /** Serialised outcomes not yet handed to the writer, by index. */
    private final java.util.Map<Integer, PagedBuffer> waiting = new java.util.HashMap<>();
    /** Indented output: the outcomes added, by index, written when finished. */
    private final java.util.TreeMap<Integer, List<Analysis>> kept = new java.util.TreeMap<>();
    private int handed;
    private int written;
    private int analyses;
    private boolean nonEmptyWritten;
    private volatile IOException failure;
    private final java.util.Queue<byte[]> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ExecutorService writer;
    private boolean finished;

    private ResultsDocument(OutputStream out, String input, int rows, Settings settings, RunInfo run) {
        this.out = out;
        this.compact = rows > ResultsJson.PRETTY_MAX_ROWS;
        this.ratio = settings.measure() != org.mscmeta.effect.Measure.RD;
        this.comparative = !settings.measure().isProportion();
        this.moderators = settings.moderators();
        this.g = FACTORY.createGenerator(compact ? ObjectWriteContext.empty() : PRETTY, out, JsonEncoding.UTF8);
        this.writer = compact ? java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "results.json writer");
            t.setDaemon(true);
            return t;
        }) : null;
        JsonFields.head(g, input, rows, settings, run);
        g.writeArrayPropertyStart("analyses");
        if (compact) {
            g.flush(); // the outcomes go to the stream directly
        }
    }

    /**
     * Starts the document: {@code rows} decides compact or indented output, {@code settings} are the resolved
     * ones ({@code MetaAnalysis.resolve}). Everything goes to {@code out}, which {@link #close()} closes.
     */
    public static ResultsDocument open(OutputStream out, String input, int rows, Settings settings, RunInfo run)
            throws IOException {
        try {
            return new ResultsDocument(out, input, rows, settings, run);
        } catch (JacksonIOException e) {
            throw e.getCause(); // Jackson 3 reports the stream's failure unchecked
        }
    }

    /**
     * Adds the analyses of the {@code index}-th outcome (indices from 0, each once, from any thread). An outcome
     * more than {@link #AHEAD} places ahead of the last one written waits until those before it are added and
     * written, so an outcome far ahead must not be added by the thread that is to add an earlier one. Never
     * fails: a failure to write is reported by {@link #finish}.
     */
    public void add(int index, List<Analysis> outcome) {
        if (!compact) {
            lock.lock();
            try {
                analyses += outcome.size();
                kept.put(index, outcome);
            } finally {
                lock.unlock();
            }
            return;
        }
        lock.lock();
        try {
            while (index - written > AHEAD && failure == null) {
                progress.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        PagedBuffer block = serialise(outcome);
        lock.lock();
        try {
            analyses += outcome.size();
            waiting.put(index, block);
            for (PagedBuffer next = waiting.remove(handed); next != null; next = waiting.remove(handed)) {
                handed++;
                PagedBuffer inTurn = next;
                writer.execute(() -> writeOut(inTurn));
            }
        } finally {
            lock.unlock();
        }
    }

    /** One outcome's analyses as root-level values separated by commas, in recycled pages. */
    private PagedBuffer serialise(List<Analysis> outcome) {
        PagedBuffer buf = new PagedBuffer(spare);
        try (JsonGenerator bg = BLOCK_FACTORY.createGenerator(ObjectWriteContext.empty(), buf,
                JsonEncoding.UTF8)) {
            for (Analysis a : outcome) {
                JsonFields.analysis(bg, a, ratio, comparative, true, moderators);
            }
        }
        return buf;
    }

    /** On the writer thread, in outcome order. */
    private void writeOut(PagedBuffer buf) {
        IOException failed = null;
        if (failure == null && buf.size() > 0) {
            try {
                if (nonEmptyWritten) {
                    out.write(',');
                }
                buf.writeTo(out);
                nonEmptyWritten = true;
            } catch (IOException e) {
                failed = e;
            }
        }
        buf.release();
        lock.lock();
        try {
            if (failed != null && failure == null) {
                failure = failed;
            }
            written++;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the document with {@code r}'s subgroup tests and notices, first adding {@code r}'s analyses (one
     * outcome per thread at registry scale) unless they were added as the analysis ran.
     *
     * @throws IOException              when the stream failed
     * @throws IllegalStateException    when the analyses added are not {@code r}'s
     */
    public void finish(Results r) throws IOException {
        boolean nothingAdded;
        lock.lock();
        try {
            nothingAdded = handed == 0 && waiting.isEmpty() && kept.isEmpty(); // every outcome added is in one
        } finally {
            lock.unlock();
        }
        if (nothingAdded) {
            List<List<Analysis>> outcomes = byOutcome(r.analyses());
            if (compact) {
                org.mscmeta.concurrent.InOrder.run(outcomes.size(), i -> add(i, outcomes.get(i)));
            } else {
                for (int i = 0; i < outcomes.size(); i++) {
                    add(i, outcomes.get(i));
                }
            }
        }
        lock.lock();
        try {
            if (!waiting.isEmpty() || analyses != r.analyses().size()) {
                throw new IllegalStateException("results.json: " + analyses + " analyses added, outcomes "
                        + waiting.keySet() + " out of order; the results hold " + r.analyses().size());
            }
            while (written < handed && compact && failure == null) {
                progress.awaitUninterruptibly();
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
        try {
            for (List<Analysis> outcome : kept.values()) {
                for (Analysis a : outcome) {
                    JsonFields.analysis(g, a, ratio, comparative, false, moderators);
                }
            }
            g.writeEndArray();
            JsonFields.tail(g, r);
            g.close();
            finished = true;
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
    }

    /** Stops the writer and closes the stream; a document not finished is left incomplete. */
    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.shutdownNow();
        }
        if (!finished) {
            out.close();
        }
    }

    /** Schubfach-based number output (Jackson's fast double writer): the same digits, several times faster. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(tools.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    /** As {@link #FACTORY}, for blocks of analyses: root-level values separated by commas. */
    private static final JsonFactory BLOCK_FACTORY = FACTORY.rebuild().rootValueSeparator(",").build();

    /** Indented output, for results small enough to be read by eye. */
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    /** The analyses split into outcomes: runs of the same outcome. */
    private static List<List<Analysis>> byOutcome(List<Analysis> analyses) {
        List<List<Analysis>> blocks = new java.util.ArrayList<>();
        String current = null;
        for (Analysis a : analyses) {
            if (!a.outcome().equals(current)) {
                blocks.add(new java.util.ArrayList<>());
                current = a.outcome();
            }
            blocks.get(blocks.size() - 1).add(a);
        }
        return blocks;
    }
}

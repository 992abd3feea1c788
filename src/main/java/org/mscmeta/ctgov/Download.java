package org.mscmeta.ctgov;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mscmeta.files.AtomicFiles;

/**
 * Fetches API v2 records when the machine is online: one study per NCT id ({@code GET {api}/studies/{nctId}}) or
 * every page of a search ({@code GET {api}/studies?query.term=...&aggFilters=results:with&pageSize=100}, following
 * {@code nextPageToken}); text fields in legacy markup ({@code markupFormat=legacy}, not Markdown-escaped). Each
 * response is saved, so that a run can be repeated offline: first into a temporary folder, from which the import
 * reads it, and into the folder it is meant for ({@link #keep}) only once the import has been written, so that an
 * import that fails (a record the registry does not have, the network lost halfway) leaves nothing behind and
 * replaces no record saved before. {@link #close} removes the temporary folder.
 */
public final class Download implements AutoCloseable {

    /** The public API. */
    public static final String DEFAULT_API = "https://clinicaltrials.gov/api/v2";

    /** How long a connection, and then an answer, is waited for (the messages of {@link Unreachable} say so). */
    private static final Duration CONNECTING = Duration.ofSeconds(20);
    private static final Duration ANSWERING = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECTING)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String api;
    private final Path folder;
    private Path temporary;
    private final List<Saved> saved = new ArrayList<>();

    /** A response saved: where it is until {@link #keep}, and where it is kept. */
    public record Saved(Path file, Path kept) {
    }

    /** Downloads from {@code api} records to be kept in {@code folder}. */
    public Download(String api, Path folder) {
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.folder = folder;
    }

    /** Saves {@code body} under {@code name} in the temporary folder. */
    private Saved save(String name, byte[] body) throws IOException {
        if (temporary == null) {
            temporary = Files.createTempDirectory("mscmeta-download-");
            temporary.toFile().deleteOnExit(); // a run stopped (Ctrl-C) before close: removed as the program ends
        }
        Saved s = new Saved(temporary.resolve(name), folder.resolve(name));
        s.file().toFile().deleteOnExit(); // registered after its folder: removed before it
        Files.write(s.file(), body);
        saved.add(s);
        return s;
    }

    /**
     * Copies every response saved into the folder they are meant for (made if needed), each file written whole or not
     * at all, replacing a file of its name; returns how many.
     */
    public int keep() throws IOException {
        if (!saved.isEmpty()) {
            Files.createDirectories(folder);
        }
        for (Saved s : saved) {
            AtomicFiles.write(s.kept(), out -> Files.copy(s.file(), out));
        }
        return saved.size();
    }

    /** Removes the temporary folder and what is in it. */
    @Override
    public void close() throws IOException {
        if (temporary != null) {
            for (Saved s : saved) {
                Files.deleteIfExists(s.file());
            }
            Files.deleteIfExists(temporary);
            temporary = null;
        }
    }

    /** Saves the record of {@code nctId}. */
    public Saved study(String nctId) throws IOException, CtgovInputException {
        String id = nctId.strip().toUpperCase(java.util.Locale.ROOT);
        if (!id.matches("NCT\\d{8}")) {
            throw new CtgovInputException(nctId, null, "not an NCT id (NCT followed by 8 digits)");
        }
        String url = api + "/studies/" + id + "?markupFormat=legacy";
        return save(id + ".json", get(url, status -> status == 404
                ? "ClinicalTrials.gov has no record " + id + " (HTTP 404 from " + url + "): check the id" : null));
    }

    /** Saves every page of the search for {@code expression} among studies with results. */
    public List<Saved> search(String expression) throws IOException, CtgovInputException {
        List<Saved> files = new ArrayList<>();
        String token = null;
        ObjectMapper mapper = new ObjectMapper();
        do {
            String url = api + "/studies?query.term=" + URLEncoder.encode(expression, StandardCharsets.UTF_8)
                    + "&aggFilters=results:with&pageSize=100&markupFormat=legacy"
                    + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            byte[] body = get(url, status -> status == 400 ? "the registry did not take the search expression '"
                    + expression + "' (HTTP 400 from " + url + "): see its search syntax" : null);
            files.add(save(String.format(java.util.Locale.ROOT, "search-page-%03d.json", files.size() + 1), body));
            JsonNode next;
            try {
                next = mapper.readTree(body).get("nextPageToken");
            } catch (tools.jackson.core.JacksonException e) {
                throw new CtgovInputException(url, null, "the answer is not a whole JSON document (cut short?): "
                        + "run the search again");
            }
            token = next == null || next.isNull() ? null : next.asString();
        } while (token != null && files.size() < 1000);
        return files;
    }

    /**
     * The body of {@code url}'s answer, a JSON document; an answer other than HTTP 200 is refused in the words
     * {@code refusal} gives for its status (null: the status itself), and a server that cannot be reached is
     * {@link Unreachable}.
     */
    private byte[] get(String url, java.util.function.IntFunction<String> refusal)
            throws IOException, CtgovInputException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWERING)
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> res;
        try {
            res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        } catch (IOException e) {
            throw new Unreachable(api, e);
        }
        if (res.statusCode() != 200) {
            String words = refusal.apply(res.statusCode());
            throw new CtgovInputException(url, null, words != null ? words : "the server answered HTTP "
                    + res.statusCode());
        }
        byte[] body = res.body();
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first == body.length || body[first] != '{') {
            throw new CtgovInputException(url, null, "the answer is not a JSON record (is --api the address of"
                    + " ClinicalTrials.gov's API, " + DEFAULT_API + "?)");
        }
        return body;
    }

    /** The registry's server cannot be reached: the message says why, in words. */
    public static final class Unreachable extends IOException {

        Unreachable(String api, IOException e) {
            super("cannot reach " + api + ": " + why(e), e);
        }

        private static String why(IOException e) {
            if (caused(e, java.net.UnknownHostException.class)
                    || caused(e, java.nio.channels.UnresolvedAddressException.class)) {
                return "its address is not known (no network, or a mistyped --api)";
            }
            if (caused(e, java.net.http.HttpConnectTimeoutException.class)) {
                return "no answer within " + CONNECTING.toSeconds() + " seconds";
            }
            if (caused(e, java.net.http.HttpTimeoutException.class)) {
                return "no answer within " + ANSWERING.toSeconds() + " seconds";
            }
            if (caused(e, javax.net.ssl.SSLException.class)) {
                return "the secure connection failed";
            }
            if (caused(e, java.net.ConnectException.class)) {
                return "no connection could be made (refused, or no server at that address)";
            }
            String m = e.getMessage();
            if (m == null || m.isBlank()) {
                m = e.getCause() == null ? null : e.getCause().getMessage();
            }
            return "the connection failed" + (m == null || m.isBlank() ? "" : " (" + m + ")");
        }

        private static boolean caused(Throwable e, Class<? extends Throwable> kind) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (kind.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}

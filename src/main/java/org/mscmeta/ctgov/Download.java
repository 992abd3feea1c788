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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mscmeta.files.AtomicFiles;

/**
 * Fetches API v2 records when the machine is online: one study per NCT id ({@code GET {api}/studies/{nctId}}) or
 * every page of a search ({@code GET {api}/studies?query.term=...&aggFilters=results:with&pageSize=100}, following
 * {@code nextPageToken}); text fields in legacy markup ({@code markupFormat=legacy}, not Markdown-escaped). Each
 * response is saved into a folder and imported from there, so a run can be repeated offline.
 */
public final class Download {

    /** The public API. */
    public static final String DEFAULT_API = "https://clinicaltrials.gov/api/v2";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String api;
    private final Path folder;

    public Download(String api, Path folder) {
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.folder = folder;
    }

    /** Saves the record of {@code nctId}; returns the file. */
    public Path study(String nctId) throws IOException, CtgovInputException {
        String id = nctId.strip().toUpperCase(java.util.Locale.ROOT);
        if (!id.matches("NCT\\d{8}")) {
            throw new CtgovInputException(nctId, null, "not an NCT id (NCT followed by 8 digits)");
        }
        byte[] body = get(api + "/studies/" + id + "?markupFormat=legacy");
        Path file = folder.resolve(id + ".json");
        AtomicFiles.write(file, out -> out.write(body));
        return file;
    }

    /** Saves every page of the search for {@code expression} among studies with results; returns the files. */
    public List<Path> search(String expression) throws IOException, CtgovInputException {
        List<Path> files = new ArrayList<>();
        String token = null;
        ObjectMapper mapper = new ObjectMapper();
        do {
            String url = api + "/studies?query.term=" + URLEncoder.encode(expression, StandardCharsets.UTF_8)
                    + "&aggFilters=results:with&pageSize=100&markupFormat=legacy"
                    + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            byte[] body = get(url);
            Path file = folder.resolve(String.format(java.util.Locale.ROOT, "search-page-%03d.json",
                    files.size() + 1));
            AtomicFiles.write(file, out -> out.write(body));
            files.add(file);
            JsonNode next = mapper.readTree(body).get("nextPageToken");
            token = next == null || next.isNull() ? null : next.asString();
        } while (token != null && files.size() < 1000);
        return files;
    }

    private byte[] get(String url) throws IOException, CtgovInputException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                throw new CtgovInputException(url, null, "the server answered HTTP " + res.statusCode());
            }
            return res.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        }
    }
}

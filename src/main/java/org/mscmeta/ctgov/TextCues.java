package org.mscmeta.ctgov;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyword cues for reading route, cell source, donor and arm role out of registry free text, loaded from the
 * resource {@code text-cues.tsv} (data, not code: one regular expression per line). ClinicalTrials.gov has no
 * structured field for any of these (docs/ctgov-adverse-events.md §1.4).
 */
public final class TextCues {

    private record Cue(String kind, String value, boolean strong, Pattern pattern) {
    }

    private static final TextCues BUILT_IN = load();

    private final List<Cue> cues;

    private TextCues(List<Cue> cues) {
        this.cues = cues;
    }

    /** The cues shipped with the tool. */
    public static TextCues builtIn() {
        return BUILT_IN;
    }

    /**
     * The values of {@code kind} that {@code text} names, each with the words that matched, in table order; weak
     * cues only when no strong cue matched.
     */
    public Map<String, String> find(String kind, String text) {
        Map<String, String> found = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        for (boolean strong : new boolean[] {true, false}) {
            for (Cue c : cues) {
                if (c.kind().equals(kind) && c.strong() == strong && !found.containsKey(c.value())) {
                    Matcher m = c.pattern().matcher(text);
                    if (m.find()) {
                        found.put(c.value(), m.group());
                    }
                }
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        return found;
    }

    private static TextCues load() {
        List<Cue> cues = new ArrayList<>();
        try (InputStream in = TextCues.class.getResourceAsStream("text-cues.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                cues.add(new Cue(f[0], f[1], f[2].equals("strong"),
                        Pattern.compile(f[3], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TextCues(List.copyOf(cues));
    }
}

package org.mscmeta.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a delimited text sheet was saved, read off its first bytes: the encoding (a byte-order mark names UTF-8 or
 * UTF-16, as Excel's "CSV UTF-8" and "Unicode text" write them; otherwise UTF-8, with Windows-1252 or Mac OS
 * Roman as the fallback when the bytes are not UTF-8), the field separator (Excel's {@code sep=;} first line, else
 * the most frequent of comma, semicolon, tab and vertical bar in the first line, outside quotes, or the one under
 * which a row within the first {@link HeaderSearch#ROWS} names the required columns when the first line is a
 * caption), the rows above that header, and whether numbers may carry decimal commas (any separator but the comma,
 * as spreadsheet programs in European locales save them).
 *
 * @param charset      the text's encoding
 * @param bomBytes     bytes of the byte-order mark to skip
 * @param separator    the field separator
 * @param sepLine      the first line is Excel's {@code sep=} line (not part of the sheet)
 * @param byteOrderMark whether a byte-order mark named the encoding (then no fallback is tried)
 * @param titleRows    rows above the column names (a table saved with its caption; a row of group names), not read
 *                     as data
 * @param groupedHeader whether the last of those rows holds group names over the column names ({@link HeaderSearch})
 */
record CsvDialect(Charset charset, int bomBytes, char separator, boolean sepLine, boolean byteOrderMark,
                  int titleRows, boolean groupedHeader) {

    /** The bytes looked at: the header, and the rows of a caption above it, are within them. */
    private static final int SAMPLE = 16 * 1024;

    /** Decimal commas are possible: the separator is not a comma. */
    boolean decimalComma() {
        return separator != ',';
    }

    /** Mac OS Roman: Excel for Mac's plain "CSV" (its "CSV UTF-8" is UTF-8). */
    static final String MAC_ROMAN = "x-MacRoman";

    /**
     * The same dialect read in the single-byte encoding the file's bytes suggest, for bytes that are not UTF-8: Mac OS
     * Roman when, in the first megabyte, more of its letters before a small letter are Mac's than Windows-1252's; else
     * Windows-1252. Inside a word (after a letter) Mac's accented small letters are the bytes 0x87-0x9F, which
     * Windows-1252 gives to punctuation (the u-umlaut of "Muller" is 0x9F there, a capital Y with diaeresis in
     * Windows-1252), and Windows-1252's are 0xDF-0xFF, Mac's capitals and accents. At a word's start Mac's capitals
     * are 0x80-0x86 and 0xE5-0xF4 (the A-acute of "Alvaro" is 0xE7, a small c-cedilla in Windows-1252), and
     * Windows-1252's 0xC0-0xDE, of which those that are no quotation mark, dash or space in Mac OS Roman count.
     * Bytes that are a letter or a dash in both, or a quotation mark in Windows-1252, count for neither: an en dash
     * between two words, a German opening quote; Windows-1252's apostrophe counts for Mac (its i-acute) only where it
     * is no apostrophe ({@link #apostrophe}: "Crohn's" is one, "Garcia" with an i-acute is not).
     */
    CsvDialect asSingleByte(Path file) throws IOException {
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(1 << 20);
        }
        int mac = 0;
        int windows = 0;
        for (int i = 0; i + 1 < b.length; i++) {
            int x = b[i] & 0xFF;
            if (x < 0x80 || !lowerAscii(b[i + 1])) {
                continue;
            }
            boolean inWord = i > 0 && asciiLetter(b[i - 1]);
            boolean atStart = i == 0 || b[i - 1] >= 0 && !asciiLetter(b[i - 1]);
            if (inWord && x >= 0xDF || atStart && oneOf(x, WINDOWS_CAPITALS)) {
                windows++;
            } else if (inWord && x >= 0x87 && x <= 0x9F && !oneOf(x, IN_WORD_IN_BOTH)
                    || inWord && x == APOSTROPHE && !apostrophe(b, i)
                    || atStart && (x <= 0x86 && x != 0x82 && x != 0x84 || x >= 0xE5 && x <= 0xF4 && x != 0xF0)) {
                mac++;
            }
        }
        return mac > windows && Charset.isSupported(MAC_ROMAN) ? in(Charset.forName(MAC_ROMAN))
                : in(Charset.forName("windows-1252"));
    }

    /**
     * Windows-1252's capitals that, at a word's start, are no quotation mark, dash or space in Mac OS Roman: A with
     * circumflex, tilde, diaeresis and ring, AE, E-acute, O-diaeresis, O-stroke, U-grave, U-acute, U-circumflex,
     * Y-acute.
     */
    private static final int[] WINDOWS_CAPITALS = {0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC9, 0xD6, 0xD8, 0xD9, 0xDA, 0xDB,
        0xDD};
    /** Bytes within 0x87-0x9F that are a letter, an apostrophe or a dash inside a word in Windows-1252 too. */
    private static final int[] IN_WORD_IN_BOTH = {0x92, 0x96, 0x97, 0x9A, 0x9C, 0x9E};
    /** Windows-1252's typographic apostrophe, Mac's i-acute ("Garcia", "Rodriguez"). */
    private static final int APOSTROPHE = 0x92;
    /** What follows an apostrophe in an English contraction ("Crohn's", "didn't", "we'll", "they're"). */
    private static final java.util.Set<String> CONTRACTED = java.util.Set.of("s", "t", "d", "ll", "re", "ve", "m");

    /**
     * Whether byte {@code i} (0x92) between letters is Windows-1252's apostrophe rather than Mac's i-acute: the
     * letters after it end an English contraction, or those before it are an elided article or preposition ("l'",
     * "qu'", "dell'"); Garcia and Rodriguez with their i-acute are neither.
     */
    private static boolean apostrophe(byte[] b, int i) {
        int from = i;
        while (from > 0 && asciiLetter(b[from - 1])) {
            from--;
        }
        int to = i + 1;
        while (to < b.length && asciiLetter(b[to])) {
            to++;
        }
        String before = new String(b, from, i - from, java.nio.charset.StandardCharsets.US_ASCII)
                .toLowerCase(java.util.Locale.ROOT);
        String after = new String(b, i + 1, to - i - 1, java.nio.charset.StandardCharsets.US_ASCII);
        return CONTRACTED.contains(after) || before.length() == 1 || before.equals("qu")
                || before.endsWith("ll") && before.length() <= 5;
    }

    private static boolean oneOf(int x, int[] values) {
        for (int v : values) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    private static boolean lowerAscii(byte c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean asciiLetter(byte c) {
        return lowerAscii((byte) (c | 0x20));
    }

    private CsvDialect in(Charset other) {
        return new CsvDialect(other, bomBytes, separator, sepLine, byteOrderMark, titleRows, groupedHeader);
    }

    /** A decoder that reports malformed input (no silent replacement characters). */
    CharsetDecoder strictDecoder() {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The separator as people name it, for notices. */
    String separatorName() {
        return switch (separator) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "vertical bar";
            default -> "'" + separator + "'";
        };
    }

    /** Reads the dialect of {@code file} from its first bytes. */
    static CsvDialect sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE);
        }
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        boolean named = false;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            bom = 3;
            named = true;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
            named = true;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
            named = true;
        }
        // the sample, decoded leniently: it may end inside a character, and may not be UTF-8 at all
        int step = charset == StandardCharsets.UTF_8 ? 1 : 2;
        String sample = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(head, bom, head.length - bom - (head.length - bom) % step)).toString();
        String line = sample.substring(0, lineEnd(sample, 0));
        char sep = sepLine(line);
        if (sep != 0) {
            int next = line.length();
            next += sample.startsWith("\r\n", next) ? 2 : next < sample.length() ? 1 : 0;
            String rest = sample.substring(next);
            HeaderSearch.Found header = header(rest, sep);
            return new CsvDialect(charset, bom, sep, true, named, Math.max(0, header.row() - 1), header.grouped());
        }
        sep = separatorOf(line);
        HeaderSearch.Found header = header(sample, sep);
        for (int i = 0; !header.any() && i < SEPARATORS.length; i++) {
            // no header under the first line's separator: a caption above a header in another
            HeaderSearch.Found h = SEPARATORS[i] == sep ? HeaderSearch.Found.NONE : header(sample, SEPARATORS[i]);
            if (h.any()) {
                sep = SEPARATORS[i];
                header = h;
            }
        }
        return new CsvDialect(charset, bom, sep, false, named, Math.max(0, header.row() - 1), header.grouped());
    }

    /** The field separators recognised. */
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};

    /**
     * The header in the first {@link HeaderSearch#ROWS} rows of {@code sample} (parsed by FastCSV with
     * {@code separator}); when none is found, the first row is the header, and its missing columns are named.
     */
    private static HeaderSearch.Found header(String sample, char separator) {
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> csv =
                     de.siegmar.fastcsv.reader.CsvReader.builder().fieldSeparator(separator).skipEmptyLines(false)
                             .ignoreDifferentFieldCount(true).ofCsvRecord(sample)) {
            HeaderSearch search = new HeaderSearch();
            int row = 0;
            for (de.siegmar.fastcsv.reader.CsvRecord r : csv) {
                if (row >= HeaderSearch.ROWS) {
                    break;
                }
                HeaderSearch.Found found = search.offer(++row, r.getFields().toArray(new String[0]));
                if (found.any()) {
                    return found;
                }
            }
        } catch (de.siegmar.fastcsv.reader.CsvParseException | IOException | java.io.UncheckedIOException e) {
            // the sample ends inside a quoted field: the rows before it were looked at
        }
        return HeaderSearch.Found.NONE;
    }

    /** The separator Excel's {@code sep=X} line names (in any case, possibly quoted), or 0 for another line. */
    private static char sepLine(String line) {
        String s = line.strip();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(1, s.length() - 1);
        }
        return s.length() == 5 && s.regionMatches(true, 0, "sep=", 0, 4) ? s.charAt(4) : 0;
    }

    /** The end of the line starting at {@code from} (a quoted field may hold line breaks). */
    private static int lineEnd(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                return i;
            }
        }
        return s.length();
    }

    /** The most frequent candidate separator outside quotes; the comma when there is none. */
    private static char separatorOf(String header) {
        char[] candidates = SEPARATORS;
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                continue;
            }
            for (int j = 0; j < candidates.length && !quoted; j++) {
                if (c == candidates[j]) {
                    counts[j]++;
                }
            }
        }
        int best = 0;
        for (int j = 1; j < candidates.length; j++) {
            if (counts[j] > counts[best]) {
                best = j;
            }
        }
        return candidates[best];
    }
}

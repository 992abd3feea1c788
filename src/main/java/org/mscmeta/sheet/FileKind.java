package org.mscmeta.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a file named as delimited text (.csv, .tsv, .txt, or any other name) holds, by its first bytes: a workbook is
 * read as what it is, as an .xlsx named .xls is, and a file of markup is refused saying what it is, instead of its
 * first line being read as a header that names no column.
 */
enum FileKind {
    /** An OLE2 compound file: an .xls workbook. */
    OLE2,
    /** A zip file other than an OpenDocument: an .xlsx workbook, or not a sheet at all. */
    ZIP,
    /** A zip file whose first entry names an OpenDocument type (an .ods workbook, or a text document). */
    OPEN_DOCUMENT,
    /** Excel's "XML Spreadsheet 2003". */
    SPREADSHEET_2003_XML,
    /** A web page, as some sites export a table. */
    HTML,
    /** A RevMan 5 review's XML. */
    REVMAN,
    /** Other XML. */
    XML,
    /** mscmeta's own results.json: the results of a run, not a sheet. */
    RESULTS_JSON,
    /** A ClinicalTrials.gov study record (JSON, or the legacy XML), which import-ctgov turns into a sheet. */
    CTGOV_RECORD,
    /** Other JSON. */
    JSON,
    /** A PDF (a paper, a forest plot). */
    PDF,
    /** A picture: PNG, JPEG or GIF (a screenshot of a table, a plot). */
    IMAGE,
    /** Plain text of no kind above: read as delimited text, under any name. */
    TEXT,
    /**
     * Anything else (control bytes, or an empty file): read as delimited text under a text file's name (where its
     * encoding is refused in words), as a damaged workbook under a workbook's name.
     */
    BINARY;

    /** Whether a file of this kind may hold a sheet (a workbook, a review, text): the others are refused. */
    boolean sheet() {
        return this == OLE2 || this == ZIP || this == OPEN_DOCUMENT || this == REVMAN || this == TEXT
                || this == BINARY;
    }

    /** How many bytes of the file are looked at. */
    private static final int HEAD = 4096;

    static FileKind of(Path file) throws IOException {
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(HEAD);
        }
        if (b.length >= 8 && java.nio.ByteBuffer.wrap(b).getLong() == org.mscmeta.files.FileSignatures.OLE2) {
            return OLE2;
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            // an OpenDocument's first entry is "mimetype", stored (ISO/IEC 26300, 3.3): its name at byte 30
            return b.length >= 38 && new String(b, 30, 8, StandardCharsets.US_ASCII).equals("mimetype")
                    ? OPEN_DOCUMENT : ZIP;
        }
        if (startsWith(b, "%PDF-")) {
            return PDF;
        }
        if (startsWith(b, "\u0089PNG") || startsWith(b, "GIF8")
                || b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return IMAGE;
        }
        FileKind json = json(b);
        if (json != null) {
            return json;
        }
        String text = markup(b);
        if (text == null) {
            return plainText(b) ? TEXT : BINARY;
        }
        if (text.contains("urn:schemas-microsoft-com:office:spreadsheet")) {
            return SPREADSHEET_2003_XML;
        }
        if (text.contains("<cochrane_review")) {
            return REVMAN;
        }
        if (text.contains("<clinical_study")) {
            return CTGOV_RECORD; // a record in the registry's legacy XML
        }
        return text.startsWith("<!doctype html") || text.contains("<html") || text.contains("<table") ? HTML : XML;
    }

    /**
     * Whether a file's head is plain text: a UTF-16 byte-order mark, or no control byte besides tab, line feed, form
     * feed, carriage return and DOS's end-of-file mark (so a damaged or unknown binary file is not taken for text).
     */
    private static boolean plainText(byte[] b) {
        if (b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
                || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            return true;
        }
        for (byte x : b) {
            if (x >= 0 && x < 0x20 && x != '\t' && x != '\n' && x != '\f' && x != '\r' && x != 0x1A || x == 0x7F) {
                return false;
            }
        }
        return b.length > 0;
    }

    private static boolean startsWith(byte[] b, String ascii) {
        if (b.length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if ((b[i] & 0xFF) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The kind of a JSON document (an object, or an array of objects or arrays, after a byte-order mark and white
     * space), or null when the head is not one.
     */
    private static FileKind json(byte[] b) {
        String t = new String(b, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        boolean object = t.startsWith("{") && (t.length() == 1 || t.substring(1).stripLeading().startsWith("\"")
                || t.substring(1).stripLeading().startsWith("}"));
        boolean array = t.startsWith("[") && t.length() > 1 && "{[".indexOf(t.substring(1).stripLeading()
                .isEmpty() ? ' ' : t.substring(1).stripLeading().charAt(0)) >= 0;
        if (!object && !array) {
            return null;
        }
        String compact = t.replaceAll("\\s", "");
        if (compact.contains("\"tool\":{\"name\":\"mscmeta\"")) {
            return RESULTS_JSON;
        }
        String lower = compact.toLowerCase(Locale.ROOT); // the API's v2 "protocolSection", v1 "ProtocolSection"
        return lower.contains("\"protocolsection\"") || lower.contains("\"nctid\"") ? CTGOV_RECORD : JSON;
    }

    /**
     * The head in lower case when it begins, after a byte-order mark and white space, with an XML declaration, a
     * document type or comment ({@code <!}), or a tag followed by an end tag or an empty tag; else null. UTF-16 is
     * read as its low bytes.
     */
    private static String markup(byte[] b) {
        int from = 0;
        boolean wide = false;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            from = 3;
        } else if (b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
                || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            from = 2;
            wide = true;
        }
        StringBuilder s = new StringBuilder(b.length);
        for (int i = from; i < b.length; i++) {
            if (!(wide && b[i] == 0)) {
                s.append((char) (b[i] & 0xFF));
            }
        }
        String t = s.toString().stripLeading().toLowerCase(Locale.ROOT);
        // a declaration, or a tag that an end tag or an empty tag follows: not a title such as "<Table 1> AEs"
        boolean markup = t.startsWith("<?xml") || t.startsWith("<!") || t.length() >= 2 && t.charAt(0) == '<'
                && Character.isLetter(t.charAt(1)) && (t.contains("</") || t.contains("/>"));
        return markup ? t : null;
    }
}

package org.mscmeta.files;

import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.ooxml.POIXMLProperties;
import org.mscmeta.Tool;

/**
 * The document properties of the Office files mscmeta writes (ECMA-376 Part 2, core properties; Part 1, the extended
 * properties' {@code Application}): what Excel's and Word's File &gt; Info, and a file manager, show of a file. POI
 * names itself ("Apache POI") as the author and the application of every file it makes; a co-author opening
 * results.xlsx sees instead the program that wrote it, the file's title and what it was made from.
 */
public final class DocumentProperties {

    private DocumentProperties() {
    }

    /** Names mscmeta (with its version) as the file's author and application; {@code title} and {@code subject}. */
    public static void set(POIXMLDocument doc, String title, String subject) {
        POIXMLProperties properties = doc.getProperties();
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        String tool = Tool.name() + " " + Tool.version();
        core.setCreator(tool);
        core.setTitle(title);
        core.setSubjectProperty(subject);
        properties.getExtendedProperties().setApplication(tool);
    }
}

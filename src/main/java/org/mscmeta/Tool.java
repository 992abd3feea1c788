package org.mscmeta;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name and version, from the build. */
public final class Tool {

    private static final Properties PROPS = load();

    private Tool() {
    }

    /** "mscmeta". */
    public static String name() {
        return PROPS.getProperty("name", "mscmeta");
    }

    /** The version of this build, e.g. "0.1.0". */
    public static String version() {
        return PROPS.getProperty("version", "dev");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Tool.class.getResourceAsStream("tool.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // keep the defaults
        }
        return p;
    }
}

package org.mscmeta.files;

import java.io.IOException;

/**
 * The libraries this one uses log through logging APIs that print a warning on stderr when the program has no
 * logging back end: Apache POI through the Log4j 2 API ("could not find a logging implementation"), Tablesaw
 * through SLF4J ("No SLF4J providers were found"). Where the program has no back end for the API and has not
 * configured it, a silent choice is made (Log4j's simple logger, errors only; SLF4J's no-operation provider); a
 * program with a back end keeps its own configuration. Called before the library first touches POI or Tablesaw.
 */
public final class QuietLogging {

    private static final String LOG4J_FACTORY = "log4j2.loggerContextFactory";
    private static final String SLF4J_PROVIDER = "slf4j.provider";
    private static volatile boolean log4jDone;
    private static volatile boolean slf4jDone;

    private QuietLogging() {
    }

    /** Before POI: Log4j's simple logger unless Log4j is configured or has a back end. Idempotent. */
    public static void forPoi() {
        if (!log4jDone) {
            log4jDone = true;
            if (System.getProperty(LOG4J_FACTORY) == null
                    && !onClassPath("META-INF/log4j-provider.properties",
                    "META-INF/services/org.apache.logging.log4j.spi.Provider")) {
                simpleLog4j("ERROR");
            }
        }
    }

    /**
     * For the command line, which has no Log4j back end: the simple logger, silent, without looking. The command line
     * says what went wrong in its own words; a library's log line ("FATAL XMLHelper ...") is noise on a terminal.
     */
    public static void forPoiOnCommandLine() {
        log4jDone = true;
        simpleLog4j("OFF");
    }

    /** Before Tablesaw: SLF4J's no-operation provider unless SLF4J is configured or has a provider. Idempotent. */
    public static void forSlf4j() {
        if (!slf4jDone) {
            slf4jDone = true;
            if (System.getProperty(SLF4J_PROVIDER) == null
                    && !onClassPath("META-INF/services/org.slf4j.spi.SLF4JServiceProvider",
                    "org/slf4j/impl/StaticLoggerBinder.class")) {
                System.setProperty(SLF4J_PROVIDER, "org.slf4j.helpers.NOP_FallbackServiceProvider");
                if (System.getProperty("slf4j.internal.verbosity") == null) {
                    System.setProperty("slf4j.internal.verbosity", "WARN");
                }
            }
        }
    }

    private static void simpleLog4j(String level) {
        System.setProperty(LOG4J_FACTORY, "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        System.setProperty("org.apache.logging.log4j.simplelog.level", level);
    }

    /** Whether any of these resources is on the class path: a logging back end's marker. */
    private static boolean onClassPath(String... resources) {
        ClassLoader cl = QuietLogging.class.getClassLoader();
        try {
            for (String r : resources) {
                if (cl.getResources(r).hasMoreElements()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}

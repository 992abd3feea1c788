package org.mscmeta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.ReferenceCases;

/** The jar's launcher: when it starts a child JVM, with which command line, and that the child's run is the run. */
class LauncherTest {

    private static final Optional<String> JAVA = Optional.of("/usr/bin/java");
    private static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Dmscmeta.launched=true");

    @TempDir
    Path dir;

    private static Optional<List<String>> child(String jvmCommand, String args) {
        String[] a = args.isEmpty() ? new String[0] : args.split(" ");
        return Launcher.childCommand(JAVA, Optional.of(jvmCommand.split(" ")), a, OPTIONS, Optional.empty());
    }

    @Test
    void relaunchesAJarRunWithTheQuickCompilerPassingOnItsOptions() {
        assertEquals(Optional.of(List.of("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-Dmscmeta.launched=true",
                "-Xmx2g", "-Dmscmeta.timings", "-ea", "-jar", "target/mscmeta.jar", "analyze", "x.csv", "--out", "r")),
                child("-Xmx2g -Dmscmeta.timings -ea -jar target/mscmeta.jar analyze x.csv --out r",
                        "analyze x.csv --out r"));
        assertEquals(Optional.of(List.of("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-Dmscmeta.launched=true",
                "-cp", "lib/a.jar:lib/b.jar", "org.mscmeta.cli.Launcher", "generate", "--out", "g.csv")),
                child("-cp lib/a.jar:lib/b.jar org.mscmeta.cli.Launcher generate --out g.csv", "generate --out g.csv"));
        assertTrue(child("-XX:+UseSerialGC -Xss4m --class-path=x.jar org.mscmeta.cli.Launcher import-ctgov a",
                "import-ctgov a").isPresent());
    }

    @Test
    void runsInThisJvmWhenTheUserChoseTheCompilerAnAgentOrARecording() {
        for (String option : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:agent.jar",
                "-XX:StartFlightRecording=filename=a.jfr", "-Dcom.sun.management.jmxremote.port=9010",
                "-XX:+UnlockDiagnosticVMOptions")) {
            assertEquals(Optional.empty(), child(option + " -jar m.jar analyze x.csv", "analyze x.csv"), option);
        }
    }

    @Test
    void runsInThisJvmForHelpVersionUnknownCommandsAndUnreadableCommandLines() {
        String jar = "-jar m.jar ";
        for (String args : List.of("", "--version", "analyze --help", "generate -h", "analyse x.csv", "-V")) {
            assertEquals(Optional.empty(), child(jar + args, args), args);
        }
        // an @argfile: what the JVM saw is not what the operating system holds
        assertEquals(Optional.empty(), child("@opts -jar m.jar analyze x.csv", "analyze y.csv"));
        assertEquals(Optional.empty(), child("analyze x.csv", "analyze x.csv")); // no launch part before the args
        assertEquals(Optional.empty(),
                Launcher.childCommand(JAVA, Optional.empty(), new String[] {"analyze", "x.csv"}, OPTIONS,
                        Optional.empty()));
        assertEquals(Optional.empty(), Launcher.childCommand(Optional.empty(),
                Optional.of(new String[] {"-jar", "m.jar", "analyze"}), new String[] {"analyze"}, OPTIONS,
                Optional.empty()));
        // -jar must end the JVM's options; a main class must be the last of them
        assertEquals(Optional.empty(), child("-jar m.jar -Xmx1g analyze", "analyze"));
    }

    @Test
    void relaunchesOnlyOnHotSpot() {
        assertTrue(Launcher.hotSpot("OpenJDK 64-Bit Server VM"));
        assertTrue(Launcher.hotSpot("Java HotSpot(TM) 64-Bit Server VM"));
        assertFalse(Launcher.hotSpot("Eclipse OpenJ9 VM"));
        assertTrue(Launcher.hotSpot(System.getProperty("java.vm.name")), "the JVM running the tests");
    }

    @Test
    void runsInThisJvmWhenTheEnvironmentGivesJvmOptions() {
        assertFalse(Launcher.optionsFromEnvironment(java.util.Map.of("PATH", "/usr/bin", "JAVA_TOOL_OPTIONS", " ")));
        for (String name : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            assertTrue(Launcher.optionsFromEnvironment(java.util.Map.of(name, "-agentlib:jdwp=transport=dt_socket")),
                    name);
        }
    }

    @Test
    void readsItsOwnCommandLineOnLinux() {
        if (Files.isReadable(Path.of("/proc/self/cmdline"))) {
            String[] own = Launcher.jvmCommand().orElseThrow();
            assertTrue(List.of(own).contains("-cp") || List.of(own).contains("-jar")
                    || List.of(own).stream().anyMatch(a -> a.startsWith("-D")), List.of(own).toString());
        }
    }

    @Test
    void childOptionsStartWithTheQuickCompilerAndMarkTheChild() {
        List<String> options = Launcher.childOptions(Optional.empty());
        assertEquals(Launcher.CHILD_OPTIONS, options.subList(0, Launcher.CHILD_OPTIONS.size()));
        List<String> rest = new ArrayList<>(options.subList(Launcher.CHILD_OPTIONS.size(), options.size()));
        rest.remove(Launcher.YOUNG);
        rest.remove(Launcher.HUGE); // where this machine has huge pages free
        assertEquals(Launcher.oneCompilerThread(Runtime.getRuntime().availableProcessors()),
                rest.remove(Launcher.ONE_COMPILER), options.toString());
        assertTrue(rest.remove(Launcher.COLLECTOR), options.toString());
        assertEquals(List.of(), rest, options.toString());
    }

    /**
     * The option that maps the archive at its own address is given only to JVMs that know it (one that does not
     * refuses to start), and this JVM, if it is one of them, starts with it.
     */
    @Test
    void theArchiveAtItsOwnAddressOnlyWhereTheJvmKnowsTheOption() throws Exception {
        assertFalse(Launcher.archiveAtItsOwnAddress(13));
        assertTrue(Launcher.archiveAtItsOwnAddress(14));
        assertTrue(Launcher.archiveAtItsOwnAddress(17));
        assertTrue(Launcher.archiveAtItsOwnAddress(25));
        assertFalse(Launcher.archiveAtItsOwnAddress(26), "not yet checked");
        if (Launcher.archiveAtItsOwnAddress(Runtime.version().feature())) {
            List<String> command = new ArrayList<>(
                    List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(Launcher.AT_ITS_OWN_ADDRESS);
            command.add("-version");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
        }
    }

    /** One compiler thread on a machine of one or two processors; the JVM's own count on more. */
    @Test
    void oneCompilerThreadOnlyOnTwoProcessorsOrFewer() {
        assertTrue(Launcher.oneCompilerThread(1));
        assertTrue(Launcher.oneCompilerThread(2));
        assertFalse(Launcher.oneCompilerThread(3));
        assertFalse(Launcher.oneCompilerThread(16));
    }

    /** Linux's /proc/buddyinfo of a machine with 4 GB free in blocks of 2 and 4 MB, and of a fragmented one. */
    private static final String PLENTY = """
            Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3
            Node 0, zone    DMA32      4      1      2      2      2      2      1      4      4      2    752
            Node 0, zone   Normal   1626   2237   5238   4399   1256   1798   1020    687    251    181    170
            """;
    private static final String FRAGMENTED = """
            Node 0, zone      DMA      1      1      0      1      2      1      1      0      1      1      3
            Node 0, zone    DMA32   3021   2877   1907    966    412    160     61     20      9      3      1
            Node 0, zone   Normal  90211  61032  30455  12001   4020   1210    301     80     21      6      2
            """;

    /**
     * Huge pages are asked for only where a program may ask for them and the kernel has them free: 1 GB in blocks of
     * 2 MB or more (order 9 counts one block, order 10 two), so that no fault waits for memory to be compacted.
     */
    @Test
    void hugePagesOnlyWhenTheKernelHasThemFree() {
        assertTrue(Launcher.hugePagesFree("always [madvise] never", PLENTY));
        // 1 + 2 x 3 + 4 + 2 x 752 + 181 + 2 x 170 = 2036 blocks of 2 MB; 1 + 2 x 3 + 3 + 2 + 6 + 4 = 22
        assertFalse(Launcher.hugePagesFree("always [madvise] never", FRAGMENTED));
        assertFalse(Launcher.hugePagesFree("always madvise [never]", PLENTY), "not offered");
        assertFalse(Launcher.hugePagesFree("[always] madvise never", PLENTY), "given to every program unasked");
        // exactly the threshold: 512 blocks of order 9
        String edge = "Node 0, zone Normal 0 0 0 0 0 0 0 0 0 " + Launcher.HUGE_PAGES_NEEDED + " 0\n";
        assertTrue(Launcher.hugePagesFree("always [madvise] never", edge));
        assertFalse(Launcher.hugePagesFree("always [madvise] never", edge.replace(" "
                + Launcher.HUGE_PAGES_NEEDED + " ", " " + (Launcher.HUGE_PAGES_NEEDED - 1) + " ")));
    }

    /** The parallel collector is left out when the user chooses a collector (two would stop the JVM). */
    @Test
    void theUsersCollectorReplacesOurs() {
        List<String> options = List.of("-XX:TieredStopAtLevel=1", Launcher.COLLECTOR);
        String[] args = {"analyze", "x.csv"};
        assertTrue(Launcher.childCommand(JAVA, Optional.of("-jar m.jar analyze x.csv".split(" ")), args, options,
                Optional.empty()).orElseThrow().contains(Launcher.COLLECTOR));
        for (String gc : List.of("-XX:+UseG1GC", "-XX:+UseSerialGC", "-XX:+UseZGC")) {
            List<String> command = Launcher.childCommand(JAVA, Optional.of((gc + " -jar m.jar analyze x.csv")
                    .split(" ")), args, options, Optional.empty()).orElseThrow();
            assertFalse(command.contains(Launcher.COLLECTOR), gc);
            assertTrue(command.contains(gc), gc);
        }
    }

    /** The fixed young generation is left out when the user sizes the heap. */
    @Test
    void theUsersHeapOptionsReplaceTheYoungGeneration() {
        List<String> options = List.of("-XX:TieredStopAtLevel=1", Launcher.YOUNG);
        String[] args = {"analyze", "x.csv"};
        assertTrue(Launcher.childCommand(JAVA, Optional.of("-jar m.jar analyze x.csv".split(" ")), args, options,
                Optional.empty()).orElseThrow().contains(Launcher.YOUNG));
        for (String heap : List.of("-Xmx200m", "-Xms1g", "-Xmn64m", "-XX:MaxRAMPercentage=50")) {
            List<String> command = Launcher.childCommand(JAVA, Optional.of((heap + " -jar m.jar analyze x.csv")
                    .split(" ")), args, options, Optional.empty()).orElseThrow();
            assertFalse(command.contains(Launcher.YOUNG), heap);
            assertTrue(command.contains(heap), heap);
        }
    }

    /** The packaged program: the child runs on its jar by absolute path, with the build's archive when current. */
    @Test
    void thePackagedProgramIsStartedOnItsJarWithItsArchive() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        assertEquals(Optional.empty(), Launcher.Program.of(lib.toFile()), "no jar, no program");
        Path jar = Files.writeString(lib.resolve("mscmeta-all.jar"), "jar");
        Path archive = Files.writeString(lib.resolve("mscmeta.jsa"), "archive");
        java.nio.file.attribute.FileTime t = java.nio.file.attribute.FileTime.fromMillis(1_800_000_000_000L);
        Files.setLastModifiedTime(jar, t);
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(t.toMillis() + 1000));
        Launcher.Program program = Launcher.Program.of(lib.toFile()).orElseThrow();
        assertEquals(jar.toString(), program.jar());
        assertEquals(Optional.of(archive.toString()), program.archive());
        List<String> options = new ArrayList<>(Launcher.childOptions(Optional.of(program)));
        options.remove(Launcher.YOUNG);
        options.remove(Launcher.COLLECTOR);
        options.remove(Launcher.HUGE);
        options.remove(Launcher.ONE_COMPILER);
        options.removeAll(Launcher.AT_ITS_OWN_ADDRESS);
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                options.subList(options.size() - 3, options.size()));
        assertEquals(Launcher.archiveAtItsOwnAddress(Runtime.version().feature()),
                Launcher.childOptions(Optional.of(program)).containsAll(Launcher.AT_ITS_OWN_ADDRESS),
                "the archive at its own address where the JVM knows the option");
        assertTrue(Launcher.childOptions(Optional.empty()).stream().noneMatch(Launcher.AT_ITS_OWN_ADDRESS::contains),
                "no archive, no option about it");
        // an archive older than the jar (the jar rebuilt since) is not offered
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(t.toMillis() - 1000));
        assertEquals(Optional.empty(), Launcher.Program.of(lib.toFile()).orElseThrow().archive());

        assertEquals(Optional.of(List.of("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-Dmscmeta.launched=true",
                "-Xmx2g", "-Dx=1", "-cp", "/opt/mscmeta/lib/mscmeta-all.jar", Launcher.class.getName(), "analyze",
                "x.csv")), Launcher.childCommand(JAVA, Optional.of(
                        "-Xmx2g -Dx=1 -jar target/mscmeta.jar analyze x.csv".split(" ")),
                new String[] {"analyze", "x.csv"}, OPTIONS, Optional.of("/opt/mscmeta/lib/mscmeta-all.jar")));
        assertEquals(Optional.of(List.of("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-Dmscmeta.launched=true",
                "-ea", "-cp", "/p.jar", Launcher.class.getName(), "generate")), Launcher.childCommand(JAVA,
                Optional.of("-cp a.jar -ea org.mscmeta.cli.Launcher generate".split(" ")), new String[] {"generate"},
                OPTIONS, Optional.of("/p.jar")));
    }

    /** The launcher started as a jar is: the child's output, status and errors are the run's. */
    @Test
    void theChildsRunIsTheRun() throws Exception {
        Path out = dir.resolve("out");
        Path bcg = ReferenceCases.resource("data/bcg.csv");
        Process ok = launch(dir.resolve("ok.txt"), List.of("-Dmscmeta.timings"), "analyze", bcg.toString(), "--out",
                out.toString(), "--no-report", "--measure", "RR");
        assertEquals(0, ok.waitFor());
        assertTrue(Files.readString(out.resolve("results.json")).replace(" ", "").contains("\"measure\":\"RR\""));
        String log = Files.readString(dir.resolve("ok.txt"));
        assertTrue(log.contains("Risk Ratio"), "the summary reaches stdout: " + log);
        if (Launcher.jvmCommand().isPresent()) { // Linux: the run was the child's, with the quick compiler
            assertTrue(log.contains(String.join(" ", Launcher.CHILD_OPTIONS)), log);
        }

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "study,outcome,events_msc,n_msc,events_control,n_control\nA,Death,5,4,1,10\n");
        Path badOut = dir.resolve("bad-out");
        Process failed = launch(dir.resolve("bad.txt"), List.of(), "analyze", bad.toString(), "--out",
                badOut.toString());
        assertEquals(2, failed.waitFor());
        String err = Files.readString(dir.resolve("bad.txt"), StandardCharsets.UTF_8);
        assertTrue(err.contains("row 2, column 'events_msc'"), err);
        assertFalse(Files.exists(badOut));
    }

    /** A run ended by a signal (Ctrl-C, kill) leaves nothing behind: no staging folder, no output folder it made. */
    @Test
    void aRunEndedBySignalLeavesNothingBehind() throws Exception {
        Path sheet = dir.resolve("reg.csv");
        assertEquals(0, Main.run("generate", "--out", sheet.toString(), "--trials", "600", "--terms", "20"));
        Path out = dir.resolve("signalled");
        Process run = launch(dir.resolve("signal.txt"), List.of(), "analyze", sheet.toString(), "--out",
                out.toString(), "--quiet");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!staging(out) && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(staging(out), "the run got as far as writing");
        Thread.sleep(500); // into the plots
        run.destroy(); // SIGTERM to the launcher, which passes it on
        assertTrue(run.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.notExists(out), "the output folder the run made is gone: "
                + (Files.exists(out) ? List.of(out.toFile().list()) : List.of()));
        String log = Files.readString(dir.resolve("signal.txt"));
        assertFalse(log.contains("Exception") || log.contains("\tat "), "ended quietly: " + log);
    }

    /** A launcher killed outright (kill -9, which it cannot pass on): its child notices and ends, writing nothing. */
    @Test
    void theChildEndsWithAKilledLauncher() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Launcher.jvmCommand().isPresent(), "relaunching needs Linux");
        Path sheet = dir.resolve("reg9.csv");
        assertEquals(0, Main.run("generate", "--out", sheet.toString(), "--trials", "600", "--terms", "20"));
        Path out = dir.resolve("killed");
        Process run = launch(dir.resolve("kill9.txt"), List.of(), "analyze", sheet.toString(), "--out",
                out.toString(), "--quiet");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!staging(out) && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(staging(out), "the run got as far as writing");
        List<ProcessHandle> children = run.toHandle().children().toList();
        assertEquals(1, children.size(), "the run is the launcher's child");
        run.destroyForcibly(); // SIGKILL: no hook of the launcher's runs
        ProcessHandle child = children.get(0);
        assertTrue(child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS) != null);
        assertFalse(child.isAlive(), "the child ended with its launcher");
        assertTrue(Files.notExists(out) || Files.notExists(out.resolve("results.json")),
                "nothing was written after the launcher died");
    }

    private static boolean staging(Path out) throws java.io.IOException {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (var files = Files.list(out)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".mscmeta-staging-"));
        }
    }

    /** {@code java OPTIONS -cp <test class path> org.mscmeta.cli.Launcher ARGS}, stdout and stderr to {@code log}. */
    private static Process launch(Path log, List<String> options, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void theParentIsReadAsTheOperatingSystemKnowsIt() {
        long expected = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        assertEquals(expected, ParentWatch.parentPid());
    }
}

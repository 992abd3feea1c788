package org.mscmeta.cli;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The jar's entry point: runs the command line in a JVM set up for a short batch job.
 *
 * <p>A run of {@code analyze} is over in seconds, and on a machine with few cores the JVM's optimising compiler (C2)
 * spends most of that time compiling code the run has almost finished with, on the cores the run needs: on two
 * cores it compiles for about 1.5 s of CPU during a 1.5 s run of 80,000 rows and is busy for the whole of a run
 * with plots. The quick compiler alone ({@code -XX:TieredStopAtLevel=1}, as launchers of other short-lived JVM
 * tools such as Leiningen set it) makes those runs 25-40% faster, the 1,000,000-row run included (README,
 * benchmark). A jar cannot choose its JVM's options, so for {@code analyze}, {@code import-ctgov} and
 * {@code generate} this class starts the same command once more in a child JVM with that option, passing on the
 * JVM options it was given, the working directory, the environment, stdin, stdout and stderr, and exits with the
 * child's status. The second JVM costs about 0.11 s on the machine of the README's figures. The child is started
 * on the packaged program's jar with the class data sharing archive the build made of the classes a run loads
 * ({@link Program}).
 *
 * <p>It runs the command in this JVM instead when the JVM is the child already ({@code -Dmscmeta.launched}), when
 * asked to ({@code -Dmscmeta.relaunch=false}), when the JVM is not HotSpot (whose options these are), when JVM
 * options come from the environment ({@code JAVA_TOOL_OPTIONS} and the like), when the command is {@code --help} or
 * {@code --version}, when the JVM's command line cannot be read (it is read from Linux's {@code /proc}), or when
 * the JVM was given an option outside a short list known to be safe to give twice (heap and stack sizes, system properties other than JMX's,
 * assertions, a garbage collector, the class path): a chosen compiler mode, an agent, a debugger or a flight
 * recording stays with the JVM the user started. The library API ({@code org.mscmeta.analysis.MetaAnalysis}) never
 * starts a process.
 */
public final class Launcher {

    /** Set on the child JVM. */
    static final String LAUNCHED = "mscmeta.launched";
    /** {@code -Dmscmeta.relaunch=false} runs the command in the JVM it was started in. */
    static final String RELAUNCH = "mscmeta.relaunch";
    /** When the launcher started, in ms since the epoch: what {@code -Dmscmeta.timings} counts start-up from. */
    static final String STARTED = "mscmeta.started";
    /**
     * The options the child JVM gets before the ones passed on: the quick compiler alone, compiling a method after
     * half the usual calls, and inlining callees of at most 20 bytecodes instead of 35 (the quick compiler is a
     * quarter of a report's CPU, spread over thousands of methods run a few hundred times each; smaller inlining made
     * the example's report 4% faster, in 16 of 20 paired runs, the 80,000-row runs unchanged and the 1,000,000-row
     * one 3% slower: docs/performance.md).
     */
    static final List<String> CHILD_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.5",
            "-XX:C1MaxInlineSize=20", "-D" + LAUNCHED + "=true");

    private static final Set<String> COMMANDS = Set.of("analyze", "import-ctgov", "generate");
    private static final List<String> HELP = List.of("-h", "--help", "-V", "--version");
    /** JVM options that take the next argument as their value. */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-jar");
    /** The garbage collectors a user may choose (each replaces {@link #COLLECTOR}). */
    private static final List<String> COLLECTORS = List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseSerialGC",
            "-XX:+UseZGC");
    /** Prefixes of JVM options that can be given to two JVMs, one after the other: these and the collectors. */
    private static final List<String> SAFE = concat(List.of("-D", "-Xmx", "-Xms", "-Xmn", "-Xss",
            "-XX:MaxRAMPercentage=", "-XX:InitialRAMPercentage=", "-XX:MaxRAM=", "-ea", "-da", "-esa", "-dsa",
            "-enableassertions", "-disableassertions"), COLLECTORS);

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<List<String>> child = Optional.empty();
        if (!Boolean.getBoolean(LAUNCHED) && !"false".equals(System.getProperty(RELAUNCH))
                && hotSpot(System.getProperty("java.vm.name", "")) && !optionsFromEnvironment(System.getenv())) {
            Optional<Program> program = Program.find();
            child = childCommand(java(), jvmCommand(), args, childOptions(program),
                    program.isPresent() ? Optional.of(program.get().jar()) : Optional.empty());
        }
        if (child.isEmpty()) {
            Main.main(args);
            return;
        }
        List<String> command = child.get();
        if (System.getProperty("mscmeta.timings") != null) {
            command.add(1, "-D" + STARTED + "=" + java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        }
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (java.io.IOException e) {
            Main.main(args); // no second JVM to be had: run here
            return;
        }
        Thread stop = new Stop(process);
        Runtime.getRuntime().addShutdownHook(stop);
        int status = process.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // a signal is ending this JVM: the hook has stopped the child, and the JVM exits with the signal's status
            return;
        }
        System.exit(status);
    }

    /**
     * {@link #CHILD_OPTIONS}; the heap in transparent huge pages when the kernel has enough of them free
     * ({@link #hugePagesFree}); and the build's class data sharing archive when {@code program} has one no older than
     * its jar (classes parsed and verified at build time; logging of the archive off, so that a JVM that cannot use it
     * says nothing).
     */
    static List<String> childOptions(Optional<Program> program) {
        List<String> options = new ArrayList<>(CHILD_OPTIONS);
        try {
            if (HUGE_PAGES.canRead() && BUDDY_INFO.canRead()
                    && hugePagesFree(text(HUGE_PAGES, "ISO-8859-1"), text(BUDDY_INFO, "ISO-8859-1"))) {
                options.add(HUGE);
            }
        } catch (IOException | RuntimeException e) {
            // no huge pages, then
        }
        if (program.isPresent() && program.get().archive().isPresent()) {
            options.addAll(List.of("-XX:SharedArchiveFile=" + program.get().archive().get(), "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
            if (archiveAtItsOwnAddress(Runtime.version().feature())) {
                options.addAll(AT_ITS_OWN_ADDRESS);
            }
        }
        if (oneCompilerThread(Runtime.getRuntime().availableProcessors())) {
            options.add(ONE_COMPILER);
        }
        if (Runtime.getRuntime().maxMemory() >= YOUNG_FROM_HEAP) {
            options.add(YOUNG);
        }
        options.add(COLLECTOR);
        return options;
    }

    /**
     * The archive mapped at the address it was made for, and moved only when that address is taken: recent JVMs,
     * this project's JDK 17 update among them (17.0.15, seen with {@code -Xlog:cds}), map it at a random address
     * by default instead ({@code ArchiveRelocationMode=1}, a hardening of address layout randomisation), and then
     * rewrite every pointer in it: 0.11 s of each child's start for the program's 47 MB archive, a ninth of the
     * 80,000-row run (a child printing its version 199 -> 114 ms; docs/performance.md). Mode 0 was HotSpot's default before; for a batch job
     * that reads a sheet and writes files it gives up the randomised placement of the archived class metadata alone.
     */
    static final List<String> AT_ITS_OWN_ADDRESS = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=0");

    /**
     * Whether the JVM of {@code feature} version knows {@code ArchiveRelocationMode}: a diagnostic option from JDK 14
     * on, still there in JDK 25; a JVM that does not know an option refuses to start, so later versions go without
     * it until they are checked.
     */
    static boolean archiveAtItsOwnAddress(int feature) {
        return feature >= 14 && feature <= 25;
    }

    /** One thread for the quick compiler instead of the JVM's two on a machine of two processors. */
    static final String ONE_COMPILER = "-XX:CICompilerCount=1";

    /**
     * Whether to give the child {@link #ONE_COMPILER}: on {@code processors} of two or fewer. There the JVM starts
     * two compiler threads beside a run's two to three busy threads (reading and pooling; the plots, one per
     * processor, and the workbook), and the second compiler thread takes processor time from them more than it
     * saves by compiling sooner. Measured on two processors, child against child in alternation (medians, same
     * minutes): the example's report 2.85 -> 2.70 s, its {@code --no-report} run 0.435 -> 0.41 s, 80,000 rows
     * 0.82 -> 0.80 s, their report 12.7 -> 12.1 s (docs/performance.md). With more processors the JVM's own count
     * stands: the plots then run on more threads, and one compiler thread could not keep up with them (unmeasured).
     */
    static boolean oneCompilerThread(int processors) {
        return processors <= 2;
    }

    /** The heap in transparent huge pages (Linux). */
    static final String HUGE = "-XX:+UseTransparentHugePages";
    /** Linux's switch for transparent huge pages: "always [madvise] never" when a program may ask for them. */
    private static final File HUGE_PAGES = new File("/sys/kernel/mm/transparent_hugepage/enabled");
    /** Linux's count of free memory blocks by size, per zone: 4 KB x 2^order for orders 0 to 10. */
    private static final File BUDDY_INFO = new File("/proc/buddyinfo");
    /** Free 2 MB blocks there must be for the heap to be asked for in huge pages: 1 GB's worth. */
    static final long HUGE_PAGES_NEEDED = 512;

    /**
     * Whether to ask for the heap in transparent huge pages: when a program may ask for them ({@code enabled} reads
     * "[madvise]"; with "[always]" it has them unasked) and the kernel has at least {@link #HUGE_PAGES_NEEDED} free
     * blocks of 2 MB or more ({@code buddyInfo}, /proc/buddyinfo). A run's heap is fresh memory, and every 4 KB page
     * of it costs a fault when first touched (dear on a virtual machine whose host backs the guest's memory lazily);
     * in huge pages there are 512 times fewer. But where the kernel has no free huge page it compacts memory to make
     * one, on the fault, when the program asked ("defrag" on "madvise", Debian's default), which can cost more than
     * it saves. Hence the count of free blocks first: huge pages only when they are there for the taking. The
     * measurements both ways are in docs/performance.md.
     */
    static boolean hugePagesFree(String enabled, String buddyInfo) {
        if (!enabled.contains("[madvise]")) {
            return false;
        }
        long free = 0;
        // "Node 0, zone Normal c0 c1 ... c10": after the zone's name, the count of free blocks of each order
        java.util.StringTokenizer t = new java.util.StringTokenizer(buddyInfo, " \t\n");
        int order = Integer.MIN_VALUE / 2;
        while (t.hasMoreTokens()) {
            String token = t.nextToken();
            order = token.equals("Node") ? -4 : order + 1; // "0,", "zone", its name, then order 0
            if (order >= 9) {
                free += Long.parseLong(token) << Math.min(order - 9, 20);
            }
        }
        return free >= HUGE_PAGES_NEEDED;
    }

    /**
     * The parallel collector: a run is a batch job that wants throughput, not short pauses, and G1's write barriers
     * and start-up cost the quick compiler's code more (80,000 rows about 0.59 -> 0.55 s in the same minutes). Never
     * with the user's own choice of collector ({@link #childCommand}).
     */
    static final String COLLECTOR = "-XX:+UseParallelGC";

    /**
     * A young generation of fixed size: G1 starts it at a few megabytes and grows it step by step, which took six
     * collections (0.1 s of pauses) in the 80,000-row run and let the heap of the 1,000,000-row run grow to
     * 0.8 GB. Measured in the same minutes: 80,000 rows 0.76 -> 0.71 s, 1,000,000 rows 3.14 -> 2.90 s and
     * 825 -> 599 MB; reports unchanged. 192 MB rather than 128: the 80,000-row run then needs no collection at all
     * (one of 12 ms before; 25 runs in alternation 470 -> 450 ms), for 45 MB more at 1,000,000 rows (500 -> 545 MB).
     * Given only where the default heap is 1 GB or more (a machine of 4 GB), and never with the user's own heap
     * options ({@link #childCommand}).
     */
    static final String YOUNG = "-Xmn192m";
    private static final long YOUNG_FROM_HEAP = 1L << 30;

    /**
     * The packaged program: {@code lib/mscmeta-all.jar} beside the launcher's jar (or that jar itself), and the class
     * data sharing archive {@code mscmeta.jsa} the build made beside it. The child is started on that jar by its
     * absolute path, as the archive was made, so that the archive serves whatever the working directory.
     */
    record Program(String jar, Optional<String> archive) {

        static final String JAR = "mscmeta-all.jar";
        static final String ARCHIVE = "mscmeta.jsa";

        /**
         * The program this launcher was loaded from, found on the class path ({@code java -jar} puts the jar there);
         * empty when it runs from classes (tests, an IDE).
         */
        static Optional<Program> find() {
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                File self = new File(entry).getAbsoluteFile().toPath().normalize().toFile(); // as the build names it
                if (self.getName().equals(JAR)) {
                    return of(self.getParentFile());
                }
                if (self.getName().equals("mscmeta.jar")) {
                    return of(new File(self.getParentFile(), "lib"));
                }
            }
            return Optional.empty();
        }

        /** The program in {@code dir}, if its jar is there. */
        static Optional<Program> of(File dir) {
            File jar = new File(dir, JAR);
            File archive = new File(dir, ARCHIVE);
            if (!jar.isFile()) {
                return Optional.empty();
            }
            boolean current = archive.canRead() && archive.lastModified() >= jar.lastModified();
            return Optional.of(new Program(jar.getPath(), current ? Optional.of(archive.getPath()) : Optional.empty()));
        }
    }

    /**
     * Whether JVM options come from the environment, which a child inherits: they were not checked (see
     * {@link #childCommand}), and a debugger's port or an agent given there must not be taken twice.
     */
    static boolean optionsFromEnvironment(java.util.Map<String, String> env) {
        for (String name : ENVIRONMENT_OPTIONS) {
            if (!env.getOrDefault(name, "").isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The environment variables the JVM or its launcher read options from. */
    private static final List<String> ENVIRONMENT_OPTIONS = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");

    /** This JVM's executable. */
    private static Optional<String> java() {
        File java = new File(new File(System.getProperty("java.home"), "bin"), "java");
        return java.canExecute() ? Optional.of(java.getPath()) : Optional.empty();
    }

    /**
     * This JVM's command line after the executable, as Linux holds it in {@code /proc/self/cmdline} (arguments ended
     * by NUL bytes); empty elsewhere. Read directly: {@code ProcessHandle.current().info()} took 30-50 ms here, as
     * much again as the rest of the launcher (which keeps to classes of its own jar, as any class from the program
     * jar opens that jar's 16,000-entry index, 38 ms, and to {@code java.io.File}, loaded with the JVM).
     */
    static Optional<String[]> jvmCommand() {
        try {
            // decoded as the JVM decoded the arguments it gave main
            String all = text(CMDLINE, System.getProperty("sun.jnu.encoding",
                    java.nio.charset.Charset.defaultCharset().name()));
            if (!all.endsWith("\0")) {
                return Optional.empty();
            }
            String[] parts = all.substring(0, all.length() - 1).split("\0", -1);
            return Optional.of(Arrays.copyOfRange(parts, 1, parts.length));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(File file, String charset) throws IOException {
        try (FileInputStream in = new FileInputStream(file)) {
            return new String(in.readAllBytes(), charset);
        }
    }

    private static final File CMDLINE = new File("/proc/self/cmdline");

    /**
     * Whether the JVM is HotSpot (OpenJDK's), whose options the child is given; another JVM (OpenJ9, say) runs the
     * command itself.
     */
    static boolean hotSpot(String vmName) {
        return vmName.contains("HotSpot") || vmName.startsWith("OpenJDK");
    }

    /** Options of the user's that size the heap (and so replace {@link #YOUNG}). */
    private static final List<String> HEAP = List.of("-Xm", "-XX:MaxRAM", "-XX:InitialRAM");

    /**
     * Whether one of {@code values} equals ({@code exact}) or starts with one of {@code prefixes}. Loops rather than
     * streams and lambdas here: the first lambda of a JVM costs it 10-30 ms to set up, and the launcher's JVM
     * uses none.
     */
    private static boolean startsWithAny(java.util.Collection<String> values, java.util.Collection<String> prefixes,
                                         boolean exact) {
        for (String v : values) {
            for (String p : prefixes) {
                if (exact ? v.equals(p) : v.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** On the launcher's own shutdown (a signal): ends the child and waits for it to remove its temporary files. */
    private static final class Stop extends Thread {
        private final Process child;

        Stop(Process child) {
            super("stop child");
            this.child = child;
        }

        @Override
        public void run() {
            Launcher.stop(child);
        }
    }

    /** On the launcher's own shutdown (a signal): ends the child and waits for it to remove its temporary files. */
    private static void stop(Process process) {
        process.destroy();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The child JVM's command line, or empty to run in this JVM.
     *
     * @param java       this JVM's executable
     * @param jvmCommand this JVM's arguments as the operating system holds them (everything after the executable)
     * @param args       the arguments {@code main} was given: the tail of {@code jvmCommand}
     * @param options    the options to start the child with, before those passed on
     * @param program    the packaged program's jar, to start the child on (by this launcher class); when empty, the
     *                   child is started as this JVM was ({@code -jar JAR}, or a class path and main class)
     */
    static Optional<List<String>> childCommand(Optional<String> java, Optional<String[]> jvmCommand, String[] args,
                                               List<String> options, Optional<String> program) {
        if (args.length == 0 || !COMMANDS.contains(args[0]) || startsWithAny(List.of(args), HELP, true)
                || java.isEmpty() || jvmCommand.isEmpty()) {
            return Optional.empty();
        }
        String[] all = jvmCommand.get();
        int head = all.length - args.length;
        if (head < 1 || !Arrays.equals(all, head, all.length, args, 0, args.length)) {
            return Optional.empty(); // e.g. an @argfile: the JVM saw other arguments than the ones on record
        }
        Optional<List<String>> passedOn = passedOn(Arrays.asList(all).subList(0, head));
        if (passedOn.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(4 + options.size() + all.length);
        command.add(java.get());
        boolean heapChosen = startsWithAny(passedOn.get(), HEAP, false);
        boolean collectorChosen = startsWithAny(passedOn.get(), COLLECTORS, true);
        for (String o : options) {
            if (!(heapChosen && o.equals(YOUNG)) && !(collectorChosen && o.equals(COLLECTOR))) {
                command.add(o);
            }
        }
        if (program.isPresent()) {
            command.addAll(passedOn.get());
            command.addAll(List.of("-cp", program.get(), Launcher.class.getName()));
        } else {
            command.addAll(Arrays.asList(all).subList(0, head));
        }
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }

    /**
     * The JVM options to pass on to a child, without the launch (-jar JAR, or a class path and main class); empty
     * when an option may not be given to two JVMs, or the launch is not recognised.
     */
    private static Optional<List<String>> passedOn(List<String> head) {
        List<String> options = new ArrayList<>();
        int i = 0;
        while (i < head.size()) {
            String option = head.get(i);
            if (WITH_VALUE.contains(option)) {
                if (option.equals("-jar")) {
                    // -jar JAR ends the JVM's own arguments
                    return i + 2 == head.size() ? Optional.of(options) : Optional.empty();
                }
                i += 2;
            } else if (!option.startsWith("-")) {
                return i + 1 == head.size() ? Optional.of(options) : Optional.empty(); // the main class
            } else if (option.startsWith("--class-path=")) {
                i++;
            } else if (startsWithAny(List.of(option), SAFE, false) && !option.startsWith("-Dcom.sun.management.")) {
                options.add(option);
                i++;
            } else {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

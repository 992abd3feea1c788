package org.mscmeta.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A run's output folder, written as a whole or not at all, and never mixed with an earlier run's files:
 * <ol>
 *   <li>everything is written into a staging folder inside it ({@link #staging()});</li>
 *   <li>{@link #commit} moves the previous run's files (those its manifest lists, or, for a run of an earlier
 *       version without a manifest, the files of the names a run writes) into a backup folder, moves the new files
 *       into place, writes the new manifest ({@value #MANIFEST}) and removes the backup; if any move fails, the new
 *       files are taken out again and the previous ones restored, so the folder is as it was;</li>
 *   <li>{@link #close} without a commit (a failure, a signal) removes the staging folder, and the output folder when
 *       the run made it.</li>
 * </ol>
 * Files the user put in the folder are left alone, and so are the files another command wrote into it (an import's
 * sheet and review beside an analysis of it): the manifest lists every command's files, and a run replaces only those
 * of its own {@link Layout}. A file that a run would write but that no earlier run wrote (a results.xlsx of the user's
 * own, say) is not overwritten unless {@code force}: the run is refused before anything is computed, or, for a file
 * whose name is known only when it is written (a plot in {@code plots/}), at {@link #commit}, before anything is moved.
 * Nor is a file of the previous run that was changed since (a co-author's comments in report.docx, a workbook edited
 * and saved): the manifest records each file's size, and a file whose size differs is an edit that {@code force} alone
 * replaces (an edit that keeps the size to the byte goes unseen; copying the folder, which changes the files' times, is
 * no edit). One run at a time: a run holds the folder's lock ({@value #LOCK}) from opening it to closing it, and a
 * second run into the folder meanwhile is refused. Staging and backup folders of runs that were killed (their process
 * is gone) are cleaned up when the next run opens the folder: leftover staging is removed, a leftover backup restored
 * where its files are missing.
 */
public final class OutputFolder implements AutoCloseable {

    /**
     * A file a run reads and must not destroy, with what it is in words ("the sheet", "the outcome map
     * (--outcome-map)"), for the sentence that refuses a folder holding it.
     */
    public record Kept(Path file, String what) {
    }

    /**
     * The manifest: the files of the runs that wrote the folder (the last of each command), one per line, the
     * relative path and the size in bytes separated by a tab (a manifest of an earlier version has the paths alone).
     */
    public static final String MANIFEST = ".mscmeta-run";
    private static final String STAGING = ".mscmeta-staging-";
    private static final String BACKUP = ".mscmeta-previous-";
    /** Locked while a run writes into the folder, so that a second run into it at the same time is refused. */
    private static final String LOCK = ".mscmeta-lock";

    private final Path out;
    private final boolean madeOut;
    private final Path staging;
    private final Set<String> previous;
    /** The files of another command's run that the manifest lists, with their recorded sizes: kept in it. */
    private final Map<String, Long> others;
    private final java.nio.channels.FileLock lock;
    /** Whether files of the run's names that no earlier run wrote are replaced (--force). */
    private final boolean force;
    private volatile boolean committed;
    private final Thread onShutdown = new Thread(this::removeOnShutdown, "remove staging");

    /** What a run writes, as names or name prefixes, for recognising an earlier version's run without a manifest. */
    public record Layout(Set<String> files, Set<String> folders) {

        /** Whether a file (a path relative to the output folder) is of a name this layout's runs write. */
        boolean owns(String rel) {
            int slash = rel.indexOf('/');
            return slash < 0 ? files.contains(rel) : folders.contains(rel.substring(0, slash));
        }
    }

    private OutputFolder(Path out, boolean madeOut, Path staging, Set<String> previous, Map<String, Long> others,
                         java.nio.channels.FileLock lock, boolean force) {
        this.force = force;
        this.others = others;
        this.out = out;
        this.madeOut = madeOut;
        this.staging = staging;
        this.previous = previous;
        this.lock = lock;
    }

    /**
     * Opens {@code out} for a run that writes the files of {@code layout}: checks it can be written, cleans up after
     * killed runs, finds the previous run's files, and makes the staging folder.
     *
     * @param force replace files of the run's names that no earlier run wrote
     * @throws OutputFolderException when the folder cannot be used, with a sentence saying why
     */
    public static OutputFolder open(Path out, Layout layout, boolean force) throws IOException, OutputFolderException {
        return open(out, layout, force, List.of());
    }

    /**
     * As {@link #open(Path, Layout, boolean, List)}, for a run that also reads {@code read}, files it must not destroy
     * (the sheet an analysis reads, its outcome map): when one of them is a file of the previous run in {@code out},
     * which this run replaces or removes, the folder is refused unless {@code force}; when one of them is a file no
     * run wrote, named as a file this run writes, the folder is refused even with {@code force}.
     */
    public static OutputFolder open(Path out, Layout layout, boolean force, List<Path> inputs, List<Kept> read)
            throws IOException, OutputFolderException {
        OutputFolder folder = create(out, layout, force, inputs, read);
        if (!force) {
            try {
                folder.refuseToReplace(read);
            } catch (OutputFolderException e) {
                folder.close();
                throw e;
            }
        }
        return folder;
    }

    /** Refuses a folder whose previous run's files, which this run replaces or removes, include one of {@code read}. */
    private void refuseToReplace(List<Kept> read) throws OutputFolderException {
        for (Kept r : read) {
            Path file;
            try {
                file = r.file().toRealPath();
            } catch (IOException e) {
                continue; // not there: nothing to keep
            }
            if (!file.startsWith(realOut())) {
                continue;
            }
            for (String rel : previous) {
                if (among(out.resolve(rel), List.of(file))) {
                    throw new OutputFolderException("--out " + out + ": " + rel + ", " + r.what() + " this run reads, was"
                            + " written there by an earlier run, and this run replaces that run's files: copy it"
                            + " elsewhere and read the copy, or give another --out, or add --force to replace it all"
                            + " the same");
                }
            }
        }
    }

    private Path realOut() {
        try {
            return out.toRealPath();
        } catch (IOException e) {
            return out.toAbsolutePath().normalize();
        }
    }

    /**
     * As {@link #open(Path, Layout, boolean)}, for a run that reads {@code inputs}: a file of the previous run among
     * them may have been edited and is replaced all the same, as the run carries what it reads into its own files
     * (the import's review/groups.csv, edited and given back with --groups).
     */
    public static OutputFolder open(Path out, Layout layout, boolean force, List<Path> inputs)
            throws IOException, OutputFolderException {
        return create(out, layout, force, inputs, List.of());
    }

    /** {@link #open(Path, Layout, boolean, List)}, with the files the run reads ({@code read}) kept from harm. */
    private static OutputFolder create(Path out, Layout layout, boolean force, List<Path> inputs, List<Kept> read)
            throws IOException, OutputFolderException {
        if (out.toString().isBlank()) {
            throw new OutputFolderException("--out: give the folder to write into (an empty name would write into the"
                    + " current folder)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new OutputFolderException("--out " + out + ": is a file, not a folder; give a folder to write into");
        }
        boolean made = !Files.isDirectory(out);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new OutputFolderException("--out " + out + ": cannot make the folder ("
                    + FileProblems.folderProblem(out, e) + ")");
        }
        if (!Files.isWritable(out)) {
            throw new OutputFolderException("--out " + out + ": the folder cannot be written (permission denied)");
        }
        java.nio.channels.FileLock lock = lock(out);
        try {
            return open(out, layout, force, inputs, read, made, lock);
        } catch (IOException | OutputFolderException | RuntimeException e) {
            unlock(lock, out);
            if (made) {
                try {
                    Files.deleteIfExists(out);
                } catch (DirectoryNotEmptyException again) {
                    // something else was put there meanwhile: leave it
                }
            }
            throw e;
        }
    }

    /** The rest of {@link #create}, with the folder locked. */
    private static OutputFolder open(Path out, Layout layout, boolean force, List<Path> inputs, List<Kept> read,
                                     boolean made, java.nio.channels.FileLock lock)
            throws IOException, OutputFolderException {
        cleanUpAfterKilledRuns(out);
        Map<String, Long> listed = readManifest(out);
        // the files of this command's last run, and those of another command's (an import's beside an analysis)
        Map<String, Long> manifest = listed == null ? null : new LinkedHashMap<>();
        Map<String, Long> others = new LinkedHashMap<>();
        if (listed != null) {
            listed.forEach((rel, size) -> (layout.owns(rel) ? manifest : others).put(rel, size));
        }
        Set<String> previous = previousRun(out, layout, manifest);
        List<String> edited = edited(out, manifest, inputs);
        if (!edited.isEmpty() && !force) {
            boolean one = edited.size() == 1;
            String it = one ? "it" : "them";
            throw new OutputFolderException("--out " + out + ": " + String.join(", ", edited.subList(0,
                    Math.min(3, edited.size()))) + (edited.size() > 3 ? " and " + (edited.size() - 3) + " more" : "")
                    + (one ? " was" : " were") + " changed after mscmeta wrote " + it + ", and this run would replace "
                    + it + ": copy the edited " + (one ? "file" : "files") + " elsewhere or give another --out, or"
                    + " add --force to replace " + it);
        }
        // the files of the names this run writes that no run of it wrote: all of them without such a run; beside one,
        // those of the names of its files (a co-author's results.xlsx put beside a run without a report)
        List<String> clash = new ArrayList<>(clashes(out, layout));
        if (previous != null) {
            Set<String> written = previous;
            clash.removeIf(c -> written.contains(c) || c.indexOf('/') >= 0);
        }
        for (String c : clash) {
            for (Kept r : read) {
                if (among(out.resolve(c), List.of(r.file()))) {
                    // the user's own file, named as a run's file: replaced, it would be lost, so not even --force
                    int slash = c.indexOf('/');
                    throw new OutputFolderException("--out " + out + ": " + c + " there is " + r.what() + " this"
                            + " run reads, and the run " + (slash < 0 ? "writes a file of that name"
                            : "replaces the folder " + c.substring(0, slash + 1) + " with its own") + ": move it"
                            + " elsewhere or rename it, or give another --out (it is not replaced, not even with"
                            + " --force)");
                }
            }
        }
        if (!clash.isEmpty() && !force) {
            throw new OutputFolderException("--out " + out + ": the folder already holds " + String.join(", ",
                    clash.subList(0, Math.min(3, clash.size()))) + (clash.size() > 3 ? " and more" : "")
                    + ", which no run of mscmeta wrote; choose another folder, or add --force to replace "
                    + (clash.size() == 1 ? "it" : "them"));
        }
        if (previous == null) {
            previous = new LinkedHashSet<>(clash);
        } else {
            previous.addAll(clash);
        }
        Path staging;
        try {
            staging = Files.createTempDirectory(out, STAGING + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new OutputFolderException("--out " + out + ": cannot write into the folder ("
                    + FileProblems.describe(e) + ")");
        }
        OutputFolder folder = new OutputFolder(out, made, staging, previous, others, lock, force);
        Runtime.getRuntime().addShutdownHook(folder.onShutdown);
        return folder;
    }

    /** The folder the run writes into; its files go to the output folder at {@link #commit}. */
    public Path staging() {
        return staging;
    }

    /** The output folder. */
    public Path out() {
        return out;
    }

    /**
     * Moves the files written into the staging folder ({@code files}, relative paths) into the output folder in
     * place of the previous run's, and records them in the manifest. On failure the output folder is left as it was.
     *
     * @throws OutputFolderException before anything is moved, when a file of the user's is where one of them goes
     *                               (without {@code force})
     */
    public void commit(List<Path> files) throws IOException, OutputFolderException {
        refuseForeign(files);
        Path backup = out.resolve(BACKUP + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        List<String> saved = new ArrayList<>();
        List<Path> placed = new ArrayList<>();
        // each folder made once: Files.createDirectories on a folder that exists throws and catches two exceptions
        // inside, a thousand for a report's 170 files, at the end of the run
        java.util.Set<Path> made = new java.util.HashSet<>();
        try {
            for (String rel : previous) {
                Path from = out.resolve(rel);
                if (Files.isRegularFile(from)) {
                    Path to = backup.resolve(rel);
                    if (made.add(to.getParent())) {
                        Files.createDirectories(to.getParent());
                    }
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                    saved.add(rel);
                }
            }
            for (Path rel : files) {
                Path target = out.resolve(rel.toString());
                Path folder = target.toAbsolutePath().getParent();
                if (made.add(folder)) {
                    Files.createDirectories(folder);
                }
                Files.move(staging.resolve(rel.toString()), target, StandardCopyOption.REPLACE_EXISTING);
                placed.add(target);
            }
            String manifest = manifest(out, files, others);
            AtomicFiles.write(out.resolve(MANIFEST), o -> o.write(manifest.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            // as it was: the new files out, the previous back (a backup that cannot be put back is kept, and the next
            // run into the folder restores it)
            for (Path p : placed) {
                deleteQuietly(p);
            }
            boolean restored = true;
            for (String rel : saved) {
                try {
                    Files.move(backup.resolve(rel), out.resolve(rel), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException again) {
                    restored = false;
                    e.addSuppressed(again);
                }
            }
            if (restored) {
                removeEmptyFolders(backup);
            }
            throw e;
        }
        committed = true;
        deleteTree(backup);
        // the previous run's folders (plots/) that are now empty
        for (String rel : previous) {
            Path parent = out.resolve(rel).getParent();
            if (parent != null && !parent.equals(out) && Files.isDirectory(parent)) {
                try (Stream<Path> s = Files.list(parent)) {
                    if (s.findAny().isEmpty()) {
                        Files.deleteIfExists(parent);
                    }
                } catch (IOException ignored) {
                    // kept
                }
            }
        }
    }

    /**
     * Refuses, unless {@code force}, to put a file where a file of its name is that the previous run did not write: a
     * plot's name is known only once the plots are drawn, so a picture of the user's own in {@code plots/} named as
     * one of them (forest-fever.png, from another program) is found here, before anything is moved.
     */
    private void refuseForeign(List<Path> files) throws OutputFolderException {
        if (force) {
            return;
        }
        List<String> foreign = new ArrayList<>();
        for (Path rel : files) {
            String r = rel.toString().replace('\\', '/');
            if (!previous.contains(r) && Files.exists(out.resolve(r), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                foreign.add(r);
            }
        }
        if (!foreign.isEmpty()) {
            boolean one = foreign.size() == 1;
            String it = one ? "it" : "them";
            throw new OutputFolderException("--out " + out + ": " + String.join(", ", foreign.subList(0,
                    Math.min(3, foreign.size()))) + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more"
                    : "") + (one ? " is a file" : " are files") + " that no run of mscmeta wrote, and this run writes "
                    + (one ? "a file of that name" : "files of those names") + ": move " + it + " elsewhere or give"
                    + " another --out, or add --force to replace " + it);
        }
    }

    /** Removes the staging folder (and the output folder when this run made it and nothing was committed). */
    @Override
    public void close() throws IOException {
        try {
            removeStaging();
        } catch (OutOfMemoryError e) {
            // closed because the run ran out of memory, and the removal too: once more with the reserve let go (and
            // should that fail as well, the shutdown hook, still in place, tries again as the program ends)
            MemoryReserve.release();
            removeStaging();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException e) {
            // shutting down already: the hook runs, and finds the staging folder gone
        }
    }

    /** The manifest of this run's {@code files} and of another command's files still in the folder. */
    private static String manifest(Path out, List<Path> files, Map<String, Long> others) throws IOException {
        StringBuilder sb = new StringBuilder("# files written by the mscmeta runs that wrote this folder, with their"
                + " sizes in bytes; the next run of the same command replaces them, unless their size changed (an"
                + " edit)\n");
        for (Path p : files) {
            sb.append(p.toString().replace('\\', '/')).append('\t').append(Files.size(out.resolve(p.toString())))
                    .append('\n');
        }
        others.forEach((rel, size) -> {
            if (Files.isRegularFile(out.resolve(rel))) {
                sb.append(rel).append(size == null ? "" : "\t" + size).append('\n');
            }
        });
        return sb.toString();
    }

    /**
     * The folder's manifest: each file of the previous run with its recorded size (null where a manifest of an
     * earlier version records none), in the manifest's order; null without a manifest.
     */
    private static Map<String, Long> readManifest(Path out) throws IOException {
        Path manifest = out.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        Map<String, Long> files = new LinkedHashMap<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            String rel = (tab < 0 ? line : line.substring(0, tab)).strip();
            if (rel.isEmpty() || !safe(rel)) {
                continue;
            }
            Long size = null;
            try {
                size = tab < 0 ? null : Long.valueOf(line.substring(tab + 1).strip());
            } catch (NumberFormatException e) {
                // not a size: nothing to compare
            }
            files.put(rel, size);
        }
        return files;
    }

    /**
     * The previous run's files whose size is no longer the one the manifest records, but for the run's
     * {@code inputs}.
     */
    private static List<String> edited(Path out, Map<String, Long> manifest, List<Path> inputs) throws IOException {
        List<String> edited = new ArrayList<>();
        if (manifest != null) {
            for (Map.Entry<String, Long> e : manifest.entrySet()) {
                Path file = out.resolve(e.getKey());
                if (e.getValue() != null && Files.isRegularFile(file) && Files.size(file) != e.getValue()
                        && !among(file, inputs)) {
                    edited.add(e.getKey());
                }
            }
        }
        return edited;
    }

    /** Whether {@code file} is one of {@code paths} (the same file, however named). */
    private static boolean among(Path file, List<Path> paths) {
        for (Path p : paths) {
            try {
                if (Files.isSameFile(file, p)) {
                    return true;
                }
            } catch (IOException e) {
                // not there: not the same file
            }
        }
        return false;
    }

    /** Whether a manifest's path stays inside the folder. */
    private static boolean safe(String rel) {
        return !rel.startsWith("#") && !rel.contains("..") && !rel.startsWith("/");
    }

    /**
     * The previous run's files: its manifest's, or, without one, those of the layout's names when the folder holds
     * a results.json of mscmeta's (a run of an earlier version); null when the folder holds no earlier run.
     */
    private static Set<String> previousRun(Path out, Layout layout, Map<String, Long> manifest) throws IOException {
        if (manifest != null && !manifest.isEmpty()) {
            return new LinkedHashSet<>(manifest.keySet());
        }
        Path json = out.resolve("results.json");
        if (Files.isRegularFile(json) && writtenByMscmeta(json)) {
            return new LinkedHashSet<>(clashes(out, layout));
        }
        return null;
    }

    private static boolean writtenByMscmeta(Path json) {
        try (var in = Files.newInputStream(json)) {
            String head = new String(in.readNBytes(512), StandardCharsets.UTF_8);
            return head.replaceAll("\\s", "").contains("\"tool\":{\"name\":\"mscmeta\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** The files in {@code out} that have the names a run writes. */
    private static List<String> clashes(Path out, Layout layout) throws IOException {
        List<String> found = new ArrayList<>();
        for (String f : layout.files()) {
            if (Files.isRegularFile(out.resolve(f))) {
                found.add(f);
            }
        }
        for (String d : layout.folders()) {
            Path dir = out.resolve(d);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                            .sorted().forEach(found::add);
                }
            }
        }
        return found;
    }

    /** Staging folders of runs that are gone are removed; their backups put back where the files are missing. */
    private static void cleanUpAfterKilledRuns(Path out) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out, ".mscmeta-*")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                boolean staging = name.startsWith(STAGING);
                boolean backup = name.startsWith(BACKUP);
                if (!(staging || backup) || alive(name.substring((staging ? STAGING : BACKUP).length()))) {
                    continue;
                }
                if (backup) {
                    restore(p, out);
                }
                deleteTree(p);
            }
        } catch (IOException | RuntimeException e) {
            // a leftover that cannot be removed is left: it harms no run
        }
    }

    /** Whether the process named at the start of {@code suffix} ({@code PID-...}) is still running. */
    private static boolean alive(String suffix) {
        int dash = suffix.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? suffix : suffix.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not ours to judge
        }
    }

    private static void restore(Path backup, Path out) throws IOException {
        try (Stream<Path> s = Files.walk(backup)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Path target = out.resolve(backup.relativize(f).toString());
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Files.move(f, target);
                }
            }
        }
    }

    /** The shutdown hook: writers may still be adding files, so removal is tried until the folder is gone. */
    private void removeOnShutdown() {
        for (int pass = 0; pass < 20 && Files.exists(staging); pass++) {
            try {
                removeStaging();
            } catch (IOException | RuntimeException e) {
                try {
                    Thread.sleep(25);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void removeStaging() throws IOException {
        deleteTree(staging);
        unlock(lock, out);
        if (madeOut && !committed) {
            try {
                Files.deleteIfExists(out);
            } catch (DirectoryNotEmptyException e) {
                // something else was put there meanwhile: leave it
            }
        }
    }

    /**
     * Locks the folder for this run ({@value #LOCK}, an advisory lock the system lets go when the process ends,
     * however it ends).
     *
     * @return the lock, or null where the file system has no locks (the run goes on unlocked)
     * @throws OutputFolderException when another run holds it
     */
    private static java.nio.channels.FileLock lock(Path out) throws IOException, OutputFolderException {
        java.nio.channels.FileChannel channel;
        try {
            channel = java.nio.channels.FileChannel.open(out.resolve(LOCK), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new OutputFolderException("--out " + out + ": cannot write into the folder ("
                    + FileProblems.describe(e) + ")");
        }
        java.nio.channels.FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by another run in this same program (the library's callers, the tests)
        } catch (IOException e) {
            // a file system without locks (some network shares): the run goes on without one, as it did before
            channel.close();
            Files.deleteIfExists(out.resolve(LOCK));
            return null;
        }
        if (lock == null) {
            channel.close();
            throw new OutputFolderException("--out " + out + ": another run of mscmeta is writing into this folder;"
                    + " wait for it to end, or give another --out");
        }
        return lock;
    }

    /** Lets go of the folder's lock and removes its file; once only. */
    private static void unlock(java.nio.channels.FileLock lock, Path out) {
        if (lock == null || !lock.channel().isOpen()) {
            return;
        }
        try {
            Files.deleteIfExists(out.resolve(LOCK));
        } catch (IOException ignored) {
            // an empty file left behind; the next run takes it over
        }
        try {
            lock.channel().close(); // lets go of the lock
        } catch (IOException ignored) {
            // the process's end lets go of it
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException e) {
                    // gone already
                }
            }
        }
    }

    private static void removeEmptyFolders(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // nothing left to restore there
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}

package org.mscmeta.cli;

/**
 * The build's training run for class data sharing (see {@code pom.xml}, execution {@code cds-classes}): the jobs
 * users run, in one JVM, so that {@code -XX:DumpLoadedClassList} lists the classes they load; {@code -Xshare:dump}
 * then parses and verifies those classes once into {@code target/lib/mscmeta.jsa}, which the {@link Launcher} gives
 * the JVM it starts. The jobs: the registry-scale analysis of issue 5 without a report, and the README's first
 * command (the example sheet with its full report). Not for users; its outputs are thrown away.
 *
 * <p>{@code --filter IN OUT} then copies the class list without the lambdas that implement an interface of Commons
 * Math 3: its classes are Java 5 class files, which class data sharing does not archive, and a lambda proxy of an
 * excluded interface crashes OpenJDK 17.0.15's dump ({@code SystemDictionaryShared::adjust_lambda_proxy_class_dictionary}).
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    /**
     * @param args the registry-scale sheet, the example sheet and a folder for the outputs; or {@code --filter IN OUT}
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 3 && args[0].equals("--filter")) {
            java.util.List<String> kept = new java.util.ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[1]))) {
                if (!(line.startsWith("@lambda-proxy") && line.contains("org/apache/commons/math3/"))) {
                    kept.add(line);
                }
            }
            java.nio.file.Files.write(java.nio.file.Path.of(args[2]), kept);
            return;
        }
        if (args.length != 3) {
            System.err.println("usage: ClassDataTraining REGISTRY.csv EXAMPLE.csv OUT_DIR");
            System.exit(2);
        }
        ParentWatch.start(); // as a launched run starts it, so that its classes are archived too
        // the registry job as the benchmark runs it, its console summary included (into nothing)
        java.io.PrintStream console = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        int registry = Main.run("analyze", args[0], "--no-report", "--measure", "RR", "--method", "MH",
                "--tau2", "DL", "--by", "route,cell_source", "--out", args[2] + "/registry");
        System.setOut(console);
        int example = Main.run("analyze", args[1], "--quiet", "--out", args[2] + "/example");
        System.exit(registry != 0 ? registry : example);
    }
}

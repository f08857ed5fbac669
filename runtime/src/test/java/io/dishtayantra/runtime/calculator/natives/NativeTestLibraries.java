package io.dishtayantra.runtime.calculator.natives;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the shared libraries the native tests call: the C and Rust examples from
 * {@code examples/calculators/native} and the misbehaving functions in {@code src/test/native},
 * into {@code target/native}. Needs gcc on the PATH and cargo on the PATH or in ~/.cargo/bin;
 * cargo runs offline.
 */
public final class NativeTestLibraries {

    static final Path OUTPUT = Path.of("target", "native").toAbsolutePath();
    static final Path EXAMPLES = Path.of("..", "examples", "calculators", "native").toAbsolutePath().normalize();

    private static Path exampleC;
    private static Path exampleRust;
    private static Path errors;

    private NativeTestLibraries() {
    }

    public static synchronized Path exampleC() throws Exception {
        if (exampleC == null) {
            exampleC = gcc(EXAMPLES.resolve("c/quote_math.c"), "libquote_math_c.so");
        }
        return exampleC;
    }

    public static synchronized Path exampleRust() throws Exception {
        if (exampleRust == null) {
            Path targetDir = OUTPUT.resolve("rust");
            run(EXAMPLES.resolve("rust"), List.of(cargo(), "build", "--release", "--offline", "--quiet",
                    "--target-dir", targetDir.toString()), "install Rust with rustup (https://rustup.rs)");
            exampleRust = targetDir.resolve("release/libquote_math.so");
        }
        return exampleRust;
    }

    public static synchronized Path errors() throws Exception {
        if (errors == null) {
            errors = gcc(Path.of("src/test/native/native_errors.c").toAbsolutePath(), "libnative_errors.so");
        }
        return errors;
    }

    /** Cargo from the PATH, else from rustup's default install folder, which is often not on the PATH. */
    private static String cargo() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "cargo"))) {
                return "cargo";
            }
        }
        Path rustup = Path.of(System.getProperty("user.home"), ".cargo", "bin", "cargo");
        return Files.isExecutable(rustup) ? rustup.toString() : "cargo";
    }

    private static Path gcc(Path source, String libraryName) throws Exception {
        Files.createDirectories(OUTPUT);
        Path library = OUTPUT.resolve(libraryName);
        run(OUTPUT, List.of("gcc", "-O2", "-Wall", "-shared", "-fPIC", "-o", library.toString(), source.toString()),
                "install gcc (apt-get install gcc)");
        return library;
    }

    private static void run(Path directory, List<String> command, String hint) throws Exception {
        Files.createDirectories(OUTPUT);
        Path log = Files.createTempFile(OUTPUT, "build", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0) + " to build a test library; " + hint, e);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                    + process.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        Files.delete(log);
    }
}

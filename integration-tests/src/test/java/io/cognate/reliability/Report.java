package io.cognate.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The reliability report: one entry per check (name, target, measured value, passed, raw evidence), appended to
 * {@code report.md} and {@code results.tsv} in the directory {@code -Dreliability.report} names
 * ({@code ./cognate reliability} sets it and prints the totals). A check records, then fails its test if it missed.
 */
final class Report {
    private Report() {
    }

    /** Whether this run is the release battery ({@code --full}) rather than the quick one. */
    static boolean full() {
        return "full".equals(System.getProperty("reliability.mode", "quick"));
    }

    static void record(String check, String target, String measured, boolean passed, List<String> evidence) {
        Path dir = Path.of(System.getProperty("reliability.report", "target/reliability"));
        StringBuilder entry = new StringBuilder().append("\n## ").append(check).append(passed ? " — passed" : " — FAILED")
                .append("\n\n- target: ").append(target).append("\n- measured: ").append(measured).append("\n\n```\n");
        evidence.forEach(line -> entry.append(line).append('\n'));
        entry.append("```\n");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Files.writeString(dir.resolve("results.tsv"), (passed ? "passed" : "failed") + "\t" + check + "\t"
                    + measured.replace('\t', ' ').replace('\n', ' ') + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(passed, check + ": target " + target + ", measured " + measured);
    }
}

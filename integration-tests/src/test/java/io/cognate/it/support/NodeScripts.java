package io.cognate.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Node scripts of {@code src/test/node}, which drive JavaScript clients (amazon-cognito-identity-js, ...)
 * unchanged but for the endpoint. Each prints its outcome as one line of JSON, its last.
 */
public final class NodeScripts {
    public static final Path DIR = moduleDir().resolve("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeScripts() {
    }

    /** Installs the libraries package-lock.json pins (`npm ci`), unless they are there since it last changed. */
    public static synchronized void install() {
        Path installed = DIR.resolve("node_modules/.package-lock.json");
        try {
            if (Files.exists(installed) && Files.getLastModifiedTime(installed)
                    .compareTo(Files.getLastModifiedTime(DIR.resolve("package-lock.json"))) >= 0) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(npm.waitFor(180, TimeUnit.SECONDS), "npm ci timed out");
            assertEquals(0, npm.exitValue(), () -> "npm ci failed:\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code script} with {@code args}, {@code stdin} written to it (secrets stay off the command line). */
    public static JsonNode run(String script, List<String> args, Map<String, String> env, String stdin) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(env);
            Process node = builder.start();
            try (OutputStream in = node.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("node " + script + " did not finish within 60 s");
            }
            String stdout = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String last = stdout.substring(stdout.lastIndexOf('\n') + 1);
            try {
                return JSON.readTree(last);
            } catch (IOException e) {
                throw new AssertionError(script + " printed no JSON (exit " + node.exitValue() + "): " + stdout, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        Path dir = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
        return Files.isDirectory(dir.resolve("src/test/node")) ? dir : dir.resolve("integration-tests");
    }
}

package io.cognate.reliability;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.cognate.it.support.Stack;

/** The services' logs from a mark on: how many stack-trace lines each logged since (Kafka's own log aside). */
final class ServiceLogs {
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w.$]+\\(.*\\)$", Pattern.MULTILINE);

    private final Map<Path, Long> sizes = new HashMap<>();

    private ServiceLogs() {
    }

    /** Every log's size now. */
    static ServiceLogs mark() throws IOException {
        ServiceLogs mark = new ServiceLogs();
        for (Path log : Stack.get().logFiles()) {
            mark.sizes.put(log, Files.size(log));
        }
        return mark;
    }

    /** Stack-trace lines appended since the mark, by log file name (only those with some). */
    Map<String, Integer> stackTraceLines() throws IOException {
        Map<String, Integer> lines = new TreeMap<>();
        for (Map.Entry<Path, Long> log : sizes.entrySet()) {
            int frames = (int) STACK_FRAME.matcher(appended(log.getKey(), log.getValue())).results().count();
            if (frames > 0 && !log.getKey().getFileName().toString().startsWith("kafka")) {
                lines.put(log.getKey().getFileName().toString(), frames);
            }
        }
        return lines;
    }

    private static String appended(Path log, long from) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= from) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - from, 64L << 20)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}

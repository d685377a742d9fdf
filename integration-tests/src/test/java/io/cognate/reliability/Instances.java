package io.cognate.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cognate.it.support.Stack;

/**
 * The service instances behind the stack's haproxy, as its statistics list them, and what an operator does to them:
 * a graceful stop and start (deploy/services.sh), a {@code kill -9}.
 */
final class Instances {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One server of one haproxy backend: the backend is a service's short name (user-pool), the server iN. */
    record Instance(String backend, String server, String status) {
        /** The stack's name for it: user-pool-service, user-pool-service@2, trigger-gateway@3. */
        String name() {
            String module = backend.equals("trigger-gateway") ? backend : backend + "-service";
            return server.equals("i1") ? module : module + "@" + server.substring(1);
        }
    }

    private Instances() {
    }

    /** The HTTP backends' servers (not the gRPC ones: the same instances), from haproxy's statistics. */
    static List<Instance> all() {
        List<Instance> instances = new ArrayList<>();
        for (String line : stats().split("\n")) {
            String[] fields = line.split(",");
            if (fields.length > 17 && !line.startsWith("#") && !fields[0].endsWith("-grpc") && !fields[0].equals("stats")
                    && !fields[1].equals("FRONTEND") && !fields[1].equals("BACKEND") && !fields[1].endsWith("-open")) {
                instances.add(new Instance(fields[0], fields[1], fields[17]));
            }
        }
        return instances;
    }

    /** The instances of services that run more than one: those a rolling restart or a kill may take out. */
    static List<Instance> replicated() {
        List<Instance> all = all();
        return all.stream().filter(i -> all.stream().filter(o -> o.backend().equals(i.backend())).count() > 1)
                .toList();
    }

    static String stats() {
        String url = "http://127.0.0.1:" + (Integer.parseInt(Stack.get().value("COGNATE_BALANCED_USER_POOL")
                .replaceAll(".*:", "")) + 9) + "/;csv";
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until haproxy counts every server of every backend (HTTP and gRPC) UP again. */
    static void awaitAllUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean up = true;
            for (String line : stats().split("\n")) {
                String[] fields = line.split(",");
                if (fields.length > 17 && !line.startsWith("#") && !fields[1].equals("FRONTEND")
                        && !fields[1].endsWith("-open") && !fields[0].equals("stats") && !fields[17].startsWith("UP")) {
                    up = false;
                }
            }
            if (up) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("haproxy did not see every instance up within " + timeout);
    }

    /** A graceful stop (SIGTERM: not ready, drain, exit), as deploy/services.sh does it. */
    static void stop(String name) {
        Stack.get().deployScript("services.sh", "stop", name);
    }

    /** Starts an instance and waits until it is ready. */
    static void start(String name) {
        Stack.get().deployScript("services.sh", "start", name);
    }

    /** SIGKILL: the instance dies with whatever it was doing. */
    static void kill(String name) {
        Path pidFile = Path.of(System.getProperty("cognate.state"), "pids", name + ".pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"))
                    .destroyForcibly();
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

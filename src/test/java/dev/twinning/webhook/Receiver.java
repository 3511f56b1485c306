package dev.twinning.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: an HTTP server on 127.0.0.1 that records every request and answers each path
 * with the statuses scripted for it, then 200. Its signature check is written from the Standard Webhooks
 * specification, independently of the signing code under test.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, Map<String, List<String>> headers, String body, long receivedAtMillis) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

    private Receiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on a free port, or on {@code port}. */
    public static Receiver start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        Receiver receiver = new Receiver(server);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            String path = exchange.getRequestURI().getPath();
            receiver.received.add(new Received(path, headers, new String(body, StandardCharsets.UTF_8),
                    System.currentTimeMillis()));
            Deque<Integer> script = receiver.scripts.get(path);
            Integer status = script == null ? null : script.pollFirst();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return receiver;
    }

    public static Receiver start() throws IOException {
        return start(0);
    }

    /** The URL of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The next requests to {@code path} get these statuses, in order; later ones 200. */
    public void script(String path, Integer... statuses) {
        scripts.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Waits until {@code count} requests to {@code path} match, and answers them; fails after {@code timeout}. */
    public List<Received> await(String path, Predicate<Received> matching, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> found;
        do {
            found = received(path).stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Expected " + count + " matching requests to " + path + " within " + timeout + "; got "
                + found.size() + " of " + received(path).size() + ": " + received(path));
    }

    /**
     * Whether one of the request's signatures is HMAC-SHA256 of {@code id.timestamp.body} keyed with the base64
     * bytes after {@code whsec_}: Standard Webhooks v1, section "Signature scheme".
     */
    public static boolean signedWith(Received request, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
                    + request.body()).getBytes(StandardCharsets.UTF_8));
            for (String signature : request.header("webhook-signature").split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Received> all() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

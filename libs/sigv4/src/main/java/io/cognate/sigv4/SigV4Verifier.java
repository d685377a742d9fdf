package io.cognate.sigv4;

import static io.cognate.sigv4.SignatureRejectedException.Reason.INVALID_SIGNATURE;
import static io.cognate.sigv4.SignatureRejectedException.Reason.MISSING_AUTHENTICATION_TOKEN;
import static io.cognate.sigv4.SignatureRejectedException.Reason.UNRECOGNIZED_CLIENT;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an AWS Signature Version 4 (header form) against known credentials, as AWS does for IAM-authorized
 * actions: the canonical request is rebuilt from what arrived, so a changed header or body breaks the signature.
 */
public final class SigV4Verifier {
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What arrived: method, raw path, raw query (or null), headers by lower-case name, body. */
    public record SignedRequest(String method, String path, String query, Function<String, List<String>> headers,
            byte[] body) {
    }

    private final Function<String, Optional<String>> secretOf;
    private final Clock clock;

    /** Checks signatures by the secret of each access key id {@code secretOf} knows (empty: an unknown key). */
    public SigV4Verifier(Function<String, Optional<String>> secretOf, Clock clock) {
        this.secretOf = secretOf;
        this.clock = clock;
    }

    /** Checks signatures by a fixed set of credentials: secret access keys by access key id. */
    public SigV4Verifier(Map<String, String> secretsByAccessKey, Clock clock) {
        this(fixed(Map.copyOf(secretsByAccessKey)), clock);
    }

    private static Function<String, Optional<String>> fixed(Map<String, String> secrets) {
        return accessKeyId -> Optional.ofNullable(secrets.get(accessKeyId));
    }

    /** Returns the access key id that signed the request, or throws why the signature does not hold. */
    public String verify(SignedRequest request) {
        String authorization = first(request, "authorization");
        if (authorization == null || authorization.isBlank()) {
            throw rejected(MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
        }
        Authorization auth = Authorization.parse(authorization);
        String secret = secretOf.apply(auth.accessKeyId()).orElse(null);
        if (secret == null) {
            throw rejected(UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }
        String amzDate = first(request, "x-amz-date");
        Instant signedAt = parseAmzDate(amzDate);
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw rejected(INVALID_SIGNATURE, "Signature expired: %s is now earlier than %s (%s - 15 min.)",
                    amzDate, AMZ_DATE.format(now.minus(MAX_SKEW)), AMZ_DATE.format(now));
        }
        if (!auth.date().equals(amzDate.substring(0, 8)) || !auth.signedHeaders().contains("host")) {
            throw rejected(INVALID_SIGNATURE, "Credential should be scoped to a valid date and sign the host header.");
        }
        String canonical = canonicalRequest(request, auth.signedHeaders());
        String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(bytes(canonical)));
        byte[] key = signingKey(secret, auth.date(), auth.region(), auth.service());
        byte[] expected = bytes(hex(hmac(key, stringToSign)));
        if (!MessageDigest.isEqual(expected, bytes(auth.signature()))) {
            throw rejected(INVALID_SIGNATURE, "The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
                    + "for details.");
        }
        return auth.accessKeyId();
    }

    private static String canonicalRequest(SignedRequest request, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().apply(name);
            if (values == null || values.isEmpty()) {
                throw rejected(INVALID_SIGNATURE, "Signed header '%s' is missing from the request.", name);
            }
            List<String> canonicalValues = values.stream().map(v -> v.trim().replaceAll(" +", " ")).toList();
            headers.append(name).append(':').append(String.join(",", canonicalValues)).append('\n');
        }
        return request.method() + "\n" + canonicalPath(request.path()) + "\n" + canonicalQuery(request.query()) + "\n"
                + headers + "\n" + String.join(";", signedHeaders) + "\n" + hex(sha256(request.body()));
    }

    private static String canonicalPath(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(encode(URLDecoder.decode(segment, StandardCharsets.UTF_8)));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> params = new TreeMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(encode(name), k -> new ArrayList<>()).add(encode(value));
        }
        List<String> parts = new ArrayList<>();
        params.forEach((name, values) -> values.stream().sorted().forEach(v -> parts.add(name + "=" + v)));
        return String.join("&", parts);
    }

    /** RFC 3986 unreserved characters stay; everything else is percent-encoded, as SigV4 requires. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static Instant parseAmzDate(String amzDate) {
        if (amzDate == null) {
            throw rejected(INVALID_SIGNATURE, "Authorization header requires existence of either a 'X-Amz-Date' or "
                    + "a 'Date' header.");
        }
        try {
            return Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw rejected(INVALID_SIGNATURE, "X-Amz-Date must be in the ISO8601 basic format yyyyMMdd'T'HHmmss'Z'.");
        }
    }

    private static String first(SignedRequest request, String name) {
        List<String> values = request.headers().apply(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static SignatureRejectedException rejected(SignatureRejectedException.Reason reason, String format,
            Object... args) {
        return new SignatureRejectedException(reason, args.length == 0 ? format : String.format(format, args));
    }

    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(bytes("AWS4" + secret), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(bytes(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=a;b, Signature=hex}. */
    record Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
            String signature) {
        static Authorization parse(String header) {
            if (!header.startsWith(ALGORITHM + " ")) {
                throw rejected(INVALID_SIGNATURE, "Only the AWS4-HMAC-SHA256 signing algorithm is supported.");
            }
            Map<String, String> parts = new TreeMap<>();
            for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
            String[] credential = parts.getOrDefault("Credential", "").split("/");
            String signedHeaders = parts.get("SignedHeaders");
            String signature = parts.get("Signature");
            if (credential.length != 5 || !"aws4_request".equals(credential[4]) || signedHeaders == null
                    || signature == null) {
                throw rejected(INVALID_SIGNATURE, "Authorization header requires 'Credential', 'SignedHeaders' and "
                        + "'Signature' parameters.");
            }
            List<String> headers = Arrays.stream(signedHeaders.split(";")).map(String::toLowerCase).sorted().toList();
            return new Authorization(credential[0], credential[1], credential[2], credential[3], headers, signature);
        }
    }
}

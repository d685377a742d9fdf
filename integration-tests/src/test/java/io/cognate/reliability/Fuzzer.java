package io.cognate.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * Generates hostile requests for one operation of an {@link ApiModel} from a seeded {@link Random}: a plausible
 * request, then one mutation of it (a member missing, extra, null, of the wrong type, at a boundary length or 1 MB
 * long; invalid UTF-8; deep nesting; a body that is not JSON or not a form; a wrong content type, target, action,
 * version or signature). JSON-protocol requests carry the operation in X-Amz-Target, query-protocol ones (STS, IAM)
 * in the form's Action and Version.
 */
final class Fuzzer {
    /** One request to send: its body, content type, target header (null: none) and how to sign it. */
    record Request(String mutation, byte[] body, String contentType, String target, Signing signing) {
    }

    enum Signing {
        ADMIN,
        NONE,
        FORGED
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int[] LENGTHS = { 0, 1, 2, 3, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 1024, 2047,
            2048, 2049, 4096, 20_000, 131_072 };
    private static final String MEGABYTE = "x".repeat(1_048_576);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.@+=:/ ";
    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "null", "-1", "1e400", "us-east-1_",
            "us-east-1_AAAAAAAAA", "../../etc/passwd", "' OR '1'='1", "<script>alert(1)</script>", "\uD83D\uDE00",
            "\uFFFF", "\u202E", "%00", "${jndi:ldap://127.0.0.1:1/x}", "{{7*7}}", "\r\nX-Injected: 1");

    private final ApiModel model;
    private final Random random;

    Fuzzer(ApiModel model, long seed) {
        this.model = model;
        this.random = new Random(seed);
    }

    Request next(ApiModel.Operation operation) {
        ObjectNode body = structure(operation.members(), 0);
        boolean query = model.queryVersion != null;
        String target = query ? null : model.targetPrefix + operation.name();
        String action = operation.name();
        String version = model.queryVersion;
        String contentType = query ? "application/x-www-form-urlencoded; charset=utf-8" : "application/x-amz-json-1.1";
        Signing signing = random.nextInt(3) == 0 ? Signing.NONE : Signing.ADMIN;
        int kind = random.nextInt(16);
        String mutation;
        byte[] bytes = null;
        ApiModel.Member member = operation.members().isEmpty() ? null
                : operation.members().get(random.nextInt(operation.members().size()));
        switch (kind) {
            case 0 -> mutation = "plausible";
            case 1 -> {
                mutation = "member missing";
                if (member != null) {
                    body.remove(member.name());
                }
            }
            case 2 -> {
                mutation = "extra member";
                body.put("Extra" + random.nextInt(1000), "value");
            }
            case 3 -> {
                mutation = "null member";
                body.putNull(member == null ? "Nothing" : member.name());
            }
            case 4 -> {
                mutation = "wrong type";
                body.set(member == null ? "Nothing" : member.name(), wrongType(member));
            }
            case 5 -> {
                int length = LENGTHS[random.nextInt(LENGTHS.length)];
                mutation = "boundary length " + length;
                body.put(member == null ? "Nothing" : member.name(), text(length));
            }
            case 6 -> {
                mutation = "odd string";
                body.put(member == null ? "Nothing" : member.name(), ODD_STRINGS.get(random.nextInt(
                        ODD_STRINGS.size())));
            }
            case 7 -> {
                mutation = "1 MB string";
                body.put(member == null ? "Nothing" : member.name(), random.nextInt(20) == 0 ? MEGABYTE
                        : text(
                                60_000));
            }
            case 8 -> {
                mutation = "invalid UTF-8";
                byte[] valid = encode(body, action, version);
                bytes = new byte[valid.length + 4];
                System.arraycopy(valid, 0, bytes, 0, valid.length);
                int at = Math.max(1, valid.length - 2);
                System.arraycopy(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE }, 0, bytes, at, 4);
                System.arraycopy(valid, at, bytes, at + 4, valid.length - at);
            }
            case 9 -> {
                int depth = 1 + random.nextInt(20_000);
                mutation = "nesting " + depth + " deep";
                bytes = (("{\"A\":").repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
                if (random.nextBoolean()) {
                    bytes = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
                }
                if (query) {
                    bytes = ("Action=" + action + "&Version=" + version + "&" + "A.".repeat(depth) + "A=1")
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            case 10 -> {
                mutation = query ? "not a form" : "not JSON";
                List<String> bodies = List.of("", "null", "[]", "\"text\"", "12", "{", "{\"a\":}", "{}}", "<xml/>",
                        "{\"a\":1,\"a\":2}", "\uFEFF{}", "%", "%zz=1", "a=%", "=&=&&", "Action", "a=b=c", "+%2B%00");
                String garbage = bodies.get(random.nextInt(bodies.size()));
                bytes = (query && random.nextBoolean() ? "Action=" + action + "&Version=" + version + "&" + garbage
                        : garbage).getBytes(StandardCharsets.UTF_8);
            }
            case 11 -> {
                List<String> types = List.of("text/plain", "application/json", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "", "application/x-amz-json-1.0", "*/*");
                contentType = types.get(random.nextInt(types.size()));
                mutation = "content type '" + contentType + "'";
            }
            case 12 -> {
                if (query) {
                    List<String> actions = List.of("", "NoSuchAction", action.toLowerCase(), action + " ",
                            "AssumeRole", "CreateRole");
                    List<String> versions = List.of("", "2011-06-15", "2010-05-08", "2099-01-01", version + "x");
                    if (random.nextBoolean()) {
                        action = random.nextInt(6) == 0 ? null : actions.get(random.nextInt(actions.size()));
                    } else {
                        version = random.nextInt(6) == 0 ? null : versions.get(random.nextInt(versions.size()));
                    }
                    mutation = "action '" + action + "', version '" + version + "'";
                    break;
                }
                List<String> targets = List.of("", model.targetPrefix, model.targetPrefix + "NoSuchAction",
                        operation.name(), model.targetPrefix + operation.name().toLowerCase(),
                        "AWSCognitoIdentityProviderService.." + operation.name());
                target = random.nextInt(8) == 0 ? null : targets.get(random.nextInt(targets.size()));
                mutation = "target '" + target + "'";
            }
            case 13 -> {
                mutation = "forged signature";
                signing = Signing.FORGED;
            }
            case 14 -> {
                mutation = "wrong types everywhere";
                for (ApiModel.Member each : operation.members()) {
                    body.set(each.name(), wrongType(each));
                }
            }
            default -> {
                mutation = "structure of odd members";
                for (ApiModel.Member each : operation.members()) {
                    if (random.nextBoolean()) {
                        body.set(each.name(), value(each, 0, true));
                    }
                }
            }
        }
        return new Request(mutation, bytes != null ? bytes : encode(body, action, version), contentType, target,
                signing);
    }

    /**
     * The body: the JSON protocol's document, or the query protocol's form ({@code Action}, {@code Version}, then
     * each member flattened: {@code A.B} for a structure's member, {@code A.member.N} for a list's element).
     */
    private byte[] encode(ObjectNode body, String action, String version) {
        if (model.queryVersion == null) {
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder form = new StringBuilder();
        if (action != null) {
            form.append("Action=").append(formEncoded(action));
        }
        if (version != null) {
            form.append("&Version=").append(formEncoded(version));
        }
        flatten("", body, form);
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void flatten(String name, JsonNode node, StringBuilder form) {
        if (node.isObject()) {
            node.fields().forEachRemaining(member -> flatten(name.isEmpty() ? member.getKey()
                    : name + "." + member.getKey(), member.getValue(), form));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(name + ".member." + (i + 1), node.get(i), form);
            }
        } else {
            form.append('&').append(formEncoded(name)).append('=').append(node.isNull() ? ""
                    : formEncoded(node.asText()));
        }
    }

    private static String formEncoded(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private ObjectNode structure(List<ApiModel.Member> members, int depth) {
        ObjectNode node = NODES.objectNode();
        for (ApiModel.Member member : members) {
            if (random.nextInt(4) > 0) {
                node.set(member.name(), value(member, depth, false));
            }
        }
        return node;
    }

    private JsonNode value(ApiModel.Member member, int depth, boolean odd) {
        MarshallingType<?> type = member.type();
        if (type == MarshallingType.STRING) {
            return NODES.textNode(odd ? ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()))
                    : text(1 + random.nextInt(
                            24)));
        }
        if (type == MarshallingType.INTEGER || type == MarshallingType.LONG) {
            long[] values = { 0, 1, -1, 5, 60, 3600, Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE };
            return NODES.numberNode(odd ? values[random.nextInt(values.length)] : random.nextInt(100));
        }
        if (type == MarshallingType.BOOLEAN) {
            return NODES.booleanNode(random.nextBoolean());
        }
        if (type == MarshallingType.INSTANT || type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT) {
            return NODES.numberNode(odd ? -1e300 : 1.7e9 + random.nextInt(1000));
        }
        if (type == MarshallingType.LIST) {
            ArrayNode list = NODES.arrayNode();
            int size = odd ? random.nextInt(200) : random.nextInt(3);
            for (int i = 0; i < size && depth < 8; i++) {
                list.add(value(member.element(), depth + 1, odd));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            ObjectNode map = NODES.objectNode();
            int size = odd ? random.nextInt(100) : random.nextInt(3);
            for (int i = 0; i < size && depth < 8; i++) {
                map.set(text(1 + random.nextInt(12)), value(member.element(), depth + 1, odd));
            }
            return map;
        }
        if (type == MarshallingType.SDK_POJO) {
            return structure(member.members(), depth + 1);
        }
        return NODES.textNode(text(8));
    }

    private JsonNode wrongType(ApiModel.Member member) {
        List<JsonNode> candidates = List.of(NODES.numberNode(42), NODES.textNode("text"), NODES.booleanNode(true),
                NODES.arrayNode().add(1), NODES.objectNode().put("a", 1), NODES.numberNode(1.5), NODES.numberNode(
                        new java.math.BigInteger("1" + "0".repeat(40))));
        JsonNode pick;
        do {
            pick = candidates.get(random.nextInt(candidates.size()));
        } while (member != null && sameType(member.type(), pick));
        return pick;
    }

    private static boolean sameType(MarshallingType<?> type, JsonNode node) {
        return (type == MarshallingType.STRING && node.isTextual()) || (type == MarshallingType.BOOLEAN
                && node.isBoolean())
                || ((type == MarshallingType.INTEGER || type == MarshallingType.LONG)
                        && node.isIntegralNumber() && node.canConvertToInt())
                || (type == MarshallingType.LIST
                        && node.isArray())
                || ((type == MarshallingType.MAP || type == MarshallingType.SDK_POJO)
                        && node.isObject());
    }

    private String text(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}

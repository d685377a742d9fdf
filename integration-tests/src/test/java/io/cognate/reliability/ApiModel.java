package io.cognate.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarFile;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * A service's API model as the AWS SDK for Java v2 carries it (generated from the same model as Cognito's API
 * reference): each operation's name and its request's members with their types, nested structures, lists and maps;
 * and the error types the service declares (the SDK's exception classes). The fuzzer builds its requests from it.
 */
final class ApiModel {
    /** A member: its wire name and type; for a list its element, for a map its value, for a structure its members. */
    record Member(String name, MarshallingType<?> type, Member element, List<Member> members) {
    }

    record Operation(String name, List<Member> members) {
    }

    /** For the JSON protocol, the X-Amz-Target's prefix; for the query protocol, null. */
    final String targetPrefix;
    /** For the query protocol (STS, IAM), the API's {@code Version}; for the JSON protocol, null. */
    final String queryVersion;
    final String signingName;
    final List<Operation> operations;
    final Set<String> errorTypes;

    private ApiModel(String targetPrefix, String queryVersion, String signingName, List<Operation> operations,
            Set<String> errorTypes) {
        this.targetPrefix = targetPrefix;
        this.queryVersion = queryVersion;
        this.signingName = signingName;
        this.operations = operations;
        this.errorTypes = errorTypes;
    }

    /**
     * The model of the service whose synchronous client interface is {@code client}, whose requests extend
     * {@code requestBase} and whose errors extend {@code errorBase}.
     */
    static ApiModel of(Class<?> client, Class<?> requestBase, Class<?> errorBase, String targetPrefix,
            String signingName) {
        return new ApiModel(targetPrefix, null, signingName, operations(client, requestBase, name -> true),
                errorTypes(errorBase));
    }

    /**
     * The model of a query-protocol service (STS, IAM) of API version {@code version}, its operations limited to those
     * {@code implemented} accepts. Its error codes are the exception classes' names without "Exception" (IAM's
     * NoSuchEntityException is the code NoSuchEntity; STS's ExpiredTokenException keeps it), compared ignoring case
     * (IdpRejectedClaimException is IDPRejectedClaim).
     */
    static ApiModel query(Class<?> client, Class<?> requestBase, Class<?> errorBase, String version,
            String signingName, Predicate<String> implemented) {
        Set<String> codes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String type : errorTypes(errorBase)) {
            codes.add(type);
            codes.add(type.replaceFirst("Exception$", ""));
        }
        return new ApiModel(null, version, signingName, operations(client, requestBase, implemented), codes);
    }

    private static List<Operation> operations(Class<?> client, Class<?> requestBase, Predicate<String> included) {
        List<Operation> operations = new ArrayList<>();
        for (Method method : client.getMethods()) {
            if (method.getParameterCount() == 1 && requestBase.isAssignableFrom(method.getParameterTypes()[0])
                    && operations.stream().noneMatch(o -> o.name().equalsIgnoreCase(method.getName()))) {
                try {
                    SdkPojo builder = (SdkPojo) method.getParameterTypes()[0].getMethod("builder").invoke(null);
                    String name = Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
                    if (included.test(name)) {
                        operations.add(new Operation(name, members(builder.sdkFields(), 0)));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::name));
        return operations;
    }

    private static List<Member> members(List<SdkField<?>> fields, int depth) {
        List<Member> members = new ArrayList<>();
        for (SdkField<?> field : fields) {
            members.add(member(field, depth));
        }
        return members;
    }

    private static Member member(SdkField<?> field, int depth) {
        MarshallingType<?> type = field.marshallingType();
        Member element = null;
        List<Member> members = List.of();
        if (type == MarshallingType.LIST) {
            element = member(field.getTrait(ListTrait.class).memberFieldInfo(), depth + 1);
        } else if (type == MarshallingType.MAP) {
            element = member(field.getTrait(MapTrait.class).valueFieldInfo(), depth + 1);
        } else if (type == MarshallingType.SDK_POJO && depth < 6) {
            members = members(field.constructor().get().sdkFields(), depth + 1);
        }
        return new Member(field.locationName(), type, element, members);
    }

    /** The simple names of every exception class beside {@code errorBase} that extends it. */
    private static Set<String> errorTypes(Class<?> errorBase) {
        Set<String> types = new TreeSet<>();
        String prefix = errorBase.getPackageName().replace('.', '/') + "/";
        try (JarFile jar = new JarFile(Path.of(errorBase.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toFile())) {
            jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(prefix) && n.endsWith("Exception.class")
                    && n.indexOf('/', prefix.length()) < 0 && !n.contains("$")).forEach(n -> {
                        try {
                            Class<?> type = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'));
                            if (errorBase.isAssignableFrom(type) && type != errorBase) {
                                types.add(type.getSimpleName());
                            }
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }
}

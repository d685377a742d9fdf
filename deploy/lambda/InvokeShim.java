import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local host for one Java Lambda handler ({@code RequestHandler<I, O>}, e.g. with aws-lambda-java-events' types)
 * that answers the Lambda Invoke API as the runtime interface emulator does, so trigger-gateway can run it unchanged:
 *
 * <pre>
 * java -cp "handler.jar:aws-lambda-java-core.jar:aws-lambda-java-events.jar:jackson-databind.jar:..." \
 *     deploy/lambda/InvokeShim.java --port 8832 [--name NAME] com.example.PreSignUpHandler
 * </pre>
 *
 * POST /2015-03-31/functions/function/invocations (or .../NAME/invocations) turns the body into the handler's input
 * type with Jackson, calls {@code handleRequest(input, context)} and answers the result as JSON; a thrown exception
 * as HTTP 200 and {errorMessage, errorType, stackTrace}, as the emulator answers. The context is a stand-in whose
 * methods answer the function's name, a request id and defaults.
 */
public final class InvokeShim {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static void main(String[] args) throws Exception {
        int port = 8832;
        String name = "function";
        String handlerClass = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--name" -> name = args[++i];
                default -> handlerClass = args[i];
            }
        }
        if (handlerClass == null) {
            System.err.println("usage: InvokeShim [--port PORT] [--name NAME] HANDLER_CLASS");
            System.exit(2);
        }
        Object handler = Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        Method handleRequest = handleRequest(handler.getClass());
        Type input = inputType(handler.getClass());
        List<String> paths = List.of("/2015-03-31/functions/function/invocations",
                "/2015-03-31/functions/" + name + "/invocations");
        String function = name;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            try {
                if (!"POST".equals(exchange.getRequestMethod()) || !paths.contains(exchange.getRequestURI().getPath())) {
                    answer(exchange, 404, "{\"Type\":\"User\",\"message\":\"Function not found\"}");
                    return;
                }
                Object event = JSON.readValue(exchange.getRequestBody(), JSON.constructType(input));
                String requestId = UUID.randomUUID().toString();
                try {
                    Object result = handleRequest.invoke(handler, event, context(handleRequest, function, requestId));
                    answer(exchange, 200, JSON.writeValueAsString(result));
                } catch (InvocationTargetException thrown) {
                    answer(exchange, 200, JSON.writeValueAsString(error(thrown.getCause(), requestId)));
                } catch (ReflectiveOperationException e) {
                    answer(exchange, 500, "{\"message\":\"the handler could not be called\"}");
                }
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        System.out.println("InvokeShim: " + handlerClass + " on http://127.0.0.1:" + port);
    }

    /** The handler's {@code handleRequest(input, context)}, the bridge method of a generic handler left out. */
    private static Method handleRequest(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2 && !method.isBridge()) {
                return method;
            }
        }
        throw new IllegalArgumentException(type + " has no handleRequest(input, context)");
    }

    /** I of the handler's {@code RequestHandler<I, O>}, else the declared parameter type. */
    private static Type inputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType generic
                        && generic.getRawType().getTypeName().equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
                    return generic.getActualTypeArguments()[0];
                }
            }
        }
        return handleRequest(type).getGenericParameterTypes()[0];
    }

    /** A stand-in for the handler's Context: its name, a request id, 5 s left, 128 MB; null for anything else. */
    private static Object context(Method handleRequest, String function, String requestId) {
        Class<?> type = handleRequest.getParameterTypes()[1];
        long deadline = System.currentTimeMillis() + 5_000;
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            return switch (method.getName()) {
                case "getAwsRequestId" -> requestId;
                case "getFunctionName" -> function;
                case "getFunctionVersion" -> "$LATEST";
                case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:000000000000:function:" + function;
                case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
                case "getMemoryLimitInMB" -> 128;
                case "getLogGroupName" -> "/aws/lambda/" + function;
                case "getLogStreamName" -> "local";
                case "toString" -> "Context(" + function + ")";
                default -> null;
            };
        });
    }

    private static Map<String, Object> error(Throwable thrown, String requestId) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorMessage", String.valueOf(thrown.getMessage()));
        error.put("errorType", thrown.getClass().getName());
        error.put("requestId", requestId);
        error.put("stackTrace", trace.toString().lines().skip(1).map(String::strip).toList());
        return error;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

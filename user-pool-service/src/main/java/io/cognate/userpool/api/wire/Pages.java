package io.cognate.userpool.api.wire;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.model.Page;

/** A page of a listing as Cognito answers it: the items under their member, and the next page's token. */
public final class Pages {
    private Pages() {
    }

    public static <T> ObjectNode write(Page<T> page, String itemsField, String tokenField,
            Function<T, ? extends JsonNode> item) {
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray(itemsField);
        page.items().forEach(i -> items.add(item.apply(i)));
        if (page.nextToken() != null) {
            response.put(tokenField, page.nextToken());
        }
        return response;
    }
}

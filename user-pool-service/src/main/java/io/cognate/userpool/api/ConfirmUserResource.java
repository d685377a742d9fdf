package io.cognate.userpool.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.cognate.awsjson.Json;
import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.messaging.HtmlEscape;
import io.cognate.userpool.service.SignUpService;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /confirmUser?client_id=..&user_name=..&confirmation_code=..}: the link a CONFIRM_WITH_LINK
 * verification mail carries, with Cognito's query parameters. It confirms the sign-up and answers a small HTML page;
 * a bad link gets the error's message, never a stack trace.
 */
@Path("/confirmUser")
public class ConfirmUserResource {
    private final SignUpService signUps;

    public ConfirmUserResource(SignUpService signUps) {
        this.signUps = signUps;
    }

    @GET
    public Uni<Response> confirm(@QueryParam("client_id") String clientId, @QueryParam("user_name") String username,
            @QueryParam("confirmation_code") String code) {
        return Uni.createFrom().deferred(() -> {
            Params link = new Params(Json.object().put("ClientId", clientId).put("Username", username)
                    .put("ConfirmationCode", code));
            return signUps.confirmByLink(link.clientId(), link.username(),
                    link.required("ConfirmationCode", 1, 2048, Params.USERNAME));
        })
                .map(done -> page(200, "Your registration has been confirmed!"))
                .onFailure(CognitoException.class).recoverWithItem(e -> page(((CognitoException) e).error().status(),
                        "The link could not confirm the registration: " + e.getMessage()));
    }

    private static Response page(int status, String message) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Confirm registration</title></head>"
                + "<body><p>" + HtmlEscape.text(message) + "</p></body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html).build();
    }
}

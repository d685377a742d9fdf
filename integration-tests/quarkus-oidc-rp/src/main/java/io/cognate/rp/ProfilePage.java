package io.cognate.rp;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.UserInfo;
import io.quarkus.security.Authenticated;

/**
 * The app's one protected page: quarkus-oidc signs the visitor in at the issuer (the code flow) and the page shows
 * who it is, from the verified ID token and from userInfo.
 */
@Path("/profile")
@Authenticated
public class ProfilePage {
    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    UserInfo userInfo;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String profile() {
        return "sub=" + idToken.getSubject() + "\nusername=" + idToken.getClaim("cognito:username") + "\nemail="
                + userInfo.getString("email");
    }
}

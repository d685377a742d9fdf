package io.cognate.userpool.api.hosted;

import io.cognate.contracts.userpool.v1.Authenticated;
import io.cognate.contracts.userpool.v1.Challenge;
import io.cognate.contracts.userpool.v1.ClientTokenCustomization;
import io.cognate.contracts.userpool.v1.CodeDelivery;
import io.cognate.contracts.userpool.v1.Domain;
import io.cognate.contracts.userpool.v1.IssuedTokens;
import io.cognate.contracts.userpool.v1.SignInStep;
import io.cognate.userpool.api.wire.SignInJson;
import io.cognate.userpool.auth.HostedTokens;
import io.cognate.userpool.auth.SignInOutcome;
import io.cognate.userpool.model.CodeDeliveryDetails;
import io.cognate.userpool.repository.DomainEntity;

/** The flows' results as the hosted edge answers them; proto3 strings are never null, so nulls become "". */
final class HostedReplies {
    private HostedReplies() {
    }

    static Domain domain(DomainEntity domain) {
        return Domain.newBuilder().setDomain(domain.domain).setUserPoolId(domain.poolId).setCustom(domain.custom)
                .build();
    }

    static SignInStep step(SignInOutcome outcome) {
        if (outcome instanceof SignInOutcome.Authenticated user) {
            return SignInStep.newBuilder().setAuthenticated(Authenticated.newBuilder().setUserPoolId(user.poolId())
                    .setSub(user.sub()).setUsername(user.username()).setAuthTime(user.authTime())
                    .addAllAmr(user.amr())).build();
        }
        SignInOutcome.Challenge challenge = (SignInOutcome.Challenge) outcome;
        Challenge.Builder built = Challenge.newBuilder().setName(challenge.name()).setSession(challenge.session());
        challenge.parameters().forEach((name, value) -> built.putParameters(name, SignInJson.parameterText(value)));
        return SignInStep.newBuilder().setChallenge(built).build();
    }

    static IssuedTokens tokens(SignInOutcome.Tokens tokens) {
        return IssuedTokens.newBuilder().setAccessToken(tokens.accessToken())
                .setIdToken(tokens.idToken() == null ? "" : tokens.idToken())
                .setRefreshToken(tokens.refreshToken() == null ? "" : tokens.refreshToken())
                .setExpiresIn(tokens.expiresIn()).setOriginJti(tokens.originJti() == null ? "" : tokens.originJti())
                .build();
    }

    static CodeDelivery delivery(boolean confirmed, CodeDeliveryDetails details) {
        CodeDelivery.Builder delivery = CodeDelivery.newBuilder().setConfirmed(confirmed);
        if (details != null) {
            delivery.setDestination(details.destination()).setDeliveryMedium(details.deliveryMedium())
                    .setAttributeName(details.attributeName());
        }
        return delivery.build();
    }

    static ClientTokenCustomization clientToken(HostedTokens.ClientToken token) {
        return ClientTokenCustomization.newBuilder().addAllScopes(token.scopes())
                .setAccessTokenClaimsJson(token.customization().accessClaimsJson())
                .addAllAccessTokenClaimsToSuppress(token.customization().accessClaimsToSuppress()).build();
    }
}

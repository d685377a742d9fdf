package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.TestPools;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListResourceServersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerType;

/** Resource servers and their custom scopes through the AWS SDK. */
class ResourceServersTest {
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    static ResourceServerScopeType scope(String name) {
        return ResourceServerScopeType.builder().scopeName(name).scopeDescription("The " + name + " scope").build();
    }

    @Test
    void createWhenNewThenDescribedListedUpdatedAndDeleted() {
        String poolId = TestPools.createPool(b -> {
        });
        ResourceServerType created = admin.createResourceServer(b -> b.userPoolId(poolId).identifier("orders-api")
                .name("Orders").scopes(scope("read"), scope("write"))).resourceServer();
        assertEquals(List.of("read", "write"), created.scopes().stream().map(ResourceServerScopeType::scopeName)
                .toList());
        admin.createResourceServer(b -> b.userPoolId(poolId).identifier("https://billing.example.com")
                .name("Billing"));

        ListResourceServersResponse first = admin.listResourceServers(b -> b.userPoolId(poolId).maxResults(1));
        assertEquals(1, first.resourceServers().size());
        ListResourceServersResponse second = admin.listResourceServers(b -> b.userPoolId(poolId).maxResults(1)
                .nextToken(first.nextToken()));
        assertEquals(1, second.resourceServers().size());
        assertNull(second.nextToken());

        admin.updateResourceServer(b -> b.userPoolId(poolId).identifier("orders-api").name("Orders v2")
                .scopes(scope("read")));
        ResourceServerType updated = admin.describeResourceServer(b -> b.userPoolId(poolId).identifier("orders-api"))
                .resourceServer();
        assertEquals("Orders v2", updated.name());
        assertEquals(1, updated.scopes().size());

        admin.deleteResourceServer(b -> b.userPoolId(poolId).identifier("orders-api"));
        Expect.error(ResourceNotFoundException.class, "Resource server orders-api does not exist.",
                () -> admin.describeResourceServer(b -> b.userPoolId(poolId).identifier("orders-api")));
    }

    @Test
    void createWhenIdentifierTakenOrScopeNameHasASlashThenRefused() {
        String poolId = TestPools.createPool(b -> {
        });
        admin.createResourceServer(b -> b.userPoolId(poolId).identifier("api").name("API"));
        Expect.error(InvalidParameterException.class, "api already exists in user pool " + poolId + ".",
                () -> admin.createResourceServer(b -> b.userPoolId(poolId).identifier("api").name("API")));
        Expect.errorMentioning(InvalidParameterException.class, "scopeName",
                () -> admin.createResourceServer(b -> b.userPoolId(poolId).identifier("other").name("Other")
                        .scopes(scope("a/b"))));
    }
}

package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Names;
import io.cognate.it.support.TestPools;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolDomainResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** CreateUserPoolDomain and friends through the AWS SDK: Cognito's rules for prefixes and custom domains. */
class DomainsTest {
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void createDomainWhenPrefixFreeThenActiveAtOnceAndInTheDescribedPool() {
        String poolId = TestPools.createPool(b -> {
        });
        String domain = Names.domainPrefix();
        CreateUserPoolDomainResponse created = admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain(domain));
        assertNull(created.cloudFrontDomain(), "a prefix domain has no CloudFront domain");

        DomainDescriptionType description = admin.describeUserPoolDomain(b -> b.domain(domain)).domainDescription();
        assertEquals(poolId, description.userPoolId());
        assertEquals(domain, description.domain());
        assertEquals(DomainStatusType.ACTIVE, description.status());
        UserPoolType pool = admin.describeUserPool(b -> b.userPoolId(poolId)).userPool();
        assertEquals(domain, pool.domain());
        assertNull(pool.customDomain());
    }

    @Test
    void describeDomainWhenUnknownThenEmptyDescription() {
        DomainDescriptionType description = admin.describeUserPoolDomain(b -> b.domain(Names.domainPrefix()))
                .domainDescription();
        assertNull(description.userPoolId());
        assertNull(description.domain());
    }

    @Test
    void createDomainWhenReservedWordOrBadCharacterOrTakenThenCognitosMessages() {
        String poolId = TestPools.createPool(b -> {
        });
        Expect.error(InvalidParameterException.class, "Domain cannot contain reserved word: cognito",
                () -> admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain("my-cognito-login")));
        Expect.errorMentioning(InvalidParameterException.class, "The domain name contains an invalid character",
                () -> admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain("Upper-Case")));
        String taken = Names.domainPrefix();
        admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain(taken));
        String other = TestPools.createPool(b -> {
        });
        Expect.error(InvalidParameterException.class, "Domain already associated with another user pool.",
                () -> admin.createUserPoolDomain(b -> b.userPoolId(other).domain(taken)));
        Expect.error(InvalidParameterException.class, "User pool already has a domain configured.",
                () -> admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain(Names.domainPrefix())));
    }

    @Test
    void customDomainWhenCreatedThenBesideThePrefixWithItsCertificate() {
        String poolId = TestPools.createPool(b -> {
        });
        String custom = "auth." + Names.domainPrefix() + ".example.com";
        String certificate = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
        CreateUserPoolDomainResponse created = admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain(custom)
                .customDomainConfig(c -> c.certificateArn(certificate)));
        assertTrue(created.cloudFrontDomain() != null && !created.cloudFrontDomain().isEmpty());
        admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain(Names.domainPrefix()));
        UserPoolType pool = admin.describeUserPool(b -> b.userPoolId(poolId)).userPool();
        assertEquals(custom, pool.customDomain());
        assertEquals(certificate, admin.describeUserPoolDomain(b -> b.domain(custom)).domainDescription()
                .customDomainConfig().certificateArn());
    }

    @Test
    void deleteWhenDomainOfAnotherPoolThenRefusedAndPoolWithDomainCannotBeDeleted() {
        String poolId = TestPools.createPool(b -> {
        });
        String domain = Names.domainPrefix();
        admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain(domain));
        String other = TestPools.createPool(b -> {
        });
        Expect.error(InvalidParameterException.class, "No such domain or user pool exists.",
                () -> admin.deleteUserPoolDomain(b -> b.userPoolId(other).domain(domain)));
        Expect.error(InvalidParameterException.class,
                "User pool cannot be deleted. It has a domain configured that should be deleted first.",
                () -> admin.deleteUserPool(b -> b.userPoolId(poolId)));

        admin.deleteUserPoolDomain(b -> b.userPoolId(poolId).domain(domain));
        assertNull(admin.describeUserPool(b -> b.userPoolId(poolId)).userPool().domain());
        admin.deleteUserPool(b -> b.userPoolId(poolId));
    }

    @Test
    void updateDomainWhenManagedLoginVersionChangesThenDescribed() {
        String poolId = TestPools.createPool(b -> {
        });
        String domain = Names.domainPrefix();
        admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain(domain));
        admin.updateUserPoolDomain(b -> b.userPoolId(poolId).domain(domain).managedLoginVersion(2));
        assertEquals(2, admin.describeUserPoolDomain(b -> b.domain(domain)).domainDescription().managedLoginVersion());
        Expect.error(InvalidParameterException.class,
                "User pool should have a custom domain associated, failed to update the certificate.",
                () -> admin.updateUserPoolDomain(b -> b.userPoolId(poolId).domain(domain)
                        .customDomainConfig(c -> c.certificateArn("arn:aws:acm:us-east-1:123456789012:certificate/x"))));
    }
}

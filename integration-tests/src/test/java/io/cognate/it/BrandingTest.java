package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Names;
import io.cognate.it.support.TestPools;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ManagedLoginBrandingExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ManagedLoginBrandingType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UICustomizationType;

/** The classic UI's customization and managed-login branding through the AWS SDK: stored and returned. */
class BrandingTest {
    /** The smallest PNG: 1x1, transparent. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void uiCustomizationWhenSetForAllThenEveryClientGetsItUntilItHasItsOwn() {
        String poolId = TestPools.createPool(b -> {
        });
        String clientId = TestPools.client(poolId, b -> {
        }).clientId();
        Expect.error(InvalidParameterException.class, "A domain must be associated with this user pool.",
                () -> admin.setUICustomization(b -> b.userPoolId(poolId).css(".label-customizable {color: red;}")));
        admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain(Names.domainPrefix()));

        UICustomizationType all = admin.setUICustomization(b -> b.userPoolId(poolId)
                .css(".label-customizable {color: red;}").imageFile(SdkBytes.fromByteArray(PNG))).uiCustomization();
        assertEquals("ALL", all.clientId());
        assertNotNull(all.cssVersion());
        assertEquals(".label-customizable {color: red;}", admin.getUICustomization(b -> b.userPoolId(poolId)
                .clientId(clientId)).uiCustomization().css());

        admin.setUICustomization(b -> b.userPoolId(poolId).clientId(clientId).css(".banner-customizable {}"));
        assertEquals(".banner-customizable {}", admin.getUICustomization(b -> b.userPoolId(poolId)
                .clientId(clientId)).uiCustomization().css());
        Expect.errorMentioning(InvalidParameterException.class, "CSS",
                () -> admin.setUICustomization(b -> b.userPoolId(poolId).css("</style><script>alert(1)</script>")));
        Expect.errorMentioning(InvalidParameterException.class, "PNG or JPEG",
                () -> admin.setUICustomization(b -> b.userPoolId(poolId)
                        .imageFile(SdkBytes.fromUtf8String("<svg/>"))));
    }

    @Test
    void managedLoginBrandingWhenCreatedThenOnePerClientDescribedUpdatedAndDeleted() {
        String poolId = TestPools.createPool(b -> {
        });
        String clientId = TestPools.client(poolId, b -> {
        }).clientId();
        Expect.error(InvalidParameterException.class, "useCognitoProvidedValues or settings should be specified (but "
                + "not both)", () -> admin.createManagedLoginBranding(b -> b.userPoolId(poolId).clientId(clientId)));

        Document settings = Document.fromMap(Map.of("components", Document.fromMap(Map.of("primaryButton",
                Document.fromMap(Map.of("lightMode", Document.fromMap(Map.of("defaults", Document.fromMap(Map.of(
                        "backgroundColor", Document.fromString("aa2200ff")))))))))));
        ManagedLoginBrandingType created = admin.createManagedLoginBranding(b -> b.userPoolId(poolId)
                .clientId(clientId).settings(settings).assets(a -> a.category("FORM_LOGO").colorMode("LIGHT")
                        .extension("PNG").bytes(SdkBytes.fromByteArray(PNG))))
                .managedLoginBranding();
        assertFalse(created.useCognitoProvidedValues());
        assertEquals(settings, created.settings());
        Expect.error(ManagedLoginBrandingExistsException.class, "A ManagedLoginBranding already exists for client "
                + clientId,
                () -> admin.createManagedLoginBranding(b -> b.userPoolId(poolId).clientId(clientId)
                        .useCognitoProvidedValues(true)));

        ManagedLoginBrandingType byClient = admin.describeManagedLoginBrandingByClient(b -> b.userPoolId(poolId)
                .clientId(clientId)).managedLoginBranding();
        assertEquals(created.managedLoginBrandingId(), byClient.managedLoginBrandingId());
        assertEquals(1, byClient.assets().size());

        ManagedLoginBrandingType updated = admin.updateManagedLoginBranding(b -> b.userPoolId(poolId)
                .managedLoginBrandingId(created.managedLoginBrandingId()).useCognitoProvidedValues(true))
                .managedLoginBranding();
        assertTrue(updated.useCognitoProvidedValues());
        assertNull(updated.settings());

        admin.deleteManagedLoginBranding(b -> b.userPoolId(poolId)
                .managedLoginBrandingId(created.managedLoginBrandingId()));
        Expect.error(ResourceNotFoundException.class, "ManagedLoginBranding for client " + clientId
                + " does not exist.",
                () -> admin.describeManagedLoginBrandingByClient(b -> b.userPoolId(poolId)
                        .clientId(clientId)));
    }
}

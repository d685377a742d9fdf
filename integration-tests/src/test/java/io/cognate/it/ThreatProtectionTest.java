package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdvancedSecurityModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompromisedCredentialsEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventFilterType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolAddOnNotEnabledException;

/** Threat protection's compromised-credentials check against zxcvbn's list of leaked passwords. */
class ThreatProtectionTest {
    /** Meets the test pools' policy and is among the most common leaked passwords. */
    private static final String LEAKED = "Password1";

    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void signUpWhenThreatProtectionEnforcedAndPasswordLeakedThenInvalidPassword() {
        TestPool enforced = enforcedPool();
        TestPool plain = TestPools.pool();

        Expect.errorMentioning(InvalidPasswordException.class, "compromised", () -> signUp(enforced, LEAKED));
        assertNotNull(signUp(plain, LEAKED));
        assertNotNull(signUp(enforced, TestPools.PASSWORD));
    }

    @Test
    void changePasswordWhenThreatProtectionEnforcedAndPasswordLeakedThenInvalidPassword() {
        TestPool pool = enforcedPool();
        TestUser user = TestUsers.confirmed(pool);
        String accessToken = SignIn.password(pool, user).accessToken();

        Expect.errorMentioning(InvalidPasswordException.class, "compromised", () -> anonymous.changePassword(b -> b
                .accessToken(accessToken).previousPassword(user.password()).proposedPassword(LEAKED)));
    }

    @Test
    void setRiskConfigurationWhenSignUpNotBlockedThenLeakedPasswordAcceptedAtSignUpOnly() {
        TestPool pool = enforcedPool();

        Cognito.admin().setRiskConfiguration(b -> b.userPoolId(pool.id())
                .compromisedCredentialsRiskConfiguration(c -> c.eventFilter(EventFilterType.PASSWORD_CHANGE)
                        .actions(a -> a.eventAction(CompromisedCredentialsEventActionType.BLOCK))));

        RiskConfigurationType risk = Cognito.admin().describeRiskConfiguration(b -> b.userPoolId(pool.id()))
                .riskConfiguration();
        assertEquals(pool.id(), risk.userPoolId());
        assertEquals(CompromisedCredentialsEventActionType.BLOCK,
                risk.compromisedCredentialsRiskConfiguration().actions().eventAction());
        assertNotNull(signUp(pool, LEAKED));
    }

    @Test
    void setRiskConfigurationWhenThreatProtectionOffThenAddOnNotEnabled() {
        TestPool pool = TestPools.pool();

        Expect.error(UserPoolAddOnNotEnabledException.class, () -> Cognito.admin().setRiskConfiguration(b -> b
                .userPoolId(pool.id()).compromisedCredentialsRiskConfiguration(c -> c
                        .actions(a -> a.eventAction(CompromisedCredentialsEventActionType.BLOCK)))));
    }

    private static TestPool enforcedPool() {
        return TestPools.pool(b -> b.userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.ENFORCED)));
    }

    private String signUp(TestPool pool, String password) {
        return anonymous.signUp(b -> b.clientId(pool.clientId()).username(Names.unique("user")).password(password)
                .userAttributes(TestUsers.attribute("email", Names.email("user")))).userSub();
    }
}

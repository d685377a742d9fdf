package io.cognate.userpool.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CallerSdkTest {

    @Test
    void userAgentWhenAnAwsSdkThenItsLanguageAndVersion() {
        assertEquals("aws-sdk-js-2.1639.0", CallerSdk.of("aws-sdk-js/2.1639.0 promise"));
        assertEquals("aws-sdk-java-2.29.52", CallerSdk.of("aws-sdk-java/2.29.52 md/io#sync md/http#Apache ua/2.1 "
                + "os/Linux#6.1 lang/java#17.0.13"));
        assertEquals("aws-sdk-js-3.700.0", CallerSdk.of("aws-sdk-js/3.700.0 ua/2.1 os/linux#6.1 lang/js "
                + "md/nodejs#20.19.2 api/cognito-identity-provider#3.700.0"));
    }

    @Test
    void userAgentWhenNoAwsSdkThenUnknown() {
        assertEquals(CallerSdk.UNKNOWN, CallerSdk.of("aws-cli/2.9.19 Python/3.11.2 Linux/6.1 source/x86_64.debian"));
        assertEquals(CallerSdk.UNKNOWN, CallerSdk.of("Mozilla/5.0 (X11; Linux x86_64) aws-amplify/6.0"));
        assertEquals(CallerSdk.UNKNOWN, CallerSdk.of(""));
    }
}

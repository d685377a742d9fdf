package io.cognate.identitypool.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void quotasWhenNoneConfiguredThenCognitosDefaults() {
        var quotas = RateLimits.quotas(List.of());

        assertEquals(200, quotas.get("GetCredentialsForIdentity"));
        assertEquals(25, quotas.get("GetId"));
        assertEquals(5, quotas.get("ListIdentities"));
        assertEquals(9, quotas.size());
    }

    @Test
    void quotasWhenConfiguredThenTheyReplaceTheDefaultsAndNegativeMeansNone() {
        var quotas = RateLimits.quotas(List.of(" GetId = 100", "TagResource=-1"));

        assertEquals(100, quotas.get("GetId"));
        assertEquals(0, quotas.get("TagResource"));
        assertEquals(200, quotas.get("GetOpenIdToken"));
    }

    @Test
    void quotasWhenUnknownOperationOrNotANumberThenTheStartStops() {
        assertThrows(IllegalArgumentException.class, () -> RateLimits.quotas(List.of("DescribeIdentityPool=5")));
        assertThrows(IllegalArgumentException.class, () -> RateLimits.quotas(List.of("GetId=lots")));
        assertThrows(IllegalArgumentException.class, () -> RateLimits.quotas(List.of("GetId")));
    }
}

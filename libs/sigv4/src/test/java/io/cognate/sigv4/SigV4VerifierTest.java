package io.cognate.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Checked against the AWS Signature Version 4 test suite's "get-vanilla" case and signing-key example. */
class SigV4VerifierTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Clock SIGNED_AT = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
            + "aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    @Test
    void signingKeyMatchesTheDocumentedDerivation() {
        byte[] key = SigV4Verifier.signingKey(SECRET, "20120215", "us-east-1", "iam");
        assertEquals("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", HexFormat.of().formatHex(key));
    }

    @Test
    void verifyWhenSignatureIsTheTestSuitesThenAccepted() {
        SigV4Verifier verifier = new SigV4Verifier(Map.of("AKIDEXAMPLE", SECRET), SIGNED_AT);
        assertEquals("AKIDEXAMPLE", verifier.verify(request(AUTHORIZATION, "example.amazonaws.com")));
    }

    @Test
    void verifyWhenSignedHeaderChangedThenInvalidSignature() {
        SigV4Verifier verifier = new SigV4Verifier(Map.of("AKIDEXAMPLE", SECRET), SIGNED_AT);
        SignatureRejectedException e = assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(request(AUTHORIZATION, "evil.example.com")));
        assertEquals(SignatureRejectedException.Reason.INVALID_SIGNATURE, e.reason());
    }

    @Test
    void verifyWhenAccessKeyUnknownThenUnrecognizedClient() {
        SigV4Verifier verifier = new SigV4Verifier(Map.of("AKIDOTHER", SECRET), SIGNED_AT);
        SignatureRejectedException e = assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(request(AUTHORIZATION, "example.amazonaws.com")));
        assertEquals(SignatureRejectedException.Reason.UNRECOGNIZED_CLIENT, e.reason());
    }

    @Test
    void verifyWhenSignedLongAgoThenInvalidSignature() {
        Clock later = Clock.fixed(Instant.parse("2015-08-30T13:36:00Z"), ZoneOffset.UTC);
        SigV4Verifier verifier = new SigV4Verifier(Map.of("AKIDEXAMPLE", SECRET), later);
        SignatureRejectedException e = assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(request(AUTHORIZATION, "example.amazonaws.com")));
        assertEquals(SignatureRejectedException.Reason.INVALID_SIGNATURE, e.reason());
    }

    @Test
    void verifyWhenNoAuthorizationThenMissingAuthenticationToken() {
        SigV4Verifier verifier = new SigV4Verifier(Map.of("AKIDEXAMPLE", SECRET), SIGNED_AT);
        SignatureRejectedException e = assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(request(null, "example.amazonaws.com")));
        assertEquals(SignatureRejectedException.Reason.MISSING_AUTHENTICATION_TOKEN, e.reason());
    }

    private static SigV4Verifier.SignedRequest request(String authorization, String host) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        headers.put("host", List.of(host));
        headers.put("x-amz-date", List.of("20150830T123600Z"));
        if (authorization != null) {
            headers.put("authorization", List.of(authorization));
        }
        return new SigV4Verifier.SignedRequest("GET", "/", null, headers::get, new byte[0]);
    }
}

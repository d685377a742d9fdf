package io.cognate.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.zip.Deflater;

/**
 * The HTTP-Redirect binding (SAML Bindings §3.4) out: the message deflated, base64'd and URL-encoded into
 * {@code SAMLRequest}, with the {@code RelayState}, and signed as the binding signs: RSA-SHA256 over the query string
 * {@code SAMLRequest=…&RelayState=…&SigAlg=…} as sent.
 */
public final class RedirectBinding {
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private RedirectBinding() {
    }

    /** The URL that carries {@code xml} to {@code location}, signed with {@code key} when it is not null. */
    public static String url(String location, String xml, String relayState, PrivateKey key) {
        StringBuilder query = new StringBuilder("SAMLRequest=").append(encode(deflated(xml)));
        if (!relayState.isEmpty()) {
            query.append("&RelayState=").append(encode(relayState));
        }
        if (key != null) {
            query.append("&SigAlg=").append(encode(RSA_SHA256));
            try {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(key);
                signature.update(query.toString().getBytes(StandardCharsets.UTF_8));
                query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signature.sign())));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return location + (location.contains("?") ? "&" : "?") + query;
    }

    private static String deflated(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

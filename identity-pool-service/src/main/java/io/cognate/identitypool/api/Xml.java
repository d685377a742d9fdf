package io.cognate.identitypool.api;

/** The query protocol's XML answers: {@code <XResponse><XResult>…</XResult><ResponseMetadata>…}, and its errors. */
final class Xml {
    static final String STS = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String IAM = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final StringBuilder out = new StringBuilder();

    Xml element(String name, Object value) {
        if (value != null) {
            out.append('<').append(name).append('>').append(escape(value.toString())).append("</").append(name)
                    .append('>');
        }
        return this;
    }

    Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    static String response(String namespace, String action, Xml result, String requestId) {
        return "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + result.out + "</" + action
                + "Result><ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></" + action
                + "Response>";
    }

    static String error(String namespace, String code, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>Sender</Type><Code>" + escape(code)
                + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}

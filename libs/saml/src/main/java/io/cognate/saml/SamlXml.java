package io.cognate.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * XML as SAML needs it: parsed namespace-aware with no DTD, no external entity and no XInclude (a document that
 * declares any is refused: XXE and entity expansion), and walked by namespace and local name, children only where
 * the schema says children (a look anywhere deeper is how signature wrapping slips in).
 */
public final class SamlXml {
    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XMLENC = "http://www.w3.org/2001/04/xmlenc#";
    public static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    private SamlXml() {
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXException | IOException e) {
            throw new SamlException("The SAML document is not well-formed XML, or declares a DTD.");
        }
    }

    public static String serialize(Node node) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The element's child elements named {@code ns}:{@code local}, in order. */
    public static List<Element> children(Element parent, String ns, String local) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && is(element, ns, local)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The only child element so named; null when there is none; refused when there are more. */
    public static Element child(Element parent, String ns, String local) {
        List<Element> found = children(parent, ns, local);
        if (found.size() > 1) {
            throw new SamlException("The SAML element " + parent.getLocalName() + " holds more than one " + local
                    + ".");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every element so named anywhere in the document. */
    public static List<Element> everywhere(Document document, String ns, String local) {
        NodeList nodes = document.getElementsByTagNameNS(ns, local);
        List<Element> found = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    public static boolean is(Element element, String ns, String local) {
        return ns.equals(element.getNamespaceURI()) && local.equals(element.getLocalName());
    }

    /**
     * The element's text, which must be text alone: a comment or an element inside (how "user@corp.com<!---->.evil"
     * passes a signature that ignores comments while a careless reader stops at the comment) is refused.
     */
    public static String text(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() != Node.TEXT_NODE && node.getNodeType() != Node.CDATA_SECTION_NODE) {
                throw new SamlException("The SAML element " + element.getLocalName() + " holds more than text.");
            }
            text.append(node.getNodeValue());
        }
        return text.toString().trim();
    }

    /** An attribute's value, "" when absent. */
    public static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : "";
    }

    /** Text for XML content and attribute values. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

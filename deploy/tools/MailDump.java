import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Prints the mail held by the stack's GreenMail, oldest first: {@code ./cognate mail [ADDRESS]}.
 * Runs as a single-file program on the GreenMail jar's classpath (Jackson and Jakarta Mail come
 * with it). Arguments: the GreenMail API base URL, then an optional recipient address.
 */
public class MailDump {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Session MAIL = Session.getInstance(new Properties());

    record Mail(MimeMessage message, int arrival) {
    }

    public static void main(String[] args) throws Exception {
        String api = args[0];
        List<String> mailboxes = args.length > 1 ? List.of(args[1]) : users(api);
        List<Mail> mails = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String mailbox : mailboxes) {
            JsonNode messages = get(api + "/api/user/" + URLEncoder.encode(mailbox, StandardCharsets.UTF_8)
                    + "/messages/INBOX/");
            for (JsonNode node : messages) {
                MimeMessage message = new MimeMessage(MAIL,
                        new ByteArrayInputStream(node.path("mimeMessage").asText().getBytes(StandardCharsets.UTF_8)));
                // A message to several recipients sits in each mailbox; show it once.
                String id = message.getMessageID();
                if (id == null || seen.add(id)) {
                    mails.add(new Mail(message, mails.size()));
                }
            }
        }
        mails.sort(Comparator.comparing((Mail m) -> sentDate(m.message())).thenComparingInt(Mail::arrival));
        if (mails.isEmpty()) {
            System.out.println(args.length > 1 ? "No mail for " + args[1] + "." : "No mail received.");
            return;
        }
        for (int i = 0; i < mails.size(); i++) {
            print(i + 1, mails.size(), mails.get(i).message());
        }
    }

    private static List<String> users(String api) throws Exception {
        List<String> users = new ArrayList<>();
        for (JsonNode user : get(api + "/api/user")) {
            users.add(user.path("email").asText());
        }
        return users;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            // GreenMail answers 400 for a mailbox that never received anything.
            return JSON.createArrayNode();
        }
        return JSON.readTree(response.body());
    }

    private static Date sentDate(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return sent != null ? sent : new Date(0);
        } catch (Exception e) {
            return new Date(0);
        }
    }

    private static void print(int index, int total, MimeMessage message) throws Exception {
        System.out.println("=== mail " + index + " of " + total + " " + "=".repeat(50));
        System.out.println("From:    " + addresses(message.getFrom()));
        System.out.println("To:      " + addresses(message.getRecipients(Message.RecipientType.TO)));
        System.out.println("Subject: " + nullToEmpty(message.getSubject()));
        System.out.println("Date:    " + nullToEmpty(message.getHeader("Date", null)));
        System.out.println();
        System.out.println(body(message).strip());
        System.out.println();
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Address address : addresses) {
            out.add(address.toString());
        }
        return String.join(", ", out);
    }

    /** The text a person would read: the plain-text part, else the HTML part without its tags. */
    private static String body(Part part) throws Exception {
        String plain = text(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = text(part, "text/html");
        if (html != null) {
            return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                    .replaceAll("(?i)<br\\s*/?>|</(p|div|h[1-6]|li|tr|table)>", "\n")
                    .replaceAll("<[^>]+>", "")
                    .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&")
                    .replaceAll("\\n\\s*\\n+", "\n\n");
        }
        return "(no text body: " + part.getContentType() + ")";
    }

    private static String text(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = text(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

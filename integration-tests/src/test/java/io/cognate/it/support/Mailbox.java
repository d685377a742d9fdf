package io.cognate.it.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * One address's inbox on the stack's GreenMail, read over IMAP as a mail client reads it. GreenMail runs with
 * authentication disabled: it accepts any password and creates a missing account at login, and an account it creates
 * on delivery has the address as both login and password, so logging in with the address twice works either way.
 */
public final class Mailbox {

    public static final Duration WAIT = Duration.ofSeconds(10);

    /** Six digits not inside a longer number nor after '#', so an HTML colour is not taken for a code. */
    private static final Pattern CODE = Pattern.compile("(?<![0-9#])[0-9]{6}(?![0-9])");

    private final String address;

    private Mailbox(String address) {
        this.address = address;
    }

    public static Mailbox of(String address) {
        return new Mailbox(address);
    }

    /** A received mail; {@code body} is its text (markup stripped), {@code html} the HTML part as sent, or "". */
    public record Mail(String subject, List<String> to, String from, String body, String html) {
    }

    /** The messages in the inbox now, oldest first. */
    public List<Mail> messages() {
        Properties properties = new Properties();
        properties.put("mail.store.protocol", "imap");
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(Stack.get().imapPort()));
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", Stack.get().imapPort(), address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), addresses(message.getAllRecipients()),
                            addresses(message.getFrom()).stream().findFirst().orElse(null), text(message),
                            html(message)));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address + " over IMAP", e);
        }
    }

    /** Waits up to {@link #WAIT} until the inbox holds at least {@code count} messages, and answers them all. */
    public List<Mail> awaitMessages(int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Mail> mails = messages();
        while (mails.size() < count && System.nanoTime() < deadline) {
            sleep(250);
            mails = messages();
        }
        if (mails.size() < count) {
            throw new AssertionError("expected " + count + " mail(s) for " + address + " within " + WAIT.toSeconds()
                    + " s, got " + mails.size());
        }
        return mails;
    }

    public Mail awaitMessage() {
        return awaitMessages(1).get(0);
    }

    /** The confirmation code in the {@code n}th message (1 = first), waiting for it to arrive. */
    public String awaitCode(int n) {
        Mail mail = awaitMessages(n).get(n - 1);
        return code(mail.body())
                .orElseThrow(() -> new AssertionError("no six-digit code in the mail to " + address + ": " + mail.body()));
    }

    public String awaitCode() {
        return awaitCode(1);
    }

    /** Waits {@code quiet} and asserts the inbox holds exactly {@code count} messages then. */
    public void assertStays(int count, Duration quiet) {
        sleep(quiet.toMillis());
        int size = messages().size();
        if (size != count) {
            throw new AssertionError("expected " + count + " mail(s) for " + address + ", found " + size);
        }
    }

    public static java.util.Optional<String> code(String text) {
        Matcher matcher = CODE.matcher(text);
        return matcher.find() ? java.util.Optional.of(matcher.group()) : java.util.Optional.empty();
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> list = new ArrayList<>();
        if (addresses != null) {
            for (Address a : addresses) {
                list.add(a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString());
            }
        }
        return list;
    }

    /** All the text of a message: plain parts as they are, HTML parts without markup. */
    private static String html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder html = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                html.append(html(multipart.getBodyPart(i)));
            }
            return html.toString();
        }
        return "";
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent())
                    .replaceAll("(?is)<(style|script|head)[^>]*>.*?</\\1>", " ")
                    .replaceAll("(?s)<[^>]*>", " ")
                    .replace("&nbsp;", " ")
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        Object content = part.getContent();
        return content instanceof String s ? s : "";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

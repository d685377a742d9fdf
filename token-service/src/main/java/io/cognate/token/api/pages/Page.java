package io.cognate.token.api.pages;

import java.util.List;
import java.util.Map;

import io.cognate.token.api.oauth.OnDomain;
import io.quarkus.qute.TemplateData;

/**
 * What a page shows, for its template ({@code page.*}): the domain's paths, the authorization request it carries
 * (its query), the CSRF token of its forms, its texts and style, and each page's own fields. Unset fields are "",
 * empty or false.
 */
@TemplateData
public class Page {
    /** A form field the page asks for besides the name and password: a required attribute. */
    @TemplateData
    /** A button to sign in at an external identity provider. */
    public record ProviderLink(String name, String href) {
    }

    public record Field(String name, String label, String type, String autocomplete, String value) {
    }

    /** A choice of a radio group: its value and label. */
    @TemplateData
    public record Choice(String name, String label) {
    }

    private final OnDomain domain;
    public final String lang;
    public final Style style;
    public final String query;
    public final String csrf;
    public String error = "";
    public String notice = "";
    public String heading = "";
    public String intro = "";
    public String nameLabel = "";
    public String username = "";
    public boolean passwordSignIn;
    public boolean signUpAllowed;
    public String challenge = "";
    public String session = "";
    public List<Field> fields = List.of();
    public List<Choice> choices = List.of();
    /** The client's external identity providers: a button each, to the authorize endpoint with identity_provider. */
    public List<ProviderLink> providers = List.of();
    public String destination = "";
    public String qr = "";
    public String secret = "";
    public String errorCode = "";
    public String description = "";

    Page(OnDomain domain, String lang, Style style, String query, String csrf) {
        this.domain = domain;
        this.lang = lang;
        this.style = style;
        this.query = query;
        this.csrf = csrf;
    }

    /** The choices' values, comma-separated, for a form to carry. */
    public String choiceNames() {
        return String.join(",", choices.stream().map(Choice::name).toList());
    }

    /** The path of one of the domain's pages, as the browser addresses it. */
    public String path(String page) {
        return domain == null ? page : domain.path(page);
    }

    /** How the pages look for a client: colours, the classic UI's CSS and a logo (a data: URL). */
    @TemplateData
    public record Style(String primary, String background, String text, String css, String logo) {

        static final Style DEFAULT = new Style("#0b57d0", "#f3f4f6", "#1f1f1f", "", "");

        static Style of(Map<String, String> colors, String css, String logo) {
            return new Style(colors.getOrDefault("primary", DEFAULT.primary()),
                    colors.getOrDefault("background", DEFAULT.background()),
                    colors.getOrDefault("text", DEFAULT.text()), css, logo);
        }
    }
}

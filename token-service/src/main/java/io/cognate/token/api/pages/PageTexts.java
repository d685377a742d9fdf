package io.cognate.token.api.pages;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' texts in one language ({@code messages/pages_<lang>.properties}, English for any other): the page
 * language of the {@code lang} parameter, as Cognito's managed login takes it.
 */
public final class PageTexts {
    /** The languages the pages speak; any other {@code lang} gets English. */
    static final List<String> LANGUAGES = List.of("en", "de", "es", "fr", "ja");
    private static final Map<String, PageTexts> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final String language;
    private final Map<String, String> texts;

    private PageTexts(String language, ResourceBundle bundle) {
        this.language = language;
        Map<String, String> all = new HashMap<>();
        // MessageFormat's quoting ('' for a quote) applies to every text; those with {0} are formatted when used.
        bundle.keySet().forEach(key -> {
            String text = bundle.getString(key);
            all.put(key, text.contains("{0}") ? text : new MessageFormat(text).format(new Object[0]));
        });
        this.texts = Map.copyOf(all);
    }

    /** The texts for a {@code lang} parameter (a language tag such as {@code fr} or {@code fr-CA}). */
    public static PageTexts of(String lang) {
        String language = lang == null || lang.isEmpty() ? "en" : Locale.forLanguageTag(lang).getLanguage();
        String chosen = LANGUAGES.contains(language) ? language : "en";
        return BY_LANGUAGE.computeIfAbsent(chosen, l -> new PageTexts(l, ResourceBundle.getBundle("messages.pages",
                "en".equals(l) ? Locale.ROOT : Locale.forLanguageTag(l), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES))));
    }

    public String language() {
        return language;
    }

    /** Every text by key, for the templates ({@code {t.sign_in}}). */
    public Map<String, String> all() {
        return texts;
    }

    public String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new MissingResourceException("no page text " + key, "pages", key);
        }
        return text;
    }

    /** A text with {@code {0}} filled in. */
    public String text(String key, Object argument) {
        return new MessageFormat(text(key), Locale.forLanguageTag(language)).format(new Object[] { argument });
    }

    /** The text of a key, or {@code fallback} when there is none (an attribute without a label of its own). */
    public String textOr(String key, String fallback) {
        return texts.getOrDefault(key, fallback);
    }
}

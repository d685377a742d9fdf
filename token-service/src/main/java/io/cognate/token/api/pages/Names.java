package io.cognate.token.api.pages;

import java.util.List;

/** Labels of the pages' name and attribute fields, in the page's language. */
final class Names {
    private Names() {
    }

    /** The label of the name a user signs in with: email or phone number where the pool uses them as usernames. */
    static String label(PageTexts texts, List<String> usernameAttributes) {
        if (usernameAttributes.size() == 1) {
            return texts.text("name_" + usernameAttributes.get(0));
        }
        return usernameAttributes.isEmpty() ? texts.text("name_username")
                : texts.text("name_email") + " / " + texts.text("name_phone_number");
    }

    /** A required attribute's field: its label (its name where it has none), input type and autocomplete hint. */
    static Page.Field field(PageTexts texts, String attribute, String value) {
        String type = switch (attribute) {
            case "email" -> "email";
            case "phone_number" -> "tel";
            default -> "text";
        };
        String autocomplete = switch (attribute) {
            case "email" -> "email";
            case "phone_number" -> "tel";
            case "given_name" -> "given-name";
            case "family_name" -> "family-name";
            case "name" -> "name";
            case "birthdate" -> "bday";
            default -> "off";
        };
        return new Page.Field(attribute, texts.textOr("attr_" + attribute, attribute), type, autocomplete, value);
    }
}

package io.cognate.userpool.model;

/**
 * Where a code went, as Cognito's CodeDeliveryDetailsType reports it: a masked destination, EMAIL or SMS, and the attribute.
 */
public record CodeDeliveryDetails(String destination, String deliveryMedium, String attributeName) {

    public static CodeDeliveryDetails email(String address) {
        return new CodeDeliveryDetails(maskEmail(address), "EMAIL", "email");
    }

    public static CodeDeliveryDetails sms(String phoneNumber) {
        return new CodeDeliveryDetails(maskPhone(phoneNumber), "SMS", "phone_number");
    }

    /** What is answered for a name no user has (PreventUserExistenceErrors), as if a code had gone out. */
    public static CodeDeliveryDetails decoy(String username) {
        return email(username.contains("@") ? username : "unknown@example.com");
    }

    /** Cognito's masked address: {@code a***@e***}. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return "***";
        }
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
    }

    /** +*******1234: only the last four digits show. */
    static String maskPhone(String phone) {
        return phone.length() <= 4 ? "+****"
                : "+" + "*".repeat(Math.max(phone.length() - 5, 1))
                        + phone.substring(phone.length() - 4);
    }
}

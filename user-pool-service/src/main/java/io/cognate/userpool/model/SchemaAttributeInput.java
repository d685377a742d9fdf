package io.cognate.userpool.model;

/**
 * A schema attribute as CreateUserPool's Schema or AddCustomAttributes gives it: Cognito's SchemaAttributeType, every
 * member possibly absent (null), to be checked and completed by the pool's schema rules.
 */
public record SchemaAttributeInput(String name, String dataType, Boolean developerOnly, Boolean mutable,
        Boolean required, String minLength, String maxLength, String minValue, String maxValue) {
}

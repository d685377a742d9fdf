package io.cognate.userpool.triggers;

import java.util.Map;

/**
 * What a UserMigration handler answered for a user the pool does not have: the attributes to create it with and its
 * status (CONFIRMED: its password is the one just given; RESET_REQUIRED: it must reset it).
 */
public record MigratedUser(Map<String, String> attributes, String finalUserStatus, boolean forceAliasCreation) {
}

package io.cognate.it.support;

/** A user made for one test; {@code sub} is the user's immutable id. */
public record TestUser(String username, String email, String password, String sub) {
}

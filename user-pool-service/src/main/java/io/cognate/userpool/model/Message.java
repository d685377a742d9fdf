package io.cognate.userpool.model;

/** A message to a user: the subject (mail only) and a body with placeholders such as {@code {####}}. */
public record Message(String subject, String body) {
}

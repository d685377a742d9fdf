package io.cognate.userpool.service;

/** ListUsers, parsed: the page size (1 to 60), where to start, and the filter (null: every user). */
public record ListUsersRequest(String poolId, int limit, String paginationToken, String filter) {
}

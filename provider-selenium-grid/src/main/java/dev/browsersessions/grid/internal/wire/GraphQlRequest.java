package dev.browsersessions.grid.internal.wire;

/**
 * A GraphQL query for the Grid's {@code POST /graphql}.
 *
 * @param query the query text
 */
public record GraphQlRequest(String query) {}

/** Records for the Grid's W3C WebDriver and GraphQL JSON, nothing else. */
package dev.browsersessions.grid.internal.wire;

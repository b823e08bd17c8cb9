/**
 * The JSON shapes of the Stagehand v3 REST API ({@code /v1/sessions/start}, {@code /end}) and of
 * Browserbase's Sessions API ({@code /v1/sessions}), as Jackson records. Internal: field names
 * follow the vendors' wire names, absent values are {@code null} and omitted when sent.
 */
package dev.browsersessions.stagehand.internal.wire;

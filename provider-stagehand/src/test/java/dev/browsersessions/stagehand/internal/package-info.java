/** Unit tests of the mapping, status, event-stream and option parsing code. */
package dev.browsersessions.stagehand.internal;

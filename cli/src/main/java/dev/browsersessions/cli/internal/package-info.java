/**
 * The command line's implementation: picocli commands, option converters, output formatting and
 * error reporting. Not an API: anything here may change without notice.
 */
package dev.browsersessions.cli.internal;

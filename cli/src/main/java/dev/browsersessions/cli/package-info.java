/**
 * The {@code browser-sessions} command line. {@link dev.browsersessions.cli.BrowserSessionsCli}
 * is the entry point, both for {@code java -jar} and for running the commands in-process; {@link
 * dev.browsersessions.cli.ExitCodes} documents what the process returns.
 */
package dev.browsersessions.cli;

package dev.browsersessions.local;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A stand-in for a Chromium helper the browser's process tree no longer holds: a shell that
 * carries a profile's {@code --user-data-dir} flag and keeps writing into that profile every
 * 20 ms, as a late-forked or orphaned helper would.
 */
final class Straggler {

  private Straggler() {}

  /**
   * Starts one; the caller destroys it in a {@code finally}.
   *
   * @param profile the profile directory it names and writes into
   * @return the process
   * @throws IOException if {@code /bin/sh} cannot be started
   */
  static Process start(Path profile) throws IOException {
    // $0 is the profile; the flag is an argument of its own, as on the browser's command line.
    // Default is made once, before the loop: inside it only shell builtins write, for an external
    // mkdir orphaned by killing the shell could make the profile again after it was deleted.
    return new ProcessBuilder("/bin/sh", "-c",
        "mkdir -p \"$0/Default\" || exit 1;"
            + " while :; do : > \"$0/Default/straggler\"; sleep 0.02; done",
        profile.toString(), "--user-data-dir=" + profile)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}

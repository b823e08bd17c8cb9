package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import java.util.Locale;

/** One call measured per vendor, as the library makes it and as the bare client makes it. */
public enum Operation {
  /** Read a session's state. */
  STATUS,
  /** Start a session. */
  CREATE,
  /** Stop a session and confirm it ended. */
  STOP;

  /**
   * The operation named in lower case.
   *
   * @param name status, create or stop
   * @return the operation
   */
  public static Operation of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /**
   * The call through the library.
   *
   * @param lib the client
   * @param id the session (status, stop)
   * @return the result
   */
  public Object library(BrowserSessions lib, String id) {
    switch (this) {
      case STATUS:
        return lib.status(id);
      case CREATE:
        return lib.start(SessionRequest.defaults());
      default:
        return lib.stop(id);
    }
  }

  /**
   * The same call with the bare client.
   *
   * @param vendor notte or stagehand
   * @param bare the client
   * @param id the session (status, stop)
   * @return the decoded answer
   */
  public Object bare(String vendor, BareClients bare, String id) {
    boolean notte = vendor.equals("notte");
    switch (this) {
      case STATUS:
        return notte ? bare.notteStatus(id) : bare.browserbaseStatus(id);
      case CREATE:
        return notte ? bare.notteStart() : bare.stagehandStart();
      default:
        return notte ? bare.notteStop(id) : bare.stagehandStop(id, Vendors.STOP_POLL);
    }
  }
}

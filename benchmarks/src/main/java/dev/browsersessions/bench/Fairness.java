package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks that the comparison is fair: for every vendor and call, the server sees the same requests
 * from the library and from the bare client (count, method, path, query, JSON body and every
 * header, UUIDs and idempotency keys aside), the server running in a JVM of its own,, and a run of sequential calls reuses one connection on both sides.
 */
public final class Fairness {

  /**
   * One vendor and call.
   *
   * @param vendor notte or stagehand
   * @param operation the call
   * @param libraryRequests requests per call through the library
   * @param bareRequests requests per call by the bare client
   * @param same whether both sent the same requests
   * @param libraryConnections TCP connections the library opened over the run
   * @param bareConnections TCP connections the bare client opened over the run
   * @param calls sequential calls per side
   * @param difference the first requests of both sides when they differ, else empty
   */
  public record Check(String vendor, Operation operation, double libraryRequests,
      double bareRequests, boolean same, int libraryConnections, int bareConnections, int calls,
      String difference) {
  }

  private Fairness() {
  }

  /**
   * Runs every check.
   *
   * @param calls sequential calls per side and check
   * @return the checks
   * @throws Exception if set-up fails
   */
  public static List<Check> run(int calls) throws Exception {
    List<Check> checks = new ArrayList<>();
    for (String vendor : Vendors.ALL) {
      Vendors.Answers a = Vendors.capture(vendor);
      for (Operation op : Operation.values()) {
        Side lib;
        Side bare;
        try (RemoteServer server = RemoteServer.start(vendor,
            op == Operation.STOP ? "stopping" : "running")) {
          try (BrowserSessions library = Vendors.library(vendor, server.baseUrl(),
              server.baseUrl())) {
            lib = side(server, calls, () -> op.library(library, a.id()));
          }
          server.reset();
          BareClients client = new BareClients(server.baseUrl());
          bare = side(server, calls, () -> op.bare(vendor, client, a.id()));
        }
        boolean same = lib.first().equals(bare.first());
        checks.add(new Check(vendor, op, lib.perCall(), bare.perCall(), same, lib.connections(),
            bare.connections(), calls, same ? "" : "library " + lib.first() + " / bare "
                + bare.first()));
      }
    }
    return checks;
  }

  private record Side(List<String> first, double perCall, int connections) {
  }

  private static Side side(RemoteServer server, int calls, Supplier<Object> call) {
    call.get();
    List<String> first = server.stats().first();
    for (int i = 1; i < calls; i++) {
      call.get();
    }
    CannedServer.Stats s = server.stats();
    return new Side(first, s.requests() / (double) calls, s.connections());
  }
}

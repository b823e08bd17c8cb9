package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks that the comparison is fair: for every vendor and call, the server sees the same requests
 * from the library and from the bare client (count, method, path, query and JSON body, UUIDs
 * aside), and a run of sequential calls reuses one connection on both sides.
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
        var routes = op == Operation.STOP ? Vendors.stopping(vendor, a) : Vendors.running(vendor, a);
        Side lib;
        Side bare;
        try (CannedServer server = new CannedServer(routes);
            BrowserSessions library = Vendors.library(vendor, server.baseUrl(), server.baseUrl())) {
          lib = side(server, calls, () -> op.library(library, a.id()));
        }
        try (CannedServer server = new CannedServer(routes)) {
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

  private static Side side(CannedServer server, int calls, Supplier<Object> call) {
    call.get();
    List<String> first = server.firstRequests();
    for (int i = 1; i < calls; i++) {
      call.get();
    }
    return new Side(first, server.requests() / (double) calls, server.connections());
  }
}

package dev.browsersessions.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CannedServer} in a child JVM of its own, so the server's threads, heap, GC and JIT do
 * not share a process with the client measured. Talks to it over its control path.
 */
public final class RemoteServer implements AutoCloseable {

  private final Process process;
  private final URI baseUrl;

  private RemoteServer(Process process, URI baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts the child JVM and waits (at most 30 s) for it to listen.
   *
   * @param vendor notte or stagehand
   * @param routes running, stopping or lifecycle (see {@link Vendors#routes})
   * @return the server
   * @throws Exception if the child does not start
   */
  public static RemoteServer start(String vendor, String routes) throws Exception {
    Path answers = Path.of(System.getProperty("java.io.tmpdir"), "bench-answers-"
        + ProcessHandle.current().pid());
    if (System.getProperty(Vendors.ANSWERS_DIR) == null) {
      Vendors.saveAnswers(answers);
    } else {
      answers = Path.of(System.getProperty(Vendors.ANSWERS_DIR));
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Settings.JVM_FLAGS);
    cmd.add("-Xmx256m");
    cmd.add("-XX:+UseSerialGC"); // one core's worth of GC, no parallel GC threads competing
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(CannedServer.class.getName());
    cmd.add(vendor);
    cmd.add(routes);
    cmd.add(answers.toAbsolutePath().toString());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String line;
    while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
      if (line.startsWith("PORT ")) {
        return new RemoteServer(p, URI.create("http://127.0.0.1:" + line.substring(5).trim()));
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("the canned server JVM did not report its port");
  }

  /**
   * Where the server listens.
   *
   * @return http://127.0.0.1:port
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * What the server has seen since the last {@link #reset()}.
   *
   * @return the counts and first requests
   */
  public CannedServer.Stats stats() {
    return Vendors.parse(Wire.send("GET", baseUrl + CannedServer.CONTROL + "stats", "X-Bench",
        "1", null), CannedServer.Stats.class);
  }

  /** Forgets the requests, connections and ended ids seen so far. */
  public void reset() {
    Wire.send("POST", baseUrl + CannedServer.CONTROL + "reset", "X-Bench", "1", "{}");
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}

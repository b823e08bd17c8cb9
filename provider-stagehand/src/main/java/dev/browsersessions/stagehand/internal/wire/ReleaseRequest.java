package dev.browsersessions.stagehand.internal.wire;

/**
 * Body of Browserbase's {@code POST /v1/sessions/{id}}: {@code {"status":"REQUEST_RELEASE"}}.
 *
 * @param status always {@value #REQUEST_RELEASE}
 */
public record ReleaseRequest(String status) {

  /** The only status a client may send. */
  public static final String REQUEST_RELEASE = "REQUEST_RELEASE";

  /**
   * The release request.
   *
   * @return {@code {"status":"REQUEST_RELEASE"}}
   */
  public static ReleaseRequest release() {
    return new ReleaseRequest(REQUEST_RELEASE);
  }
}

package dev.browsersessions.http;

import feign.Param;
import feign.RequestLine;
import java.util.Map;

/** A tiny vendor API for the plumbing tests. */
interface TestApi {
  @RequestLine("GET /things/{id}")
  Map<String, Object> get(@Param("id") String id);

  @RequestLine("POST /things")
  Map<String, Object> create(Map<String, Object> body);
}

package dev.browsersessions.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The example service. Run with {@code ./mvnw -pl examples/spring-boot exec:java}. */
@SpringBootApplication
public class SessionsApplication {

  /** Created by Spring. */
  public SessionsApplication() {}

  /**
   * Starts the service.
   *
   * @param args Spring Boot arguments, e.g. {@code --server.port=8081}
   */
  public static void main(String[] args) {
    SpringApplication.run(SessionsApplication.class, args);
  }
}

package dev.browsersessions.notte.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.http.VendorCalls;
import java.util.function.Supplier;

/**
 * Notte's API wired on provider-http: the port, the calls with their retry rules, and the JSON
 * mapper (built on first use).
 *
 * @param api the port
 * @param calls runs calls with the retry rules
 * @param mapper the JSON mapper, for the cookie files
 */
public record NotteClient(NotteApi api, VendorCalls calls, Supplier<ObjectMapper> mapper) {}

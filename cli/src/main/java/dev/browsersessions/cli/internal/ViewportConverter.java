package dev.browsersessions.cli.internal;

import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.Viewport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a viewport written as {@code WIDTHxHEIGHT}, e.g. {@code 1280x720}. */
final class ViewportConverter implements ITypeConverter<Viewport> {

  private static final Pattern SIZE = Pattern.compile("(\\d{1,6})[xX](\\d{1,6})");

  @Override
  public Viewport convert(String value) {
    Matcher m = SIZE.matcher(value.strip());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a viewport; use WIDTHxHEIGHT, e.g. 1280x720");
    }
    try {
      return new Viewport(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (InvalidSessionRequestException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}

package org.justicemonitor.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of the report as the page shows it, every value already written in the page's language:
 * the header, one or more bodies (the drill-down has one per region, one shown at a time) and an
 * optional footer row (the whole country). Rendered by {@code table.jte}, which escapes every
 * text; the page's script only sorts rows and switches bodies.
 */
public record Table(String id, List<Cell> head, List<Body> bodies, List<Row> foot) {

  /** A table with one body. */
  public static Table of(String id, List<Cell> head, List<Row> rows) {
    return new Table(id, head, List.of(new Body(null, false, rows)), List.of());
  }

  /** The same table with the whole country's row as its footer, where sorting leaves it. */
  public Table withFoot(Row country) {
    return new Table(id, head, bodies, List.of(country));
  }

  /** @param key what the page's script shows it by (a region code), or null */
  public record Body(String key, boolean hidden, List<Row> rows) {}

  public record Row(List<Cell> cells) {
    public static Row of(List<Cell> cells) {
      return new Row(List.copyOf(cells));
    }
  }

  /**
   * One cell: its parts (text, identifiers in {@code <code>}, a note in small print), the value
   * the column sorts by, and its class, tooltip and background colour (each null when none).
   */
  public record Cell(List<Span> spans, String sort, String css, String title, String background) {

    /** A right-aligned number (or any value), sorted by its raw value. */
    public static Cell number(String text, String sort) {
      return new Cell(List.of(Span.text(text)), sort, null, null, null);
    }

    /** Left-aligned words, sorted by themselves. */
    public static Cell text(String text) {
      return new Cell(List.of(Span.text(text)), text, "text", null, null);
    }

    /** A header cell: numbers' columns right-aligned, words' columns left. */
    public static Cell heading(String text, boolean words) {
      return new Cell(List.of(Span.text(text)), null, words ? "text" : null, null, null);
    }

    public Cell with(Span span) {
      List<Span> more = new ArrayList<>(spans);
      more.add(span);
      return new Cell(List.copyOf(more), sort, css, title, background);
    }

    public Cell css(String cssClass) {
      return new Cell(spans, sort, cssClass, title, background);
    }

    public Cell title(String tooltip) {
      return new Cell(spans, sort, css, tooltip, background);
    }

    public Cell background(String colour) {
      return new Cell(spans, sort, css, title, colour);
    }
  }

  /**
   * A part of a cell: {@code text} plain, {@code code} an identifier, {@code note} small print,
   * {@code flag} a quality flag in small print with its meaning as a tooltip.
   */
  public record Span(String kind, String text, String title) {
    public static Span text(String text) {
      return new Span("text", text, null);
    }

    public static Span code(String identifier) {
      return new Span("code", identifier, null);
    }

    public static Span note(String text) {
      return new Span("note", text, null);
    }

    public static Span flag(String code, String meaning) {
      return new Span("flag", code, meaning);
    }
  }
}

package org.justicemonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.RoundingMode;
import java.text.Collator;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The page's language on the JVM: its labels, its numbers (the JDK's CLDR data: 9 389,5 in ru and
 * kk, 9,389.5 in en, the same separators the page's script is given), the regions' names and
 * their order by name.
 */
final class PageLanguage {

  /** What an empty value reads as. */
  static final String NONE = "—";

  private final String lang;
  private final Locale locale;
  private final JsonNode labels;
  private final Map<String, String> regionNames = new HashMap<>();
  private final Map<String, String> courtNames = new HashMap<>();

  PageLanguage(String lang, JsonNode labels, JsonNode regions) {
    this(lang, labels, regions, null);
  }

  /** @param courts the published {@code courts} rows: a court's name in this language, else in English */
  PageLanguage(String lang, JsonNode labels, JsonNode regions, JsonNode courts) {
    this.lang = lang;
    this.locale = Locale.forLanguageTag(lang);
    this.labels = labels;
    for (JsonNode r : iterable(regions)) {
      JsonNode name = r.path("name_" + lang);
      regionNames.put(r.path("region_code").asText(), name.isTextual() && !name.asText().isEmpty() ? name.asText()
          : r.path("name_en").asText(r.path("region_code").asText()));
    }
    for (JsonNode c : iterable(courts)) {
      for (String field : new String[] {"name_" + lang, "name_en"}) {
        JsonNode name = c.path(field);
        if (name.isTextual() && !name.asText().isBlank()) {
          courtNames.put(c.path("court_id").asText(), name.asText());
          break;
        }
      }
    }
  }

  /** A court's published name in this language, if the input named it. */
  java.util.Optional<String> courtName(String courtId) {
    return java.util.Optional.ofNullable(courtNames.get(courtId));
  }

  String lang() {
    return lang;
  }

  /** The label of a key, or the key itself (a missing label shows, and the browser test finds it). */
  String t(String key) {
    JsonNode label = labels.get(key);
    return label != null && label.isTextual() ? label.asText() : key;
  }

  /** A label with its {@code {name}} placeholders filled. */
  String fill(String key, Map<String, String> values) {
    String text = t(key);
    for (Map.Entry<String, String> v : values.entrySet()) {
      text = text.replace("{" + v.getKey() + "}", v.getValue());
    }
    return text;
  }

  String regionName(String code) {
    return regionNames.getOrDefault(code, code);
  }

  /** Words in the order of the page's language. */
  Comparator<String> byName() {
    Collator collator = Collator.getInstance(locale);
    return collator::compare;
  }

  /**
   * A number to exactly {@code digits} decimals (a column reads alike down its rows), grouped, in
   * the page's separators; "—" for none.
   */
  String number(Double x, int digits) {
    if (x == null || x.isNaN()) {
      return NONE;
    }
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
    f.setMaximumFractionDigits(digits);
    f.setMinimumFractionDigits(digits);
    // Half away from zero, as the page's script (Intl) rounds the charts' numbers.
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(x);
  }

  /** A share as a percent to one decimal. */
  String percent(Double share) {
    return share == null || share.isNaN() ? NONE : number(100 * share, 1) + "%";
  }

  static Iterable<JsonNode> iterable(JsonNode array) {
    return array == null || !array.isArray() ? java.util.List.of() : array::elements;
  }
}

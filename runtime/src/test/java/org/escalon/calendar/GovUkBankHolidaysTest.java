package org.escalon.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.escalon.model.CalendarSpec.Region;
import org.junit.jupiter.api.Test;

/** The computed holidays equal the official gov.uk list for 2019–2027, date, title and notes. */
class GovUkBankHolidaysTest {

  /** One line of comparison: an event as "date | title | notes". */
  private static String line(LocalDate date, String title, String notes) {
    return date + " | " + title + " | " + notes;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> document() {
    return (Map<String, Object>) MiniJson.parse(TestData.read("govuk-bank-holidays-2019-2027.json"));
  }

  @Test
  void theJsonHasExactlyTheThreeRegions() {
    Set<String> ids = EnumSet.allOf(Region.class).stream().map(Region::id).collect(Collectors.toSet());
    assertEquals(ids, document().keySet());
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyRegionMatchesGovUkExactly() {
    Map<String, Object> doc = document();
    for (Region region : Region.values()) {
      Map<String, Object> division = (Map<String, Object>) doc.get(region.id());
      assertEquals(region.id(), division.get("division"));
      List<String> expected = new ArrayList<>();
      for (Object o : (List<Object>) division.get("events")) {
        Map<String, Object> event = (Map<String, Object>) o;
        expected.add(line(LocalDate.parse((String) event.get("date")),
            (String) event.get("title"), (String) event.get("notes")));
      }
      assertFalse(expected.isEmpty());
      List<String> actual = BankHolidays.of(region).inYears(2019, 2027).stream()
          .map(h -> line(h.date(), h.title(), h.notes()))
          .collect(Collectors.toList());
      // Comparing whole lists shows every difference at once and also checks the order.
      assertEquals(String.join("\n", expected), String.join("\n", actual), region.id());
    }
  }

  @Test
  void titlesUseTheTypographicApostropheLikeGovUk() {
    LocalDate newYear = LocalDate.of(2025, 1, 1);
    String title = BankHolidays.of(Region.ENGLAND_AND_WALES).on(newYear).orElseThrow().title();
    assertEquals("New Year\u2019s Day", title);
    assertEquals('\u2019', title.charAt(8));
  }
}

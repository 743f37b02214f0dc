package org.escalon.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.escalon.model.CalendarSpec.Region;
import org.junit.jupiter.api.Test;

/** The computed holidays agree with uk-bank-holidays.csv (official and rule-computed rows) for 2018–2030. */
class UkBankHolidaysCsvTest {

  /** Rows per region, each "date | name | substitute", read by header name rather than position. */
  private static Map<String, List<String>> csvRows() {
    String[] lines = TestData.read("uk-bank-holidays.csv").split("\r?\n");
    List<String> header = Arrays.asList(lines[0].split(",", -1));
    int date = header.indexOf("date");
    int region = header.indexOf("region");
    int name = header.indexOf("name");
    int substitute = header.indexOf("substitute_day");
    assertTrue(date >= 0 && region >= 0 && name >= 0 && substitute >= 0, "header: " + header);
    Map<String, List<String>> rows = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      // No field in the file is quoted or contains a comma (the provenance is last and kept whole).
      String[] f = lines[i].split(",", header.size());
      rows.computeIfAbsent(f[region], k -> new ArrayList<>())
          .add(row(LocalDate.parse(f[date]), f[name], Boolean.parseBoolean(f[substitute])));
    }
    return rows;
  }

  private static String row(LocalDate date, String name, boolean substitute) {
    return date + " | " + name + " | " + substitute;
  }

  @Test
  void everyRegionAgreesWithTheCsvFor2018To2030() {
    Map<String, List<String>> csv = csvRows();
    assertEquals(3, csv.size());
    for (Region region : Region.values()) {
      List<String> expected = new ArrayList<>(csv.get(region.id()));
      expected.sort(null);
      List<String> actual = new ArrayList<>();
      for (BankHoliday h : BankHolidays.of(region).inYears(2018, 2030)) {
        // The CSV spells apostrophes as ASCII; gov.uk (and we) use U+2019.
        actual.add(row(h.date(), h.title().replace('\u2019', '\''), h.substitute()));
      }
      actual.sort(null);
      assertEquals(String.join("\n", expected), String.join("\n", actual), region.id());
    }
  }
}

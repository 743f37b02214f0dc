package org.escalon.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.escalon.model.CalendarSpec.Region;

/**
 * The bank holidays that were moved or added by royal proclamation. No rule derives them, so they
 * are data; every one so far applied to the whole UK.
 */
final class OneOffChanges {

  /** A recurring holiday moved to another day (and maybe renamed), or an extra day when moved is null. */
  record Change(HolidayKind moved, LocalDate date, String title, Set<Region> regions) {

    int year() {
      return date.getYear();
    }
  }

  private static final Set<Region> UK = EnumSet.allOf(Region.class);

  // Titles from 2019 on are gov.uk's; earlier ones are descriptive, as no official list of those
  // years was available to copy from.
  static final List<Change> ALL = List.of(
      // Silver Jubilee: the Spring holiday moved a week to make a four-day weekend.
      moved(HolidayKind.SPRING, "1977-06-06", null),
      added("1977-06-07", "Silver Jubilee bank holiday"),
      added("1981-07-29", "Royal wedding bank holiday"),
      // 50th anniversary of VE day.
      moved(HolidayKind.EARLY_MAY, "1995-05-08", "Early May bank holiday (VE day)"),
      added("1999-12-31", "Millennium bank holiday"),
      // Golden Jubilee: Spring holiday moved to the Tuesday, the jubilee took the Monday.
      moved(HolidayKind.SPRING, "2002-06-04", null),
      added("2002-06-03", "Golden Jubilee bank holiday"),
      added("2011-04-29", "Royal wedding bank holiday"),
      // Diamond Jubilee: Spring holiday moved to the Monday, the jubilee took the Tuesday.
      moved(HolidayKind.SPRING, "2012-06-04", null),
      added("2012-06-05", "Queen\u2019s Diamond Jubilee"),
      // 75th anniversary of VE day: the Monday holiday moved to the Friday.
      moved(HolidayKind.EARLY_MAY, "2020-05-08", "Early May bank holiday (VE day)"),
      moved(HolidayKind.SPRING, "2022-06-02", null),
      added("2022-06-03", "Platinum Jubilee bank holiday"),
      added("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"),
      added("2023-05-08", "Bank holiday for the coronation of King Charles III"));

  private OneOffChanges() {}

  /** The changes that apply to a region in a year, in declaration order. */
  static List<Change> in(Region region, int year) {
    List<Change> found = new ArrayList<>();
    for (Change c : ALL) {
      if (c.year() == year && c.regions().contains(region)) {
        found.add(c);
      }
    }
    return found;
  }

  private static Change moved(HolidayKind kind, String date, String newTitle) {
    return new Change(kind, LocalDate.parse(date), newTitle == null ? kind.title() : newTitle, UK);
  }

  private static Change added(String date, String title) {
    return new Change(null, LocalDate.parse(date), title, UK);
  }
}

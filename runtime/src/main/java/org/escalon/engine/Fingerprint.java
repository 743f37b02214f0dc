package org.escalon.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.escalon.calendar.BankHoliday;
import org.escalon.calendar.BankHolidays;
import org.escalon.model.CalendarSpec;
import org.escalon.model.Canonical;
import org.escalon.model.Header;
import org.escalon.model.Protocol;

/**
 * The identity of a protocol, for the escalations that run under it: a hash of what it says (its
 * {@link Canonical} text, so reformatting or comments leave it alone) and, apart, a hash of the
 * calendar it counts in (its region's bank holidays as this build knows them, its closure days,
 * its time zone). Written in every snapshot's header as {@code rules:… calendar:…}.
 *
 * <p>The two halves are kept apart because they matter differently to a stored escalation: a
 * change of rules would reinterpret its log, so restoring is refused ({@link ProtocolMismatch});
 * a change of calendar (a new bank holiday, a closure day added) does not, because the deadlines
 * the engine computed are in the log and replay reads them rather than computing them again.
 */
public record Fingerprint(String rules, String calendar) {

  private static final Pattern TEXT =
      Pattern.compile("rules:([0-9a-f]{16}) calendar:([0-9a-f]{16})");

  // the bank holidays of 130 years are hashed once per calendar, not once per snapshot
  private static final Map<String, String> CALENDARS = new ConcurrentHashMap<>();

  /** The fingerprint of a protocol, its calendar data included. */
  public static Fingerprint of(Protocol protocol) {
    Header h = protocol.header();
    CalendarSpec neutral = new CalendarSpec(CalendarSpec.Region.ENGLAND_AND_WALES,
        List.of(), List.of());
    Header rulesOnly = new Header(h.version(), h.status(), h.effective(), h.review(), h.owner(),
        neutral, ZoneId.of("UTC"), h.raisedBy(), h.sources(), h.about(), h.alsoRaisedBy(),
        h.raiseWithin());
    Protocol rules = new Protocol(protocol.name(), rulesOnly, protocol.agencies(),
        protocol.roles(), protocol.attributes(), protocol.events(), protocol.scales(),
        protocol.forms(), protocol.stages(), protocol.outcomes(), protocol.rights(),
        protocol.extension(), protocol.triggers(), protocol.limits(), protocol.properties(),
        List.of(), protocol.invariants(), protocol.atOnce(), protocol.span(),
        protocol.dates());
    String calendar = Canonical.of(h.calendar()) + ' ' + h.zone().getId();
    return new Fingerprint(hash(Canonical.of(rules)),
        CALENDARS.computeIfAbsent(calendar, c -> hash(calendarText(c, h))));
  }

  private static String calendarText(String spec, Header h) {
    StringBuilder text = new StringBuilder(spec);
    for (BankHoliday day : BankHolidays.of(h.calendar().region())
        .inYears(BankHolidays.FIRST_YEAR, BankHolidays.LAST_YEAR)) {
      text.append(' ').append(day.date());
    }
    return text.toString();
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Reads the text form; empty if it is not one. */
  public static Optional<Fingerprint> parse(String text) {
    Matcher m = TEXT.matcher(text.strip());
    return m.matches() ? Optional.of(new Fingerprint(m.group(1), m.group(2))) : Optional.empty();
  }

  @Override
  public String toString() {
    return "rules:" + rules + " calendar:" + calendar;
  }
}

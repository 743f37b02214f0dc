package org.escalon.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EventRecord;
import org.escalon.model.Timespan;
import org.escalon.model.TimeUnit;

/**
 * JSON round trips: any event, with any text in its fields (quotes, backslashes, control and
 * non-Latin characters), and any record of it, read back equal; the same value always writes the
 * same text; and no text at all makes the reader fail other than with IllegalArgumentException.
 */
class RecordJsonProperties {

  @Property(tries = 300)
  void everyRecordComesBackEqual(@ForAll("records") EventRecord record) {
    String json = RecordJson.write(record);
    assertEquals(record, RecordJson.read(json, EventRecord.class));
    assertEquals(json, RecordJson.write(RecordJson.read(json, EventRecord.class)));
    assertEquals(record.event(), RecordJson.read(RecordJson.write(record.event()),
        CaseEvent.class));
  }

  @Property(tries = 300)
  void anyTextIsReadOrRefusedPlainly(@ForAll("texts") String text) {
    try {
      RecordJson.read(text, EventRecord.class);
    } catch (IllegalArgumentException refused) {
      // a located refusal is the only way to fail
    }
  }

  @Property(tries = 50)
  void aTruncatedRecordIsRefusedPlainly(@ForAll("records") EventRecord record) {
    String json = RecordJson.write(record);
    assertThrows(IllegalArgumentException.class,
        () -> RecordJson.read(json.substring(0, json.length() - 1), EventRecord.class));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+tfnul \\").ofMaxLength(40));
  }

  @Provide
  Arbitrary<EventRecord> records() {
    Arbitrary<Optional<String>> maybe = text().optional();
    Arbitrary<Map<String, String>> metadata = Arbitraries.maps(text(), text()).ofMaxSize(3);
    return Combinators.combine(events(), maybe, maybe, metadata, instants().optional())
        .as((event, command, actor, meta, entered) -> new EventRecord(event, command, actor,
            new TreeMap<>(meta), entered));
  }

  private static Arbitrary<String> text() {
    return Arbitraries.strings().all().ofMaxLength(12);
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, 4_102_444_800L).map(Instant::ofEpochSecond);
  }

  private static Arbitrary<CaseEvent> events() {
    Arbitrary<Instant> at = instants();
    Arbitrary<String> s = text();
    return Arbitraries.oneOf(
        Combinators.combine(at, s, s.optional(), s.optional()).as(CaseEvent.Raise::new),
        Combinators.combine(at, s, Arbitraries.of(true, false)).as(CaseEvent.Respond::new),
        Combinators.combine(at, s, s, s.optional()).as(CaseEvent.Bypass::new),
        Combinators.combine(at, s, Arbitraries.integers().between(0, 99),
            Arbitraries.of(TimeUnit.class), Arbitraries.of(true, false), s.optional())
            .as((t, by, n, unit, writing, why) -> new CaseEvent.RequestExtension(t, by,
                new Timespan(n, unit), writing, why)),
        Combinators.combine(at, s, s).as(CaseEvent.SetAttribute::new),
        Combinators.combine(at, s, s, s).as(CaseEvent.Grade::new),
        Combinators.combine(at, s).as(CaseEvent.DeadlinePassed::new));
  }
}

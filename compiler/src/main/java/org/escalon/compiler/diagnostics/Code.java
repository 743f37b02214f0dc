package org.escalon.compiler.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of every diagnostic code. E01xx syntax, E02xx names, E03xx types and units, E04xx
 * structure, W05xx lints, E06xx/W06xx verification. Each code has a Markdown explanation in
 * {@code explain/CODE.md} beside this class, shown by {@code escalon explain CODE}.
 */
public enum Code {
  E0101(Severity.ERROR, "unexpected input"),
  E0102(Severity.ERROR, "unterminated string"),
  E0103(Severity.ERROR, "character that is not part of the language"),
  E0104(Severity.ERROR, "reserved word used as a name"),
  E0105(Severity.ERROR, "unexpected end of file"),
  E0106(Severity.ERROR, "file is not a protocol"),
  E0107(Severity.ERROR, "file cannot be read"),
  E0108(Severity.ERROR, "condition or claim nested too deeply"),

  E0201(Severity.ERROR, "unknown role"),
  E0202(Severity.ERROR, "unknown stage"),
  E0203(Severity.ERROR, "unknown outcome"),
  E0204(Severity.ERROR, "unknown attribute"),
  E0205(Severity.ERROR, "unknown event"),
  E0206(Severity.ERROR, "unknown scale"),
  E0207(Severity.ERROR, "grade not on the scale"),
  E0208(Severity.ERROR, "unknown form"),
  E0209(Severity.ERROR, "unknown agency"),
  E0210(Severity.ERROR, "declared twice"),
  E0211(Severity.ERROR, "unknown calendar"),
  E0212(Severity.ERROR, "unknown choice of an attribute"),
  E0213(Severity.ERROR, "unknown time zone"),
  E0214(Severity.ERROR, "unknown phase"),
  E0215(Severity.ERROR, "two actions with one id"),

  E0301(Severity.ERROR, "timescale without a unit"),
  E0302(Severity.ERROR, "impossible date"),
  E0303(Severity.ERROR, "review date before the effective date"),
  E0304(Severity.ERROR, "timescale of zero"),
  E0305(Severity.ERROR, "unit not allowed here"),
  E0306(Severity.ERROR, "attribute used the wrong way"),
  E0307(Severity.ERROR, "unknown status"),
  E0308(Severity.ERROR, "stage range runs backwards"),
  E0309(Severity.ERROR, "count that must be at least one"),
  E0310(Severity.ERROR, "date outside the calendar"),
  E0311(Severity.ERROR, "number too large"),
  E0312(Severity.ERROR, "text too long"),
  E0313(Severity.ERROR, "unknown subject of the policy"),
  E0314(Severity.ERROR, "guide longer than its cap"),
  E0320(Severity.ERROR, "unknown channel"),
  E0340(Severity.ERROR, "assumption on a deadline that must be met"),
  E0341(Severity.ERROR, "assumption shorter than its deadline"),
  E0342(Severity.ERROR, "right to start reads a stage's decision"),
  E0343(Severity.ERROR, "extension requirement asked of a role that may not ask"),
  E0344(Severity.ERROR, "extension requirement by requester with no requesters"),
  E0345(Severity.ERROR, "timescale set during the case with no bound"),
  E0346(Severity.ERROR, "guide longer than its assumption"),
  E0347(Severity.ERROR, "extension guide longer than its `up to`"),
  E0350(Severity.ERROR, "base protocol cannot be read"),
  E0351(Severity.ERROR, "change names nothing in the base"),
  E0352(Severity.ERROR, "declared again without `replace`"),
  E0353(Severity.ERROR, "protocol built on itself"),
  E0354(Severity.ERROR, "base protocol has errors"),
  E0355(Severity.ERROR, "cannot be replaced"),
  E0360(Severity.ERROR, "two step deadlines with one id"),
  E0361(Severity.ERROR, "outcome step counted from an event"),
  E0362(Severity.ERROR, "required step cannot be good practice"),
  E0363(Severity.ERROR, "step required before entry has a deadline"),
  E0364(Severity.ERROR, "step required before entry has no one role"),

  E0401(Severity.ERROR, "stage cannot be reached"),
  E0402(Severity.ERROR, "stage has no way out"),
  E0403(Severity.ERROR, "precondition can never be met"),
  E0404(Severity.ERROR, "statement does not belong here"),
  E0405(Severity.ERROR, "required header missing"),
  E0406(Severity.ERROR, "protocol has no stages"),
  E0407(Severity.ERROR, "header given twice"),
  E0408(Severity.ERROR, "conflicting timescales"),
  E0409(Severity.ERROR, "incomplete trigger"),
  E0410(Severity.ERROR, "limit, property, phase or invariant that says nothing"),
  E0411(Severity.ERROR, "extension nobody can grant"),
  E0412(Severity.ERROR, "response handled twice"),
  E0413(Severity.ERROR, "condition can never hold"),
  E0414(Severity.ERROR, "deadline already passed when its stage comes round again"),
  E0415(Severity.ERROR, "stage in two phases"),
  E0420(Severity.ERROR, "route the case chooses goes where the stage goes anyway"),
  E0421(Severity.ERROR, "statement that is not a step in a `when` block done at once"),
  E0422(Severity.ERROR, "`when` done at once that does nothing"),
  E0423(Severity.ERROR, "referral at the raise by a role that never raises"),
  E0424(Severity.ERROR, "role looked up per agency in a protocol with no agencies"),
  E0425(Severity.ERROR, "directory with no name"),
  E0426(Severity.ERROR, "one directory spelled two ways"),
  E0428(Severity.ERROR, "decision taken jointly"),
  E0433(Severity.ERROR, "the same role twice in a joint step"),
  E0437(Severity.ERROR, "step counted back from an undeclared date"),
  E0438(Severity.ERROR, "the same working day counted back from a date"),
  E0440(Severity.ERROR, "`to` line joins its roles with both `and` and `or`"),
  E0441(Severity.ERROR, "stage answered jointly by roles that depend on the case"),
  E0442(Severity.ERROR, "stage judged twice"),
  E0443(Severity.ERROR, "escalations raised by several roles jointly"),
  E0444(Severity.ERROR, "trigger raised by a role that does not raise escalations"),
  E0445(Severity.ERROR, "stage escalated by two roles"),
  E0447(Severity.ERROR, "substitute on a `to` line that names several roles"),
  E0448(Severity.ERROR, "substitute that could never stand in"),

  W0501(Severity.WARNING, "declared but never used"),
  W0502(Severity.WARNING, "stage or outcome without a source"),
  W0503(Severity.WARNING, "stage escalates to no one"),
  W0504(Severity.WARNING, "role both escalated to and copied"),
  W0505(Severity.WARNING, "stage numbers out of order"),
  W0506(Severity.WARNING, "a path can never end"),
  W0507(Severity.WARNING, "built-in outcome `resolved` never reached"),
  W0508(Severity.WARNING, "step due after a limit has run out"),

  W0601(Severity.WARNING, "timescales over a declared limit"),
  E0602(Severity.ERROR, "a path never reaches an outcome"),
  E0603(Severity.ERROR, "stage or outcome never reached"),
  E0604(Severity.ERROR, "two rules apply to the same event"),
  E0605(Severity.ERROR, "precondition never met"),
  E0606(Severity.ERROR, "property does not hold"),
  E0607(Severity.ERROR, "limit broken on some path"),
  W0608(Severity.WARNING, "extensions can break a limit or a bound"),
  E0609(Severity.ERROR, "too many states to verify"),
  E0615(Severity.ERROR, "invariant stands in the protocol's way");

  private final Severity severity;
  private final String title;

  Code(Severity severity, String title) {
    this.severity = severity;
    this.title = title;
  }

  public Severity severity() {
    return severity;
  }

  /** A few words naming the problem, as in the catalogue. */
  public String title() {
    return title;
  }

  /** The Markdown explanation of this code. */
  public String explanation() {
    String resource = "explain/" + name() + ".md";
    try (InputStream in = Code.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no explanation for " + name() + " at " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The code written as {@code E0201} (any case), if it is in the catalogue. */
  public static Optional<Code> parse(String text) {
    String wanted = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.name().equals(wanted)).findFirst();
  }
}

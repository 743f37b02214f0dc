package org.escalon.compiler.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;

/**
 * The fixes a diagnostic carries in its help: {@code did you mean `TeamManager`?} replaces the
 * misspelt name, and E0301's {@code 5 days} becomes {@code 5 working days} or {@code 5 calendar
 * days}. The help is the checker's one statement of the fix; reading it here keeps one source.
 */
public final class Fixes {

  private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean `([^`]+)`\\?");
  private static final Pattern WRITE_EITHER = Pattern.compile("write `([^`]+)` or `([^`]+)`");

  private Fixes() {}

  public static List<Fix> of(Diagnostic d) {
    List<Fix> fixes = new ArrayList<>();
    if (!d.span().isKnown() || d.help().isEmpty()) {
      return fixes;
    }
    String help = d.help().get();
    Matcher mean = DID_YOU_MEAN.matcher(help);
    if (mean.find()) {
      fixes.add(new Fix("Change to `" + mean.group(1) + "`", d, d.span(), mean.group(1)));
    }
    Matcher either = WRITE_EITHER.matcher(help);
    if (d.code() == Code.E0301 && either.find()) {
      for (int i = 1; i <= 2; i++) {
        fixes.add(new Fix("Write `" + either.group(i) + "`", d, d.span(), either.group(i)));
      }
    }
    return fixes;
  }

  public static List<Fix> of(List<Diagnostic> diagnostics) {
    List<Fix> fixes = new ArrayList<>();
    diagnostics.forEach(d -> fixes.addAll(of(d)));
    return fixes;
  }
}

package org.escalon.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final List<String> ROLES =
      List.of("IRO", "SocialWorker", "TeamManager", "ServiceManager", "AssistantDirector");

  @Test
  void suggestsTheClosestDeclaredName() {
    assertEquals(Optional.of("TeamManager"), Suggestions.closest("TeamManger", ROLES));
    assertEquals(Optional.of("TeamManager"), Suggestions.closest("teammanager", ROLES));
    assertEquals(Optional.of("SocialWorker"), Suggestions.closest("SocailWorker", ROLES));
    assertEquals(Optional.empty(), Suggestions.closest("Cafcass", ROLES));
  }

  @Test
  void helpListsWhatIsDeclaredWhenNothingIsClose() {
    String help = Suggestions.help("Cafcass", ROLES, "role");
    assertTrue(help.startsWith("declare it with `role Cafcass \"...\"`, or use one of `IRO`"), help);
  }

  @Property
  void distanceIsAMetricOnNames(
      @ForAll @AlphaChars @StringLength(max = 12) String a,
      @ForAll @AlphaChars @StringLength(max = 12) String b) {
    assertEquals(0, Suggestions.distance(a, a));
    assertEquals(Suggestions.distance(a, b), Suggestions.distance(b, a));
    assertTrue(Suggestions.distance(a, b) <= Math.max(a.length(), b.length()));
  }

  @Property
  void oneTypoIsAlwaysFoundAgain(
      @ForAll @AlphaChars @StringLength(min = 4, max = 12) String name, @ForAll int position) {
    int i = Math.floorMod(position, name.length());
    String typo = name.substring(0, i) + name.substring(i + 1);
    assertEquals(Optional.of(name), Suggestions.closest(typo, List.of(name)));
  }
}

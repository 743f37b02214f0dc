package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.escalon.engine.CaseEvent;
import org.escalon.model.Attribute;
import org.escalon.model.Citation;
import org.escalon.model.Timespan;
import org.escalon.model.Right;
import org.escalon.model.Scale;

/**
 * The typed methods a host calls, one per event the protocol has: their parameter types admit
 * only what the protocol names (a bypass takes a target of the bypass right, a grade a grade of
 * its scale), so a wrong call does not compile; what types cannot say is refused at run time.
 */
final class EventsWriter {

  private final Context cx;
  private final Plan plan;
  private final TypeName role;

  EventsWriter(Context cx) {
    this.cx = cx;
    this.plan = cx.plan;
    this.role = plan.type("Role");
  }

  List<MethodSpec> write() {
    List<MethodSpec> methods = new ArrayList<>();
    String raiser = plan.protocol.header().raisedBy();
    String first = plan.protocol.stages().get(0).key();
    methods.add(event("raise", "$L raises the escalation at stage $L.\n$L",
        Javadocs.text(raiser), Javadocs.text(first), cx.policy()).addAnnotation(Override.class)
        .addParameter(Instant.class, "at")
        .addStatement("accept(new $T(at, $S, $T.empty(), $T.empty()))", CaseEvent.Raise.class,
            raiser, Optional.class, Optional.class).build());
    if (!plan.protocol.header().alsoRaisedBy().isEmpty()) {
      // `raised by IRO or CPChair`: the host says which raised it; it is that case's escalator
      methods.add(event("raise", "{@code by}, one of $L, raises the escalation at stage $L.\n$L",
          Javadocs.text(String.join(", ", plan.protocol.header().raisers())),
          Javadocs.text(first), cx.policy())
          .addParameter(Instant.class, "at").addParameter(role, "by")
          .addStatement("accept(new $T(at, by.key(), $T.empty(), $T.empty()))",
              CaseEvent.Raise.class, Optional.class, Optional.class).build());
    }
    for (Plan.RightGroup group : plan.rightGroups) {
      rights(group, methods);
    }
    methods.add(overriding("respond")
        .addParameter(Instant.class, "at").addParameter(role, "by")
        .addParameter(boolean.class, "resolving")
        .addStatement("accept(new $T(at, by.key(), resolving))", CaseEvent.Respond.class)
        .build());
    if (plan.extensions) {
      // each rule's own paragraph: the first it cites
      List<Citation> cited = plan.extensionRules().stream()
          .flatMap(r -> r.citations().stream().limit(1)).toList();
      methods.add(event("requestExtension", "{@code by} asks for {@code amount} more time, in "
              + "writing or not, giving its\nrationale.\n$L", Javadocs.policy(cited))
          .addParameter(Instant.class, "at").addParameter(role, "by")
          .addParameter(Timespan.class, "amount").addParameter(boolean.class, "inWriting")
          .addParameter(String.class, "rationale")
          .addStatement("accept(new $T(at, by.key(), amount, inWriting, $T.of(rationale)))",
              CaseEvent.RequestExtension.class, Optional.class).build());
      methods.add(event("requestExtension", "{@code by} asks for {@code amount} more time, "
              + "giving no rationale.\n$L", Javadocs.policy(cited))
          .addParameter(Instant.class, "at").addParameter(role, "by")
          .addParameter(Timespan.class, "amount").addParameter(boolean.class, "inWriting")
          .addStatement("accept(new $T(at, by.key(), amount, inWriting, $T.empty()))",
              CaseEvent.RequestExtension.class, Optional.class).build());
      methods.add(event("grantExtension", "{@code by} grants the more time asked for.\n$L",
              Javadocs.policy(cited))
          .addParameter(Instant.class, "at").addParameter(role, "by")
          .addStatement("accept(new $T(at, by.key()))", CaseEvent.GrantExtension.class)
          .build());
      methods.add(event("declineExtension", "{@code by} declines the more time asked for: the "
              + "deadline stays, and\nmore may be asked again.\n")
          .addParameter(Instant.class, "at").addParameter(role, "by")
          .addStatement("accept(new $T(at, by.key()))", CaseEvent.DeclineExtension.class)
          .build());
    }
    methods.add(overriding("agree")
        .addParameter(Instant.class, "at").addParameter(role, "role")
        .addStatement("accept(new $T(at, role.key()))", CaseEvent.Agree.class).build());
    methods.add(overriding("advise")
        .addParameter(Instant.class, "at").addParameter(role, "role")
        .addStatement("accept(new $T(at, role.key()))", CaseEvent.Advise.class).build());
    for (Attribute a : plan.protocol.attributes()) {
      if (a.decision().isPresent()) {
        methods.add(event(plan.setters.get(a.name()), "{@code by} takes the decision $L $L: "
                + "$L.\n", Javadocs.text(a.name()), a.decision().get().stage()
                    .map(k -> "of stage " + Javadocs.text(k)).orElse("(at any time)"),
                Javadocs.text(a.title()))
            .addParameter(Instant.class, "at").addParameter(role, "by")
            .addParameter(boolean.class, "yes")
            .addStatement("accept(new $T(at, by.key(), $S, yes))", CaseEvent.Decide.class,
                a.name()).build());
        continue;
      }
      MethodSpec.Builder m = event(plan.setters.get(a.name()), "Sets the case's attribute "
          + "$L: $L.\n", Javadocs.text(a.name()), Javadocs.text(a.title()))
          .addParameter(Instant.class, "at");
      if (a.isYesNo()) {
        m.addParameter(boolean.class, "value").addStatement("accept(new $T(at, $S, value ? $S : "
            + "$S))", CaseEvent.SetAttribute.class, a.name(), "yes", "no");
      } else {
        m.addParameter(plan.choiceTypes.get(a.name()), "value").addStatement(
            "accept(new $T(at, $S, value.key()))", CaseEvent.SetAttribute.class, a.name());
      }
      methods.add(m.build());
    }
    for (Scale s : plan.protocol.scales()) {
      methods.add(event("grade", "Grades {@code section} of the plan on the scale $L: $L.\n",
              Javadocs.text(s.name()), Javadocs.text(s.title()))
          .addParameter(Instant.class, "at").addParameter(String.class, "section")
          .addParameter(plan.scaleTypes.get(s.name()), "grade")
          .addStatement("accept(new $T(at, $S, section, grade.key()))", CaseEvent.Grade.class,
              s.name()).build());
    }
    plan.eventType.ifPresent(type -> methods.add(event("happened", "{@code event} happens to "
            + "the case.\n")
        .addParameter(Instant.class, "at").addParameter(type, "event")
        .addStatement("accept(new $T(at, event.key()))", CaseEvent.Occur.class).build()));
    methods.add(overriding("withdraw")
        .addParameter(Instant.class, "at").addParameter(role, "by")
        .addStatement("accept(new $T(at, by.key(), $T.empty()))", CaseEvent.Withdraw.class,
            Optional.class).build());
    methods.add(overriding("withdraw")
        .addParameter(Instant.class, "at").addParameter(role, "by")
        .addParameter(String.class, "reason")
        .addStatement("accept(new $T(at, by.key(), $T.of(reason)))", CaseEvent.Withdraw.class,
            Optional.class).build());
    methods.add(overriding("passTimeTo").addParameter(Instant.class, "now")
        .addStatement("accept(null, now)").build());
    cx.add(cx.method("accept", "Applies {@code event} after letting time pass up to it.")
        .addParameter(CaseEvent.class, "event").addStatement("accept(event, event.at())")
        .build());
    return methods;
  }

  /** A method of the runtime's {@code TypedMachine}: its Javadoc is the interface's. */
  private MethodSpec.Builder overriding(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC)
        .addAnnotation(Override.class);
  }

  private MethodSpec.Builder event(String name, String doc, Object... args) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc, args);
  }

  private void rights(Plan.RightGroup group, List<MethodSpec> methods) {
    String by = group.role().orElseThrow();
    List<Citation> cited = group.rights().stream().map(Right::citation)
        .flatMap(Optional::stream).toList();
    boolean reasonRequired = group.rights().stream().anyMatch(Right::reasonRequired);
    String name;
    String param;
    String doc;
    Class<?> event;
    String target;
    switch (group.kind()) {
      case START -> {
        name = "raise";
        param = "stage";
        doc = "$L raises the escalation at a stage it may start at";
        event = CaseEvent.Raise.class;
        target = "$T.of(stage.stage().key())";
      }
      case BYPASS -> {
        name = "bypass";
        param = "target";
        doc = "$L bypasses to a stage or outcome its rights allow";
        event = CaseEvent.Bypass.class;
        target = "target.place().key()";
      }
      default -> {
        name = "refer";
        param = "outcome";
        doc = "$L refers the escalation to an outcome its rights allow";
        event = CaseEvent.Refer.class;
        target = "outcome.outcome().key()";
      }
    }
    ClassName type = group.type();
    for (int withReason = 1; withReason >= (reasonRequired ? 1 : 0); withReason--) {
      MethodSpec.Builder m = event(name, doc + (withReason == 1 ? ", giving the reason.\n$L"
          : ".\n$L"), Javadocs.text(by), Javadocs.policy(cited))
          .addParameter(Instant.class, "at").addParameter(type, param);
      if (withReason == 1) {
        m.addParameter(String.class, "reason");
      }
      String reason = withReason == 1 ? "$T.of(reason)" : "$T.empty()";
      if (group.kind() == Right.Kind.START) {
        m.addStatement("accept(new $T(at, $S, " + target + ", " + reason + "))", event, by,
            Optional.class, Optional.class);
      } else {
        m.addStatement("accept(new $T(at, $S, " + target + ", " + reason + "))", event, by,
            Optional.class);
      }
      methods.add(m.build());
    }
  }
}

package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/** A condition over the case's attributes: {@code child_protection_plan and not urgent}. */
public sealed interface ConditionExpr {

  SourceSpan span();

  /** The attributes (and decisions) the condition reads, each where it is written. */
  default java.util.List<Name> attributes() {
    if (this instanceof Attr a) {
      return java.util.List.of(a.attribute());
    } else if (this instanceof Is i) {
      return java.util.List.of(i.attribute());
    } else if (this instanceof Not n) {
      return n.operand().attributes();
    } else if (this instanceof And a) {
      return java.util.stream.Stream.concat(a.left().attributes().stream(),
          a.right().attributes().stream()).toList();
    } else if (this instanceof Or o) {
      return java.util.stream.Stream.concat(o.left().attributes().stream(),
          o.right().attributes().stream()).toList();
    }
    return ((Group) this).inner().attributes();
  }

  /** A yes/no attribute holds. */
  record Attr(Name attribute) implements ConditionExpr {
    @Override
    public SourceSpan span() {
      return attribute.span();
    }
  }

  /** {@code agency is police}: an attribute with choices has the given one. */
  record Is(Name attribute, Name value, SourceSpan span) implements ConditionExpr {}

  /** {@code not c}. */
  record Not(ConditionExpr operand, SourceSpan span) implements ConditionExpr {}

  /** {@code a and b}. */
  record And(ConditionExpr left, ConditionExpr right, SourceSpan span) implements ConditionExpr {}

  /** {@code a or b}. */
  record Or(ConditionExpr left, ConditionExpr right, SourceSpan span) implements ConditionExpr {}

  /** {@code (c)}: kept so that the formatter prints the parentheses the author wrote. */
  record Group(ConditionExpr inner, SourceSpan span) implements ConditionExpr {}
}

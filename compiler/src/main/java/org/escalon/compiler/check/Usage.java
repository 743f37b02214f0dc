package org.escalon.compiler.check;

import java.util.HashSet;
import java.util.Set;

/** The names a protocol refers to, gathered while resolving, so lints can find unused ones. */
final class Usage {
  final Set<String> roles = new HashSet<>();
  final Set<String> agencies = new HashSet<>();
  final Set<String> attributes = new HashSet<>();
  final Set<String> events = new HashSet<>();
  final Set<String> dates = new HashSet<>();
  final Set<String> scales = new HashSet<>();
  final Set<String> forms = new HashSet<>();
}

// What the four builds of invoker.properties did, in order, as the log tells it.
def log = new File(basedir, 'build.log').text
def gen = new File(basedir, 'target/generated-sources/escalon/org/example/gen/escalation')
assert log.contains('unused.esc:5:13: warning[W0501]: the attribute `child_protection_plan` is declared but never used (accepted)')
assert log.contains('escalon: 2 protocols, 0 Java files written (all up to date)')
assert log.contains('Nothing to compile - all classes are up to date')
assert log.contains('Unused.java (its protocol is gone)')
assert log.contains('escalon: skipped')
assert new File(gen, 'Complaint.java').isFile()
assert !new File(gen, 'Unused.java').exists()
assert !log.contains('Exception in thread')
assert new File(gen, 'Complaint.java').text.contains('@Generated("org.escalon.compiler.generate.JavaGenerator")')

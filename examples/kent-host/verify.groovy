// The example host built and passed its tests; the second build wrote no Java and compiled nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('in org.example.kent.EscalationServiceTest')
assert log.contains('in org.example.kent.escalation.BexleyCpChairConformanceProperties')
assert log.contains('escalon: 2 protocols, 0 Java files written (all up to date)')
assert log.contains('Nothing to compile - all classes are up to date')
assert new File(basedir, 'target/generated-sources/escalon/org/example/kent/escalation/KentIro.java').isFile()
assert new File(basedir, 'target/generated-test-sources/escalon/org/example/kent/escalation').isDirectory()

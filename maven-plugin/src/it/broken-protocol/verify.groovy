// The build failed for the right reason, saying where, and wrote no Java.
def log = new File(basedir, 'build.log').text
assert log.contains('error[E0301]: `5 days` does not say which days')
assert log.contains('unlabelled.esc:7:')
assert log.contains('escalon: 1 protocol has errors; see above')
assert !log.contains('Exception in thread')
assert !new File(basedir, 'target/generated-sources/escalon/org/example/broken').exists()

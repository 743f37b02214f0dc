// The warning is one file:line:col line, and the build says how to accept it.
def log = new File(basedir, 'build.log').text
assert log =~ /unused\.esc:5:13: warning\[W0501\]: the attribute `child_protection_plan` is declared but never used\n/
assert log.contains('escalon: 1 warning and failOnWarning is set')
assert log.contains('<acceptedWarning>file.esc:CODE</acceptedWarning>')

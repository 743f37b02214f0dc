/**
 * The build plugin: a thin shell over the compiler. {@code escalon:generate} writes the Java of
 * each protocol under {@code target/generated-sources/escalon}, {@code
 * escalon:generate-test-sources} its conformance test under {@code
 * target/generated-test-sources/escalon}; each adds its folder to the build, writes a file only
 * when its text changes, deletes what a removed protocol left, and reports diagnostics as {@code
 * file:line:col: error[CODE]: message} lines.
 */
package org.escalon.maven;

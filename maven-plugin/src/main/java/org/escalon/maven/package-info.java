/**
 * The build plugin: a thin shell over the compiler's {@code SourcesWriter}. Input: a folder of
 * protocol files and a package name. Output: the Java of each protocol under
 * {@code target/generated-sources/escalon}, added to the compile source roots; a protocol with
 * errors fails the build with the compiler's messages.
 */
package org.escalon.maven;

/**
 * {@code escalon serve}: the web workspace on localhost. One process on the JDK's HTTP server: the
 * editor page (CodeMirror from its web jar), and a JSON API over the compiler service, the
 * diagram, the simulator, the verifier and the report. It reads and writes files only under the
 * folder it was started on.
 */
package org.escalon.compiler.serve;

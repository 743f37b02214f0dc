/**
 * The command line ({@code escalon}): picocli commands that read files, run the compiler's phases
 * and print diagnostics and summaries. Exit codes: 0 ok, 1 errors in the input, 2 usage, 70
 * internal error. No stack trace is printed for bad input.
 */
package org.escalon.compiler.cli;

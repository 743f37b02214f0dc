/**
 * {@code escalon lsp}: the Language Server Protocol over standard input and output, on Eclipse
 * LSP4J. A thin translation of the compiler service's answers ({@code
 * org.escalon.compiler.service}) into the protocol's types: ranges count from 0 here, from 1 there.
 */
package org.escalon.compiler.lsp;

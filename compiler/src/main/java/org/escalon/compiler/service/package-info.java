/**
 * The compiler service the two editing front ends share ({@code escalon lsp} and {@code escalon
 * serve}): it keeps each open document's last analysis and last good model, re-checks a document
 * on every change, and answers questions about positions (what is here, where is it declared and
 * used, what may be written here, what fixes a diagnostic).
 */
package org.escalon.compiler.service;

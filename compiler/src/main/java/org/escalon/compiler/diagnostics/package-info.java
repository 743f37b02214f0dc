/**
 * Diagnostics: what every phase reports about a protocol. One catalogue ({@link
 * org.escalon.compiler.diagnostics.Code}) names every code with its explanation; a {@link
 * org.escalon.compiler.diagnostics.Diagnostic} is plain data; rendering is separate, rich (source
 * line and caret underline) or short ({@code file:line:col: error[E0201]: message}).
 */
package org.escalon.compiler.diagnostics;

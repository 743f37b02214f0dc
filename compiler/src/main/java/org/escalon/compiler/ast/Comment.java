package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/**
 * A {@code #} comment, kept as a statement of the block it stands in so that formatting never
 * loses one. {@code trailing} comments stood at the end of the previous statement's line.
 */
public record Comment(String text, boolean trailing, SourceSpan span)
    implements Decl, StageStmt, ExtensionStmt, TriggerStmt, FormStmt, RoleStmt, LimitStmt,
        PropertyStmt, PhaseStmt, InvariantStmt {}

/**
 * Verification over the lowered protocol model. For now, the static check of declared limits
 * against the stages' own timescales (W0601); the exhaustive verifier of every path comes later.
 */
package org.escalon.compiler.verify;

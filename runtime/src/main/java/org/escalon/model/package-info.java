/**
 * The protocol model: the compiler's intermediate representation and what the runtime engine,
 * the simulator and generated code read. Immutable records with references resolved to keys
 * (stage keys, role names); every list is in declaration order so that everything derived from a
 * model is deterministic. No third-party dependencies.
 */
package org.escalon.model;

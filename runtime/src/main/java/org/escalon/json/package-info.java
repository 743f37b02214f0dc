/**
 * JSON for the runtime's immutable records (states, events, effects): a writer and a reader
 * written here rather than taken from a library, because {@code escalon-runtime} has no
 * third-party dependencies (generated machines and hosts get nothing on their classpath they did
 * not ask for) and the runtime's types are records and sealed interfaces, which a reader can bind
 * from their own declarations without annotations.
 */
package org.escalon.json;

/**
 * The one describer of a protocol in plain English, {@link org.escalon.describe.PlainEnglish}:
 * role titles, timescales, the operational model's guards (conditions, requirements, trigger
 * rules), rights and properties' claims, each kind through its visitor or case helper. The
 * diagrams, the BPMN export's labels, the report and the revision notes all use it. No
 * third-party dependencies.
 */
package org.escalon.describe;

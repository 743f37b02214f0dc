/**
 * The ratification report. Input: a checked {@link org.escalon.model.Protocol}, a start date, and
 * optionally a population report from the simulator. Output: one self-contained HTML page
 * ({@link org.escalon.compiler.report.ReportWriter}): the protocol in plain English
 * ({@link org.escalon.compiler.report.ProtocolDescriber}), the ladder (the diagram package's SVG),
 * the simulator's worst case as a Gantt chart ({@link org.escalon.compiler.report.GanttChart}),
 * the findings of a {@link org.escalon.compiler.report.FindingSource} with their counterexample
 * timelines, the population's tables, and every citation. Invariants: no scripts and nothing
 * fetched; every citation of the protocol is listed; the same inputs give the same bytes.
 */
package org.escalon.compiler.report;

package org.escalon.compiler.report;

/**
 * The report's style sheet, inline so that the page needs nothing else: readable on screen, and
 * on A4 in print (each major part on a new page, figures kept whole and scaled to the page).
 */
public final class ReportStyle {

  private ReportStyle() {}

  public static final String CSS = """
      :root { color-scheme: light; }
      body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.45;
        color: #1a1a1a; background: #ffffff; max-width: 190mm; margin: 0 auto; padding: 8mm; }
      h1, h2, h3, h4, nav, table, figcaption, .kicker, .verdict, .note {
        font-family: Helvetica, Arial, sans-serif; }
      h1 { font-size: 20pt; margin: 0 0 4mm; }
      h2 { font-size: 15pt; border-bottom: 2px solid #2b4a7a; padding-bottom: 1mm; margin-top: 8mm; }
      h3 { font-size: 12pt; margin: 6mm 0 2mm; }
      h4 { font-size: 11pt; margin: 4mm 0 1mm; color: #2b4a7a; }
      .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: #2b4a7a; margin: 0; }
      .note { color: #555555; font-size: 9.5pt; }
      .lead { margin-bottom: 1mm; }
      table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 2mm 0 4mm; }
      th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm;
        border-bottom: 1px solid #dddddd; }
      thead th { border-bottom: 2px solid #999999; }
      table.meta th { width: 42mm; color: #555555; font-weight: normal; }
      td.number, table.population th:not(:first-child) { text-align: right; }
      table.timeline td:first-child { white-space: nowrap; }
      tr.concluded td { font-weight: bold; }
      tr.timed_out td, tr.waiting td { color: #8a1c1c; }
      figure { margin: 4mm 0; }
      figcaption { font-size: 9pt; color: #555555; margin-top: 1mm; }
      svg.ladder, svg.gantt { display: block; max-width: 100%; height: auto; }
      sup.cite { font-size: 7.5pt; font-family: Helvetica, Arial, sans-serif; }
      sup.cite a { color: #2b4a7a; text-decoration: none; }
      .finding { border-left: 4px solid #999999; padding: 0 0 0 4mm; margin: 4mm 0; }
      .finding.holds { border-color: #2e7d32; }
      .finding.fails { border-color: #c62828; }
      .verdict { display: inline-block; font-size: 8.5pt; text-transform: uppercase;
        padding: 0.4mm 2mm; border-radius: 2mm; background: #eeeeee; color: #333333;
        margin-right: 2mm; }
      .holds .verdict { background: #e8f5e9; color: #1b5e20; }
      .fails .verdict { background: #ffebee; color: #b71c1c; }
      ol.sources li { margin-bottom: 1mm; }
      .where { color: #555555; font-size: 9pt; }
      nav ol { columns: 2; }
      @page { size: A4; margin: 15mm 14mm; }
      @media print {
        body { max-width: none; padding: 0; font-size: 10pt; }
        section.major { break-before: page; }
        h2, h3, h4 { break-after: avoid; }
        figure, tr, .finding h3 { break-inside: avoid; }
        svg.ladder { max-height: 240mm; width: auto; margin: 0 auto; }
        a { color: inherit; text-decoration: none; }
      }
      """;
}

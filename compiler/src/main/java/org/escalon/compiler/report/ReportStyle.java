package org.escalon.compiler.report;

/**
 * The report's style sheet, inline so that the page needs nothing else: readable on screen, and
 * on A4 in print, where the sections flow on from one another (no forced page breaks: a board
 * pack is read in print, and white half-pages make it longer), figures are kept whole and scaled
 * to the page, and every page carries its number and the report's provenance.
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
      table.meta th { width: 30mm; color: #555555; font-weight: normal; }
      td.number, table.population th:not(:first-child) { text-align: right; }
      table.timeline td:first-child { white-space: nowrap; }
      tr.concluded td { font-weight: bold; }
      tr.timed_out td, tr.waiting td { color: #8a1c1c; }
      figure { margin: 4mm 0; }
      figcaption { font-size: 9pt; color: #555555; margin-top: 1mm; }
      svg.ladder, svg.gantt { display: block; max-width: 100%; height: auto; }
      .with-ladder { display: flex; gap: 5mm; align-items: flex-start; }
      .beside-ladder { flex: 1 1 auto; min-width: 0; }
      .ladder-figure { flex: 0 0 38%; margin: 0; }
      .with-ladder > .ladder-figure { order: 2; }
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
      ol.sources { font-size: 8.5pt; columns: 2; column-gap: 6mm; }
      ol.sources li { margin-bottom: 0.5mm; break-inside: avoid; }
      table.rules { table-layout: fixed; }
      table.rules td { font-family: Georgia, "Times New Roman", serif; }
      table.rules tr.heading th { color: #2b4a7a; border-bottom: 1px solid #2b4a7a;
        padding-top: 2mm; }
      table.rules tr.lead td { font-style: italic; border-bottom: none; }
      .policy { color: #444444; }
      .policy q { font-style: italic; }
      .policy .section { font-family: Helvetica, Arial, sans-serif; font-weight: bold;
        font-size: 0.9em; }
      .policy mark { background: #e3ebf7; color: inherit; }
      .interpretation { display: block; background: #fff8e1; padding: 0.5mm 1mm; margin-top: 0.5mm; }
      .summary { font-size: 12pt; }
      .ladder-line { background: #f3f6fb; padding: 1.5mm 2mm; }
      .code { font-family: monospace; font-size: 9pt; color: #555555; }
      ul.notes { font-size: 9.5pt; color: #333333; margin: 0 0 2mm; }
      .finding.warning { border-color: #b45309; }
      .warning .verdict { background: #fff4e0; color: #8a3f00; }
      table.sign-off td { height: 12mm; }
      table.not-encoded td:first-child { width: 45%; }
      .chart { display: block; max-width: 100%; height: auto; }
      .caveat { border: 1px solid #b45309; background: #fff8e1; padding: 1.5mm 2mm;
        font-family: Helvetica, Arial, sans-serif; font-size: 9.5pt; }
      footer.provenance { font-family: Helvetica, Arial, sans-serif; font-size: 7.5pt;
        color: #555555; border-top: 1px solid #dddddd; margin-top: 8mm; padding-top: 1mm; }
      .where { color: #555555; font-size: 9pt; }
      nav ol { columns: 2; }
      .print-only { display: none; }
      @media print {
        body { max-width: none; padding: 0; font-size: 7.5pt; line-height: 1.15; }
        h1 { font-size: 14pt; margin: 0 0 1mm; } h2 { font-size: 10.5pt; margin: 2mm 0 0.8mm; }
        h3 { font-size: 9pt; margin: 1.5mm 0 0.5mm; }
        h4 { font-size: 8.5pt; margin: 1.5mm 0 0.5mm; }
        p, ul, ol { margin: 0.6mm 0; }
        table { font-size: 7pt; margin: 0.5mm 0 1.5mm; line-height: 1.2; }
        th, td { padding: 0.3mm 1mm; }
        .policy q.mapped { quotes: none; }
        sup.cite { vertical-align: baseline; font-size: 5.5pt; color: #2b4a7a; }
        table.counterexample td:last-child, table.counterexample th:last-child { width: 22%; }
        table.rules td { font-size: 6.2pt; line-height: 1.05; padding: 0.15mm 1mm; }
        table.rules td:last-child { font-size: 5.9pt; }
        table.not-encoded, table.timeline { font-size: 6pt; line-height: 1.05; }
        /* each row says which stage it leads to, or follows one that does */
        table.counterexample .stage { display: none; }
        .finding p, .finding h3 { font-size: 7.5pt; margin: 0.5mm 0; }
        .finding.note h3 { display: inline; margin-right: 2mm; }
        .finding.note p { display: inline; }
        .where { font-size: 6pt; }
        /* the ladder is tall and narrow: to the right of the summary and the worst case's
           chart, which narrow beside it, not on a page of its own */
        .with-ladder { display: block; }
        .with-ladder > .ladder-figure { float: right; width: 58mm; margin: 0 0 1mm 4mm; }
        .with-ladder table { width: auto; }
        h2, figure.gantt-figure { display: flow-root; }
        tr.as-worst-case td { font-style: italic; color: #555555; }
        table.rules tr.heading th { padding-top: 1mm; }
        ol.sources { font-size: 6pt; columns: 3; }
        ol.choices, ol.interpretations { font-size: 5.9pt; line-height: 1.12; columns: 3;
          column-gap: 4mm; padding-left: 4mm; }
        ol.choices li, ol.interpretations li { break-inside: avoid; }
        ol.few { columns: 1; }
        .gantt-figure figcaption { display: none; }
        ul.notes { font-size: 6.3pt; line-height: 1.12; padding-left: 4mm; margin: 0.3mm 0; }
        .finding { margin: 0.6mm 0; padding-left: 2mm; }
        .verdict { font-size: 6.5pt; padding: 0.1mm 1.5mm; }
        table.not-encoded td:first-child { width: 55%; }
        .note, figcaption { font-size: 7pt; }
        .summary { font-size: 8.5pt; }
        table.sign-off td { height: 5.5mm; }
        table.sign-off { break-inside: avoid; }
        h2, h3, h4 { break-after: avoid; }
        figure, tr, .finding h3 { break-inside: avoid; }
        figure { margin: 1.5mm 0; }
        svg.ladder { width: 100%; height: auto; }
        svg.gantt { width: 100%; max-width: 150mm; height: auto; }
        a { color: inherit; text-decoration: none; }
        nav, .screen-only { display: none; }
        .print-only { display: block; }
        footer.provenance { display: none; }
      }
      """;

  /**
   * The page box: A4, its number at the bottom right and the provenance at the bottom left of
   * every printed page, in the page margin where it cannot cover the text.
   */
  static String pageFooter(String provenance) {
    return "@page { size: A4; margin: 7mm 7mm 10mm;\n"
        + "  @bottom-left { content: " + cssString(provenance) + "; font: 6.5pt Helvetica, Arial, "
        + "sans-serif; color: #555555; }\n"
        + "  @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); "
        + "font: 8pt Helvetica, Arial, sans-serif; color: #555555; } }\n";
  }

  /** A CSS string: quotes, backslashes and anything outside printable ASCII escaped. */
  private static String cssString(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
        out.append('\\').append(Integer.toHexString(c)).append(' ');
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('"').toString();
  }
}

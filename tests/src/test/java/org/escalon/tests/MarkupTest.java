package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.escalon.compiler.diagram.Markup;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * Escaped text stays well-formed XML, even with a control character a protocol's string may hold
 * (found by ExportProperties: a BPMN export with U+0006 in a source did not parse).
 */
class MarkupTest {

  @Test
  void controlCharactersXmlForbidsBecomeReplacementCharacters() throws Exception {
    String text = "a\u0001b\u0006 <c> & \"d\"\te\nf";
    String escaped = Markup.escape(text);
    assertEquals("a\uFFFDb\uFFFD &lt;c&gt; &amp; &quot;d&quot;\te\nf", escaped);
    String parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader("<x>" + escaped + "</x>")))
        .getDocumentElement().getTextContent();
    assertEquals("a\uFFFDb\uFFFD <c> & \"d\"\te\nf", parsed);
  }
}

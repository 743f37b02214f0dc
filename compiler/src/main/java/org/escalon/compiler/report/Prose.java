package org.escalon.compiler.report;

import java.util.List;
import org.escalon.model.Citation;

/**
 * A protocol told in plain English, as sections of paragraphs and lists, each paragraph with the
 * citations of the policy text it comes from. Plain text: the report escapes and lays it out.
 */
public record Prose(List<Section> sections) {

  public Prose {
    sections = List.copyOf(sections);
  }

  /** A titled part, with an id to link to. */
  public record Section(String id, String title, List<Block> blocks) {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /** A part of a section. */
  public sealed interface Block {}

  /** A sub-heading within a section (a stage, an outcome). */
  public record Heading(String id, String text) implements Block {}

  /** Sentences, and the policy paragraphs they come from. */
  public record Paragraph(String text, List<Citation> citations) implements Block {
    public Paragraph {
      citations = List.copyOf(citations);
    }
  }

  /** A list of items, each a paragraph. */
  public record Items(String lead, List<Paragraph> items) implements Block {
    public Items {
      items = List.copyOf(items);
    }
  }
}

package org.escalon.compiler.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.escalon.compiler.diagnostics.SourceText;

/**
 * The open documents, each with its latest analysis. Every change is checked at once, whole: a
 * protocol is a few hundred lines and the whole check takes milliseconds (see {@code
 * bench/RESULTS.md}), so there is no partial re-parse to get wrong. Safe to call from several
 * threads; changes to one document are applied one at a time, in the order of their versions.
 */
public final class DocumentService {

  /** Longer documents are refused rather than parsed: no protocol comes near this. */
  public static final int MAX_CHARS = 1_000_000;

  /** Open documents kept at most; past this the one opened longest ago is forgotten. */
  public static final int MAX_DOCUMENTS = 256;

  private final Map<String, Analysis> documents = new ConcurrentHashMap<>();
  private final Queue<String> opened = new ConcurrentLinkedQueue<>();
  private final Analyser analyser = new Analyser();

  /** Opens a document or replaces its text, and checks it. */
  public Analysis update(String uri, int version, String text) {
    if (text.length() > MAX_CHARS) {
      throw new DocumentTooLarge(uri, text.length());
    }
    if (!documents.containsKey(uri)) {
      opened.add(uri);
      while (opened.size() > MAX_DOCUMENTS) {
        String oldest = opened.poll();
        if (oldest != null) {
          documents.remove(oldest);
        }
      }
    }
    return documents.compute(uri, (u, previous) -> {
      if (previous != null && previous.version() > version) {
        return previous;
      }
      if (previous != null && previous.source().text().equals(text)) {
        return previous.at(version); // the editor counts every edit, even one that undoes itself
      }
      return analyser.analyse(version, SourceText.of(pathOf(u), text),
          Optional.ofNullable(previous));
    });
  }

  public void close(String uri) {
    documents.remove(uri);
    opened.remove(uri);
  }

  public Optional<Analysis> analysis(String uri) {
    return Optional.ofNullable(documents.get(uri));
  }

  public List<String> open() {
    return documents.keySet().stream().sorted().toList();
  }

  /** The name diagnostics give a document: its file name, as the command line does. */
  static String pathOf(String uri) {
    int slash = uri.lastIndexOf('/');
    return slash >= 0 ? uri.substring(slash + 1) : uri;
  }

  /** A document longer than {@link #MAX_CHARS}: refused whole, the previous version kept. */
  public static final class DocumentTooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DocumentTooLarge(String uri, int length) {
      super(uri + " has " + length + " characters; documents of more than " + MAX_CHARS
          + " are not checked");
    }
  }
}

package org.escalon.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a step is done: the channels it may be done by ({@code via telephone or email}: any one of
 * them; none when the policy does not say) and whether the policy requires it or recommends it as
 * good practice. A good-practice step is told to the host like any other, marked so, and is never
 * counted as done: a property that a role is notified holds only by required steps.
 */
public record Manner(List<Channel> channels, boolean required) {

  /** A step as most are written: required, by no channel in particular. */
  public static final Manner REQUIRED = new Manner(List.of(), true);

  public Manner {
    channels = List.copyOf(channels);
  }

  /** The ways a step may be done, as policies name them. */
  public enum Channel {
    TELEPHONE("telephone", "by telephone"),
    EMAIL("email", "by email"),
    LETTER("letter", "by letter"),
    MEETING("meeting", "at a meeting"),
    WRITING("writing", "in writing");

    private final String word;
    private final String phrase;

    Channel(String word, String phrase) {
      this.word = word;
      this.phrase = phrase;
    }

    /** The word written after {@code via}. */
    public String word() {
      return word;
    }

    /** The channel in a sentence: "by telephone", "in writing". */
    public String phrase() {
      return phrase;
    }

    /** The channel a word after {@code via} names, if any. */
    public static Optional<Channel> named(String word) {
      for (Channel c : values()) {
        if (c.word.equals(word)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }

    /** Every channel's word, for a message that lists them. */
    public static List<String> words() {
      return java.util.Arrays.stream(values()).map(Channel::word).toList();
    }
  }

  /** Whether this says anything beyond a required step by no particular channel. */
  public boolean isPlain() {
    return channels.isEmpty() && required;
  }

  /** "by telephone or by email", or empty when no channel is named. */
  public String channelPhrase() {
    return channels.stream().map(Channel::phrase).collect(Collectors.joining(" or "));
  }

  /** As written after a step: {@code via telephone or email as good practice}, or empty. */
  public String written() {
    String via = channels.isEmpty() ? "" : "via " + channels.stream().map(Channel::word)
        .collect(Collectors.joining(" or "));
    String practice = required ? "" : "as good practice";
    return (via + " " + practice).strip().toLowerCase(Locale.ROOT);
  }
}

package org.escalon.engine;

import java.util.function.Consumer;

/**
 * One step a stage or outcome asks of the host, as a generated machine whose listener is an
 * {@code L} tells it: the listener call, bound to its place once, made while the condition
 * numbered {@code condition} holds (numbered as {@link StepCalls#conditions} lists them), or
 * always ({@link StepCalls#ALWAYS}).
 */
public record StepCall<L>(int condition, Consumer<? super L> call) {}

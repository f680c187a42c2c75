/**
 * DJL plumbing behind the trainers of {@link dev.jotter.toolkit.train}: the one training loop
 * ({@link dev.jotter.toolkit.train.djl.FitLoop} with its {@link dev.jotter.toolkit.train.djl.FitOptions},
 * batches from Java arrays and per-step native memory, trainers opened by
 * {@link dev.jotter.toolkit.train.djl.Trainers} without DJL's random first-step gradient check), the networks the trainers build
 * ({@link dev.jotter.toolkit.train.djl.MlpSpec}, {@link dev.jotter.toolkit.train.djl.TransformerBlocks}) and
 * a trained network with its weights ({@link dev.jotter.toolkit.train.djl.DjlNet}).
 *
 * <p>Notebooks do not need this package: they use the trainers and fitted models of
 * {@code dev.jotter.toolkit.train}, which cells import by default. It depends on {@code train}'s
 * public types only (listeners, history, devices), never on {@code plot}.
 */
package dev.jotter.toolkit.train.djl;

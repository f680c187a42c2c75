package dev.jotter.toolkit.train.djl;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A fully connected network: inputs, hidden ReLU layers (each followed by dropout when the rate
 * is positive), and a linear output layer. No hidden layers is linear or logistic regression.
 *
 * @param inputs number of input features
 * @param hidden hidden layer widths, possibly none
 * @param outputs output width (1 for regression, the class count for classification)
 * @param dropout dropout rate after each hidden layer, 0 for none
 */
public record MlpSpec(int inputs, int[] hidden, int outputs, float dropout) {

    public MlpSpec {
        hidden = hidden.clone();
    }

    /** @return a new, uninitialized network of this shape */
    public Block build() {
        SequentialBlock net = new SequentialBlock();
        for (int h : hidden) {
            net.add(Linear.builder().setUnits(h).build());
            net.add(Activation.reluBlock());
            if (dropout > 0) {
                net.add(Dropout.builder().optRate(dropout).build());
            }
        }
        net.add(Linear.builder().setUnits(outputs).build());
        return net;
    }

    /** @return e.g. {@code "784-128-64-10"} */
    public String layers() {
        StringBuilder sb = new StringBuilder().append(inputs);
        for (int h : hidden) {
            sb.append('-').append(h);
        }
        return sb.append('-').append(outputs).toString();
    }

    /** @param p where to write the architecture, as {@code mlp.*} keys */
    public void store(Properties p) {
        p.setProperty("mlp.inputs", String.valueOf(inputs));
        p.setProperty("mlp.hidden", Arrays.stream(hidden).mapToObj(String::valueOf).collect(Collectors.joining(",")));
        p.setProperty("mlp.outputs", String.valueOf(outputs));
        p.setProperty("mlp.dropout", String.valueOf(dropout));
    }

    /**
     * @param p properties written by {@link #store}
     * @return the architecture they describe
     */
    public static MlpSpec load(Properties p) {
        String h = p.getProperty("mlp.hidden", "");
        int[] hidden = h.isEmpty() ? new int[0] : Arrays.stream(h.split(",")).mapToInt(Integer::parseInt).toArray();
        return new MlpSpec(Integer.parseInt(p.getProperty("mlp.inputs")), hidden, Integer.parseInt(p.getProperty("mlp.outputs")),
                Float.parseFloat(p.getProperty("mlp.dropout")));
    }
}

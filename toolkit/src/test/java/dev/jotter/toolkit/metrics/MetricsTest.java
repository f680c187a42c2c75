package dev.jotter.toolkit.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden values computed with Debian's python3-sklearn 1.2.1 (sklearn.metrics) on the same fixed
 * inputs; the script is bench/train/golden_metrics.py.
 */
class MetricsTest {

    static final double TOL = 1e-12;

    static final double[] YT = {3.0, -0.5, 2.0, 7.0, 4.2, 1.1};
    static final double[] YP = {2.5, 0.0, 2.1, 7.8, 3.9, 0.4};
    static final int[] CT = {0, 1, 2, 2, 1, 0, 2, 1, 1, 0, 2, 2};
    static final int[] CP = {0, 2, 2, 2, 1, 1, 0, 1, 1, 0, 2, 1};
    static final int[] BT = {0, 0, 1, 1, 0, 1, 1, 0, 1, 0};
    static final double[] BS = {0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.65, 0.2, 0.5, 0.55};

    @Test
    void regressionMatchesSklearn() {
        RegressionMetrics r = RegressionMetrics.of(YT, YP);
        assertEquals(0.28833333333333333, r.mse(), TOL); // mean_squared_error
        assertEquals(0.5369667897862337, r.rmse(), TOL);
        assertEquals(0.4833333333333334, r.mae(), TOL); // mean_absolute_error
        assertEquals(0.94920728126835, r.r2(), TOL); // r2_score
        assertEquals(6, r.n());
    }

    @Test
    void r2OfConstantTargetFollowsSklearn() {
        assertEquals(1.0, Metrics.r2(new double[] {2, 2}, new double[] {2, 2}));
        assertEquals(0.0, Metrics.r2(new double[] {2, 2}, new double[] {1, 2}));
    }

    @Test
    void classificationMatchesSklearn() {
        assertEquals(0.6666666666666666, Metrics.accuracy(CT, CP), TOL);
        // precision_score / recall_score / f1_score with average=macro, micro, weighted
        assertEquals(0.6722222222222222, Metrics.precision(CT, CP, Average.MACRO), TOL);
        assertEquals(0.6722222222222222, Metrics.recall(CT, CP, Average.MACRO), TOL);
        assertEquals(0.6666666666666665, Metrics.f1(CT, CP, Average.MACRO), TOL);
        assertEquals(0.6666666666666666, Metrics.precision(CT, CP, Average.MICRO), TOL);
        assertEquals(0.6666666666666666, Metrics.recall(CT, CP, Average.MICRO), TOL);
        assertEquals(0.6666666666666666, Metrics.f1(CT, CP, Average.MICRO), TOL);
        assertEquals(0.6791666666666667, Metrics.precision(CT, CP, Average.WEIGHTED), TOL);
        assertEquals(0.6666666666666666, Metrics.recall(CT, CP, Average.WEIGHTED), TOL);
        assertEquals(0.6666666666666665, Metrics.f1(CT, CP, Average.WEIGHTED), TOL);

        ClassificationReport r = Metrics.report(CT, CP, List.of("a", "b", "c"));
        // average=None
        assertArrayEquals(new double[] {0.6666666666666666, 0.6, 0.75}, r.precision(), TOL);
        assertArrayEquals(new double[] {0.6666666666666666, 0.75, 0.6}, r.recall(), TOL);
        assertArrayEquals(new double[] {0.6666666666666666, 0.6666666666666665, 0.6666666666666665}, r.f1(), TOL);
        assertArrayEquals(new int[] {3, 4, 5}, r.support());
        assertTrue(r.toString().contains("macro avg"));
    }

    @Test
    void confusionMatrixMatchesSklearn() {
        ConfusionMatrix cm = Metrics.confusionMatrix(CT, CP);
        int[][] expected = {{2, 1, 0}, {0, 3, 1}, {1, 1, 3}}; // confusion_matrix
        assertEquals(Arrays.deepToString(expected), Arrays.deepToString(cm.toArray()));
        assertEquals(3, cm.count(1, 1));
        assertTrue(cm.toString().contains("true\\pred"));
    }

    @Test
    void rocMatchesSklearn() {
        RocCurve roc = Metrics.rocCurve(BT, BS);
        // roc_curve(drop_intermediate=False)
        assertArrayEquals(new double[] {0.0, 0.0, 0.0, 0.0, 0.2, 0.2, 0.6, 0.6, 0.8, 1.0}, roc.falsePositiveRate(), TOL);
        assertArrayEquals(new double[] {0.0, 0.2, 0.4, 0.6, 0.6, 0.8, 0.8, 1.0, 1.0, 1.0}, roc.truePositiveRate(), TOL);
        // sklearn 1.2 writes max+1 as the first threshold, 1.3+ writes inf (as we do); the rest agree.
        assertEquals(Double.POSITIVE_INFINITY, roc.thresholds()[0]);
        assertArrayEquals(new double[] {0.9, 0.8, 0.65, 0.55, 0.5, 0.4, 0.35, 0.2, 0.1},
                Arrays.copyOfRange(roc.thresholds(), 1, 10), TOL);
        assertEquals(0.8400000000000001, roc.auc(), TOL); // roc_auc_score
        assertEquals(0.8400000000000001, Metrics.rocAuc(BT, BS), TOL);
    }

    @Test
    void logLossMatchesSklearn() {
        assertEquals(0.4650919298844903, Metrics.logLoss(BT, BS), 1e-12); // log_loss binary
        double[][] p = {{0.7, 0.2, 0.1}, {0.1, 0.6, 0.3}, {0.2, 0.2, 0.6}, {0.3, 0.4, 0.3}, {0.5, 0.25, 0.25}, {0.05, 0.05, 0.9}};
        assertEquals(0.6789923120957276, Metrics.logLoss(new int[] {0, 1, 2, 0, 1, 2}, p), 1e-12); // log_loss multiclass
    }

    @Test
    void badInputsAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> Metrics.mse(new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("found 2 true values and 1 predictions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.rocCurve(new int[] {0, 2}, new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().contains("found 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.rocCurve(new int[] {1, 1}, new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().contains("both classes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.confusionMatrix(new int[] {0, 5}, new int[] {0, 1}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("at yTrue[1], found 5"), e.getMessage());
    }
}

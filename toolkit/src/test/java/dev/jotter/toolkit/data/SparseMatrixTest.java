package dev.jotter.toolkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparseMatrixTest {

    private final double[][] dense = {{0, 2.5, 0, 0}, {0, 0, 0, 0}, {1, 0, 0, -3}};

    @Test
    void roundTripsDenseRowsAndReadsSingleValues() {
        SparseMatrix x = SparseMatrix.fromDense(dense);
        assertEquals(3, x.rows());
        assertEquals(4, x.cols());
        assertEquals(3, x.nnz());
        assertArrayEquals(dense, x.toDense());
        assertEquals(-3, x.get(2, 3));
        assertEquals(0, x.get(1, 2));
        assertArrayEquals(new int[] {0, 3}, x.rowColumns(2));
        assertArrayEquals(new double[] {1, -3}, x.rowValues(2));
        assertEquals(x, SparseMatrix.of(3, 4, new int[] {0, 1, 1, 3}, new int[] {1, 0, 3}, new double[] {2.5, 1, -3}));
        assertEquals(4 * 4 + 12 * 3, x.bytes());
        assertTrue(x.toString().startsWith("SparseMatrix 3 x 4, 3 non-zeros"), x.toString());
    }

    @Test
    void copyRowOverwritesItsSliceOnly() {
        float[] batch = {9, 9, 9, 9, 9, 9};
        SparseMatrix.fromDense(dense).copyRow(2, batch, 1);
        assertArrayEquals(new float[] {9, 1, 0, 0, -3, 9}, batch);
    }

    @Test
    void selectsRowsInAnyOrder() {
        SparseMatrix x = SparseMatrix.fromDense(dense).selectRows(new int[] {2, 0, 2});
        assertArrayEquals(new double[][] {dense[2], dense[0], dense[2]}, x.toDense());
    }

    @Test
    void refusesArraysThatAreNotAMatrix() {
        var e = assertThrows(IllegalArgumentException.class, () -> SparseMatrix.of(2, 3, new int[] {0, 2, 2}, new int[] {2, 1}, new double[] {1, 1}));
        assertEquals("Expected columns increasing within [0, 3) in row 0, found 1 after 2.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseMatrix.of(1, 3, new int[] {0, 1}, new int[] {3}, new double[] {1}));
        assertTrue(e.getMessage().contains("found 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseMatrix.fromDense(new double[][] {{1, Double.NaN}}));
        assertEquals("Expected a finite value at row 0, column 1, found NaN.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseMatrix.of(2, 3, new int[] {0, 1}, new int[] {0}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("Expected 3 row starts"), e.getMessage());
    }
}

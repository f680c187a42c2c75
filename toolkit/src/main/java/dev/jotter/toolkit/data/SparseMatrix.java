package dev.jotter.toolkit.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable matrix that stores only its non-zero values, row by row (compressed sparse rows,
 * scikit-learn's and SciPy's {@code csr_matrix}): what {@link dev.jotter.toolkit.prep.TfIdf}
 * returns, because a bag of words has thousands of columns of which a sentence uses a dozen.
 * Memory grows with the non-zeros, not with rows × columns. {@code MlpClassifier} trains on it
 * directly, building each batch's dense rows as it goes; {@link #toDense()} is for small cases.
 *
 * <pre>{@code
 * jshell> SparseMatrix x = tfidf.transform(texts)
 * x ==> SparseMatrix 400 x 1487, 4,405 non-zeros (0.74 %), 0.1 MB
 * jshell> x.get(0, 17)
 * jshell> double[][] small = tfidf.transform(List.of("great food")).toDense()
 * }</pre>
 */
public final class SparseMatrix {

    private final int rows;
    private final int cols;
    private final int[] rowStarts;
    private final int[] columns;
    private final double[] values;

    private SparseMatrix(int rows, int cols, int[] rowStarts, int[] columns, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowStarts = rowStarts;
        this.columns = columns;
        this.values = values;
    }

    /**
     * Builds a matrix from its CSR arrays, which are copied and checked.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param rowStarts {@code rows + 1} offsets: row {@code i} is positions {@code rowStarts[i]} to
     *     {@code rowStarts[i + 1] - 1} of the two arrays below; starts at 0, never decreases
     * @param columns column of each stored value, increasing within a row
     * @param values the stored values, finite
     * @return the matrix
     * @throws IllegalArgumentException when the arrays do not describe a {@code rows x cols} matrix
     */
    public static SparseMatrix of(int rows, int cols, int[] rowStarts, int[] columns, double[] values) {
        Objects.requireNonNull(rowStarts, "rowStarts");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(values, "values");
        return checked(rows, cols, rowStarts.clone(), columns.clone(), values.clone());
    }

    /**
     * @param dense rows of equal length
     * @return the same values, zeros left out
     * @throws IllegalArgumentException when rows differ in length or hold a non-finite value
     */
    public static SparseMatrix fromDense(double[][] dense) {
        Objects.requireNonNull(dense, "dense");
        int cols = dense.length == 0 ? 0 : dense[0].length;
        int nnz = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i].length != cols) {
                throw new IllegalArgumentException("Expected " + cols + " values in every row (as row 0), found "
                        + dense[i].length + " in row " + i + ".");
            }
            for (double v : dense[i]) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        int[] starts = new int[dense.length + 1];
        int[] columns = new int[nnz];
        double[] values = new double[nnz];
        int k = 0;
        for (int i = 0; i < dense.length; i++) {
            for (int j = 0; j < cols; j++) {
                if (dense[i][j] != 0) {
                    columns[k] = j;
                    values[k++] = dense[i][j];
                }
            }
            starts[i + 1] = k;
        }
        return checked(dense.length, cols, starts, columns, values);
    }

    /** Checks arrays that the caller hands over and no longer touches: they are kept, not copied. */
    private static SparseMatrix checked(int rows, int cols, int[] rowStarts, int[] columns, double[] values) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("Expected a non-negative shape, found " + rows + " x " + cols + ".");
        }
        if (rowStarts.length != rows + 1 || rowStarts[0] != 0) {
            throw new IllegalArgumentException("Expected " + (rows + 1) + " row starts beginning at 0, found "
                    + rowStarts.length + (rowStarts.length > 0 ? " beginning at " + rowStarts[0] : "") + ".");
        }
        int nnz = rowStarts[rows];
        if (columns.length != nnz || values.length != nnz) {
            throw new IllegalArgumentException("Expected " + nnz + " columns and values (the last row start), found "
                    + columns.length + " columns and " + values.length + " values.");
        }
        for (int i = 0; i < rows; i++) {
            if (rowStarts[i + 1] < rowStarts[i]) {
                throw new IllegalArgumentException("Expected row starts that never decrease, found " + rowStarts[i + 1]
                        + " after " + rowStarts[i] + " at row " + (i + 1) + ".");
            }
            for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
                int previous = k > rowStarts[i] ? columns[k - 1] : -1;
                if (columns[k] <= previous || columns[k] >= cols) {
                    throw new IllegalArgumentException("Expected columns increasing within [0, " + cols + ") in row " + i
                            + ", found " + columns[k] + (previous >= 0 ? " after " + previous : "") + ".");
                }
                if (!Double.isFinite(values[k])) {
                    throw new IllegalArgumentException("Expected a finite value at row " + i + ", column " + columns[k]
                            + ", found " + values[k] + ".");
                }
            }
        }
        return new SparseMatrix(rows, cols, rowStarts, columns, values);
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int cols() {
        return cols;
    }

    /** @return the number of stored (non-zero) values */
    public int nnz() {
        return values.length;
    }

    /** @return the bytes of the three arrays that hold the matrix: 4 per row, 12 per non-zero */
    public long bytes() {
        return 4L * rowStarts.length + 4L * columns.length + 8L * values.length;
    }

    /**
     * @param row a row index
     * @param col a column index
     * @return the value there, 0 when none is stored
     */
    public double get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        int k = Arrays.binarySearch(columns, rowStarts[row], rowStarts[row + 1], col);
        return k >= 0 ? values[k] : 0;
    }

    /**
     * @param row a row index
     * @return the columns that hold a value in that row, increasing
     */
    public int[] rowColumns(int row) {
        Objects.checkIndex(row, rows);
        return Arrays.copyOfRange(columns, rowStarts[row], rowStarts[row + 1]);
    }

    /**
     * @param row a row index
     * @return that row's stored values, in the order of {@link #rowColumns(int)}
     */
    public double[] rowValues(int row) {
        Objects.checkIndex(row, rows);
        return Arrays.copyOfRange(values, rowStarts[row], rowStarts[row + 1]);
    }

    /**
     * @param row a row index
     * @return the row with its zeros, {@link #cols()} values
     */
    public double[] row(int row) {
        Objects.checkIndex(row, rows);
        double[] out = new double[cols];
        for (int k = rowStarts[row]; k < rowStarts[row + 1]; k++) {
            out[columns[k]] = values[k];
        }
        return out;
    }

    /**
     * Writes one row, as floats, into a larger array without allocating: how a training batch is
     * filled from the rows it holds.
     *
     * @param row a row index
     * @param dest where to write; positions {@code offset} to {@code offset + cols() - 1} are overwritten
     * @param offset where the row starts in {@code dest}
     */
    public void copyRow(int row, float[] dest, int offset) {
        Objects.checkIndex(row, rows);
        Objects.checkFromIndexSize(offset, cols, dest.length);
        Arrays.fill(dest, offset, offset + cols, 0f);
        for (int k = rowStarts[row]; k < rowStarts[row + 1]; k++) {
            dest[offset + columns[k]] = (float) values[k];
        }
    }

    /**
     * @param selected row indices, in the order wanted (repeats allowed)
     * @return a matrix of those rows
     */
    public SparseMatrix selectRows(int[] selected) {
        int[] starts = new int[selected.length + 1];
        for (int i = 0; i < selected.length; i++) {
            int r = Objects.checkIndex(selected[i], rows);
            starts[i + 1] = starts[i] + rowStarts[r + 1] - rowStarts[r];
        }
        int[] c = new int[starts[selected.length]];
        double[] v = new double[c.length];
        for (int i = 0; i < selected.length; i++) {
            int r = selected[i];
            System.arraycopy(columns, rowStarts[r], c, starts[i], starts[i + 1] - starts[i]);
            System.arraycopy(values, rowStarts[r], v, starts[i], starts[i + 1] - starts[i]);
        }
        return new SparseMatrix(selected.length, cols, starts, c, v);
    }

    /**
     * @return every value, zeros included: {@code rows() x cols()} doubles, so only for small matrices
     */
    public double[][] toDense() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** Equal when the shapes and every stored value are, as two CSR matrices with no explicit zeros. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SparseMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(rowStarts, m.rowStarts)
                && Arrays.equals(columns, m.columns) && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, cols, Arrays.hashCode(columns), Arrays.hashCode(values));
    }

    /** @return the shape, the number of non-zeros, how full the matrix is and its size */
    @Override
    public String toString() {
        double full = rows == 0 || cols == 0 ? 0 : 100.0 * nnz() / ((double) rows * cols);
        return "SparseMatrix %d x %d, %,d non-zeros (%.2f %%), %.1f MB".formatted(rows, cols, nnz(), full, bytes() / 1e6);
    }
}

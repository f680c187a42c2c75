package dev.jotter.toolkit.train;

/**
 * The options of Smile's tree ensembles, classifiers and regressors alike: how many trees, how
 * deep, the seed, and the table columns. Package-private: users meet these methods on each
 * algorithm's own builder ({@code SmileClassification.randomForest()},
 * {@code SmileRegression.gradientBoosting()}, ...).
 *
 * @param <B> the concrete builder, so chained calls keep their type
 */
abstract class SmileTrees<B extends SmileTrees<B>> extends ColumnsBuilder<B> {
    int trees = 100;
    int maxDepth;
    long seed = TrainerBuilder.DEFAULT_SEED;

    SmileTrees() {}

    /**
     * @param trees number of trees (default 100)
     * @return this builder
     */
    public B optTrees(int trees) {
        if (trees < 1) {
            throw new IllegalArgumentException("Expected at least 1 tree, found " + trees + ".");
        }
        this.trees = trees;
        return self();
    }

    /**
     * @param depth maximum tree depth (default 20 for forests, 6 for boosting)
     * @return this builder
     */
    public B optMaxDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("Expected a tree depth of at least 1, found " + depth + ".");
        }
        this.maxDepth = depth;
        return self();
    }

    /**
     * @param seed seeds bootstrap samples and feature choices (default 42)
     * @return this builder
     */
    public B optSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /** @return one seed per tree, so that a forest is the same whatever the number of threads */
    long[] treeSeeds() {
        long[] seeds = new long[trees];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = seed + i;
        }
        return seeds;
    }

    /**
     * The boosted ensembles' options: the trees' and the learning rate.
     *
     * @param <B> the concrete builder, so chained calls keep their type
     */
    abstract static class Boosting<B extends Boosting<B>> extends SmileTrees<B> {
        double shrinkage = 0.05;

        Boosting() {}

        /**
         * @param shrinkage boosting learning rate, in (0, 1] (default 0.05)
         * @return this builder
         */
        public B optShrinkage(double shrinkage) {
            if (!(shrinkage > 0 && shrinkage <= 1)) {
                throw new IllegalArgumentException("Expected a shrinkage in (0, 1], found " + shrinkage + ".");
            }
            this.shrinkage = shrinkage;
            return self();
        }

        /** @return the depth set, or boosting's default of 6 */
        int depth() {
            return maxDepth > 0 ? maxDepth : 6;
        }
    }
}

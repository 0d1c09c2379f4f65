package gmm4j.internal;

/** What the M-step of a covariance type needs of the scatter of the rows around the shift. */
enum ScatterLayout {
    /** A d×d matrix (lower triangle) per component: full covariances. */
    MATRICES,
    /** One d×d matrix for all components, around one shared shift: a tied covariance. */
    POOLED,
    /** The diagonal per component: diagonal and spherical covariances. */
    DIAGONALS;

    static ScatterLayout of(gmm4j.CovarianceType type) {
        return switch (type) {
            case FULL -> MATRICES;
            case TIED -> POOLED;
            case DIAGONAL, SPHERICAL -> DIAGONALS;
        };
    }

    /** Rows of d values the scatter takes: a matrix per component, one pooled matrix, or a diagonal per component. */
    int rows(int k, int d) {
        return switch (this) {
            case MATRICES -> k * d;
            case POOLED -> d;
            case DIAGONALS -> k;
        };
    }

    /** The row holding row a of component c's scatter (its diagonal, for DIAGONALS; a is then ignored). */
    int row(int c, int a, int d) {
        return switch (this) {
            case MATRICES -> c * d + a;
            case POOLED -> a;
            case DIAGONALS -> c;
        };
    }

    boolean isMatrix() {
        return this != DIAGONALS;
    }
}

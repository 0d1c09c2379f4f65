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

    int size(int k, int d) {
        return switch (this) {
            case MATRICES -> k * d * d;
            case POOLED -> d * d;
            case DIAGONALS -> k * d;
        };
    }

    /** Where component c's scatter starts. */
    int base(int c, int d) {
        return switch (this) {
            case MATRICES -> c * d * d;
            case POOLED -> 0;
            case DIAGONALS -> c * d;
        };
    }

    boolean isMatrix() {
        return this != DIAGONALS;
    }
}

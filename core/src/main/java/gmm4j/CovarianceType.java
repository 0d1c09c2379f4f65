// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The structure of each component's covariance matrix: scikit-learn's four {@code covariance_type}s
 * and R mclust's fourteen models (Celeux &amp; Govaert 1995), which write component k's covariance as
 * Σ_k = λ_k·D_k·A_k·D_kᵀ with a volume λ_k, a shape A_k (diagonal, determinant 1) and an orientation
 * D_k (orthogonal), each either equal for all components (E), varying (V), or, for the shape and
 * orientation, the identity (I). mclust's name spells volume, shape and orientation in that order:
 * VEI is "varying volume, equal shape, axis-aligned". The four scikit-learn types are four of them:
 * {@link #FULL} is VVV, {@link #TIED} EEE, {@link #DIAGONAL} VVI and {@link #SPHERICAL} VII.
 */
public enum CovarianceType {
    /** Each component has its own unrestricted covariance matrix (mclust's VVV). */
    FULL("VVV"),
    /** All components share one unrestricted covariance matrix (mclust's EEE). */
    TIED("EEE"),
    /** Each component has its own diagonal covariance matrix (mclust's VVI). */
    DIAGONAL("VVI"),
    /** Each component has its own single variance, the same in every direction (mclust's VII). */
    SPHERICAL("VII"),
    /** One variance, the same in every direction and for every component: λ·I. */
    EII("EII"),
    /** One diagonal covariance shared by every component: λ·A. */
    EEI("EEI"),
    /** Diagonal covariances of one shape, each component with its own volume: λ_k·A. */
    VEI("VEI"),
    /** Diagonal covariances of one volume, each component with its own shape: λ·A_k. */
    EVI("EVI"),
    /** One shape and orientation, each component with its own volume: λ_k·D·A·Dᵀ. */
    VEE("VEE"),
    /** One volume and orientation, each component with its own shape: λ·D·A_k·Dᵀ. */
    EVE("EVE"),
    /** One orientation, each component with its own volume and shape: λ_k·D·A_k·Dᵀ. */
    VVE("VVE"),
    /** One volume and shape, each component with its own orientation: λ·D_k·A·D_kᵀ. */
    EEV("EEV"),
    /** One shape, each component with its own volume and orientation: λ_k·D_k·A·D_kᵀ. */
    VEV("VEV"),
    /** One volume, each component with its own shape and orientation: λ·D_k·A_k·D_kᵀ. */
    EVV("EVV");

    private final String mclustName;

    CovarianceType(String mclustName) {
        this.mclustName = mclustName;
    }

    /** R mclust's name of this model ({@code "VVV"} for {@link #FULL}). */
    public String mclustName() {
        return mclustName;
    }

    /** scikit-learn's four types, in its order: full, tied, diag, spherical. */
    public static CovarianceType[] scikitLearnTypes() {
        return new CovarianceType[]{FULL, TIED, DIAGONAL, SPHERICAL};
    }

    /**
     * mclust's fourteen models in mclust's order (its {@code mclust.options("emModelNames")}: EII,
     * VII, EEI, VEI, EVI, VVI, EEE, VEE, EVE, VVE, EEV, VEV, EVV, VVV), the set its {@code Mclust}
     * chooses among by default.
     */
    public static CovarianceType[] mclustModels() {
        return new CovarianceType[]{EII, SPHERICAL, EEI, VEI, EVI, DIAGONAL, TIED, VEE, EVE, VVE, EEV, VEV, EVV, FULL};
    }

    /**
     * The type named {@code name}, in any case: an enum name ({@code full}, {@code tied},
     * {@code diagonal}, {@code spherical}, {@code eii} …), scikit-learn's {@code diag}, or an mclust
     * model name ({@code VVV}, {@code EEE}, {@code VVI}, {@code VII} and the ten others).
     *
     * @throws IllegalArgumentException naming the accepted names when {@code name} is none of them
     */
    public static CovarianceType parse(String name) {
        String key = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if (key.equals("DIAG")) return DIAGONAL;
        for (CovarianceType type : values()) {
            if (type.name().equals(key) || type.mclustName.equals(key)) return type;
        }
        throw new IllegalArgumentException("Unknown covariance type '" + name + "': use one of " + acceptedNames()
                + " (in any case).");
    }

    /** The names {@link #parse} accepts, for messages and help texts. */
    public static String acceptedNames() {
        String sklearn = "full, tied, diag (or diagonal), spherical";
        String mclust = Arrays.stream(values()).map(CovarianceType::mclustName).collect(Collectors.joining(", "));
        return sklearn + " or mclust's " + mclust;
    }

    /**
     * The number of free covariance parameters of a mixture with {@code k} components in {@code d}
     * dimensions: mclust's {@code nVarParams}, so that a BIC counts parameters as mclust's
     * {@code nMclustParams}. An orientation has d(d−1)/2 free parameters, a shape d−1, a volume 1.
     */
    public long covarianceParameters(int k, int d) {
        long symmetric = (long) d * (d + 1) / 2;
        long orientation = (long) d * (d - 1) / 2;
        long shape = d - 1;
        return switch (this) {
            case FULL -> k * symmetric;
            case TIED -> symmetric;
            case DIAGONAL -> (long) k * d;
            case SPHERICAL -> k;
            case EII -> 1;
            case EEI -> d;
            case VEI -> k + shape;
            case EVI -> 1 + k * shape;
            case VEE -> k + shape + orientation;
            case EVE -> 1 + k * shape + orientation;
            case VVE -> k + k * shape + orientation;
            case EEV -> 1 + shape + k * orientation;
            case VEV -> k + shape + k * orientation;
            case EVV -> 1 - k + k * symmetric;
        };
    }
}

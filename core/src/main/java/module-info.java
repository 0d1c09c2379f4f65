// SPDX-License-Identifier: Apache-2.0
/**
 * gmm4j's engine: Gaussian mixture models fitted by EM. Only the API package {@code gmm4j} is
 * exported; the engine's own package stays inside the module.
 */
module gmm4j.core {
    exports gmm4j;

    // Whether Math.fma is one instruction comes from HotSpot's diagnostic bean. Required, not static:
    // on the module path an optional module is not resolved unless someone else requires it, and
    // the engine would quietly take its slower path.
    requires jdk.management;

    // The Vector API's kernels (VectorKernels), used when a JVM is started with
    // --add-modules jdk.incubator.vector; without it the engine runs its scalar loops.
    requires static jdk.incubator.vector;
}

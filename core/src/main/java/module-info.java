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

    // Not required, not even static, the Vector API (jdk.incubator.vector) of the engine's fast
    // kernels: javac would warn every program compiled against this module about an incubating
    // module. Only VectorApiKernels uses it, compiled on its own (src/vector/java, see the pom); at
    // run time the engine reads the module when a JVM started with --add-modules
    // jdk.incubator.vector has it (Parallel.VECTOR).
}

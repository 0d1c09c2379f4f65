// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * Model-based hierarchical agglomeration under the unconstrained (VVV) Gaussian model, as mclust's
 * {@code hc(modelName = "VVV")} (Fraley 1998; mclust's Fortran {@code hcvvv}): every row starts as
 * its own cluster and each step merges the pair of clusters whose merge raises the criterion
 * least. A cluster of n rows with scatter matrix W (sum of squares about its mean) and trace
 * tr(W) contributes
 * <pre>
 *   n·log(β·(tr(W) + α)/n)                    when n ≤ p (its scatter cannot have full rank),
 *   n·log(det(W/n) + β·(tr(W) + α)/n)         otherwise,
 * </pre>
 * with mclust's defaults β = 1 and α = the data's total sum of squares / (n·p). The merges are
 * mclust's, to its tie-breaking: of equal costs the pair last in the order (1,2), (1,3), (2,3),
 * (1,4), ... of the current cluster slots wins, the merged cluster takes the lower slot and the
 * last slot moves into the higher one. The arithmetic follows the Fortran's too (scatter kept as a
 * triangular factor updated by Givens rotations, means kept as √n·mean), so that near-ties fall the
 * same way.
 *
 * <p>Cost: the pairs' costs are kept (n(n−1)/2 doubles: 16 MB at 2000 rows) and after each merge
 * those of the merged cluster are recomputed (O(n·p³)); each cluster slot keeps its cheapest pair,
 * so finding the cheapest of all is O(n) and a merge rescans only the slots whose cheapest pair
 * involved the merged clusters. Time and memory grow as n²: meant for mclust's subset size (2000
 * rows), not more.
 */
final class ModelBasedAgglomeration {
    /** √½ as mclust writes it. */
    private static final double ROOT_HALF = .7071067811865476;

    private final int p;
    /** Per slot: √size × the cluster's mean, at {@code [s*p, (s+1)*p)}. */
    private final double[] centre;
    private final int[] size;
    /** Per slot: the trace of the cluster's scatter matrix. */
    private final double[] trace;
    /** Per slot: the cluster's term of the criterion. */
    private final double[] term;
    /** Per slot: the upper-triangular factor R (row-major p×p) with RᵀR = the scatter; null for a single row. */
    private final double[][] factor;
    /** Per slot: the first row of the cluster, which names it in the merges. */
    private final int[] name;
    /** The cost of merging slots a &lt; b, at b(b−1)/2 + a. */
    private final double[] cost;
    /** Per slot b: the a &lt; b of its cheapest pair (see {@link #rescan}). */
    private final int[] rowBest;
    private final double alpha;
    private final double beta;
    /** The term of a one-row cluster: log(αβ). */
    private final double singletonTerm;

    // scratch vectors, and the trace and term of the last mergeCost's merged cluster
    private final double[] between;
    private final double[] row;
    private double mergedTrace;
    private double mergedTerm;

    private ModelBasedAgglomeration(double[] z, int n, int p) {
        this.p = p;
        this.centre = z.clone();
        this.size = new int[n];
        java.util.Arrays.fill(size, 1);
        this.trace = new double[n];
        this.term = new double[n];
        this.factor = new double[n][];
        this.name = new int[n];
        for (int i = 0; i < n; i++) name[i] = i;
        this.cost = new double[n * (n - 1) / 2];
        this.rowBest = new int[n];
        this.beta = 1;
        this.alpha = Math.max(totalSumOfSquares(z, n, p), Math.ulp(1.0));
        this.singletonTerm = Math.log(beta * alpha);
        java.util.Arrays.fill(term, singletonTerm);
        this.between = new double[p];
        this.row = new double[p];
    }

    /**
     * The merges of the rows of {@code z} (row-major n×p, n ≥ 1) down to one cluster.
     *
     * @return merge s (of n − 1) joins the cluster named {@code first[s]} and the one named
     *         {@code second[s]}: a cluster is named by its first row
     */
    static Merges of(double[] z, int n, int p) {
        if (n < 1 || p < 1 || z.length != n * p) throw new IllegalArgumentException("Agglomeration needs n ≥ 1 rows of p ≥ 1 values.");
        int[] first = new int[n - 1];
        int[] second = new int[n - 1];
        if (n > 1) new ModelBasedAgglomeration(z, n, p).run(n, first, second);
        return new Merges(n, first, second);
    }

    /**
     * α: the sum of squares about the column means of z/√(n·p), as mclust's {@code traceW}
     * (the mean accumulated as Σ xᵢ/√n, then taken away).
     */
    private static double totalSumOfSquares(double[] z, int n, int p) {
        double scale = Math.sqrt((double) n * p);
        double rootN = 1 / Math.sqrt(n);
        double total = 0;
        for (int j = 0; j < p; j++) {
            double u = 0;
            for (int i = 0; i < n; i++) u += rootN * (z[i * p + j] / scale);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double centred = z[i * p + j] / scale - rootN * u;
                sum += centred * centred;
            }
            total += sum;
        }
        return total;
    }

    private static int pair(int a, int b) {
        return b * (b - 1) / 2 + a;
    }

    private void run(int n, int[] first, int[] second) {
        double[] merged = new double[p * p];
        for (int b = 1; b < n; b++) {
            for (int a = 0; a < b; a++) cost[pair(a, b)] = mergeCost(a, b, merged);
            rescan(b);
        }
        int slots = n;
        int previous = -1;
        for (int step = 0; step < n - 1; step++) {
            int b = cheapestRow(slots);
            int a = rowBest[b];
            first[step] = name[a];
            second[step] = name[b];
            merge(a, b, previous, merged);
            previous = a;
            slots--;
            boolean moved = b != slots;
            if (moved) moveSlot(slots, b);
            for (int j = 0; j < slots; j++) {
                if (j != a) cost[j < a ? pair(j, a) : pair(a, j)] = mergeCost(a, j, merged);
            }
            if (a > 0) rescan(a);
            if (moved) rescan(b);
            for (int j = a + 1; j < slots; j++) {
                if (j == b && moved) continue;
                if (rowBest[j] == a || (moved && j > b && rowBest[j] == b)) {
                    rescan(j);
                } else {
                    offer(j, a);
                    if (moved && j > b) offer(j, b);
                }
            }
        }
    }

    /*
     * The cheapest pair is mclust's: the last of least cost in the order (0,1), (0,2), (1,2), (0,3), ...
     * (its Fortran scans them all with .le. after every merge). Each row b keeps the last of least
     * cost among its pairs (a, b), a < b, so a merge rescans only the rows whose best pair changed
     * for the worse, and the cheapest pair is the last row of least cost's best.
     */

    /** Row b's best pair, from all its costs. */
    private void rescan(int b) {
        int best = 0;
        double least = cost[pair(0, b)];
        for (int a = 1; a < b; a++) {
            double c = cost[pair(a, b)];
            if (c <= least) {
                least = c;
                best = a;
            }
        }
        rowBest[b] = best;
    }

    /** Row b's pair (a, b) has a new cost, and row b's best pair is another, unchanged one. */
    private void offer(int b, int a) {
        double c = cost[pair(a, b)];
        double least = cost[pair(rowBest[b], b)];
        if (c < least || (c == least && a > rowBest[b])) rowBest[b] = a;
    }

    /** The row, of the first {@code slots}, whose best pair is the cheapest pair. */
    private int cheapestRow(int slots) {
        int best = 1;
        double least = cost[pair(rowBest[1], 1)];
        for (int b = 2; b < slots; b++) {
            double c = cost[pair(rowBest[b], b)];
            if (c <= least) {
                least = c;
                best = b;
            }
        }
        return best;
    }

    /**
     * Merges slot b into slot a (a &lt; b). The merged factor is computed as the Fortran does: from
     * the previous merge's cluster when it takes part, otherwise from b's factor when b has more
     * than one row, else from a's. The merged term is the recomputed one when the previous merge's
     * cluster takes part (or at the first merge) and cost + the two terms otherwise, as there.
     */
    private void merge(int a, int b, int previous, double[] work) {
        boolean withPrevious = previous < 0 || a == previous || b == previous;
        int base = b == previous || (a != previous && factor[b] != null) ? b : a;
        mergeCost(base, base == a ? b : a, work);
        double mergedTerm = withPrevious ? this.mergedTerm : cost[pair(a, b)] + (term[a] + term[b]);
        int merged = size[a] + size[b];
        double q = 1.0 / merged;
        double sa = size[a] == 1 && size[b] == 1 ? ROOT_HALF : Math.sqrt(size[a] * q);
        double sb = size[a] == 1 && size[b] == 1 ? ROOT_HALF : Math.sqrt(size[b] * q);
        for (int j = 0; j < p; j++) centre[a * p + j] = sa * centre[a * p + j] + sb * centre[b * p + j];
        if (factor[a] == null) factor[a] = new double[p * p];
        System.arraycopy(work, 0, factor[a], 0, p * p);
        trace[a] = mergedTrace;
        term[a] = mergedTerm;
        size[a] = merged;
        name[a] = Math.min(name[a], name[b]);
    }

    /** Moves the cluster of slot {@code from} (the last) into slot {@code to}, with its costs. */
    private void moveSlot(int from, int to) {
        System.arraycopy(centre, from * p, centre, to * p, p);
        size[to] = size[from];
        trace[to] = trace[from];
        term[to] = term[from];
        factor[to] = factor[from];
        factor[from] = null;
        name[to] = name[from];
        for (int k = 0; k < from; k++) {
            if (k != to) cost[k < to ? pair(k, to) : pair(to, k)] = cost[pair(k, from)];
        }
    }

    /**
     * The change of the criterion if slots {@code base} and {@code other} merged; leaves the merged
     * cluster's factor in {@code merged} (started from {@code base}'s, {@code other}'s rows and the
     * between-means vector rotated in), its trace in {@link #mergedTrace} and its term in
     * {@link #mergedTerm}.
     */
    private double mergeCost(int base, int other, double[] merged) {
        int nb = size[base];
        int no = size[other];
        java.util.Arrays.fill(merged, 0);
        if (nb == 1 && no == 1) {
            double ss = 0;
            for (int j = 0; j < p; j++) {
                between[j] = (centre[base * p + j] - centre[other * p + j]) * ROOT_HALF;
                ss += between[j] * between[j];
            }
            System.arraycopy(between, 0, merged, 0, p);
            mergedTrace = ss;
            mergedTerm = 2 * Math.log(beta * (ss + alpha) / 2);
            return mergedTerm - (singletonTerm + singletonTerm);
        }
        int n = nb + no;
        double q = 1.0 / n;
        double sBase = Math.sqrt(nb * q);
        double sOther = Math.sqrt(no * q);
        double ss = 0;
        for (int j = 0; j < p; j++) {
            between[j] = sOther * centre[base * p + j] - sBase * centre[other * p + j];
            ss += between[j] * between[j];
        }
        if (factor[base] != null) System.arraycopy(factor[base], 0, merged, 0, p * p);
        double[] rows = factor[other];
        if (rows != null) {
            for (int r = 0; r < Math.min(no - 1, p); r++) {
                System.arraycopy(rows, r * p, row, 0, p);
                rotateIn(merged, row, r);
            }
        }
        rotateIn(merged, between, 0);
        mergedTrace = (trace[base] + trace[other]) + ss;
        mergedTerm = term(n, merged, Math.sqrt(q), mergedTrace);
        return mergedTerm - (term[base] + term[other]);
    }

    /**
     * RᵀR += vvᵀ for v zero before column {@code from}: Givens rotations of v against R's rows
     * (BLAS {@code drotg}/{@code drot}, as mclust's {@code mclrup}); an empty row of R takes what is
     * left of v. {@code v} is overwritten.
     */
    private void rotateIn(double[] r, double[] v, int from) {
        for (int k = from; k < p; k++) {
            double b = v[k];
            if (b == 0) continue;
            double a = r[k * p + k];
            double scale = Math.abs(a) + Math.abs(b);
            double rho = Math.copySign(scale * Math.sqrt((a / scale) * (a / scale) + (b / scale) * (b / scale)),
                    Math.abs(a) > Math.abs(b) ? a : b);
            double c = a / rho;
            double s = b / rho;
            r[k * p + k] = rho;
            for (int j = k + 1; j < p; j++) {
                double x = r[k * p + j];
                double y = v[j];
                r[k * p + j] = c * x + s * y;
                v[j] = c * y - s * x;
            }
        }
    }

    /** A cluster's term of the criterion (mclust's {@code vvvtij}); {@code s} is 1/√n. */
    private double term(int n, double[] r, double s, double trace) {
        double perRow;
        if (n <= p) {
            perRow = Math.log(beta * (trace + alpha) / n);
        } else if (trace == 0) {
            perRow = Math.log(alpha * beta / n);
        } else {
            double logDet = logDeterminant(r, s);
            double spread = beta * (trace + alpha) / n;
            if (logDet == Double.NEGATIVE_INFINITY) perRow = Math.log(spread);
            else if (logDet <= 0) perRow = Math.log(Math.exp(logDet) + spread);
            else perRow = Math.log(1 + Math.exp(-logDet) * spread) + logDet;
        }
        return n * perRow;
    }

    /** log det((sR)ᵀ(sR)), or −∞ when a diagonal element is 0 (mclust's {@code det2mc}). */
    private double logDeterminant(double[] r, double s) {
        double sum = 0;
        for (int k = 0; k < p; k++) {
            double q = r[k * p + k] * s;
            if (Math.abs(q) <= 0) return Double.NEGATIVE_INFINITY;
            sum += Math.log(Math.abs(q));
        }
        return 2 * sum;
    }

    /**
     * The merges of an agglomeration of n rows and the partitions they give.
     *
     * @param first  merge s joins the cluster named {@code first[s]} (by its first row)...
     * @param second ... and the one named {@code second[s]}
     */
    record Merges(int n, int[] first, int[] second) {
        /**
         * The partition into g clusters (mclust's {@code hclass}): each row's cluster, numbered
         * 0.. in the order of the clusters' first rows.
         */
        int[] partition(int g) {
            if (g < 1 || g > n) throw new IllegalArgumentException("Cannot cut " + n + " rows into " + g + " clusters.");
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) parent[i] = i;
            for (int s = 0; s < n - g; s++) parent[root(parent, second[s])] = root(parent, first[s]);
            int[] label = new int[n];
            int[] numberOfRoot = new int[n];
            java.util.Arrays.fill(numberOfRoot, -1);
            int next = 0;
            for (int i = 0; i < n; i++) {
                int root = root(parent, i);
                if (numberOfRoot[root] < 0) numberOfRoot[root] = next++;
                label[i] = numberOfRoot[root];
            }
            return label;
        }

        private static int root(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
    }
}

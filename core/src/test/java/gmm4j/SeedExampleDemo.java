package gmm4j;

import java.nio.file.Path;
import java.util.Arrays;

/** The seed document's example, fitted and printed: {@code mvn -q -pl core test-compile exec:java@demo}. */
public final class SeedExampleDemo {
    private SeedExampleDemo() {
    }

    public static void main(String[] args) throws Exception {
        double[][] rows = Csv.file(Path.of(args[0]), 2);
        GaussianMixtureModel model = GaussianMixture.builder().components(2).covariance(CovarianceType.FULL)
                .maxIterations(100).seed(0).build().fit(rows);
        System.out.print(model);
        int[] labels = model.predict(Dataset.of(rows));
        System.out.println("predicted labels: " + Arrays.toString(Arrays.copyOf(labels, 3)) + " ... "
                + Arrays.toString(Arrays.copyOfRange(labels, rows.length - 3, rows.length)));
    }
}

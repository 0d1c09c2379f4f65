// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values too large to square fail with the same clear message for every start (issue 15, point 5). */
class ExtremeValuesTest {
    private static double[][] scaled(double scale) {
        double[][] rows = Mixtures.separated(300, 2, 3, 4);
        for (double[] row : rows) for (int j = 0; j < row.length; j++) row[j] *= scale;
        return rows;
    }

    @ParameterizedTest
    @EnumSource(Initialization.class)
    void valuesTooLargeToSquareAreRefusedWithTheRescaleMessage(Initialization init) {
        double[][] rows = scaled(1e152);
        GaussianMixture settings = GaussianMixture.builder().components(3).init(init).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings.fit(rows));
        assertTrue(e.getMessage().contains("rescale"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*[Rr]ow \\d+.*column \\d+.*"), "names the row and column: " + e.getMessage());
        IllegalArgumentException selection = assertThrows(IllegalArgumentException.class,
                () -> ModelSelection.builder().components(1, 3).settings(settings).build().select(Dataset.of(rows)));
        assertTrue(selection.getMessage().contains("rescale"), selection.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Initialization.class)
    void largeValuesThatCanBeSquaredStillFit(Initialization init) {
        GaussianMixtureModel model = GaussianMixture.builder().components(3).init(init).build().fit(scaled(1e140));
        BadInputTest.assertFinite(model);
    }
}

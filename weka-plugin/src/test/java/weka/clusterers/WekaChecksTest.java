// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weka's checks, strictly: AbstractClustererTest tolerates some failures (it only prints a failed
 * weights check), so every check CheckClusterer can run is asserted here one by one.
 */
class WekaChecksTest {
    private CheckClusterer check;

    @BeforeEach
    void setUp() {
        check = new CheckClusterer();
        check.setSilent(true);
        check.setClusterer(new GaussianMixture());
        check.setNumInstances(40);
    }

    @Test
    void supportedAttributeTypesArePredicted() {
        assertTrue(check.canPredict(true, false, false, false, false, false)[0], "nominal");
        assertTrue(check.canPredict(false, true, false, false, false, false)[0], "numeric");
        assertTrue(check.canPredict(false, false, false, true, false, false)[0], "date");
        assertTrue(check.canPredict(true, true, false, true, false, false)[0], "mixed");
    }

    @Test
    void stringAndRelationalAttributesAreRefusedWithWekasMessage() {
        boolean[] string = check.canPredict(false, false, true, false, false, false);
        assertFalse(string[0]);
        assertTrue(string[1], "refusal of string attributes names the problem");
        boolean[] relational = check.canPredict(false, false, false, false, true, false);
        assertFalse(relational[0]);
        assertTrue(relational[1], "refusal of relational attributes names the problem");
    }

    @Test
    void handlesMissingValuesAndWeights() {
        assertTrue(check.canHandleMissing(true, true, false, true, false, false, true, 20)[0], "20% missing");
        assertTrue(check.weightedInstancesHandler()[0]);
        assertTrue(check.instanceWeights(true, true, false, false, false, false)[0], "weights change the model");
    }

    @Test
    void degenerateTrainingSetsFailWithMessagesWekaAccepts() {
        boolean[] zero = check.canHandleZeroTraining(true, true, false, false, false, false);
        assertTrue(zero[0] || zero[1], "zero training instances");
        boolean[] allMissing = check.canHandleMissing(true, true, false, false, false, false, true, 100);
        assertTrue(allMissing[0] || allMissing[1], "100% missing");
    }

    @Test
    void buildIsRepeatableAndLeavesTheDataAlone() {
        assertTrue(check.correctBuildInitialisation(true, true, false, true, false, false)[0]);
        assertTrue(check.datasetIntegrity(true, true, false, true, false, false, true)[0]);
        assertTrue(check.declaresSerialVersionUID()[0]);
    }

    @Test
    void optionHandlerChecksPass() {
        CheckOptionHandler options = new CheckOptionHandler();
        options.setOptionHandler(new GaussianMixture());
        options.setUserOptions(new String[]{"-N", "4", "-C", "diagonal", "-criterion", "aic", "-init", "kmeans++",
                "-n-init", "2", "-I", "50", "-tol", "1.0E-4", "-reg", "1.0E-5", "-num-slots", "2", "-S", "7"});
        options.setSilent(true);
        assertTrue(options.checkListOptions(), "listOptions");
        assertTrue(options.checkSetOptions(), "setOptions");
        assertTrue(options.checkDefaultOptions(), "default options");
        assertTrue(options.checkRemainingOptions(), "remaining options");
        assertTrue(options.checkCanonicalUserOptions(), "canonical user options");
        assertTrue(options.checkResettingOptions(), "resetting options");
    }

    @Test
    void genericObjectEditorChecksPass() {
        CheckGOE goe = new CheckGOE();
        goe.setObject(new GaussianMixture());
        goe.setSilent(true);
        assertTrue(goe.checkGlobalInfo(), "globalInfo");
        assertTrue(goe.checkToolTips(), "a tip text for every property");
    }
}

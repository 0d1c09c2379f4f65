// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import org.junit.jupiter.api.Test;
import weka.core.Version;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards the build: the tests run on the Weka version the build selected (3.8.6, or 3.8.7 with -Pweka387). */
class WekaVersionTest {

    @Test
    void testsRunOnTheSelectedWeka() {
        String version = System.getProperty("weka.version");
        assertNotNull(version, "the build passes weka.version to the tests");
        // The jar, not Version.VERSION: weka-stable 3.8.7 calls itself "3.8.8-SNAPSHOT".
        String jar = Version.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(jar.endsWith("weka-stable-" + version + ".jar"), jar + " is not Weka " + version);
    }
}

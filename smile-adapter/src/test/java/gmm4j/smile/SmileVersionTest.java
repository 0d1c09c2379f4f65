// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import org.junit.jupiter.api.Test;
import smile.clustering.Partitioning;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards the build: the tests run on the Smile version and a JDK the build selected, not on whatever came first. */
class SmileVersionTest {

    @Test
    void testsRunOnTheSelectedSmileAndAJdkItAccepts() {
        String version = System.getProperty("smile.version");
        assertNotNull(version, "the build passes smile.version to the tests");
        String jar = Partitioning.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(jar.endsWith("smile-core-" + version + ".jar"), jar + " is not Smile " + version);
        int jdk = Runtime.version().feature();
        assertTrue(jdk >= (version.startsWith("4.") ? 21 : 25), "Smile " + version + " on JDK " + jdk);
    }
}

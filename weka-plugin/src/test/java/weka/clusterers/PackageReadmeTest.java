// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import org.junit.jupiter.api.Test;
import weka.core.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Weka package's {@code doc/README.txt} lists every option the clusterer has. */
class PackageReadmeTest {
    private static final Path README = Path.of("src/main/package/doc/README.txt");

    @Test
    void everyOptionOfListOptionsIsInTheReadme() throws Exception {
        String readme = Files.readString(README);
        List<String> flags = new ArrayList<>();
        for (Option option : Collections.list(new GaussianMixture().listOptions())) {
            flags.add(option.synopsis().strip().split("\\s+")[0]); // "-N <num>": -N
        }
        assertTrue(flags.contains("-screening") && flags.contains("-S") && flags.contains("-do-not-check-capabilities"), flags.toString());
        List<String> missing = new ArrayList<>();
        for (String flag : flags) {
            // The flag as a word of its own: -N is not found in -n-init, nor -X in -x.
            if (!Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "(?![\\w-])").matcher(readme).find()) {
                missing.add(flag);
            }
        }
        assertEquals(List.of(), missing, "options of listOptions() missing from " + README);
    }
}

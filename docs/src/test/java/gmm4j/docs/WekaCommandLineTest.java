// SPDX-License-Identifier: Apache-2.0
package gmm4j.docs;

import org.junit.jupiter.api.Test;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.GaussianMixture;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user guide's command-line section shows what Weka prints for the main job and lists every
 * option: both must stay what the clusterer really prints and accepts.
 */
class WekaCommandLineTest {

    /** The output block is the main job's output, line for line. */
    @Test
    void theGuideShowsWhatTheMainJobPrints() throws Exception {
        Markdown.Block shown = Markdown.blocks(Markdown.root().resolve("docs/user-guide.md")).stream()
                .filter(b -> b.text().startsWith("GaussianMixture (gmm4j)\n")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/user-guide.md shows no output of the main job"));
        String printed = ClusterEvaluation.evaluateClusterer(new GaussianMixture(), new String[]{"-t", "data/seed-example.arff"});
        assertEquals(stripped(printed), stripped(shown.text()), shown + " differs from the real output");
    }

    /** Every option the clusterer lists appears in the guide's option table. */
    @Test
    void theGuideDocumentsEveryOption() throws Exception {
        String guide = Files.readString(Markdown.root().resolve("docs/user-guide.md"));
        List<String> flags = java.util.Collections.list(new GaussianMixture().listOptions()).stream()
                .map(o -> "-" + o.name().replaceFirst("^-+", "")).toList();
        assertTrue(flags.size() >= 14, flags.toString());
        for (String flag : flags) {
            assertTrue(guide.contains("| `" + flag + "`") || guide.contains("| `" + flag + " "),
                    "docs/user-guide.md does not document " + flag);
        }
    }

    /** The README's Smile 6.1+ read filter is the one the Smile adapter's tests read models with. */
    @Test
    void theReadmesObjectFilterIsTheTestedOne() throws Exception {
        String readme = Files.readString(Markdown.root().resolve("README.md"));
        String test = Files.readString(Markdown.root().resolve("smile-adapter/src/test/java/gmm4j/smile/SerializationTest.java"));
        Matcher tested = Pattern.compile("FILTER = ([\\w.]+);").matcher(test);
        assertTrue(tested.find(), "SerializationTest.FILTER not found");
        assertTrue(readme.contains("Read.object(path, " + tested.group(1) + ")"),
                "README.md must show the filter " + tested.group(1));
    }

    /** Without trailing blanks on lines and at the end. */
    private static String stripped(String text) {
        return text.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }
}

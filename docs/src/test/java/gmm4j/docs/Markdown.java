// SPDX-License-Identifier: Apache-2.0
package gmm4j.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The fenced code blocks of the project's Markdown pages. */
final class Markdown {
    private Markdown() {
    }

    /**
     * A fenced block.
     *
     * @param file     the page, relative to the repository root
     * @param line     the line of the block's first content line, from 1
     * @param info     the fence's info string ({@code java}, {@code output}, ...)
     * @param text     the content, with a final newline
     * @param output   the {@code output} block that directly follows this one (only blank lines
     *                 between), or null
     */
    record Block(String file, int line, String info, String text, Block output) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /** The repository's root (the tests run there). */
    static Path root() {
        return Path.of(System.getProperty("gmm4j.root", ".")).toAbsolutePath().normalize();
    }

    /** README.md and every page in docs/. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root().resolve("README.md"));
        try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The blocks of one page, each {@code java} block with the {@code output} block that follows it. */
    static List<Block> blocks(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        String file = root().relativize(page.toAbsolutePath().normalize()).toString();
        List<Block> raw = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String open = lines.get(i).strip();
            if (!open.startsWith("```")) continue;
            String info = open.substring(3).strip();
            StringBuilder text = new StringBuilder();
            int start = i + 1;
            int j = start;
            while (j < lines.size() && !lines.get(j).strip().equals("```")) text.append(lines.get(j++)).append('\n');
            if (j == lines.size()) throw new IllegalStateException(file + ":" + (i + 1) + ": unclosed code fence");
            raw.add(new Block(file, start + 1, info, text.toString(), null));
            ends.add(j);
            i = j;
        }
        List<Block> blocks = new ArrayList<>();
        for (int b = 0; b < raw.size(); b++) {
            Block block = raw.get(b);
            Block output = null;
            if (b + 1 < raw.size() && raw.get(b + 1).info().equals("output")
                    && onlyBlank(lines, ends.get(b) + 1, raw.get(b + 1).line() - 2)) {
                output = raw.get(b + 1);
            }
            blocks.add(new Block(block.file(), block.line(), block.info(), block.text(), output));
        }
        return blocks;
    }

    private static boolean onlyBlank(List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) if (!lines.get(i).isBlank()) return false;
        return true;
    }
}

// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Raw little-endian doubles: exact, and read directly by numpy.fromfile and R's readBin (CSV would round and be slow). */
final class BinaryDoubles {
    private static final int CHUNK = 1 << 16;

    private BinaryDoubles() {
    }

    static void write(double[] values, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int from = 0; from < values.length; from += CHUNK) {
                buffer.clear();
                buffer.asDoubleBuffer().put(values, from, Math.min(CHUNK, values.length - from));
                buffer.limit(Math.min(CHUNK, values.length - from) * Double.BYTES);
                while (buffer.hasRemaining()) out.write(buffer);
            }
        }
    }
}

package org.netwright.runner.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Strict UTF-8 decoding that says on which line a file stops being UTF-8. */
final class Utf8 {
    private Utf8() {
    }

    /** The bytes as text; a byte sequence that is not UTF-8 is a {@link DataFileException} naming the file and line. */
    static String decode(byte[] bytes, Path file) {
        try {
            return decoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFileException(file + " line " + firstBadLine(bytes) + " is not UTF-8 text; save the file as"
                    + " UTF-8.");
        }
    }

    /** The line (from 1) of the first byte sequence in {@code file} that is not UTF-8, or 0 when the file reads. */
    static int firstBadLine(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return firstBadLine(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Files.size(file))));
        } catch (IOException e) {
            return 0;
        }
    }

    /** The line (from 1) of the first byte sequence that is not UTF-8, or 0 when every line decodes. */
    static int firstBadLine(byte[] bytes) {
        CharsetDecoder decoder = decoder();
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}

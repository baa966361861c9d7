package org.guanxi.tables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The encoding of a text file as spreadsheets in China write it: UTF-8 (with or without byte-order mark), UTF-16 with
 * its byte-order mark (Excel's "Unicode text"), or GB18030 — the national standard and superset of GBK, which Excel
 * uses for "CSV" on a Chinese Windows. Decided by decoding the whole file strictly, so a file is never read with the
 * wrong encoding and stored as mojibake; a file that is none of them is refused.
 * <p>
 * Written by hand: detection libraries (ICU4J, juniversalchardet) guess from statistics and may say "Big5" or
 * "windows-1252" for a short file; here a decoding without a single error counts, and for GB18030, which decodes
 * almost any bytes, that the text looks like Chinese ({@link #looksChinese}).
 */
public final class TextEncoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncoding() {
    }

    /** The detected charset and how many bytes of byte-order mark to skip. */
    public record Detected(Charset charset, int bom) {
    }

    /**
     * Detects the encoding of the bytes {@code open} gives (called up to three times, once per candidate).
     *
     * @throws TableFileException naming the line where the file stops being UTF-8, when it is not GB18030 either
     */
    public static Detected detect(String fileName, Callable<InputStream> open) throws IOException {
        byte[] head = new byte[3];
        int n;
        try (InputStream in = call(open)) {
            n = in.readNBytes(head, 0, 3);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            long bad = firstError(open, StandardCharsets.UTF_8);
            if (bad >= 0) {
                throw notText(fileName, bad);
            }
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        long notUtf8 = firstError(open, StandardCharsets.UTF_8);
        if (notUtf8 < 0) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        if (firstError(open, GB18030) < 0 && looksChinese(open)) {
            return new Detected(GB18030, 0);
        }
        throw notText(fileName, notUtf8);
    }

    /**
     * Most byte pairs decode as GB18030, Latin-1 accents included ("São" is S, 鉶, o): what tells Chinese text apart is
     * that most of its characters are of the common GB2312 set (both bytes from 0xA1), while a Western letter with an
     * accent followed by a plain letter gives a pair whose second byte is below 0x80. GB18030 is taken when common
     * pairs are at least as many as such pairs; a file of rare characters only is refused (saved as UTF-8 it goes in).
     */
    private static boolean looksChinese(Callable<InputStream> open) throws IOException {
        long common = 0;
        long other = 0;
        try (InputStream in = new java.io.BufferedInputStream(call(open), 1 << 16)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b < 0x80) {
                    continue;
                }
                int t = in.read();
                if (t >= 0x30 && t <= 0x39) {
                    in.skip(2); // a four-byte sequence: rare characters and symbols, neutral here
                } else if (b >= 0xA1 && t >= 0xA1) {
                    common++;
                } else {
                    other++;
                }
            }
        }
        return common >= other;
    }

    private static TableFileException notText(String fileName, long line) {
        return new TableFileException(fileName, line, null, TableReader.TEXTS.get("reason.encoding"));
    }

    /** The line (from 1) of the first byte sequence {@code charset} cannot decode, or -1 when there is none. */
    private static long firstError(Callable<InputStream> open, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream in = call(open)) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                if (!end) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult r;
                do {
                    r = decoder.decode(bytes, chars, end);
                    line += newlines(chars);
                    if (r.isError()) {
                        return line;
                    }
                } while (r.isOverflow());
                bytes.compact();
            }
            return decoder.flush(chars).isError() ? line : -1;
        } catch (CharacterCodingException e) {
            return line;
        }
    }

    private static int newlines(CharBuffer chars) {
        chars.flip();
        int n = 0;
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                n++;
            }
        }
        chars.clear();
        return n;
    }

    private static InputStream call(Callable<InputStream> open) throws IOException {
        try {
            return open.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}

package org.disclosureetl.discover;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * File names as the bytes on disk say, whatever the JVM's locale. Under {@code LC_ALL=C} (cron, systemd)
 * the JVM decodes and encodes path strings as ASCII ({@code sun.jnu.encoding}, fixed at start-up), so
 * {@code Path.toString()} garbles a Chinese name and {@code Path.of(name)} throws; under UTF-8 a GBK
 * name from a Windows zip decodes lossily. The URI form of a path is exact in both directions:
 * {@link Path#toUri()} percent-encodes the path's own bytes and {@link Path#of(URI)} decodes them back.
 *
 * <p>A stored name is the relative path's bytes decoded as UTF-8, '/' between folders; a byte that is
 * not UTF-8 is written {@code \xNN} and a backslash {@code \\}, so every name maps back to its bytes.
 */
public final class FileNames {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private FileNames() {
    }

    /** The stored name of {@code file} below {@code root} (both absolute). */
    public static String relativeName(Path root, Path file) {
        byte[] rootBytes = bytes(root);
        byte[] fileBytes = bytes(file);
        int from = rootBytes.length + (rootBytes.length > 0 && rootBytes[rootBytes.length - 1] == '/' ? 0 : 1);
        if (fileBytes.length <= from || !Arrays.equals(rootBytes, 0, rootBytes.length, fileBytes, 0, rootBytes.length)) {
            throw new IllegalArgumentException("not below the input folder");
        }
        return decode(Arrays.copyOfRange(fileBytes, from, fileBytes.length));
    }

    /** The file a stored name stands for below {@code root}. */
    public static Path resolve(Path root, String name) {
        byte[] rootBytes = bytes(root);
        byte[] nameBytes = encode(name);
        byte[] all = Arrays.copyOf(rootBytes, rootBytes.length + 1 + nameBytes.length);
        all[rootBytes.length] = '/';
        System.arraycopy(nameBytes, 0, all, rootBytes.length + 1, nameBytes.length);
        return Path.of(URI.create("file://" + percentEncode(all)));
    }

    /** The absolute path's bytes, as the operating system has them (no trailing slash). */
    static byte[] bytes(Path path) {
        String raw = path.toAbsolutePath().toUri().getRawPath();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                out.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else {
                out.write(c);
            }
        }
        byte[] bytes = out.toByteArray();
        return bytes.length > 1 && bytes[bytes.length - 1] == '/' ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }

    /** UTF-8, with {@code \xNN} for each byte that is not and {@code \\} for a backslash. */
    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
        StringBuilder name = new StringBuilder(bytes.length);
        while (true) {
            CoderResult result = decoder.decode(in, chars, true);
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                name.append(c == '\\' ? "\\\\" : String.valueOf(c));
            }
            chars.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    name.append("\\x").append(HEX.toHexDigits(in.get()));
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        return name.toString();
    }

    /** The bytes of a stored name: the inverse of {@link #decode}. */
    static byte[] encode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() * 3);
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 1 < name.length()) {
                out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
                plain.setLength(0);
                if (name.charAt(i + 1) == 'x' && i + 3 < name.length()) {
                    out.write(HexFormat.fromHexDigits(name, i + 2, i + 4));
                    i += 3;
                } else {
                    out.write(name.charAt(i + 1));
                    i += 1;
                }
            } else {
                plain.append(c);
            }
        }
        out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String percentEncode(byte[] bytes) {
        StringBuilder uri = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '-'
                    || c == '.' || c == '_' || c == '~') {
                uri.append((char) c);
            } else {
                uri.append('%').append(HEX.toHexDigits((byte) c));
            }
        }
        return uri.toString();
    }
}

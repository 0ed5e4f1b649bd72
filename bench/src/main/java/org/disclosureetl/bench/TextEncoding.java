package org.disclosureetl.bench;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Encodings of the TXT copies; Big5 is only used for Traditional-script reports. */
public enum TextEncoding {
    UTF_8("utf-8", StandardCharsets.UTF_8, false),
    GB18030("gb18030", Charset.forName("GB18030"), false),
    /** UTF-16 little endian with a byte order mark (FF FE), as Windows Notepad writes it. */
    UTF_16("utf-16", StandardCharsets.UTF_16LE, true),
    BIG5("big5", Charset.forName("Big5"), false);

    private static final byte[] UTF_16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    private final String label;
    private final Charset charset;
    private final boolean bom;

    TextEncoding(String label, Charset charset, boolean bom) {
        this.label = label;
        this.charset = charset;
        this.bom = bom;
    }

    public String label() {
        return label;
    }

    /** Encodes strictly: a character the charset lacks is an error, never a silent '?'. */
    public byte[] encode(String text) {
        try {
            ByteBuffer body = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[(bom ? UTF_16LE_BOM.length : 0) + body.remaining()];
            int offset = 0;
            if (bom) {
                System.arraycopy(UTF_16LE_BOM, 0, bytes, 0, UTF_16LE_BOM.length);
                offset = UTF_16LE_BOM.length;
            }
            body.get(bytes, offset, body.remaining());
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text cannot be encoded as " + label, e);
        }
    }

    public String decode(byte[] bytes) {
        int skip = bom && bytes.length >= 2 && bytes[0] == UTF_16LE_BOM[0] && bytes[1] == UTF_16LE_BOM[1] ? 2 : 0;
        return new String(bytes, skip, bytes.length - skip, charset);
    }
}

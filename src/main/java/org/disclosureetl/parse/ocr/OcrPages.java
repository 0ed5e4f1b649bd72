package org.disclosureetl.parse.ocr;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.parse.Block;

/**
 * Which pages of a document were read by OCR, as documents.csv's {@code ocr_pages} says it: page ranges in order,
 * {@code 1-3,5}. Told from the blocks themselves (an OCR'd block's source location is {@code page N ... (OCR)},
 * {@link PageReader}), so it crosses the parser child's pipe with them.
 */
public final class OcrPages {

    private static final Pattern OCR_BLOCK = Pattern.compile("^page (\\d+) .* \\(OCR\\)");
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");

    private OcrPages() {
    }

    /** The pages of OCR'd blocks as ranges; null when no block was read by OCR. */
    public static String of(List<Block> blocks) {
        TreeSet<Integer> pages = new TreeSet<>();
        for (Block block : blocks) {
            Matcher m = OCR_BLOCK.matcher(block.where() == null ? "" : block.where());
            if (m.find()) {
                pages.add(Integer.parseInt(m.group(1)));
            }
        }
        return pages.isEmpty() ? null : ranges(pages);
    }

    static String ranges(TreeSet<Integer> pages) {
        StringBuilder out = new StringBuilder();
        Integer first = null;
        Integer last = null;
        for (int page : pages) {
            if (last != null && page == last + 1) {
                last = page;
                continue;
            }
            append(out, first, last);
            first = page;
            last = page;
        }
        append(out, first, last);
        return out.toString();
    }

    private static void append(StringBuilder out, Integer first, Integer last) {
        if (first == null) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(',');
        }
        out.append(first);
        if (last > first) {
            out.append('-').append(last);
        }
    }

    /** How many pages ranges such as {@code 1-3,5} name (4); 0 for null or empty. */
    public static int count(String ranges) {
        if (ranges == null || ranges.isBlank()) {
            return 0;
        }
        int pages = 0;
        for (String part : ranges.split(",")) {
            Matcher m = RANGE.matcher(part.strip());
            if (m.matches()) {
                pages += m.group(2) == null ? 1 : Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1)) + 1;
            }
        }
        return pages;
    }
}

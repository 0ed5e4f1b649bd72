package org.disclosureetl.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.disclosureetl.parse.Block;
import org.disclosureetl.parse.ParsedDocument;
import org.springframework.stereotype.Component;

/**
 * The normalize stage: splits text lines into cells (tabs and pipes are the column separators
 * of exported tables), normalizes every cell to half-width Simplified text and drops web-page
 * boilerplate lines listed in {@code normalize/boilerplate.txt}.
 */
@Component
public class DocumentNormalizer {

    /** A line longer than this is content, whatever it starts with. */
    private static final int MAX_BOILERPLATE_LINE = 200;
    private static final Pattern CELL_SEPARATOR = Pattern.compile("[\\t|｜]");

    private final TextNormalizer textNormalizer;
    /** The patterns of boilerplate.txt as one alternation: one matcher per line instead of one per pattern. */
    private final Pattern boilerplate;

    public DocumentNormalizer(TextNormalizer textNormalizer) {
        this.textNormalizer = textNormalizer;
        this.boilerplate = loadBoilerplate();
    }

    public NormalizedDocument normalize(ParsedDocument parsed) {
        Script script = textNormalizer.detectScript(parsed.plainText());
        List<NormalizedDocument.Line> lines = new ArrayList<>(parsed.blocks().size());
        for (Block block : parsed.blocks()) {
            List<String> rawCells = block instanceof Block.TableRow row
                    ? row.cells()
                    : List.of(CELL_SEPARATOR.split(((Block.TextLine) block).text(), -1));
            List<NormalizedDocument.Cell> cells = new ArrayList<>(rawCells.size());
            for (String raw : rawCells) {
                cells.add(new NormalizedDocument.Cell(raw, textNormalizer.normalize(raw).strip()));
            }
            NormalizedDocument.Line line = new NormalizedDocument.Line(cells, block.where(),
                    block instanceof Block.TableRow || rawCells.size() > 1, block instanceof Block.TableRow);
            if (!isBoilerplate(line.text().strip())) {
                lines.add(line);
            }
        }
        return new NormalizedDocument(parsed.contentType(), script, lines);
    }

    private boolean isBoilerplate(String text) {
        if (text.length() > MAX_BOILERPLATE_LINE) {
            return false; // crawler text puts a whole page on one line: its furniture is read past, not dropped
        }
        // every pattern starts with ^ (checked when loaded): one attempt at the start, not one per position
        return boilerplate.matcher(text).lookingAt();
    }

    private static Pattern loadBoilerplate() {
        try (InputStream in = DocumentNormalizer.class.getResourceAsStream("/normalize/boilerplate.txt")) {
            if (in == null) {
                throw new IllegalStateException("normalize/boilerplate.txt is missing from the classpath");
            }
            List<String> patterns = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    if (!trimmed.startsWith("^")) {
                        throw new IllegalStateException("normalize/boilerplate.txt: a pattern must match from the start"
                                + " of a line (begin with ^): " + trimmed);
                    }
                    patterns.add("(?:" + Pattern.compile(trimmed).pattern() + ")"); // a bad one is named by itself
                }
            }
            return Pattern.compile(String.join("|", patterns));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

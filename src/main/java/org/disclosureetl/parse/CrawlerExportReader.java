package org.disclosureetl.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.vocabulary.ErrorType;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a crawler's export (a CSV file or JSON lines holding one report per record: title, date, URL and the body
 * in one field) apart from any other file, and reads it record by record. A file that is not such an export is
 * left to Tika as before ({@link #read} gives empty): a data table in a CSV file stays a {@code not_a_report}.
 *
 * <p>An export is decoded as UTF-8 (a byte-order mark is dropped) when its bytes are valid UTF-8, otherwise as
 * GB18030 (which GBK is a subset of) when they are valid GB18030: Chinese crawlers write one of the two, and a
 * strict decode tells them apart more surely than guessing from a sample. The whole file is read at once; exports
 * are written by crawlers a site at a time, megabytes, not the hundreds of megabytes that would call for streaming.
 */
@Component
public class CrawlerExportReader {

    /** The names a crawler's text file gives the fields (real/101.txt), which the extract stage reads. */
    enum Field {
        TITLE("标题", "标题", "title", "名称", "name", "文章标题", "题目"),
        PUBLISHED("发布时间", "发布时间", "时间", "日期", "date", "publish_time", "publish_date", "pubdate", "发布日期",
                "time"),
        PUBLISHER("发布机构", "发布机构", "来源", "source", "发布单位", "发文机关", "publisher"),
        URL("原文链接", "原文链接", "访问地址", "链接", "url", "link", "网址", "href"),
        BODY(null, "内容", "正文", "content", "text", "body", "全文");

        private final String canonical;
        private final Set<String> names;

        Field(String canonical, String... names) {
            this.canonical = canonical;
            this.names = Set.of(names);
        }

        /** The field a column (or JSON key) of this name holds, or null for any other column. */
        static Field of(String name) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            for (Field field : values()) {
                if (field.names.contains(key)) {
                    return field;
                }
            }
            return null;
        }
    }

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final CSVFormat CSV = CSVFormat.RFC4180;
    private static final JsonMapper JSON = JsonMapper.shared();

    /** Whether the file's name lets it be an export; only these are opened here, the rest go straight to Tika. */
    public static boolean candidate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json");
    }

    /**
     * The file as a crawler export, or empty when it is not one: not a candidate by name, neither UTF-8 nor GB18030,
     * or its header (first JSON object) names no title and no body. A CSV file that breaks off in the middle (a quote
     * never closed) is a {@link DocumentParseException}.
     */
    public Optional<CrawlerExport> read(Path file) throws IOException {
        if (!candidate(file)) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        Decoded decoded = decode(bytes);
        if (decoded == null) {
            return Optional.empty();
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? readCsv(decoded) : readJsonLines(decoded);
    }

    private record Decoded(String text, Charset charset) {
    }

    private static Decoded decode(byte[] bytes) {
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
                return new Decoded(text, charset);
            } catch (CharacterCodingException e) {
                // not this charset: try the next
            }
        }
        return null;
    }

    /** A column (or JSON key) and the field it holds, null for a column kept as {@code name: value}. */
    private record Column(String name, Field field) {
    }

    private Optional<CrawlerExport> readCsv(Decoded decoded) {
        String contentType = "text/csv; charset=" + decoded.charset().name();
        List<CrawlerExport.Entry> entries = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(decoded.text(), CSV)) {
            List<Column> columns = null;
            int number = 0;
            for (CSVRecord row : parser) {
                if (columns == null) {
                    columns = columns(row.toList());
                    if (columns == null) {
                        return Optional.empty();
                    }
                    continue;
                }
                if (row.stream().allMatch(String::isBlank)) {
                    continue; // a blank line between records, or at the end: no record
                }
                number++;
                List<String> values = row.toList();
                Map<String, String> byName = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    byName.putIfAbsent(columns.get(i).name(), i < values.size() ? values.get(i) : "");
                }
                entries.add(entry(number, columns, byName, contentType));
            }
            if (columns == null) {
                return Optional.empty();
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new DocumentParseException(ErrorType.PARSE_ERROR, "the crawler export cannot be read as CSV after record "
                    + entries.size() + ": " + e.getMessage());
        }
        return Optional.of(new CrawlerExport(contentType, entries));
    }

    private Optional<CrawlerExport> readJsonLines(Decoded decoded) {
        String contentType = "application/x-ndjson; charset=" + decoded.charset().name();
        List<CrawlerExport.Entry> entries = new ArrayList<>();
        int number = 0;
        for (String line : LINE_BREAK.split(decoded.text())) {
            if (line.isBlank()) {
                continue;
            }
            number++;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                node = null;
            }
            if (number == 1 && (node == null || !node.isObject() || columns(names(node)) == null)) {
                return Optional.empty(); // a JSON document (an array, an object over several lines) or other keys
            }
            if (node == null || !node.isObject()) {
                entries.add(CrawlerExport.Entry.unreadable(number, ErrorType.PARSE_ERROR, "not a JSON object"));
                continue;
            }
            List<Column> columns = columns(names(node));
            if (columns == null) {
                entries.add(CrawlerExport.Entry.unreadable(number, ErrorType.NO_TEXT, "the record has no title or no body"));
                continue;
            }
            Map<String, String> byName = new LinkedHashMap<>();
            node.properties().forEach(p -> byName.put(p.getKey(), text(p.getValue())));
            entries.add(entry(number, columns, byName, contentType));
        }
        if (number == 0) {
            return Optional.empty();
        }
        return Optional.of(new CrawlerExport(contentType, entries));
    }

    private static List<String> names(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString();
    }

    /** The header's columns, or null when they do not name both a title and a body: then it is no export. */
    private static List<Column> columns(List<String> header) {
        List<Column> columns = new ArrayList<>(header.size());
        for (String name : header) {
            columns.add(new Column(name.strip(), Field.of(name)));
        }
        boolean title = columns.stream().anyMatch(c -> c.field() == Field.TITLE);
        boolean body = columns.stream().anyMatch(c -> c.field() == Field.BODY);
        return title && body ? columns : null;
    }

    /**
     * The record as a crawler's text file writes it: a line {@code 标题: …} (then 发布时间, 发布机构, 原文链接, those
     * the export has, in that order), a {@code name: value} line per other column, then the body's lines. Only the
     * first column of a field is the field; a second body column (正文 beside 内容) is dropped rather than kept,
     * since a second copy of the tables would be read as a second table.
     */
    private static CrawlerExport.Entry entry(int number, List<Column> columns, Map<String, String> values,
                                             String contentType) {
        Map<Field, String> fields = new EnumMap<>(Field.class);
        List<String> others = new ArrayList<>();
        for (Column column : columns) {
            String value = values.getOrDefault(column.name(), "");
            if (column.field() != null && !fields.containsKey(column.field())) {
                fields.put(column.field(), value);
            } else if (column.field() != Field.BODY) {
                others.add(column.name() + ": " + oneLine(value));
            }
        }
        String body = fields.getOrDefault(Field.BODY, "");
        if (body.isBlank()) {
            return CrawlerExport.Entry.unreadable(number, ErrorType.NO_TEXT, "the record has no body text");
        }
        List<Block> blocks = new ArrayList<>();
        int line = 0;
        for (Field field : Field.values()) {
            if (field != Field.BODY && fields.containsKey(field)) {
                blocks.add(new Block.TextLine(field.canonical + ": " + oneLine(fields.get(field)), where(number, ++line)));
            }
        }
        for (String other : others) {
            blocks.add(new Block.TextLine(other, where(number, ++line)));
        }
        for (String text : LINE_BREAK.split(body, -1)) {
            line++;
            if (!text.isBlank()) {
                blocks.add(new Block.TextLine(text, where(number, line)));
            }
        }
        return CrawlerExport.Entry.read(number, new ParsedDocument(contentType, blocks));
    }

    /** A field's value on one line: a title or a date that a crawler wrapped is still one line of its record. */
    private static String oneLine(String value) {
        return LINE_BREAK.matcher(value.strip()).replaceAll(" ");
    }

    private static String where(int record, int line) {
        return "record " + record + " line " + line;
    }
}

package org.disclosureetl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    private static final int N = 100;
    /** The sample inbox of the repository; Maven runs the tests in {@code bench/}. */
    private static final Path SEEDS = Path.of("../data/inbox");
    private static final Path DIVISIONS = Path.of("../src/main/resources/reference/divisions");

    private static CorpusGenerator generator;
    private static Corpus corpus;

    @TempDir
    static Path work;

    @BeforeAll
    static void generate() throws IOException {
        generator = new CorpusGenerator(SEEDS);
        corpus = generator.generate(work.resolve("a"), N, 42);
    }

    @Test
    void writesNFilesInTheFormatMix() throws IOException {
        assertThat(corpus.files()).hasSize(N);
        try (var listing = Files.list(corpus.folder())) {
            assertThat(listing.count()).isEqualTo(N);
        }
        assertThat(corpus.countByFormat()).isEqualTo(Map.of(
                SourceFormat.TXT, 40L, SourceFormat.HTML, 20L, SourceFormat.DOCX, 20L, SourceFormat.PDF, 20L));
        assertThat(corpus.countByEncoding()).isEqualTo(Map.of(
                TextEncoding.UTF_8, 10L, TextEncoding.GB18030, 10L, TextEncoding.UTF_16, 10L, TextEncoding.BIG5, 10L));
        assertThat(corpus.files().get(0).path().getFileName().toString()).isEqualTo("000000-000-utf-8.txt");
        assertThat(corpus.files().get(4).path().getFileName().toString()).isEqualTo("000004-000-pdf.pdf");
        assertThat(corpus.files().stream().filter(f -> f.encoding() == TextEncoding.BIG5))
                .allMatch(f -> f.seed().equals("000"));
        assertThat(corpus.files().stream().map(CorpusFile::seed).distinct().sorted())
                .containsExactly("000", "001", "002", "004");
    }

    @Test
    void theTextHeavyMixIsMostlyLongTxtAndHtmlWhosePaddingIsTheirOwnProseWithoutDigits() throws IOException {
        Corpus mix = generator.generate(work.resolve("text-heavy"), 40, 42, CorpusGenerator.TEXT_HEAVY);

        assertThat(mix.countByFormat()).isEqualTo(Map.of(
                SourceFormat.TXT, 16L, SourceFormat.HTML, 16L, SourceFormat.DOCX, 4L, SourceFormat.PDF, 4L));
        assertThat(mix.countByEncoding()).isEqualTo(Map.of(TextEncoding.UTF_8, 8L, TextEncoding.GB18030, 8L));
        assertThat(mix.files().stream().map(f -> digest(f.path())).distinct().count()).isEqualTo(40);
        assertThat(mix.files().stream().map(CorpusFile::seed).distinct().sorted())
                .containsExactly("000", "001", "002", "004");
        double kilobytes = mix.totalBytes() / 1e3 / mix.files().size();
        assertThat(kilobytes).isBetween(35.0, 55.0);
        for (CorpusFile file : mix.files()) {
            if (file.format() == SourceFormat.TXT) {
                String text = file.encoding().decode(Files.readAllBytes(file.path()));
                int padding = text.indexOf("附件 工作说明");
                assertThat(padding).as(file.path().toString()).isPositive();
                assertThat(text.length()).isBetween(12_000, 13_000);
                assertThat(text.substring(padding).chars().noneMatch(Character::isDigit)).isTrue();
            }
        }
    }

    @Test
    void everyFileIsDistinctAndTheSameSeedGivesTheSameBytes() throws IOException {
        assertThat(corpus.files().stream().map(f -> digest(f.path())).distinct().count()).isEqualTo(N);
        Corpus again = generator.generate(work.resolve("b"), 20, 42);
        for (CorpusFile file : again.files()) {
            assertThat(Files.readAllBytes(file.path()))
                    .isEqualTo(Files.readAllBytes(corpus.folder().resolve(file.path().getFileName())));
        }
    }

    @Test
    void seedTablesAreLocatedAndTheirOwnNumbersKeepTheIdentities() {
        for (SourceFormat format : List.of(SourceFormat.TXT, SourceFormat.HTML, SourceFormat.DOCX)) {
            for (SeedTemplate template : SeedTemplate.load(SEEDS, format, CorpusGenerator.SEEDS)) {
                TableLayout layout = template.layout();
                int rows = template.seed().equals("001") ? 23 : template.seed().equals("000") ? 24 : 25;
                if (template.seed().equals("000") && format != SourceFormat.TXT) {
                    rows = 24; // (六)3.其他 is '-' in every cell
                }
                assertThat(layout.applications()).as(format + " " + template.seed()).hasSize(rows);
                assertThat(layout.review()).hasSize(15);
                assertThat(NumberPlan.violations(layout, template.originalValues())).as(format + " " + template.seed())
                        .isEmpty();
            }
        }
    }

    @Test
    void numbersDifferBetweenTwoCopiesOfTheSameReport() throws IOException {
        Map<String, List<CorpusFile>> bySeed = corpus.files().stream()
                .filter(f -> f.format() == SourceFormat.TXT && f.encoding() == TextEncoding.UTF_8)
                .collect(Collectors.groupingBy(CorpusFile::seed));
        List<CorpusFile> copies = bySeed.get("002");
        assertThat(copies).hasSizeGreaterThanOrEqualTo(2);
        long[] first = numbers(copies.get(0));
        long[] second = numbers(copies.get(1));
        assertThat(first).hasSameSizeAs(second);
        assertThat(Arrays.equals(first, second)).isFalse();
        assertThat(Arrays.stream(first).sum()).isPositive();
    }

    @Test
    void totalsEqualTheSumsInEveryGeneratedTxt() throws IOException {
        for (CorpusFile file : corpus.files()) {
            if (file.format() != SourceFormat.TXT) {
                continue;
            }
            String text = file.encoding().decode(Files.readAllBytes(file.path()));
            List<NumberCell> cells = NumberCells.scan(SourceFormat.TXT, text);
            long[] values = cells.stream().mapToLong(NumberCell::value).toArray();
            assertThat(NumberPlan.violations(TableLayout.of(cells, text), values)).as(file.path().toString()).isEmpty();
        }
    }

    @Test
    void grandTotalRowOfATabSeparatedCopyAddsUp() throws IOException {
        CorpusFile file = corpus.files().stream()
                .filter(f -> f.seed().equals("002") && f.encoding() == TextEncoding.GB18030).findFirst().orElseThrow();
        String text = TextEncoding.GB18030.decode(Files.readAllBytes(file.path()));
        String line = text.lines().filter(l -> l.contains("(七) 总计")).findFirst().orElseThrow();
        long[] numbers = Arrays.stream(line.split("\t")).map(String::strip).filter(s -> s.matches("\\d+"))
                .mapToLong(Long::parseLong).toArray();
        assertThat(numbers).hasSize(7);
        assertThat(numbers[6]).isEqualTo(Arrays.stream(numbers, 0, 6).sum());
        assertThat(text).contains("湛河区金融工作局2022年政府信息公开工作年度报告");
    }

    @Test
    void tikaStillReadsAStampedPdfAndABig5Copy() throws Exception {
        CorpusFile pdf = corpus.files().get(4);
        assertThat(new String(Files.readAllBytes(pdf.path()), java.nio.charset.StandardCharsets.ISO_8859_1))
                .endsWith("%disclosure-etl bench copy 000004\n");
        assertThat(tikaText(pdf.path())).contains("肇").contains("2021");
        CorpusFile big5 = corpus.files().stream().filter(f -> f.encoding() == TextEncoding.BIG5).findFirst().orElseThrow();
        assertThat(tikaText(big5.path())).contains("肇慶市金融工作局2021年政府信息公開工作年度報告");
    }

    @Test
    void withAgencyNamesEachRenumberedCopyIsAnotherAgencysReportAndPdfCopiesKeepTheirSeeds() throws IOException {
        CorpusGenerator named = new CorpusGenerator(SEEDS, AgencyNames.load(DIVISIONS));
        Corpus mix = named.generate(work.resolve("named"), 200, 42, CorpusGenerator.TEXT_HEAVY);

        java.util.Set<String> titles = new java.util.HashSet<>();
        for (CorpusFile file : mix.files()) {
            String text = text(file);
            if (file.format() == SourceFormat.PDF) {
                continue;
            }
            assertThat(text).as(file.path().toString()).doesNotContain("肇慶市金融工作局", "肇庆市金融工作局",
                    "黔江区财政局", "湛河区金融工作局", "东莞市金融工作局", "东莞金融工作局");
            java.util.regex.Matcher title = java.util.regex.Pattern
                    .compile("(\\S{2,20}?(?:局|委员会|委員會|办公室|辦公室|联合社|聯合社))\\s*(20\\d\\d)\\s*年").matcher(text);
            assertThat(title.find()).as(file.path().toString()).isTrue();
            titles.add(title.group(1) + "/" + file.seed());
        }
        // 180 renamed copies (20 of the 200 are PDF), no two of them one agency
        assertThat(titles).hasSize(180);
        CorpusFile traditional = mix.files().stream()
                .filter(f -> f.seed().equals("000") && f.format() == SourceFormat.TXT).findFirst().orElseThrow();
        assertThat(text(traditional)).contains("年政府信息公開工作年度報告").doesNotContain("区", "财", "务");
        CorpusFile district = mix.files().stream()
                .filter(f -> f.seed().equals("001") && f.format() == SourceFormat.TXT).findFirst().orElseThrow();
        assertThat(text(district)).containsPattern("[^\\s]{2,8}市[^\\s]{1,8}区\\S{2,12}2020年").doesNotContain("重庆市黔江区");
    }

    @Test
    void agencyNamesAreTheSameForTheSameSeedAndRunOutLoudly() throws IOException {
        AgencyNames names = AgencyNames.load(DIVISIONS);
        Corpus first = new CorpusGenerator(SEEDS, names).generate(work.resolve("n1"), 30, 7);
        Corpus second = new CorpusGenerator(SEEDS, names).generate(work.resolve("n2"), 30, 7);
        for (int i = 0; i < 30; i++) {
            assertThat(Files.readAllBytes(second.files().get(i).path()))
                    .isEqualTo(Files.readAllBytes(first.files().get(i).path()));
        }
        AgencyNames one = names.fresh();
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            for (int i = 0; i < 1_000_000; i++) {
                one.next(AgencyNames.Level.CITY, false, random);
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("no agency left for another CITY copy");
    }

    private static String text(CorpusFile file) throws IOException {
        byte[] bytes = Files.readAllBytes(file.path());
        return switch (file.format()) {
            case TXT -> file.encoding().decode(bytes);
            case HTML -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            case DOCX -> (DocxPackage.documentXml(bytes) + entry(bytes, "docProps/core.xml")).replaceAll("<[^>]+>", "");
            case PDF -> "";
        };
    }

    private static String entry(byte[] docx, String name) throws IOException {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException("no " + name);
    }

    private static long[] numbers(CorpusFile file) throws IOException {
        String text = file.encoding().decode(Files.readAllBytes(file.path()));
        return NumberCells.scan(SourceFormat.TXT, text).stream().mapToLong(NumberCell::value).toArray();
    }

    private static String tikaText(Path file) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        BodyContentHandler handler = new BodyContentHandler(-1);
        try (InputStream in = TikaInputStream.get(file)) {
            new AutoDetectParser().parse(in, handler, metadata, new ParseContext());
        }
        return handler.toString();
    }

    private static String digest(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.disclosureetl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Makes a corpus of N distinct reports from the seed reports of the sample inbox, deterministic for a seed.
 * Formats repeat in a cycle of ten: 4 TXT, 2 HTML, 2 DOCX, 2 PDF; TXT copies rotate through UTF-8,
 * GB18030, UTF-16 and Big5 (Big5 for the Traditional-script seed only). TXT, HTML and DOCX copies get
 * new table numbers that keep the accounting identities; PDF copies keep the seed's numbers and are
 * made unique by a comment line after {@code %%EOF}, which PDF readers ignore. With {@link AgencyNames} each
 * renumbered copy is also another agency's report (PDF copies stay their seed's, so they are duplicates that agree
 * with their seed's numbers).
 */
public final class CorpusGenerator {

    static final SourceFormat[] CYCLE = {
            SourceFormat.TXT, SourceFormat.HTML, SourceFormat.DOCX, SourceFormat.TXT, SourceFormat.PDF,
            SourceFormat.HTML, SourceFormat.TXT, SourceFormat.DOCX, SourceFormat.PDF, SourceFormat.TXT};
    static final TextEncoding[] TXT_ENCODINGS = {
            TextEncoding.UTF_8, TextEncoding.GB18030, TextEncoding.UTF_16, TextEncoding.BIG5};

    /**
     * Which files a corpus is made of.
     *
     * @param cycle         the formats, repeated
     * @param txtEncodings  the encodings the TXT copies rotate through
     * @param textChars     TXT and HTML copies are lengthened with their own prose to about this many characters
     *                      (0: as the seed is)
     */
    public record Mix(String name, SourceFormat[] cycle, TextEncoding[] txtEncodings, int textChars) {
    }

    /** The sample mix: seeds as they are, a cycle of 4 TXT, 2 HTML, 2 DOCX, 2 PDF (bench/README.md "The corpus"). */
    public static final Mix SAMPLE = new Mix("sample", CYCLE, TXT_ENCODINGS, 0);

    /**
     * A text-heavy mix like the 20,000-file backlog of issue 30: 4 TXT (UTF-8 and GB18030), 4 HTML, 1 DOCX and 1 PDF in
     * ten, TXT and HTML lengthened to about 12,000 characters (a full report's prose), about 43 KB a file on average;
     * the Traditional-script seed 000 is a quarter of them.
     */
    public static final Mix TEXT_HEAVY = new Mix("text-heavy", new SourceFormat[] {
            SourceFormat.TXT, SourceFormat.HTML, SourceFormat.TXT, SourceFormat.HTML, SourceFormat.DOCX,
            SourceFormat.TXT, SourceFormat.HTML, SourceFormat.TXT, SourceFormat.PDF, SourceFormat.HTML},
            new TextEncoding[] {TextEncoding.UTF_8, TextEncoding.GB18030}, 12_000);
    private static final int MAX_TRIES = 50;

    private final Map<SourceFormat, List<SeedTemplate>> templates = new EnumMap<>(SourceFormat.class);
    private final List<SeedTemplate> traditionalTxt;
    /** Gives each renumbered copy an agency of its own; null: copies keep their seed's agency. */
    private final AgencyNames agencyNames;

    /** The seeds: reports 000, 001, 002 and 004 of the sample inbox, which exist in all four formats. */
    static final Set<String> SEEDS = Set.of("000", "001", "002", "004");

    /**
     * A generator whose copies keep their seed's agency: every copy of a seed is the same agency's report of the same
     * year (the corpora of the benchmark before the fifteenth session, {@code --agencies=seed}).
     *
     * @param seedFolder the sample inbox ({@code data/inbox} of the repository)
     */
    public CorpusGenerator(Path seedFolder) {
        this(seedFolder, null);
    }

    /**
     * @param seedFolder  the sample inbox ({@code data/inbox} of the repository)
     * @param agencyNames gives each TXT, HTML and DOCX copy an agency of its own (PDF copies keep their seed's); null
     *                    keeps every copy's seed agency
     */
    CorpusGenerator(Path seedFolder, AgencyNames agencyNames) {
        this.agencyNames = agencyNames;
        for (SourceFormat format : SourceFormat.values()) {
            templates.put(format, SeedTemplate.load(seedFolder, format, SEEDS));
        }
        traditionalTxt = templates.get(SourceFormat.TXT).stream().filter(SeedTemplate::traditional).toList();
        if (traditionalTxt.isEmpty()) {
            throw new IllegalStateException("no Traditional-script TXT seed for the Big5 copies");
        }
    }

    public Corpus generate(Path folder, int documents, long seed) throws IOException {
        return generate(folder, documents, seed, SAMPLE);
    }

    public Corpus generate(Path folder, int documents, long seed, Mix mix) throws IOException {
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(seed);
        Map<SourceFormat, Integer> ordinals = new EnumMap<>(SourceFormat.class);
        Set<String> digests = new HashSet<>();
        AgencyNames names = agencyNames == null ? null : agencyNames.fresh();
        List<CorpusFile> files = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            SourceFormat format = mix.cycle()[i % mix.cycle().length];
            int k = ordinals.merge(format, 1, Integer::sum) - 1;
            TextEncoding[] encodings = mix.txtEncodings();
            TextEncoding encoding = format == SourceFormat.TXT ? encodings[k % encodings.length] : null;
            SeedTemplate template = pick(format, encoding, k, encodings.length);
            SplittableRandom documentRandom = random.split();
            UnaryOperator<String> rename = names == null || format == SourceFormat.PDF ? UnaryOperator.identity()
                    : names.renamerFor(template.seed(), template.traditional(), documentRandom.split());
            byte[] bytes = null;
            for (int attempt = 0; bytes == null || !digests.add(sha256(bytes)); attempt++) {
                if (attempt == MAX_TRIES) {
                    throw new IllegalStateException("cannot make document " + i + " distinct from the others");
                }
                bytes = render(template, encoding, i, documentRandom, mix.textChars(), rename);
            }
            String name = String.format("%06d-%s-%s.%s", i, template.seed(),
                    encoding == null ? format.extension() : encoding.label(), format.extension());
            Path file = folder.resolve(name);
            Files.write(file, bytes);
            files.add(new CorpusFile(file, format, encoding, template.seed(), bytes.length));
        }
        return new Corpus(folder, files);
    }

    private SeedTemplate pick(SourceFormat format, TextEncoding encoding, int k, int encodings) {
        if (encoding == null) {
            List<SeedTemplate> pool = templates.get(format);
            return pool.get(k % pool.size());
        }
        List<SeedTemplate> pool = encoding == TextEncoding.BIG5 ? traditionalTxt : templates.get(format);
        return pool.get(k / encodings % pool.size());
    }

    /** One copy of a seed: new table numbers (TXT, HTML, DOCX) or a unique trailer (PDF). */
    static byte[] render(SeedTemplate template, TextEncoding encoding, int serial, SplittableRandom random) {
        return render(template, encoding, serial, random, 0, UnaryOperator.identity());
    }

    /** @param rename renames the seed's agency in the copy's text (after the numbers, whose offsets are the seed's) */
    static byte[] render(SeedTemplate template, TextEncoding encoding, int serial, SplittableRandom random,
                         int textChars, UnaryOperator<String> rename) {
        return switch (template.format()) {
            case TXT -> encoding.encode(ProsePadding.lengthened(rename.apply(withNewNumbers(template, random)),
                    template.format(), textChars));
            case HTML -> ProsePadding.lengthened(rename.apply(withNewNumbers(template, random)), template.format(),
                    textChars).getBytes(StandardCharsets.UTF_8);
            case DOCX -> DocxPackage.withDocumentXml(template.bytes(), rename.apply(withNewNumbers(template, random)),
                    rename);
            case PDF -> withTrailer(template.bytes(), serial);
        };
    }

    private static String withNewNumbers(SeedTemplate template, SplittableRandom random) {
        long[] values = NumberPlan.generate(template.cells(), template.layout(), random);
        return NumberCells.render(template.text(), template.cells(), values);
    }

    /** The PDF with a comment after its final %%EOF: the same document to every reader, other bytes. */
    static byte[] withTrailer(byte[] pdf, int serial) {
        byte[] trailer = String.format("%%disclosure-etl bench copy %06d%n", serial).getBytes(StandardCharsets.US_ASCII);
        boolean newline = pdf.length > 0 && (pdf[pdf.length - 1] == '\n' || pdf[pdf.length - 1] == '\r');
        byte[] out = new byte[pdf.length + (newline ? 0 : 1) + trailer.length];
        System.arraycopy(pdf, 0, out, 0, pdf.length);
        if (!newline) {
            out[pdf.length] = '\n';
        }
        System.arraycopy(trailer, 0, out, out.length - trailer.length, trailer.length);
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

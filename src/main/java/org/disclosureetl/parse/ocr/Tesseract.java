package org.disclosureetl.parse.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code tesseract} command (Debian's {@code tesseract-ocr}), asked for its TSV output: every word with its box
 * and confidence. Many images go to one process as a list file, so the language models are loaded once for all the
 * cells of a page instead of once per cell; the TSV's page number says which image a word is from. Each process is
 * held to one thread ({@code OMP_THREAD_LIMIT=1}): pages run side by side instead (README "Scanned reports").
 *
 * @param command the executable, {@code tesseract} on the PATH unless told otherwise
 */
record Tesseract(String command) {

    /**
     * The longest one call may take: a page's cells take seconds; past this the process is stuck. (The parser child's
     * own time limit, etl.parse.timeout, usually ends the document first.)
     */
    static final long CALL_LIMIT_SECONDS = 300;

    /** Simplified and Traditional together: reports of Hong Kong-style agencies and of Guangdong print either. */
    static final String CHINESE = "chi_sim+chi_tra";

    /** What one recognition call is told: the language models, the page segmentation mode, allowed characters. */
    record Mode(String languages, int pageSegmentation, String whitelist) {
        /** A table cell's text (a small block, perhaps wrapped), and a page's running text: a block of lines. */
        static final Mode CELL = new Mode(CHINESE, 6, null);
        /** A numeric cell read again as a single line of digits only. */
        static final Mode DIGITS = new Mode("eng", 7, "0123456789-.");
    }

    /** One recognized word: which image (0-based), its box, its confidence (0-100) and its text. */
    record Word(int image, int block, int paragraph, int line, int left, int top, int width, int height,
                double confidence, String text) {
    }

    /** Whether the command runs and has the Chinese models; the message says what is missing otherwise. */
    String unavailable() {
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return command + " --list-langs failed: " + out.strip();
            }
            List<String> langs = out.lines().map(String::strip).toList();
            for (String needed : List.of("chi_sim", "chi_tra", "eng")) {
                if (!langs.contains(needed)) {
                    return "Tesseract has no " + needed + " model (Debian: apt-get install tesseract-ocr-"
                            + needed.replace('_', '-') + ")";
                }
            }
            return null;
        } catch (IOException e) {
            return "the " + command + " command was not found (Debian: apt-get install tesseract-ocr"
                    + " tesseract-ocr-chi-sim tesseract-ocr-chi-tra)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Recognizes the images (PNG files) in one process.
     *
     * @param work a folder of this call's own for the list file
     */
    List<Word> recognize(List<Path> images, Mode mode, Path work) throws IOException {
        if (images.isEmpty()) {
            return List.of();
        }
        Path list = Files.createTempFile(work, "images", ".txt");
        Files.write(list, images.stream().map(p -> p.toAbsolutePath().toString()).toList(), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(command, list.toString(), "stdout", "-l", mode.languages(),
                "--psm", Integer.toString(mode.pageSegmentation())));
        if (mode.whitelist() != null) {
            args.addAll(List.of("-c", "tessedit_char_whitelist=" + mode.whitelist()));
        }
        args.add("tsv");
        ProcessBuilder builder = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        String tsv;
        try (InputStream out = process.getInputStream()) {
            tsv = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(CALL_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish within " + CALL_LIMIT_SECONDS + " s");
            }
            int exit = process.exitValue();
            if (exit != 0) {
                throw new IOException(command + " exited with " + exit);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command + " ran", e);
        }
        return parse(tsv);
    }

    /**
     * Tesseract's TSV: level, page_num, block_num, par_num, line_num, word_num, left, top, width, height, conf, text.
     * Level 5 rows are words; page_num counts the images of a list from 1.
     */
    static List<Word> parse(String tsv) {
        List<Word> words = new ArrayList<>();
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !"5".equals(f[0])) {
                continue;
            }
            String text = f[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            words.add(new Word(Integer.parseInt(f[1]) - 1, Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                    Integer.parseInt(f[9]), Double.parseDouble(f[10]), text));
        }
        return words;
    }
}

package org.disclosureetl.bench;

/** The file formats of the benchmark corpus, each with its file extension. */
public enum SourceFormat {
    TXT("txt"), HTML("html"), DOCX("docx"), PDF("pdf");

    private final String extension;

    SourceFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}

package org.disclosureetl.export;

/**
 * Text put into the HTML pages the application writes (export/DatasetPage, report/RunReportPage): the five characters
 * that would open markup or end an attribute, as entities. One place, so both pages escape alike.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** The text with {@code < > & " '} as entities; null gives "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

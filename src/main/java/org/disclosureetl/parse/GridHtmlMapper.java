package org.disclosureetl.parse;

import java.util.Locale;

import org.apache.tika.parser.html.DefaultHtmlMapper;

/**
 * Tika's HTML mapping, but a table cell keeps its {@code colspan} and {@code rowspan}: Tika's default drops them,
 * and without them a cell spanning two columns or rows takes one place and the numbers after it move
 * ({@link TableGrid}).
 */
final class GridHtmlMapper extends DefaultHtmlMapper {

    static final GridHtmlMapper INSTANCE = new GridHtmlMapper();

    private GridHtmlMapper() {
    }

    @Override
    public String mapSafeAttribute(String elementName, String attributeName) {
        String element = elementName.toLowerCase(Locale.ROOT);
        String attribute = attributeName.toLowerCase(Locale.ROOT);
        if (("td".equals(element) || "th".equals(element)) && ("colspan".equals(attribute)
                || "rowspan".equals(attribute))) {
            return attribute;
        }
        return super.mapSafeAttribute(elementName, attributeName);
    }
}

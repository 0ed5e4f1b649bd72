package org.disclosureetl.parse;

import java.util.Map;

import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserFactory;

/**
 * Builds the {@link ForkChildParser} inside a child JVM that loads the application's jar itself
 * ({@link ChildJvm#applicationFolder()}). Tika's ForkServer creates it by name, so it is public.
 */
public final class ForkChildParserFactory extends ParserFactory {

    /** The argument that carries the character limit. */
    static final String MAX_CHARS = "maxChars";

    private final long maxChars;

    public ForkChildParserFactory(Map<String, String> args) {
        super(args);
        this.maxChars = Long.parseLong(args.get(MAX_CHARS));
    }

    @Override
    public Parser build() {
        return new ForkChildParser(maxChars);
    }
}

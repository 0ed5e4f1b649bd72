package org.disclosureetl.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring Boot test of the whole application on a real H2 file database of its own: a fresh temporary
 * folder per test class (so per application context), deleted when the context closes, and the command
 * line runner off. See {@link TemporaryDatabase}.
 */
@Tag(TestKinds.APPLICATION)
@Tag(TestKinds.DATABASE)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@ContextCustomizerFactories(TemporaryDatabase.class)
public @interface IngestDatabaseTest {

    /** More properties of the test's environment, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}

package org.disclosureetl.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring Boot test of the whole application on a real H2 file database in a temporary folder, deleted
 * when the context closes, with the command line runner off. Every class without {@link #properties()}
 * shares one cached context (so one database, one pool of parser child JVMs), emptied before each class
 * ({@link EmptyDatabase}): a class starts from a new database all the same. Properties make a context of their
 * own (and its start-up, several seconds): give them only where the configuration is what the test is about.
 * See {@link TemporaryDatabase}.
 */
@Tag(TestKinds.APPLICATION)
@Tag(TestKinds.DATABASE)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@ContextCustomizerFactories(TemporaryDatabase.class)
@ExtendWith(EmptyDatabase.class)
public @interface IngestDatabaseTest {

    /** More properties of the test's environment, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}

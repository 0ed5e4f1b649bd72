package org.disclosureetl.store;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Makes Spring Boot's database-dependent beans (Spring Batch's job repository among them) wait for
 * {@link SchemaMigrations}, as they would wait for Spring Boot's own Flyway initializer. Registered in
 * {@code META-INF/spring.factories}.
 */
public class SchemaMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(SchemaMigrations.class);
    }
}

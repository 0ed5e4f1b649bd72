package org.disclosureetl.store;

import org.disclosureetl.EtlProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Sizes the connection pool from {@code etl.threads}. Every extract partition holds its chunk's
 * connection while the job repository records its progress on another, and the export runs
 * {@code etl.threads} workers beside the step's own connection; with Hikari's fixed default of 10,
 * twelve threads ran the pool dry and the run ended FAILED (ManyThreadsJobTest). A larger
 * {@code spring.datasource.hikari.maximum-pool-size} given by the user is kept.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectionPoolSizing {

    /** Connections per thread (its chunk or export slice, and the job repository's) plus the step's and a spare. */
    static int poolSizeFor(int threads) {
        return 2 * threads + 2;
    }

    @Bean
    static BeanPostProcessor connectionPoolSizer(ObjectProvider<EtlProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    int wanted = poolSizeFor(properties.getObject().effectiveThreads());
                    if (pool.getMaximumPoolSize() < wanted) {
                        pool.setMaximumPoolSize(wanted);
                    }
                }
                return bean;
            }
        };
    }
}

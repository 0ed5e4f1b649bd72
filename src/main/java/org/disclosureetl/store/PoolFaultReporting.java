package org.disclosureetl.store;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Shows {@link DatabaseFault} every failure of a pooled connection. When the PostgreSQL server stops, the
 * statement each thread of the job is running fails on its broken connection at once (SQLSTATE 08006), but
 * those failures surface in many places (a chunk's transaction, the job repository, a rollback) and the job's
 * threads then wait for new connections; the pool sees them all, so the run can be ended within seconds.
 * The pool goes on treating them as it would (it evicts the connection).
 */
@Configuration(proxyBeanMethods = false)
public class PoolFaultReporting {

    @Bean
    static BeanPostProcessor poolFaultReporter(ObjectProvider<DatabaseFault> fault) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setExceptionOverride(new SQLExceptionOverride() {
                        // (no @Override: the interface's nested type of that name hides the annotation)
                        public SQLExceptionOverride.Override adjudicate(java.sql.SQLException failure) {
                            fault.getObject().report(failure);
                            return SQLExceptionOverride.Override.CONTINUE_EVICT;
                        }
                    });
                }
                return bean;
            }
        };
    }
}

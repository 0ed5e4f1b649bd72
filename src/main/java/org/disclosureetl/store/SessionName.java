package org.disclosureetl.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * This process's name on the database server: PostgreSQL's {@code application_name} of every session it opens,
 * and a worker's id in {@code partition_worker}. A manager that gives a worker up after its lease ran out (a
 * process stopped with SIGSTOP, a machine cut off) ends that worker's sessions by this name
 * ({@link PartitionRequests#endSessionsOf}): otherwise they would keep the partition's lock, and the locks of
 * an open chunk transaction, and no other worker could run the partition. A random part comes first, so that
 * the name stays unique when the server cuts it to {@link #MAX_LENGTH} characters; a pid is reused.
 */
@Configuration(proxyBeanMethods = false)
public class SessionName {

    /** PostgreSQL keeps this many bytes of an application name (NAMEDATALEN - 1); the name is ASCII. */
    static final int MAX_LENGTH = 63;

    /** The JDBC driver's connection property for {@code application_name}. */
    static final String APPLICATION_NAME = "ApplicationName";

    private static final String POSTGRESQL_URL = "jdbc:postgresql:";

    private final String name;

    public SessionName() {
        this(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "/"
                + ProcessHandle.current().pid() + "/" + host());
    }

    /** A name of one's own choosing (cut to what the server keeps). */
    public SessionName(String name) {
        String ascii = name.replaceAll("[^\\x21-\\x7e]", "_");
        this.name = ascii.length() <= MAX_LENGTH ? ascii : ascii.substring(0, MAX_LENGTH);
    }

    public String value() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    @Bean
    static BeanPostProcessor sessionNamer(ObjectProvider<SessionName> sessionName) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().toLowerCase(Locale.ROOT).startsWith(POSTGRESQL_URL)) {
                    pool.addDataSourceProperty(APPLICATION_NAME, sessionName.getObject().value());
                }
                return bean;
            }
        };
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}

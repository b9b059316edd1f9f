package dev.ailab.hub;

import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Builds the Hibernate {@link SessionFactory} for {@link StoreFactory#sessionFactory}. A class of
 * its own so that verifying {@link StoreFactory}, which every command loads, loads none of
 * Hibernate's classes: only a process that asks for Hibernate loads this class.
 */
final class HibernateBoot {
    private HibernateBoot() {
    }

    /** {@code dialect} null means PostgreSQL, named so Hibernate needs no connection to pick it. */
    static SessionFactory build(String dialect, DataSource dataSource) {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder();
        if (dialect != null) {
            builder.applySetting("hibernate.dialect", dialect);
        } else {
            builder.applySetting("jakarta.persistence.database-product-name", "PostgreSQL")
                    .applySetting("jakarta.persistence.database-major-version", "15");
        }
        if (!"bytebuddy".equals(System.getProperty("ai-lab.hibernate.bytecode"))) {
            // No runtime bytecode generation: every to-one is eager and entities are plain
            // classes, so Hibernate needs no ByteBuddy proxies (measured in docs/performance.md).
            builder.addService(org.hibernate.bytecode.spi.BytecodeProvider.class,
                    new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
        }
        StandardServiceRegistry registry = builder
                .applySetting("hibernate.connection.datasource", dataSource)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("jakarta.persistence.schema-generation.database.action", "none")
                .applySetting("hibernate.hbm2ddl.auto", "none")
                .applySetting("hibernate.xml_mapping_enabled", "false")
                .applySetting("jakarta.persistence.validation.mode", "none")
                .applySetting("hibernate.cache.use_second_level_cache", "false")
                .applySetting("hibernate.cache.use_query_cache", "false")
                .applySetting("hibernate.generate_statistics", "false")
                .applySetting("hibernate.jdbc.batch_size", "50")
                .applySetting("hibernate.order_inserts", "true")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            StoreFactory.ENTITIES.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}

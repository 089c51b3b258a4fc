package org.deliveryprogress.database;


import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Without the {@code mariadb} profile the application brings its own MariaDB server, so that a fresh machine with
 * Java 17 needs nothing else installed.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!mariadb")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
        return EmbeddedMariaDb.start(properties);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb server, EmbeddedDatabaseProperties properties,
            DataSourceProperties dataSourceProperties) {
        dataSourceProperties.setUrl(server.jdbcUrl(properties.databaseName()));
        dataSourceProperties.setUsername("root");
        dataSourceProperties.setPassword("");
        HikariDataSource pool = dataSourceProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        server.whenGone(new ServerGone(pool));
        return pool;
    }
}

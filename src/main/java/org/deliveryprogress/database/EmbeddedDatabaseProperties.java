package org.deliveryprogress.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded MariaDB keeps its data and on which port it listens (0: any free port). A temporary database
 * (tests) starts empty and is deleted when the server stops.
 */
@ConfigurationProperties("delivery-progress.embedded-database")
record EmbeddedDatabaseProperties(
        @DefaultValue("data/mariadb") String dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("deliveryprogress") String databaseName,
        @DefaultValue("false") boolean temporary) {
}

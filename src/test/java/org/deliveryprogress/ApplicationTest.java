package org.deliveryprogress;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as ./mvnw spring-boot:run runs it (demo data on the embedded MariaDB), on a random port, with the job
 * executor off so that tests decide when jobs run. Every test with this annotation shares one Spring context. Its
 * metrics go to Prometheus as in production (a test context otherwise keeps them in memory only).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@AutoConfigureObservability(tracing = false)
public @interface ApplicationTest {
}

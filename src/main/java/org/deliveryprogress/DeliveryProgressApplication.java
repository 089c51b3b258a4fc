package org.deliveryprogress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DeliveryProgressApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeliveryProgressApplication.class, args);
    }
}

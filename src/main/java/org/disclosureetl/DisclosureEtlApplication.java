package org.disclosureetl;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DisclosureEtlApplication {
    public static void main(String[] args) {
        SpringApplication.run(DisclosureEtlApplication.class, args);
    }
}

package cn.changjiang.mining;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AccountabilityGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountabilityGraphApplication.class, args);
    }
}

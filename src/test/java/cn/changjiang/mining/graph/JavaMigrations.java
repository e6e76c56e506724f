package cn.changjiang.mining.graph;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The migrations written in Java (audit's V028, ledger's V800, …), counted as the library finds them: by class. */
final class JavaMigrations {

    private JavaMigrations() {
    }

    static int count() {
        try {
            return (int) java.util.Arrays.stream(new PathMatchingResourcePatternResolver()
                            .getResources("classpath*:cn/changjiang/mining/*/V*__*.class"))
                    .filter(r -> r.getFilename() != null && r.getFilename().matches("V\\d{3}__\\w+\\.class")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

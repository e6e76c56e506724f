package cn.changjiang.mining.graph;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The migrations written in Java (audit's V028, ledger's V800, …), counted as the library finds them: by class. */
public final class JavaMigrations {

    private JavaMigrations() {
    }

    static int count() {
        return versions().size();
    }

    /** Their versions ("028", "031", "800", …), as the library reads them from the class names. */
    public static java.util.List<String> versions() {
        try {
            return java.util.Arrays.stream(new PathMatchingResourcePatternResolver()
                            .getResources("classpath*:cn/changjiang/mining/*/V*__*.class"))
                    .map(r -> r.getFilename())
                    .filter(name -> name != null && name.matches("V\\d{3}__\\w+\\.class"))
                    .map(name -> name.substring(1, 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.changjiang.mining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.neo4j.driver.Driver;
import org.springframework.core.io.ClassPathResource;

/** Loads and removes a test's own small graph; every fixture node is labelled :TestFixture. */
public final class TestFixtures {

    private TestFixtures() {
    }

    public static void load(Driver driver, String resource) {
        try {
            String cypher = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
            try (var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> Arrays.stream(cypher.split(";\\s*\\n"))
                        .map(s -> s.lines().filter(l -> !l.stripLeading().startsWith("//")).reduce("", (a, b) -> a + b + "\n").strip())
                        .filter(s -> !s.isEmpty())
                        .forEach(s -> tx.run(s).consume()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void remove(Driver driver) {
        try (var session = driver.session()) {
            session.run("MATCH (a:JointEnforcementAction)-[:FOR_MINE]->(:TestFixture) DETACH DELETE a").consume();
            session.run("MATCH (n:TestFixture) DETACH DELETE n").consume();
        }
    }
}

package cn.changjiang.mining;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Integration tests that check exact answers on the tests' own small graph (fixtures/joint-enforcement.cypher),
 * loaded before the class and removed after it, so the shared database is as before for the next class.
 */
public abstract class SmallGraphTest extends IntegrationTest {

    protected static Driver fixtureDriver;

    @BeforeAll
    static void loadSmallGraph(@Autowired Driver driver) {
        fixtureDriver = driver;
        TestFixtures.remove(driver);
        TestFixtures.load(driver, "fixtures/joint-enforcement.cypher");
    }

    @AfterAll
    static void removeSmallGraph() {
        TestFixtures.remove(fixtureDriver);
    }
}

package cn.changjiang.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The packages are features whose dependencies all point one way: {@code common} (errors, paging, the viewer)
 * ← {@code graph} ← {@code security} ← {@code audit} ← {@code web} ← {@code plan} ← {@code mine} ← {@code ledger}
 * ← {@code enforcement}, {@code requirement}, {@code accountability}, {@code insight}, {@code backup}. Spring
 * Modulith fails this test on any cycle between them, however long, and on a package that reaches into another's
 * sub-package.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(AccountabilityGraphApplication.class);

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void theFoundationImportsNoFeature() {
        for (String foundation : List.of("common", "graph")) {
            ApplicationModule module = MODULES.getModuleByName(foundation).orElseThrow();
            assertThat(module.getDirectDependencies(MODULES).stream().map(dependency -> dependency.getTargetModule().getIdentifier())
                    .map(Object::toString).toList())
                    .as("what %s depends on", foundation)
                    .isSubsetOf("common");
        }
    }
}

package city.beacon.infra.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module rules of DESIGN §3, checked on the compiled production classes of every module. */
class ModuleBoundariesTest {
    private static JavaClasses beacon;

    @BeforeAll
    static void importClasses() {
        beacon = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("city.beacon");
    }

    @Test
    void theApiDependsOnlyOnTheJdkAndAxonModellingAnnotations() {
        classes().that().resideInAPackage("city.beacon.api..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "city.beacon.api..", "org.axonframework.modelling.command",
                        "org.axonframework.serialization")
                .check(beacon);
    }

    @Test
    void theDomainModulesTouchNoStorageAndNoWeb() {
        noClasses().that().resideInAnyPackage("city.beacon.command..", "city.beacon.saga..", "city.beacon.query..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "java.net.http..",
                        "org.springframework.http..")
                .check(beacon);
    }

    @Test
    void onlyInfraAndQueryTalkToMongoDb() {
        noClasses().that().resideOutsideOfPackages("city.beacon.infra..", "city.beacon.query..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "de.bwaldvogel..")
                .check(beacon);
    }

    @Test
    void nothingDependsOnInfra() {
        noClasses().that().resideOutsideOfPackage("city.beacon.infra..")
                .should().dependOnClassesThat().resideInAPackage("city.beacon.infra..")
                .check(beacon);
    }

    @Test
    void commandSagaQueryAndWebDependOnlyOnTheApiAmongBeaconModules() {
        for (var module : new String[]{"command", "saga", "query", "web"}) {
            var others = java.util.stream.Stream.of("command", "saga", "query", "web")
                    .filter(other -> !other.equals(module))
                    .map(other -> "city.beacon." + other + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("city.beacon." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(beacon);
        }
    }
}

package city.beacon.infra.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module rules of DESIGN §3, checked on the compiled production classes of every module. */
class ModuleBoundariesTest {
    /**
     * The only message handlers infra may hold: adapters that keep something outside the read models (the seal chain,
     * board checkpoints for time travel) or answer a query from configuration. Rules that decide live in command,
     * saga and query.
     */
    private static final Set<String> INFRA_HANDLERS = Set.of(
            "city.beacon.infra.audit.Sealer",
            "city.beacon.infra.audit.BoardCheckpointer",
            "city.beacon.infra.plan.ResponsePlanQueries");
    /** The bench module's hooks: a test harness present only with the bench profile, never in production. */
    private static final Set<String> CONTROLLERS_OUTSIDE_WEB = Set.of(
            "city.beacon.infra.benchhook.BenchHookController");

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
    void requestHandlersLiveInTheWebModule() {
        classes().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .and(notNamedIn(CONTROLLERS_OUTSIDE_WEB))
                .should().resideInAPackage("city.beacon.web..")
                .check(beacon);
    }

    @Test
    void infraHoldsNoMessageHandlersButTheListedAdapters() {
        var infraButListed = DescribedPredicate.<JavaClass>describe("infra classes not listed as adapters",
                type -> type.getPackageName().startsWith("city.beacon.infra")
                        && !INFRA_HANDLERS.contains(type.getName()));
        for (var handler : List.of(CommandHandler.class, EventHandler.class, QueryHandler.class,
                SagaEventHandler.class, DeadlineHandler.class)) {
            noMethods().that().areDeclaredInClassesThat(infraButListed)
                    .should().beAnnotatedWith(handler)
                    .check(beacon);
        }
    }

    private static DescribedPredicate<JavaClass> notNamedIn(Set<String> names) {
        return DescribedPredicate.describe("not named in " + names, type -> !names.contains(type.getName()));
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

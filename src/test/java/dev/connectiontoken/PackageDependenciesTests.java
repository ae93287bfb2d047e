package dev.connectiontoken;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the style guide, checked on the compiled classes (root package included): only {@code stripe}
 * imports stripe-java, nothing depends on a use case, and no feature package reaches back into the bootstrap class.
 */
class PackageDependenciesTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.connectiontoken");

    @Test
    void rulesSeeTheMainClassesSoNoneCanPassVacuously() {
        assertThat(MAIN.contain(ConnectionTokenApplication.class)).isTrue();
        assertThat(MAIN.containPackage("dev.connectiontoken.token")).isTrue();
    }

    @Test
    void onlyTheStripePackageImportsStripeJava() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.connectiontoken.stripe..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.stripe..")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheUseCases() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.connectiontoken.token..", "dev.connectiontoken.location..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.connectiontoken.token..", "dev.connectiontoken.location..")
                .check(MAIN);
    }

    @Test
    void noFeaturePackageDependsOnTheRootPackage() {
        noClasses()
                .that()
                .resideInAPackage("dev.connectiontoken.*..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.connectiontoken")
                .check(MAIN);
    }

    @Test
    void stripeKnowsNothingOfOurHttpApi() {
        noClasses()
                .that()
                .resideInAPackage("dev.connectiontoken.stripe..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.connectiontoken.web..",
                        "dev.connectiontoken.security..",
                        "dev.connectiontoken.client..",
                        "org.springframework.http..")
                .check(MAIN);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.connectiontoken.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}

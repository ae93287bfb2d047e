package dev.connectiontoken.warmup;

import dev.connectiontoken.ConnectionTokenApplication;
import dev.connectiontoken.api.ApiKeys;
import dev.connectiontoken.audit.AuditProperties;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.stereotype.Component;

/**
 * Warms the JIT up before the service reports ready. Spring Boot runs application runners after the web server has
 * started and before readiness turns to {@code ACCEPTING_TRAFFIC}, so while this runs the readiness probe answers 503
 * and a load balancer sends nothing here. It starts a copy of the application in this JVM (same classes, so the same
 * compiled code) on a loopback port, with a throwaway API key and a {@link LoopbackStripe}, drives it for
 * {@code connection-token.warm-up.duration} or {@code connection-token.warm-up.requests}, whichever ends first, lets
 * the JIT compilers catch up if {@code connection-token.warm-up.settle} is set, and closes it. The copy reads none of
 * the environment or configuration files of the service: no real Stripe call, no Redis, nothing in the service's
 * metrics, and its audit lines are rendered by the service's encoder and dropped ({@link DiscardedAuditLines}).
 */
@Component
// Before the runner that opens connections to Stripe (stripe package), so that those are fresh when traffic arrives.
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    /** Requests in flight while the compilers catch up: few, so that they get the CPU. */
    private static final int SETTLE_CONCURRENCY = 2;

    /** How long the compilers must have been idle for the settling to end. */
    private static final Duration SETTLE_QUIET = Duration.ofSeconds(1);

    private static final String HTTP_CLIENT = "connection-token.stripe.http-client";

    private final WarmUpProperties properties;

    private final Environment environment;

    private final AuditProperties audit;

    private volatile WarmUpLoad.@Nullable Result lastRun;

    private volatile WarmUpLoad.@Nullable Result lastSettle;

    private volatile long discardedAuditBytes;

    WarmUp(WarmUpProperties properties, AuditProperties audit, Environment environment) {
        this.properties = properties;
        this.audit = audit;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!this.properties.enabled()) {
            return;
        }
        long started = System.nanoTime();
        log.info(
                "Warming up for {} before turning ready: an in-process copy of the service on a loopback port,"
                        + " against a loopback Stripe stand-in",
                (this.properties.requests() > 0)
                        ? this.properties.requests() + " requests or " + this.properties.duration()
                                + ", whichever comes first"
                        : this.properties.duration());
        String apiKey = HexFormat.of().formatHex(randomBytes());
        try (DiscardedAuditLines auditLines =
                        this.audit.enabled() ? DiscardedAuditLines.attach(this.audit.logger()) : null;
                LoopbackStripe stripe = new LoopbackStripe(this.properties.concurrency());
                ConfigurableApplicationContext copy = startCopy(stripe, apiKey, auditLines != null);
                WarmUpLoad load = new WarmUpLoad(
                        copy.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
                        apiKey,
                        this.properties.concurrency())) {
            WarmUpLoad.Result run = load.run(this.properties.duration(), this.properties.requests());
            WarmUpLoad.Result settled = settle(load);
            this.lastRun = run;
            this.lastSettle = settled;
            WarmUpLoad.Result result = (settled != null) ? run.plus(settled) : run;
            this.discardedAuditBytes = (auditLines != null) ? auditLines.discardedBytes() : 0;
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (result.failed() > 0) {
                log.warn(
                        "Warm-up: {} of {} requests did not answer 200 (first: {}); turning ready anyway after {} ms",
                        result.failed(),
                        result.requests(),
                        result.firstFailure(),
                        took.toMillis());
            } else {
                log.info("Warm-up: {} requests in {} ms; turning ready", result.requests(), took.toMillis());
            }
        } catch (InterruptedException ex) {
            // Shutting down while warming up: stop here, and let the shutdown see the interrupt.
            Thread.currentThread().interrupt();
            log.warn("Warm-up interrupted");
        } catch (Exception ex) {
            // A warm-up is an optimisation: the service turns ready without it rather than not at all.
            log.warn("Warm-up failed, turning ready without it: {}", ex.toString());
        }
    }

    /**
     * Keeps two requests in flight while the JIT compilers finish what the warm-up queued (they get the CPU the load
     * took, and the methods stay in use, so that their queued compilations are not dropped), until the compilers have
     * been idle for a second or {@code settle} has passed.
     *
     * @return what the requests did, or {@code null} when {@code settle} is not positive or this JVM does not report its
     *     compilers' time
     */
    private WarmUpLoad.@Nullable Result settle(WarmUpLoad load) throws InterruptedException {
        Duration limit = this.properties.settle();
        Compilers compilers = Compilers.ofThisJvm();
        if (limit.isZero() || limit.isNegative() || compilers == null) {
            return null;
        }
        long started = System.nanoTime();
        WarmUpLoad.Settled settled = load.settle(limit, SETTLE_CONCURRENCY, compilers, SETTLE_QUIET);
        log.info(
                "Warm-up: {} more requests, two at a time, in {} ms: {}",
                settled.result().requests(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                settled.idle() ? "the JIT compilers are idle" : "the JIT compilers were still busy");
        return settled.result();
    }

    /** What the last warm-up's settling did, or {@code null} if it did not settle. */
    WarmUpLoad.@Nullable Result lastSettle() {
        return this.lastSettle;
    }

    /** What the last warm-up did before settling, or {@code null} if none ran. */
    WarmUpLoad.@Nullable Result lastRun() {
        return this.lastRun;
    }

    /** How many bytes of audit lines the last warm-up's copy rendered (and discarded). */
    long discardedAuditBytes() {
        return this.discardedAuditBytes;
    }

    private ConfigurableApplicationContext startCopy(LoopbackStripe stripe, String apiKey, boolean auditLines)
            throws GeneralSecurityException {
        SpringApplication application = new SpringApplication(ConnectionTokenApplication.class);
        // The logging system is the JVM's: the copy must not reconfigure the service's logging.
        application.setListeners(application.getListeners().stream()
                .filter((listener) -> !(listener instanceof LoggingApplicationListener))
                .toList());
        application.setRegisterShutdownHook(false);
        application.setEnvironment(copyEnvironment(stripe, apiKey, auditLines));
        return application.run();
    }

    /** Only the packaged defaults and these settings: none of the service's environment variables or files. */
    private StandardEnvironment copyEnvironment(LoopbackStripe stripe, String apiKey, boolean auditLines)
            throws GeneralSecurityException {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.config.location", "optional:classpath:/");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.main.log-startup-info", "false");
        settings.put("spring.jmx.enabled", "false");
        settings.put("springdoc.api-docs.enabled", "false");
        settings.put("springdoc.swagger-ui.enabled", "false");
        settings.put(
                "spring.threads.virtual.enabled",
                this.environment.getProperty("spring.threads.virtual.enabled", "true"));
        settings.put("server.address", "127.0.0.1");
        settings.put("server.port", "0");
        settings.put("management.metrics.use-global-registry", "false");
        settings.put("connection-token.warm-up.duration", "0s");
        // Audit lines as the service writes them, but to a logger whose lines are rendered and dropped.
        settings.put("connection-token.audit.enabled", String.valueOf(auditLines));
        settings.put("connection-token.audit.logger", DiscardedAuditLines.LOGGER);
        settings.put("connection-token.stripe.secret-key", "sk_test_warmUpLoopbackOnly");
        settings.put("connection-token.stripe.api-base", stripe.apiBase());
        settings.put("spring.ssl.bundle.pem.warm-up-loopback.truststore.certificate", stripe.certificatePem());
        settings.put("connection-token.stripe.ssl-bundle", "warm-up-loopback");
        settings.put("connection-token.stripe.max-network-retries", "0");
        // The service's own transport, so that its code is what gets compiled; but url-connection cannot take the SSL
        // bundle that trusts the loopback stand-in, so the default stands in for it.
        String transport = this.environment.getProperty(HTTP_CLIENT, "");
        if (!transport.isBlank() && !transport.replaceAll("[^A-Za-z]", "").equalsIgnoreCase("urlconnection")) {
            settings.put(HTTP_CLIENT, transport);
        }
        settings.put("connection-token.clients[0].id", "warm-up");
        settings.put("connection-token.clients[0].api-key-sha256", ApiKeys.sha256Hex(apiKey));
        settings.put("connection-token.rate-limit.store", "memory");
        settings.put("connection-token.rate-limit.burst", "1000000000");
        settings.put("connection-token.rate-limit.per-minute", "1000000000");
        StandardEnvironment copy = new StandardEnvironment();
        copy.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        copy.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        copy.getPropertySources().addFirst(new MapPropertySource("warm-up", settings));
        return copy;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}

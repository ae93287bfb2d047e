package dev.connectiontoken.warmup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A Stripe stand-in on the loopback interface for the warm-up copy: HTTPS, as Stripe is (so that the TLS code is compiled
 * too), with a certificate made for this process and trusted by the copy alone. It answers the
 * two Terminal calls the service makes (create a connection token, list locations) at once, with fixed, obviously fake
 * bodies. Nothing leaves the machine, and no real token is minted.
 */
final class LoopbackStripe implements AutoCloseable {

    private static final byte[] TOKEN =
            "{\"object\":\"terminal.connection_token\",\"secret\":\"pst_test_warm_up_not_a_token\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private static final byte[] LOCATIONS =
            "{\"object\":\"list\",\"url\":\"/v1/terminal/locations\",\"has_more\":false,\"data\":[]}"
                    .getBytes(StandardCharsets.UTF_8);

    private static final String LOOPBACK = "127.0.0.1";

    private final HttpsServer server;

    private final ExecutorService executor;

    private final X509Certificate certificate;

    LoopbackStripe(int threads) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        this.certificate = selfSigned(keys);
        char[] password = "in-memory-only".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("loopback", keys.getPrivate(), password, new Certificate[] {this.certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0), 0);
        this.server.setHttpsConfigurator(new HttpsConfigurator(tls));
        this.executor = Executors.newFixedThreadPool(threads);
        this.server.setExecutor(this.executor);
        this.server.createContext("/v1/terminal/connection_tokens", (exchange) -> answer(exchange, TOKEN));
        this.server.createContext("/v1/terminal/locations", (exchange) -> answer(exchange, LOCATIONS));
        this.server.start();
    }

    /** The api base to give stripe-java: {@code https://127.0.0.1:<port>}. */
    String apiBase() {
        return "https://" + LOOPBACK + ":" + this.server.getAddress().getPort();
    }

    /** The stand-in's certificate in PEM, for the copy's trust store. */
    String certificatePem() throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(this.certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static X509Certificate selfSigned(KeyPair keys) throws IOException, GeneralSecurityException {
        X500Name name = new X500Name("CN=connection-token-service warm-up");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(1))),
                name,
                keys.getPublic());
        builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, LOOPBACK)));
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (OperatorCreationException ex) {
            throw new GeneralSecurityException(ex);
        }
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange;
                InputStream request = exchange.getRequestBody()) {
            request.transferTo(OutputStream.nullOutputStream());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_warm_up");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.executor.shutdownNow();
    }
}

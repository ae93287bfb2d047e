package dev.connectiontoken.warmup;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
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
import org.apache.coyote.AbstractProtocol;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;

/**
 * A Stripe stand-in on the loopback interface for the warm-up copy: HTTPS, as Stripe is (so that the TLS code is compiled
 * too), with a certificate made for this process and trusted by the copy alone. It answers the two Terminal calls the
 * service makes (create a connection token, list locations) at once, with fixed, obviously fake bodies. It is an
 * embedded Tomcat, the service's own web server, so that the HTTP code compiled to serve it serves the service too.
 * Nothing leaves the machine, and no real token is minted.
 */
final class LoopbackStripe implements AutoCloseable {

    private static final byte[] TOKEN =
            "{\"object\":\"terminal.connection_token\",\"secret\":\"pst_test_warm_up_not_a_token\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private static final byte[] LOCATIONS =
            "{\"object\":\"list\",\"url\":\"/v1/terminal/locations\",\"has_more\":false,\"data\":[]}"
                    .getBytes(StandardCharsets.UTF_8);

    private static final String LOOPBACK = "127.0.0.1";

    private static final String BUNDLE = "warm-up-loopback-stripe";

    private final WebServer server;

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
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setAddress(InetAddress.getByName(LOOPBACK));
        factory.setSslBundles(new DefaultSslBundleRegistry(
                BUNDLE,
                SslBundle.of(
                        SslStoreBundle.of(store, new String(password), null),
                        SslBundleKey.of(new String(password), "loopback"))));
        factory.setSsl(Ssl.forBundle(BUNDLE));
        factory.addConnectorCustomizers((connector) -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
            }
        });
        this.server = factory.getWebServer((context) -> context.addServlet("stripe", new Answers())
                .addMapping("/v1/terminal/connection_tokens", "/v1/terminal/locations"));
        this.server.start();
    }

    /** The api base to give stripe-java: {@code https://127.0.0.1:<port>}. */
    String apiBase() {
        return "https://" + LOOPBACK + ":" + this.server.getPort();
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

    @Override
    public void close() {
        this.server.stop();
        this.server.destroy();
    }

    /** The two answers, whatever the request said. */
    private static final class Answers extends HttpServlet {

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().transferTo(OutputStream.nullOutputStream());
            byte[] body = request.getRequestURI().endsWith("/locations") ? LOCATIONS : TOKEN;
            response.setContentType("application/json");
            response.setHeader("Request-Id", "req_warm_up");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}

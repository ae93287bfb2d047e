package dev.connectiontoken.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Installs {@link ProblemErrorReportValve} in place of Tomcat's HTML error page. The valve is added as an instance
 * (so it can use the {@link ProblemWriter} bean) and named as the host's error report valve class, so that Tomcat,
 * finding one of that class in the pipeline, adds no other.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ProblemWriter writer;

    TomcatErrorConfiguration(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers((context) -> {
            if (context.getParent() instanceof StandardHost host) {
                host.getPipeline().addValve(new ProblemErrorReportValve(this.writer));
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}

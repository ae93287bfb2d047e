package dev.connectiontoken.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.audit.AuditProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The warm-up copy's audit lines go through the service's encoder and no further, and only while attached. */
@ExtendWith(OutputCaptureExtension.class)
class DiscardedAuditLinesTests {

    private final Logger copyAudit = LoggerFactory.getLogger(DiscardedAuditLines.LOGGER);

    @Test
    void rendersTheCopysLinesWithTheServicesEncoderAndWritesNothing(CapturedOutput output) {
        LoggerFactory.getLogger(AuditProperties.LOGGER).info("outcome=issued client=service");
        DiscardedAuditLines lines = DiscardedAuditLines.attach(AuditProperties.LOGGER);
        assertThat(lines).isNotNull();
        try (lines) {
            this.copyAudit.info("outcome=issued client=copy-while-attached");
            assertThat(lines.discardedBytes()).isGreaterThan("outcome=issued client=copy-while-attached".length());
        }
        long rendered = lines.discardedBytes();
        this.copyAudit.info("outcome=issued client=copy-after-close");
        assertThat(lines.discardedBytes()).isEqualTo(rendered);
        assertThat(output).contains("client=service").doesNotContain("client=copy");
    }
}

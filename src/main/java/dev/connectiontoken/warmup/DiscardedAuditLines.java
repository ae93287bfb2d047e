package dev.connectiontoken.warmup;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Where the warm-up copy's audit lines go: through the encoder of the service's own audit lines (so that rendering them
 * is compiled before traffic comes: 8 % of a cold replica's CPU samples were there), then nowhere. Logback only;
 * with another logging system {@link #attach} returns {@code null} and the copy writes no audit line.
 */
final class DiscardedAuditLines implements AutoCloseable {

    /** The copy's audit logger: not additive, so nothing it gets reaches the service's appenders. */
    static final String LOGGER = "connection-token.warm-up.audit";

    private final Logger logger;

    private final OutputStreamAppender<ILoggingEvent> sink;

    private final LongAdder bytes;

    private DiscardedAuditLines(Logger logger, OutputStreamAppender<ILoggingEvent> sink, LongAdder bytes) {
        this.logger = logger;
        this.sink = sink;
        this.bytes = bytes;
    }

    /**
     * Sends the copy's audit lines through the encoder that writes the service's ones ({@code auditLogger}'s first
     * encoding appender, else the root logger's), at the same level; {@code null} when there is no such encoder.
     */
    static @Nullable DiscardedAuditLines attach(String auditLogger) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return null;
        }
        Logger audit = context.getLogger(auditLogger);
        Encoder<ILoggingEvent> encoder = encoderOf(audit);
        if (encoder == null) {
            encoder = encoderOf(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
        }
        if (encoder == null) {
            return null;
        }
        OutputStreamAppender<ILoggingEvent> sink = new OutputStreamAppender<>();
        sink.setName("warm-up-discarded-audit-lines");
        sink.setContext(context);
        sink.setEncoder(encoder);
        LongAdder bytes = new LongAdder();
        sink.setOutputStream(new OutputStream() {
            @Override
            public void write(int b) {
                bytes.increment();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.add(len);
            }
        });
        sink.start();
        Logger logger = context.getLogger(LOGGER);
        logger.setAdditive(false);
        logger.setLevel(audit.getEffectiveLevel());
        logger.addAppender(sink);
        return new DiscardedAuditLines(logger, sink, bytes);
    }

    private static @Nullable Encoder<ILoggingEvent> encoderOf(Logger logger) {
        for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                    && appender.getEncoder() != null) {
                return appender.getEncoder();
            }
        }
        return null;
    }

    /** How many bytes of audit lines the encoder rendered and this discarded. */
    long discardedBytes() {
        return this.bytes.sum();
    }

    @Override
    public void close() {
        this.logger.detachAppender(this.sink);
        this.logger.setLevel(Level.OFF);
        // Stopping writes the encoder's footer to the null stream; the shared encoder itself keeps running.
        this.sink.stop();
    }
}

# Container image for connection-token-service.
#
# Base images are build arguments. Production builds pin both by digest, for example:
#   docker build \
#     --build-arg BUILD_IMAGE=eclipse-temurin:25-jdk@sha256:<digest> \
#     --build-arg RUNTIME_IMAGE=eclipse-temurin:25-jre@sha256:<digest> .
# Any JDK/JRE 17 or later works at a current update (scripts/container-check.sh builds with Debian's OpenJDK 17
# images): -XX:TrimNativeHeapInterval below is a product option of JDK 22 on, backported to updates of 17 and 21 in
# 2024; on an older update, drop it from the ENTRYPOINT.
# Dependabot does not update base images given as ARG defaults (dependabot/dependabot-core#2057): bump them by hand.
ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /workspace

# Dependencies in their own layer, so that source-only changes reuse it.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN ./mvnw -B -q dependency:go-offline

COPY src/ src/
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
    && java -Djarmode=tools -jar target/connection-token-service-*.jar extract --layers \
        --application-filename connection-token-service.jar --destination extracted

FROM ${RUNTIME_IMAGE}

ARG SOURCE_URL=""
ARG REVISION=""
LABEL org.opencontainers.image.title="connection-token-service" \
      org.opencontainers.image.description="Mints Stripe Terminal connection tokens for trusted point-of-sale apps" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.revision="${REVISION}"

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --no-create-home \
        --home-dir /nonexistent --shell /usr/sbin/nologin app

WORKDIR /application

# One COPY per layer, least to most often changing: a code change rebuilds only the last one.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
COPY scripts/healthcheck.sh ./healthcheck.sh

# The platform's answer to a cold start, built with the runtime JDK as it must be: on JDK 25 an AOT cache of a short
# offline load (classes loaded and linked, and method profiles, so the JIT starts from them), on older JDKs a
# class-data archive of the startup; both are read with -XX:SharedArchiveFile below. The collector must match the
# ENTRYPOINT's. Measured against the plain archive in docs/PERFORMANCE.md.
COPY scripts/aot-train.sh ./aot-train.sh
RUN ./aot-train.sh application.jsa connection-token-service.jar -XX:+UseParallelGC && rm aot-train.sh

USER 10001
# 8080 serves the API; 8081 serves /actuator (probes, metrics, info) and should not be published to callers.
ENV MANAGEMENT_SERVER_PORT=8081
EXPOSE 8080 8081

# The heap is 40 % of the container's memory limit: the JVM needs about 200 MB besides the heap under load (metaspace,
# code, compiler arenas, buffers; docs/PERFORMANCE.md), so with 512 MiB the heap gets ~205 MB. glibc's per-thread
# malloc arenas are capped (they add tens of MB).
ENV MALLOC_ARENA_MAX=2

# The probes are /actuator/health/liveness and /actuator/health/readiness (deploy/kubernetes uses them);
# this HEALTHCHECK, for Docker and compose, needs no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["/application/healthcheck.sh"]

# The parallel collector: under load it collected with both cores and paused less than the serial one, for more tokens
# per second and a lower p99 (docs/PERFORMANCE.md, "What was tried"). With one core it collects with one thread.
# Every second the JVM hands malloc memory that glibc keeps after a free back to the system: 9 to 16 MB
# less resident under load, at no measured cost (docs/PERFORMANCE.md, "What was tried").
# Exec form: the JVM is PID 1 and receives SIGTERM itself, so graceful shutdown works. Works with a read-only root
# file system given a writable /tmp (docker run --read-only --tmpfs /tmp).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=40", \
    "-Xss512k", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=128m", "-XX:TrimNativeHeapInterval=1000", \
    "-XX:+ExitOnOutOfMemoryError", "-jar", "connection-token-service.jar"]

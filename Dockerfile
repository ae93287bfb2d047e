# Container image for connection-token-service.
#
# Base images are build arguments so they can be overridden at build time.
# Production builds pin both by digest, for example:
#   docker build \
#     --build-arg BUILD_IMAGE=eclipse-temurin:17-jdk@sha256:<digest> \
#     --build-arg RUNTIME_IMAGE=eclipse-temurin:17-jre@sha256:<digest> .
# Dependabot does not update base images given as ARG defaults
# (dependabot/dependabot-core#2057), so bump these by hand.
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /workspace

# Resolve dependencies in their own layer so that source-only changes reuse it.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN ./mvnw -B -q dependency:go-offline

COPY src/ src/
RUN ./mvnw -B -DskipTests package

# Split the executable jar into Spring Boot's layers (dependencies,
# spring-boot-loader, snapshot-dependencies, application) with the launcher
# included, so that each layer can be copied separately below.
RUN java -Djarmode=tools -jar target/connection-token-service-*.jar \
        extract --layers --launcher --destination extracted

FROM ${RUNTIME_IMAGE}

ARG SOURCE_URL=""
LABEL org.opencontainers.image.title="connection-token-service" \
      org.opencontainers.image.description="Mints Stripe Terminal connection tokens for trusted point-of-sale apps" \
      org.opencontainers.image.source="${SOURCE_URL}"

# Unprivileged system user without a home directory; the application writes
# nothing outside the temporary directory.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --no-create-home \
        --home-dir /nonexistent --shell /usr/sbin/nologin app

WORKDIR /application

# One COPY per layer, least to most frequently changing, so that rebuilds
# after code changes only replace the application layer.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

USER 10001
EXPOSE 8080

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

# Health probes: the Actuator endpoints /actuator/health/liveness and
# /actuator/health/readiness will be added in a later change and are meant to
# be used by the orchestrator's liveness and readiness probes. There is no
# HEALTHCHECK here because JRE base images may not ship curl or wget.

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

# dispatchsim, the standalone LiveKit-compatible dispatch simulator, in a container.
#
# The image ships the relocated jar that `mvn verify` has already tested (StandaloneJarIT runs it
# exactly as ENTRYPOINT and HEALTHCHECK below do), so build that first:
#   mvn -B package -DskipTests
#   docker build -t dispatchsim:0.1.0 .
# Where no image registry can be reached, build the same Dockerfile on a JRE base made from Debian
# packages (client-tests/docker/jre-base.sh makes it; docs/docker.md):
#   docker build --build-arg BASE_IMAGE=dispatchsim/jre-base:17-bookworm -t dispatchsim:0.1.0 .
# Configure it with DISPATCHSIM_* env vars (docs/docker.md); the health check reads the same ones.

# Any JRE 17 image with a POSIX shell, groupadd and useradd. The default is a pinned public one:
# the same tag gives the same image, whatever "17" moves to.
ARG BASE_IMAGE=eclipse-temurin:17.0.15_6-jre-jammy
FROM ${BASE_IMAGE}

# The version the jar reports at GET /_sim/health (DockerfileTest keeps the two equal).
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="dispatchsim" \
      org.opencontainers.image.description="A local, deterministic, LiveKit-compatible agent-dispatch simulator with fault injection" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="https://github.com/dispatchsim/dispatchsim" \
      org.opencontainers.image.licenses="Apache-2.0"

# A fixed unprivileged user, so mounted profiles only need to be world-readable.
RUN groupadd --system --gid 10001 dispatchsim \
 && useradd --system --uid 10001 --gid dispatchsim --no-create-home --shell /usr/sbin/nologin dispatchsim \
 && mkdir -p /app /profiles

COPY simulator/dispatchsim/target/dispatchsim-standalone.jar /app/dispatchsim.jar

# AppCDS: one training run at build time records the classes the server loads until it is healthy,
# and those the health check loads, in two archives that later JVMs map instead of loading and
# verifying each class again (measured in docs/docker.md). An archive fits only this JVM build and
# this jar, which is why it is made here, in the image; a JVM that finds it unusable ignores it.
# The JVM writes the archive when it exits, so the server is stopped with SIGTERM (exit 143).
# Picocli is Java 5 bytecode, which CDS skips with a warning per class: -Xlog:cds=off at dump time.
RUN java -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit=/app/dispatchsim.jsa \
        -jar /app/dispatchsim.jar --bind 127.0.0.1 --port 7880 --log-level warn & server=$!; \
    tries=0; \
    until java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx32m -jar /app/dispatchsim.jar healthcheck >/dev/null 2>&1; do \
      tries=$((tries + 1)); \
      if [ "$tries" -ge 120 ] || ! kill -0 "$server" 2>/dev/null; then \
        echo "the AppCDS training run of dispatchsim did not become healthy" >&2; kill "$server" 2>/dev/null; exit 1; \
      fi; \
      sleep 0.5; \
    done; \
    java -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit=/app/healthcheck.jsa \
        -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx32m -jar /app/dispatchsim.jar healthcheck >/dev/null \
 && kill -TERM "$server" && { wait "$server" || [ $? -eq 143 ]; } \
 && test -s /app/dispatchsim.jsa && test -s /app/healthcheck.jsa

# Inside a container, listen on every interface; the port is the LiveKit default.
ENV DISPATCHSIM_BIND=0.0.0.0 \
    DISPATCHSIM_PORT=7880

USER dispatchsim
WORKDIR /app
EXPOSE 7880

# The jar checks itself (GET /_sim/health, with the admin token if one is set), so the image needs no curl.
# A small, quick JVM: it runs every few seconds beside the server. An admin token must therefore come
# by env var (DISPATCHSIM_ADMIN_TOKEN), which this JVM reads too, not by the --admin-token flag.
HEALTHCHECK --interval=5s --timeout=5s --start-period=30s --retries=3 \
  CMD ["java", "-XX:SharedArchiveFile=/app/healthcheck.jsa", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-jar", "/app/dispatchsim.jar", "healthcheck"]

# Exec form: java is PID 1 and gets docker stop's SIGTERM directly, and shuts down cleanly.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/dispatchsim.jsa", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/dispatchsim.jar"]

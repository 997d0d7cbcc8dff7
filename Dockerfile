# dispatchsim, the standalone LiveKit-compatible dispatch simulator, in a container.
#
# The image ships the relocated jar that `mvn verify` has already tested (StandaloneJarIT runs it
# exactly as ENTRYPOINT and HEALTHCHECK below do), so build that first:
#   mvn -B package -DskipTests
#   docker build -t dispatchsim:0.1.0 .
# Configure it with DISPATCHSIM_* env vars (docs/docker.md); the health check reads the same ones.

# A pinned JRE: the same tag gives the same image, whatever "17" moves to.
FROM eclipse-temurin:17.0.15_6-jre-jammy

# A fixed unprivileged user, so mounted profiles only need to be world-readable.
RUN groupadd --system --gid 10001 dispatchsim \
 && useradd --system --uid 10001 --gid dispatchsim --no-create-home --shell /usr/sbin/nologin dispatchsim \
 && mkdir -p /app /profiles

COPY simulator/dispatchsim/target/dispatchsim-standalone.jar /app/dispatchsim.jar

# Inside a container, listen on every interface; the port is the LiveKit default.
ENV DISPATCHSIM_BIND=0.0.0.0 \
    DISPATCHSIM_PORT=7880

USER dispatchsim
WORKDIR /app
EXPOSE 7880

# The jar checks itself (GET /_sim/health, with the admin token if one is set), so the image needs no curl.
# A small, quick JVM: it runs every few seconds beside the server.
HEALTHCHECK --interval=5s --timeout=5s --start-period=30s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-jar", "/app/dispatchsim.jar", "healthcheck"]

# Exec form: java is PID 1 and gets docker stop's SIGTERM directly, and shuts down cleanly.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/dispatchsim.jar"]

"""The simulator's Docker image through the testcontainers package (see docs/docker.md)."""

from __future__ import annotations

from testcontainers.core.container import DockerContainer


class LoopbackContainer(DockerContainer):
    """A DockerContainer whose ports are published on 127.0.0.1 only, so that nothing else on the network
    reaches the simulator (testcontainers 4 publishes on every interface and has no option for it).
    Reach it at 127.0.0.1: TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 and TESTCONTAINERS_CONNECTION_MODE=docker_host."""

    def with_loopback_ports(self, *ports: int) -> LoopbackContainer:
        for port in ports:
            self.ports[f"{port}/tcp"] = ("127.0.0.1", None)  # docker-py's (address, any free port)
        return self

// The simulator's Docker image through the testcontainers npm package (see docs/docker.md).
import { GenericContainer } from 'testcontainers';

/**
 * A GenericContainer whose ports are published on 127.0.0.1 only, so that nothing else on the network
 * reaches the simulator (testcontainers 11 publishes on every interface and has no option for it).
 * Reach it at 127.0.0.1: set TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1, so getHost() says so.
 */
export class LoopbackContainer extends GenericContainer {
  withLoopbackPorts(...ports) {
    this.withExposedPorts(...ports);
    for (const port of ports) {
      this.hostConfig.PortBindings[`${port}/tcp`] = [{ HostIp: '127.0.0.1', HostPort: '0' }];
    }
    return this;
  }
}

package org.guanxi.http;

import java.net.URI;
import java.util.Optional;

/** The one HTTP host of this process, serving the {@link HttpEndpoint}s of the installed modules. */
public interface HttpHost {

    /**
     * Where it listens, e.g. {@code http://127.0.0.1:8477}; empty when it does not (no port configured, or the port
     * was taken).
     */
    Optional<URI> address();
}

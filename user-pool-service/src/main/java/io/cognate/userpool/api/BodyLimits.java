package io.cognate.userpool.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cognate.awsjson.BodyLimit;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/** A body over {@code quarkus.http.limits.max-body-size} is refused as an AWS JSON error ({@link BodyLimit}). */
@ApplicationScoped
class BodyLimits {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        BodyLimit.install(router, maxBodySize.asLongValue());
    }
}

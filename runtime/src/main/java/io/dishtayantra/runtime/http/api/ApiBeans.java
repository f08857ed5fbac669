package io.dishtayantra.runtime.http.api;

import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.http.HttpSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Builds the API's services around the engine handed to the server. */
@Factory
public class ApiBeans {

    @Singleton
    DagService dagService(Engine engine, HttpSettings settings) {
        return new DagService(engine, settings);
    }

    @Singleton
    EventInjector eventInjector(Engine engine) {
        return new EventInjector(engine.services());
    }
}

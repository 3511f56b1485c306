package dev.twinning.common.cache;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The read cache switched off (TWINNING_READ_CACHE_ENABLED=false), so that every read runs the resource, and
 * the request log at errors only: for tests that count what an uncached read does.
 */
public class Uncached implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("twinning.request-log", "errors", "twinning.read-cache.enabled", "false",
                "quarkus.log.category.\"dev.twinning.http\".level", "INFO");
    }
}

package io.dishtayantra.runtime.connector.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

/**
 * Creates Lettuce clients that share one set of I/O threads per process. Clients do not
 * reconnect by themselves and reject commands while disconnected, so a connector notices a lost
 * server at once and its own reconnect loop, with backoff and health reporting, takes over.
 */
final class RedisClients {

    /** String keys, raw byte values: events are stored as JSON bytes. */
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private static ClientResources resources;

    private RedisClients() {
    }

    static synchronized RedisClient create(RedisURI server) {
        if (resources == null) {
            resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        }
        RedisClient client = RedisClient.create(resources, server);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return client;
    }
}

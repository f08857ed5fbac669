package io.dishtayantra.bench.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Trade-like events of about 200 bytes as JSON: ten fields, one of them left null so that
 * ApplyDefaults has work to do. The strings come from small pools, as a feed's symbols would.
 */
final class TradeEvents {

    private static final String[] SYMBOLS = {"VOD.L", "BARC.L", "HSBA.L", "BP.L", "AZN.L", "GSK.L", "RIO.L", "ULVR.L"};
    private static final String[] VENUES = {"XLON", "CHIX", "BATE", "TRQX"};
    private static final String[] ACCOUNTS = {"ACC-00017", "ACC-00042", "ACC-00108", "ACC-00256"};

    private TradeEvents() {
    }

    /** Creates event number {@code i} stamped with the given send time. */
    static Map<String, Object> create(long i, long sentNanos) {
        Map<String, Object> event = new HashMap<>(16);
        event.put("id", i);
        event.put("sym", SYMBOLS[(int) (i & 7)]);
        event.put("side", (i & 1) == 0 ? "BUY" : "SELL");
        event.put("qty", 100 + (i % 5000));
        event.put("px", 72.35 + (i % 100) / 100.0);
        event.put("account", ACCOUNTS[(int) (i & 3)]);
        event.put("venue", VENUES[(int) ((i >> 2) & 3)]);
        event.put("trader", null);
        event.put("book", "EQ-LDN-CASH");
        event.put(LatencySink.SENT_FIELD, sentNanos);
        return event;
    }
}

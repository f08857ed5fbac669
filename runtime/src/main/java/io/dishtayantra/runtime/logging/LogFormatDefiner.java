package io.dishtayantra.runtime.logging;

import ch.qos.logback.core.PropertyDefinerBase;

/** Gives logback.xml the name of the appender to use: {@code json} or {@code plain}. */
public final class LogFormatDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        return LogFormat.current();
    }
}

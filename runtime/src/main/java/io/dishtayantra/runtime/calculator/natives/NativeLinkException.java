package io.dishtayantra.runtime.calculator.natives;

import java.nio.file.Path;

/** A shared library could not be loaded or a symbol in it linked. Raised before any event. */
public final class NativeLinkException extends Exception {

    NativeLinkException(Path library, String symbol, String reason) {
        super("Native library " + library + ", symbol '" + symbol + "': " + reason);
    }
}
